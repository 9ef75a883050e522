import { useEffect, useState, type FormEvent, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { Alert } from '../../components/Alert';
import type { Customer, ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { revealedText, revealKey } from '../../store/customersSlice';
import { usePermission } from '../../store/permissions';
import { CustomerFields, type Masking } from './CustomerFields';
import { DeleteConfirm } from './DeleteConfirm';
import {
  emptyValues,
  fieldErrorsFromServer,
  firstInvalid,
  formKeys,
  maskedValues,
  validate,
  valuesFrom,
  withMaskedValues,
  withoutKeys,
  withValue,
  type FormErrors,
  type FormValues,
} from './formModel';

/** The form's starting values: masked ones already revealed (in the list) start in full and editable. */
function initialState(existing: Customer | null): { values: FormValues; locked: string[] } {
  if (!existing) return { values: emptyValues, locked: [] };
  const { revealed } = useStore.getState();
  let values = valuesFrom(existing);
  const locked: string[] = [];
  for (const key of existing.masked) {
    const r = revealed[revealKey(existing.id, key)];
    if (r) values = withValue(values, key, revealedText(r));
    else locked.push(key);
  }
  return { values, locked };
}

const focusField = (key: string) => document.getElementById(`customer-${key}`)?.focus();

interface Props {
  existing: Customer | null;
  nameRef: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/** The customer's details. Nothing is saved while a field is wrong; what was typed is kept. */
export function CustomerForm({ existing, nameRef }: Props) {
  const t = useT();
  const fields = useStore((s) => s.fields);
  const loadFields = useStore((s) => s.loadFields);
  const closeEditor = useStore((s) => s.closeEditor);
  const saveCustomer = useStore((s) => s.saveCustomer);
  const showNotice = useStore((s) => s.showNotice);
  const canEdit = usePermission('customers.edit');
  const canDelete = usePermission('customers.delete');
  const canReveal = usePermission('customers.reveal');
  const reveal = useStore((s) => s.reveal);
  const askConsent = useStore((s) => (s.purposes ?? []).some((p) => p.needsConsent && p.status === 'active'));
  const [initial] = useState(() => initialState(existing));
  const [values, setValues] = useState<FormValues>(initial.values);
  /** Masked keys not revealed yet: read-only, sent back exactly as they came. */
  const [locked, setLocked] = useState<string[]>(initial.locked);
  const [revealing, setRevealing] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  useEffect(() => {
    if (!useStore.getState().fields) void loadFields();
  }, [loadFields]);

  const onChange = (key: string, value: string) => {
    setValues((v) => withValue(v, key, value));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const revealField = async (key: string) => {
    if (!existing) return;
    setRevealing(key);
    const res = await reveal(existing.id, key);
    setRevealing(null);
    if (!res.ok) {
      setFormError(res.error.code);
      return;
    }
    const text = revealedText(res.value);
    // Render the editable field now, so focus can move into it.
    flushSync(() => {
      setValues((v) => withValue(v, key, text));
      setLocked((l) => l.filter((k) => k !== key));
    });
    focusField(key);
  };

  const masking: Masking | undefined =
    existing && locked.length > 0
      ? {
          locked: new Set(locked),
          shown: maskedValues(existing),
          ...(canReveal ? { onReveal: (key: string) => void revealField(key) } : {}),
          revealing,
          customerName: existing.name,
        }
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !canEdit) return;
    const keys = formKeys(fields);
    const checked = validate(withoutKeys(values, locked), fields);
    setErrors(checked.errors);
    setFormError(null);
    const invalid = firstInvalid(checked.errors, keys);
    if (!checked.input || invalid) {
      if (invalid) focusField(invalid);
      return;
    }
    setBusy(true);
    const res = await saveCustomer(
      existing ? { id: existing.id, customer: withMaskedValues(checked.input, existing, locked, fields) } : { customer: checked.input },
    );
    setBusy(false);
    if (res.ok) {
      closeEditor();
      showNotice('customers.saved', { name: res.value.name });
      return;
    }
    const fromServer = res.error.code === 'invalid_input' && res.error.fields ? fieldErrorsFromServer(res.error.fields, keys) : null;
    const first = fromServer && firstInvalid(fromServer, keys);
    if (fromServer && first) {
      setErrors(fromServer);
      focusField(first);
    } else {
      setFormError(res.error.code);
      // A field may have been switched off meanwhile: show the catalogue as it is now.
      if (res.error.code === 'invalid_input') void loadFields();
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {formError && <Alert>{t(errorKey(formError))}</Alert>}
      {!canEdit && <p className="callout callout--safe">{t('form.viewOnly')}</p>}
      {fields ? (
        // A role that may only look sees the same fields, read-only (disabled) and without Save.
        <fieldset className="fieldset-plain" disabled={!canEdit}>
          <CustomerFields values={values} errors={errors} fields={fields} onChange={onChange} nameRef={nameRef} {...(masking ? { masking } : {})} />
        </fieldset>
      ) : (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {!existing && canEdit && askConsent && <p className="muted consent__hint">{t('consent.newCustomerHint')}</p>}
      <div className="dialog__actions">
        {existing && canDelete && (
          <button type="button" className="button button--danger-ghost" onClick={() => setConfirmingDelete(true)}>
            {t('form.delete')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={closeEditor}>
          {canEdit ? t('common.cancel') : t('common.close')}
        </button>
        {canEdit && (
          <button type="submit" className="button button--primary" disabled={busy || !fields}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        )}
      </div>
      {existing && canDelete && confirmingDelete && <DeleteConfirm customer={existing} onCancel={() => setConfirmingDelete(false)} />}
    </form>
  );
}
