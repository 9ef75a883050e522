import { useEffect, useState, type FormEvent, type Ref } from 'react';
import { Alert } from '../../components/Alert';
import type { Customer, ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { CustomerFields } from './CustomerFields';
import { DeleteConfirm } from './DeleteConfirm';
import { emptyValues, fieldErrorsFromServer, firstInvalid, formKeys, validate, valuesFrom, withValue, type FormErrors, type FormValues } from './formModel';

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
  const [values, setValues] = useState<FormValues>(() => (existing ? valuesFrom(existing) : emptyValues));
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const keys = formKeys(fields);
    const checked = validate(values, fields);
    setErrors(checked.errors);
    setFormError(null);
    const invalid = firstInvalid(checked.errors, keys);
    if (!checked.input || invalid) {
      if (invalid) focusField(invalid);
      return;
    }
    setBusy(true);
    const res = await saveCustomer(existing ? { id: existing.id, customer: checked.input } : { customer: checked.input });
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
      {fields ? (
        <CustomerFields values={values} errors={errors} fields={fields} onChange={onChange} nameRef={nameRef} />
      ) : (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      <div className="dialog__actions">
        {existing && (
          <button type="button" className="button button--danger-ghost" onClick={() => setConfirmingDelete(true)}>
            {t('form.delete')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={closeEditor}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || !fields}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
      {existing && confirmingDelete && <DeleteConfirm customer={existing} onCancel={() => setConfirmingDelete(false)} />}
    </form>
  );
}
