import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { PASSWORD_MIN, type AppError, type FieldErrorCode } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import type { MessageKey, MessageParams } from '../../i18n/translate';
import { useStore } from '../../store';

type Field = 'current' | 'next' | 'confirm';
type Message = { key: MessageKey; params?: MessageParams };
type Errors = Partial<Record<Field, Message>>;

const ORDER: Field[] = ['current', 'next', 'confirm'];
const PASSWORD_FIELD_CODES = new Set<FieldErrorCode>(['too_short', 'too_weak', 'too_common', 'contains_personal']);

/** The server's answer, as messages on the fields (the new password's policy lands on "new"). */
export function passwordErrors(error: AppError): Errors | null {
  if (error.code === 'wrong_password') return { current: { key: errorKey('wrong_password') } };
  const next = error.fields?.next ?? error.fields?.password;
  if (error.code === 'weak_password') {
    return { next: next && PASSWORD_FIELD_CODES.has(next) ? { key: fieldErrorKey(next) } : { key: errorKey('weak_password') } };
  }
  if (error.code === 'invalid_input' && error.fields) {
    const errors: Errors = {};
    for (const [key, code] of Object.entries(error.fields)) {
      const field = key.split('.').includes('current') ? 'current' : 'next';
      errors[field] ??= code === 'too_short' ? { key: 'firstRun.passwordTooShort', params: { min: PASSWORD_MIN } } : { key: fieldErrorKey(code) };
    }
    return errors;
  }
  return null;
}

/** Current password, new password twice. The main process checks the policy (length, strength, personal words). */
export function ChangePasswordForm() {
  const t = useT();
  const changePassword = useStore((s) => s.changePassword);
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const nextRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const change = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setDone(false);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const show = (found: Errors) => {
    setErrors(found);
    const first = ORDER.find((f) => found[f]);
    const refs = { current: currentRef, next: nextRef, confirm: confirmRef };
    if (first) refs[first].current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    setDone(false);
    const found: Errors = {};
    if (!values.current) found.current = { key: 'field.required' };
    if (values.next.length < PASSWORD_MIN) found.next = { key: 'firstRun.passwordTooShort', params: { min: PASSWORD_MIN } };
    if (values.confirm !== values.next) found.confirm = { key: 'field.mismatch' };
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    const res = await changePassword(values.current, values.next);
    setBusy(false);
    if (res.ok) {
      setValues({ current: '', next: '', confirm: '' });
      setErrors({});
      setDone(true);
      return;
    }
    const fromServer = passwordErrors(res.error);
    if (fromServer) show(fromServer);
    else setFormError(errorKey(res.error.code));
  };

  const message = (field: Field) => {
    const m = errors[field];
    return m ? t(m.key, m.params) : undefined;
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="change-password-form">
      {formError && <Alert>{t(formError)}</Alert>}
      {done && (
        <Alert tone="info" id="password-changed">
          {t('account.changed')}
        </Alert>
      )}
      <TextField
        id="account-current"
        label={t('account.current')}
        type="password"
        value={values.current}
        onChange={change('current')}
        autoComplete="current-password"
        inputRef={currentRef}
        error={message('current')}
        testId="account-current"
      />
      <TextField
        id="account-new"
        label={t('account.new')}
        type="password"
        value={values.next}
        onChange={change('next')}
        autoComplete="new-password"
        hint={t('account.newHint', { min: PASSWORD_MIN })}
        inputRef={nextRef}
        error={message('next')}
        testId="account-new"
      />
      <TextField
        id="account-confirm"
        label={t('account.confirm')}
        type="password"
        value={values.confirm}
        onChange={change('confirm')}
        autoComplete="new-password"
        inputRef={confirmRef}
        error={message('confirm')}
        testId="account-confirm"
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="account-change-password">
          {busy ? t('account.changing') : t('account.change')}
        </button>
      </div>
    </form>
  );
}
