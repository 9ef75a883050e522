import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import type { ErrorCode } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { CustomerFields } from './CustomerFields';
import { DeleteConfirm } from './DeleteConfirm';
import { emptyValues, fieldErrorsFromServer, firstInvalid, validate, valuesFrom, type FieldName, type FormErrors, type FormValues } from './formModel';

const focusField = (field: FieldName) => document.getElementById(`customer-${field}`)?.focus();

/** Add or edit one customer in a dialog. Nothing is saved while a field is wrong; input is kept. */
export function CustomerEditor() {
  const t = useT();
  const editor = useStore((s) => s.editor);
  const closeEditor = useStore((s) => s.closeEditor);
  const saveCustomer = useStore((s) => s.saveCustomer);
  const showNotice = useStore((s) => s.showNotice);
  const existing = editor?.mode === 'edit' ? editor.customer : null;
  const [values, setValues] = useState<FormValues>(() => (existing ? valuesFrom(existing) : emptyValues));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const onChange = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const checked = validate(values);
    setErrors(checked.errors);
    setFormError(null);
    const invalid = firstInvalid(checked.errors);
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
    const fromServer = res.error.code === 'invalid_input' && res.error.fields ? fieldErrorsFromServer(res.error.fields) : null;
    const first = fromServer && firstInvalid(fromServer);
    if (fromServer && first) {
      setErrors(fromServer);
      focusField(first);
    } else setFormError(res.error.code);
  };

  if (!editor) return null;
  return (
    <Dialog
      title={existing ? t('form.editTitle') : t('form.addTitle')}
      onClose={closeEditor}
      initialFocus={nameRef}
      testId="customer-dialog"
    >
      <form className="form" onSubmit={submit} noValidate>
        {formError && <Alert>{t(errorKey(formError))}</Alert>}
        <CustomerFields values={values} errors={errors} onChange={onChange} nameRef={nameRef} />
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
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
      {existing && confirmingDelete && <DeleteConfirm customer={existing} onCancel={() => setConfirmingDelete(false)} />}
    </Dialog>
  );
}
