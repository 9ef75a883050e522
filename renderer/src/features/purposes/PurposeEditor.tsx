import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import {
  LAWFUL_BASES,
  PURPOSE_DESCRIPTION_MAX,
  PURPOSE_NAME_MAX,
  RETENTION_FROM,
  RETENTION_MONTHS_MAX,
  type ErrorCode,
  type FieldErrorCode,
  type LawfulBasis,
  type Purpose,
  type RetentionFrom,
} from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { basisKey, fromKey } from './purposeText';

type Key = 'nameId' | 'nameEn' | 'descriptionId' | 'descriptionEn' | 'months';
const ORDER: Key[] = ['nameId', 'nameEn', 'descriptionId', 'descriptionEn', 'months'];
/** The vault's error keys (the input's paths) → this form's inputs. */
const FROM_PATH: Record<string, Key> = { 'name.id': 'nameId', 'name.en': 'nameEn', 'description.id': 'descriptionId', 'description.en': 'descriptionEn', 'retention.months': 'months' };

/** Adds a purpose (null) or edits one: both languages, basis, retention. The vault checks it all again. */
export function PurposeEditor({ purpose, onDone, onCancel }: { purpose: Purpose | null; onDone(name: string): void; onCancel(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const savePurpose = useStore((s) => s.savePurpose);
  const [v, setV] = useState({
    nameId: purpose?.name.id ?? '',
    nameEn: purpose?.name.en ?? '',
    descriptionId: purpose?.description.id ?? '',
    descriptionEn: purpose?.description.en ?? '',
    basis: purpose?.basis ?? ('contract' as LawfulBasis),
    months: String(purpose?.retention.months ?? 12),
    from: purpose?.retention.from ?? ('last_purchase' as RetentionFrom),
  });
  const [errors, setErrors] = useState<Partial<Record<Key, FieldErrorCode>>>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const set = (patch: Partial<typeof v>) => {
    setV((old) => ({ ...old, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  const check = (): Partial<Record<Key, FieldErrorCode>> => {
    const found: Partial<Record<Key, FieldErrorCode>> = {};
    for (const k of ['nameId', 'nameEn', 'descriptionId', 'descriptionEn'] as const) {
      const max = k.startsWith('name') ? PURPOSE_NAME_MAX : PURPOSE_DESCRIPTION_MAX;
      if (!v[k].trim()) found[k] = 'required';
      else if (v[k].trim().length > max) found[k] = 'too_long';
    }
    const months = Number(v.months);
    if (!Number.isInteger(months) || months < 1 || months > RETENTION_MONTHS_MAX) found.months = 'invalid_number';
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    const first = ORDER.find((k) => found[k]);
    if (first) {
      document.getElementById(`purpose-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await savePurpose({
      ...(purpose ? { key: purpose.key } : {}),
      name: { id: v.nameId.trim(), en: v.nameEn.trim() },
      description: { id: v.descriptionId.trim(), en: v.descriptionEn.trim() },
      basis: v.basis,
      retention: { months: Number(v.months), from: v.from },
    });
    setBusy(false);
    if (res.ok) onDone(locale === 'en' ? v.nameEn.trim() : v.nameId.trim());
    else if (res.error.code === 'invalid_input' && res.error.fields) {
      const server = Object.fromEntries(Object.entries(res.error.fields).flatMap(([k, code]) => (FROM_PATH[k] ? [[FROM_PATH[k], code]] : [])));
      setErrors(server);
      if (Object.keys(server).length === 0) setError('invalid_input');
    } else setError(res.error.code);
  };

  const err = (k: Key) => (errors[k] ? t(fieldErrorKey(errors[k])) : undefined);
  const text = (k: Key, label: MessageKey, max: number, multiline: boolean) => (
    <TextField id={`purpose-${k}`} label={t(label)} value={v[k]} onChange={(x) => set({ [k]: x })} error={err(k)} required requiredLabel={t('common.required')} maxLength={max} multiline={multiline} rows={multiline ? 2 : undefined} inputRef={k === 'nameId' ? firstRef : undefined} />
  );
  const title = purpose ? t('purposes.editor.edit', { name: purpose.name[locale] }) : t('purposes.editor.add');
  return (
    <Dialog title={title} onClose={onCancel} initialFocus={firstRef} testId="purpose-editor">
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        {text('nameId', 'purposes.nameId', PURPOSE_NAME_MAX, false)}
        {text('nameEn', 'purposes.nameEn', PURPOSE_NAME_MAX, false)}
        {text('descriptionId', 'purposes.descriptionId', PURPOSE_DESCRIPTION_MAX, true)}
        {text('descriptionEn', 'purposes.descriptionEn', PURPOSE_DESCRIPTION_MAX, true)}
        <SelectField id="purpose-basis" label={t('purposes.basis')} value={v.basis} onChange={(b) => set({ basis: b as LawfulBasis })} hint={t('purposes.basisHint')} options={LAWFUL_BASES.map((b) => ({ value: b, label: t(basisKey(b)) }))} />
        <TextField id="purpose-months" label={t('purposes.months')} value={v.months} onChange={(months) => set({ months })} error={err('months')} type="number" inputMode="numeric" min={1} max={RETENTION_MONTHS_MAX} />
        <SelectField id="purpose-from" label={t('purposes.from')} value={v.from} onChange={(f) => set({ from: f as RetentionFrom })} options={RETENTION_FROM.map((f) => ({ value: f, label: t(fromKey(f)) }))} />
        <div className="dialog__actions">
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="purpose-editor-submit">
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
