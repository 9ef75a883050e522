import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { RECIPIENT_COUNTRY_MAX, RECIPIENT_NAME_MAX, RECIPIENT_WHY_MAX, type ErrorCode, type FieldErrorCode, type Recipient } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

type Key = 'name' | 'whyId' | 'whyEn' | 'countryId' | 'countryEn';
const ORDER: Key[] = ['name', 'whyId', 'whyEn', 'countryId', 'countryEn'];
const LABELS: Record<Key, MessageKey> = {
  name: 'notice.recipient.name',
  whyId: 'notice.recipient.whyId',
  whyEn: 'notice.recipient.whyEn',
  countryId: 'notice.recipient.countryId',
  countryEn: 'notice.recipient.countryEn',
};
const MAX: Record<Key, number> = { name: RECIPIENT_NAME_MAX, whyId: RECIPIENT_WHY_MAX, whyEn: RECIPIENT_WHY_MAX, countryId: RECIPIENT_COUNTRY_MAX, countryEn: RECIPIENT_COUNTRY_MAX };
const FROM_PATH: Record<string, Key> = { name: 'name', 'why.id': 'whyId', 'why.en': 'whyEn', 'country.id': 'countryId', 'country.en': 'countryEn' };

/** Adds (null) or edits a recipient, in both languages. The vault checks it all again. */
export function RecipientEditor({ recipient, onDone, onCancel }: { recipient: Recipient | null; onDone(): void; onCancel(): void }) {
  const t = useT();
  const saveRecipient = useStore((s) => s.saveRecipient);
  const [v, setV] = useState<Record<Key, string>>({
    name: recipient?.name ?? '',
    whyId: recipient?.why.id ?? '',
    whyEn: recipient?.why.en ?? '',
    countryId: recipient?.country.id ?? 'Indonesia',
    countryEn: recipient?.country.en ?? 'Indonesia',
  });
  const [abroad, setAbroad] = useState(recipient?.abroad ?? false);
  const [errors, setErrors] = useState<Partial<Record<Key, FieldErrorCode>>>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found: Partial<Record<Key, FieldErrorCode>> = {};
    for (const k of ORDER) if (!v[k].trim()) found[k] = 'required';
    setErrors(found);
    const first = ORDER.find((k) => found[k]);
    if (first) {
      document.getElementById(`recipient-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await saveRecipient({
      ...(recipient ? { id: recipient.id } : {}),
      name: v.name.trim(),
      why: { id: v.whyId.trim(), en: v.whyEn.trim() },
      country: { id: v.countryId.trim(), en: v.countryEn.trim() },
      abroad,
    });
    setBusy(false);
    if (res.ok) onDone();
    else if (res.error.code === 'invalid_input' && res.error.fields) {
      const server = Object.fromEntries(Object.entries(res.error.fields).flatMap(([k, code]) => (FROM_PATH[k] ? [[FROM_PATH[k], code]] : [])));
      setErrors(server);
      if (Object.keys(server).length === 0) setError('invalid_input');
    } else setError(res.error.code);
  };

  const title = recipient ? t('notice.recipient.edit', { name: recipient.name }) : t('notice.recipient.add');
  return (
    <Dialog title={title} onClose={onCancel} initialFocus={firstRef} testId="recipient-editor">
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        {ORDER.map((k) => (
          <TextField
            key={k}
            id={`recipient-${k}`}
            label={t(LABELS[k])}
            value={v[k]}
            onChange={(x) => {
              setV({ ...v, [k]: x });
              setErrors((old) => ({ ...old, [k]: undefined }));
            }}
            error={errors[k] ? t(fieldErrorKey(errors[k])) : undefined}
            required
            requiredLabel={t('common.required')}
            maxLength={MAX[k]}
            multiline={k.startsWith('why')}
            rows={k.startsWith('why') ? 2 : undefined}
            inputRef={k === 'name' ? firstRef : undefined}
            testId={`recipient-${k}`}
          />
        ))}
        <div className="check">
          <input id="recipient-abroad" type="checkbox" checked={abroad} onChange={(e) => setAbroad(e.target.checked)} data-testid="recipient-abroad" />
          <label htmlFor="recipient-abroad">{t('notice.recipient.abroad')}</label>
        </div>
        <div className="dialog__actions">
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="recipient-editor-submit">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
