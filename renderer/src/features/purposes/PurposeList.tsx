import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import type { Purpose } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { fieldLabel } from '../fields/fieldText';
import { PurposeEditor } from './PurposeEditor';
import { basisKey, fieldNames, fromKey } from './purposeText';

/**
 * The shop's purposes: name, lawful basis, retention and the fields serving each; add, edit,
 * retire. The vault refuses retiring a purpose a switched-on field serves alone, and says which.
 * `readOnly` (roles without settings.manage) lists them without the buttons.
 */
export function PurposeList({ readOnly = false }: { readOnly?: boolean }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const purposes = useStore((s) => s.purposes);
  const fields = useStore((s) => s.fields);
  const loadPurposes = useStore((s) => s.loadPurposes);
  const loadFields = useStore((s) => s.loadFields);
  const retirePurpose = useStore((s) => s.retirePurpose);
  const showNotice = useStore((s) => s.showNotice);
  const [editing, setEditing] = useState<Purpose | 'new' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // The fields name what each purpose uses (shown to every role, with or without the catalogue).
  useEffect(() => {
    void loadPurposes();
    if (!useStore.getState().fields) void loadFields();
  }, [loadPurposes, loadFields]);

  const labelOf = (key: string) => {
    const f = fields?.find((x) => x.key === key);
    return f ? fieldLabel(t, f) : key;
  };
  const retire = async (p: Purpose) => {
    setProblem(null);
    const res = await retirePurpose(p.key);
    if (res.ok) showNotice('purposes.notice.retired', { name: p.name[locale] });
    else if (res.error.code === 'conflict' && res.error.fields) setProblem(t('purposes.stillNeeded', { fields: Object.keys(res.error.fields).map(labelOf).join(', ') }));
    else setProblem(t(errorKey(res.error.code)));
  };

  return (
    <section className="purposes" aria-labelledby="purposes-title" data-testid="purpose-list">
      <h2 id="purposes-title" className="purposes__title">
        {t('purposes.title')}
      </h2>
      <p className="dialog__body">{t('purposes.intro')}</p>
      {problem && <Alert>{problem}</Alert>}
      <ul className="catalogue__list" aria-labelledby="purposes-title">
        {(purposes ?? []).map((p) => {
          const name = p.name[locale];
          const used = fieldNames(p, labelOf);
          return (
            <li key={p.key} className={p.status === 'active' ? 'catalogue__item' : 'catalogue__item catalogue__item--off'} data-testid={`purpose-row-${p.key}`}>
              <div className="catalogue__text">
                <div className="catalogue__name">
                  <span>{name}</span>
                  <span className="badge">{t(basisKey(p.basis))}</span>
                  {p.needsConsent && <span className="badge badge--sensitive">{t('purposes.needsConsent')}</span>}
                  {p.status === 'retired' && <span className="catalogue__state">{t('purposes.retired')}</span>}
                </div>
                <p className="catalogue__purpose">{p.description[locale]}</p>
                <p className="catalogue__purpose">
                  {p.retention.months === 1
                    ? t('purposes.retentionOne', { from: t(fromKey(p.retention.from)) })
                    : t('purposes.retention', { months: String(p.retention.months), from: t(fromKey(p.retention.from)) })}{' '}
                  ·{' '}
                  {used ? t('purposes.usedBy', { fields: used }) : t('purposes.unused')}
                </p>
              </div>
              {!readOnly && (
              <button type="button" className="button button--ghost button--small" onClick={() => setEditing(p)} aria-label={t('purposes.editLabel', { name })} data-testid={`purpose-edit-${p.key}`}>
                {t('purposes.edit')}
              </button>
              )}
              {!readOnly && p.status === 'active' && (
                <button type="button" className="button button--ghost button--small" onClick={() => void retire(p)} aria-label={t('purposes.retireLabel', { name })} data-testid={`purpose-retire-${p.key}`}>
                  {t('purposes.retire')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <div className="dialog__actions">
          <button type="button" className="button button--outline" onClick={() => setEditing('new')} disabled={!purposes} data-testid="purpose-add">
            {t('purposes.add')}
          </button>
        </div>
      )}
      {editing && (
        <PurposeEditor
          purpose={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={(name) => {
            setEditing(null);
            showNotice('purposes.notice.saved', { name });
          }}
        />
      )}
    </section>
  );
}
