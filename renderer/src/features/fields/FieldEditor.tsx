import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { CUSTOM_FIELD_KINDS, FIELD_LABEL_MAX, PURPOSE_MAX, type CustomFieldKind, type ErrorCode, type FieldDef } from '../../contract';
import { formatNumber, type MessageKey } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { checkFieldForm, FIELD_FORM_ORDER, splitChoices, type FieldFormErrors, type FieldFormValues } from './fieldForm';
import { fieldLabel, kindLabels } from './fieldText';
import { PurposeChoices } from './PurposeChoices';

/** create: a new custom field · enable: switching a field on (asks for its purposes) · edit: purposes, label, sensitivity */
export type FieldEditorMode = { mode: 'create' } | { mode: 'enable'; field: FieldDef } | { mode: 'edit'; field: FieldDef };

/** One catalogue entry in a dialog. A field that is on cannot be saved without a purpose: one ticked, or new words. */
export function FieldEditor({ target, onDone, onCancel }: { target: FieldEditorMode; onDone(notice: MessageKey, field: string): void; onCancel(): void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const updateField = useStore((s) => s.updateField);
  const createCustomField = useStore((s) => s.createCustomField);
  const deleteCustomField = useStore((s) => s.deleteCustomField);
  const fieldUsage = useStore((s) => s.fieldUsage);
  const field: FieldDef | null = target.mode === 'create' ? null : target.field;
  const custom = field ? !field.builtin : true;
  const on = target.mode !== 'edit' || field?.enabled === true;
  const [v, setV] = useState<FieldFormValues>({
    label: field?.label ?? '',
    kind: field && !field.builtin ? (field.kind as CustomFieldKind) : 'text',
    choices: field?.choices.join('\n') ?? '',
    purposes: field?.purposes ?? [],
    purpose: '',
    sensitive: field?.sensitive ?? false,
  });
  const [errors, setErrors] = useState<FieldFormErrors>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<number | null>(null);
  const firstRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const name = field ? fieldLabel(t, field) : '';
  const set = (patch: Partial<FieldFormValues>) => {
    setV((old) => ({ ...old, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = checkFieldForm(v, { custom, on });
    setErrors(found);
    const first = FIELD_FORM_ORDER.find((k) => found[k]);
    if (first) {
      document.getElementById(`field-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const choices = v.kind === 'choice' ? { choices: splitChoices(v.choices) } : {};
    const res = field
      ? await updateField({ key: field.key, enabled: on, purposes: v.purposes, purpose: v.purpose.trim(), sensitive: v.sensitive, ...(custom ? { label: v.label.trim(), ...choices } : {}) })
      : await createCustomField({ label: v.label.trim(), kind: v.kind, purposes: v.purposes, purpose: v.purpose.trim(), sensitive: v.sensitive, ...choices });
    setBusy(false);
    if (res.ok) onDone(target.mode === 'create' ? 'fields.notice.added' : target.mode === 'enable' ? 'fields.notice.on' : 'fields.notice.saved', custom ? v.label.trim() : name);
    else if (res.error.code === 'invalid_input' && res.error.fields) {
      const server: FieldFormErrors = {};
      for (const [k, code] of Object.entries(res.error.fields)) {
        const key = FIELD_FORM_ORDER.find((f) => k.split('.').includes(f));
        if (key) server[key] ??= code;
      }
      setErrors(server);
      if (Object.keys(server).length === 0) setError('invalid_input');
    } else setError(res.error.code);
  };

  const askDelete = async () => {
    if (!field) return;
    const usage = await fieldUsage(field.key);
    if (usage.ok) setDeleting(usage.value.count);
    else setError(usage.error.code);
  };

  const title = target.mode === 'create' ? t('fields.add.title') : target.mode === 'enable' ? t('fields.enable.title', { field: name }) : t('fields.edit.title', { field: name });
  const err = (k: keyof FieldFormErrors) => (errors[k] ? t(fieldErrorKey(errors[k])) : undefined);
  return (
    <Dialog title={title} onClose={onCancel} initialFocus={firstRef} testId="field-editor">
      <form className="form" onSubmit={submit} noValidate>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        {custom && (
          <TextField id="field-label" label={t('fields.label')} value={v.label} onChange={(label) => set({ label })} error={err('label')} required requiredLabel={t('common.required')} maxLength={FIELD_LABEL_MAX} inputRef={firstRef} />
        )}
        {target.mode === 'create' && (
          <SelectField id="field-kind" label={t('fields.kind')} value={v.kind} onChange={(k) => set({ kind: k as CustomFieldKind })} options={CUSTOM_FIELD_KINDS.map((k) => ({ value: k, label: t(kindLabels[k]) }))} />
        )}
        {custom && v.kind === 'choice' && (
          <TextField id="field-choices" label={t('fields.choices')} value={v.choices} onChange={(choices) => set({ choices })} error={err('choices')} hint={t('fields.choicesHint')} multiline rows={4} />
        )}
        {/* Patching `purpose` too clears its "required" error once a purpose is ticked. */}
        <PurposeChoices chosen={v.purposes} onChange={(purposes) => set({ purposes, purpose: v.purpose })} />
        <TextField
          id="field-purpose"
          label={t('fields.purpose')}
          value={v.purpose}
          onChange={(purpose) => set({ purpose })}
          error={err('purpose')}
          hint={`${t('fields.purposeHint')} ${t('fields.newPurposeHint')}`}
          multiline
          rows={3}
          maxLength={PURPOSE_MAX}
          inputRef={custom ? undefined : firstRef}
          testId="field-purpose"
        />
        <div className="check">
          <input id="field-sensitive" type="checkbox" checked={v.sensitive} onChange={(e) => set({ sensitive: e.target.checked })} aria-describedby="field-sensitive-hint" />
          <div>
            <label htmlFor="field-sensitive" className="field__label">
              {t('fields.sensitive')}
            </label>
            <p id="field-sensitive-hint" className="field__hint">
              {t('fields.sensitiveHint')}
            </p>
          </div>
        </div>
        <div className="dialog__actions">
          {target.mode === 'edit' && custom && (
            <button type="button" className="button button--danger-ghost" onClick={() => void askDelete()} data-testid="field-delete">
              {t('fields.delete')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="field-editor-submit">
            {busy ? t('common.saving') : target.mode === 'create' ? t('fields.add.submit') : target.mode === 'enable' ? t('fields.enable.submit') : t('common.save')}
          </button>
        </div>
      </form>
      {field && deleting !== null && (
        <ConfirmDialog
          title={t('fields.delete.title', { field: name })}
          body={<p>{t('fields.delete.body', { count: formatNumber(locale, deleting) })}</p>}
          confirmLabel={t('fields.delete.confirm')}
          busyLabel={t('delete.deleting')}
          onConfirm={() => deleteCustomField(field.key)}
          onDone={() => onDone('fields.notice.deleted', name)}
          onCancel={() => setDeleting(null)}
          testId="field-delete-dialog"
        />
      )}
    </Dialog>
  );
}
