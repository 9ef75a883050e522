import { useState } from 'react';
import { Alert } from '../../components/Alert';
import type { Recipient } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { RecipientEditor } from './RecipientEditor';

/** Who outside the shop receives customer data, and where they keep it. None: the notice says nothing leaves the shop. */
export function RecipientList({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const recipients = useStore((s) => s.recipients);
  const removeRecipient = useStore((s) => s.removeRecipient);
  const showNotice = useStore((s) => s.showNotice);
  const [editing, setEditing] = useState<Recipient | 'new' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const remove = async (r: Recipient) => {
    setProblem(null);
    const res = await removeRecipient(r.id);
    if (res.ok) showNotice('notice.recipient.removed', { name: r.name });
    else setProblem(t(errorKey(res.error.code)));
  };

  return (
    <section className="notice-screen__section" aria-labelledby="recipients-title" data-testid="recipient-list">
      <h2 id="recipients-title" className="subsection-title">
        {t('notice.recipients.title')}
      </h2>
      <p className="muted">{t('notice.recipients.intro')}</p>
      {problem && <Alert>{problem}</Alert>}
      {recipients && recipients.length === 0 ? (
        <p className="callout callout--safe" data-testid="recipients-none">
          {t('notice.recipients.none')}
        </p>
      ) : (
        <ul className="catalogue__list" aria-labelledby="recipients-title">
          {(recipients ?? []).map((r) => (
            <li key={r.id} className="catalogue__item" data-testid={`recipient-row-${r.id}`}>
              <div className="catalogue__text">
                <div className="catalogue__name">
                  <span>{r.name}</span>
                  {r.abroad && <span className="badge badge--sensitive">{t('notice.recipients.abroad')}</span>}
                </div>
                <p className="catalogue__purpose">
                  {r.why[locale]} · {t('notice.recipients.where', { country: r.country[locale] })}
                </p>
              </div>
              {!readOnly && (
                <>
                  <button type="button" className="button button--ghost button--small" onClick={() => setEditing(r)} aria-label={t('notice.recipients.editLabel', { name: r.name })}>
                    {t('notice.recipients.edit')}
                  </button>
                  <button type="button" className="button button--ghost button--small" onClick={() => void remove(r)} aria-label={t('notice.recipients.removeLabel', { name: r.name })} data-testid={`recipient-remove-${r.id}`}>
                    {t('notice.recipients.remove')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="dialog__actions">
          <button type="button" className="button button--outline" onClick={() => setEditing('new')} disabled={!recipients} data-testid="recipient-add">
            {t('notice.recipients.add')}
          </button>
        </div>
      )}
      {editing && (
        <RecipientEditor
          recipient={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            showNotice('notice.recipient.saved');
          }}
        />
      )}
    </section>
  );
}
