import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { PASSWORD_MIN, type ErrorCode, type FieldErrorCode, type StaffMember } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { checkNewPassword } from './passwordCheck';
import { staffFieldErrors } from './staffText';

const FIELDS = ['password', 'confirm'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], FieldErrorCode | 'name_taken'>>;

/** A new password for someone who forgot theirs; they are asked to change it after signing in. */
export function ResetPasswordDialog({ person, onDone, onCancel }: { person: StaffMember; onDone(): void; onCancel(): void }) {
  const t = useT();
  const resetStaffPassword = useStore((s) => s.resetStaffPassword);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const show = (found: Errors) => {
    setErrors(found);
    const first = FIELDS.find((k) => found[k]);
    if (first) document.getElementById(`reset-${first}`)?.focus();
    return first !== undefined;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || show(checkNewPassword(password, confirm))) return;
    setBusy(true);
    setError(null);
    const res = await resetStaffPassword({ id: person.id, password });
    setBusy(false);
    if (res.ok) return onDone();
    const { fields, general } = staffFieldErrors(res.error, FIELDS);
    show(fields);
    setError(general);
  };
  const err = (k: keyof Errors) => {
    const code = errors[k];
    if (!code || code === 'name_taken') return undefined;
    return k === 'password' && code === 'too_short' ? t('people.passwordTooShort', { min: PASSWORD_MIN }) : t(fieldErrorKey(code));
  };

  return (
    <Dialog title={t('people.resetPassword.title', { name: person.name })} onClose={onCancel} initialFocus={firstRef} size="small" testId="person-reset-password-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <p className="dialog__body">{t('people.resetPassword.body')}</p>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        <TextField id="reset-password" label={t('people.resetPassword.new')} type="password" autoComplete="new-password" value={password} onChange={(p) => { setPassword(p); setErrors({}); }} error={err('password')} hint={t('people.passwordHint', { min: PASSWORD_MIN })} inputRef={firstRef} testId="reset-password" />
        <TextField id="reset-confirm" label={t('people.passwordConfirm')} type="password" autoComplete="new-password" value={confirm} onChange={(c) => { setConfirm(c); setErrors({}); }} error={err('confirm')} testId="reset-confirm" />
        <div className="dialog__actions">
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="reset-password-submit">
            {busy ? t('common.saving') : t('people.resetPassword.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
