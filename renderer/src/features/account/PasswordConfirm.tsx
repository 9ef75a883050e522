import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { Result } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';

interface Props {
  id: string;
  intro: string;
  submitLabel: string;
  danger?: boolean;
  onSubmit(password: string): Promise<Result<unknown>>;
  onCancel(): void;
}

/** "Type your password to continue" for turning 2FA off or making new backup codes. */
export function PasswordConfirm({ id, intro, submitLabel, danger = false, onSubmit, onCancel }: Props) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    if (!password) {
      setError('field.required');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const res = await onSubmit(password);
    setBusy(false);
    if (res.ok) return;
    setPassword('');
    if (res.error.code === 'wrong_password') setError(errorKey('wrong_password'));
    else setFormError(errorKey(res.error.code));
    inputRef.current?.focus();
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid={`${id}-form`}>
      <p>{intro}</p>
      {formError && <Alert>{t(formError)}</Alert>}
      <TextField
        id={id}
        label={t('totp.password')}
        type="password"
        value={password}
        onChange={(v) => {
          setPassword(v);
          setError(null);
        }}
        autoComplete="current-password"
        autoFocus
        inputRef={inputRef}
        error={error ? t(error) : undefined}
        testId={id}
      />
      <div className="actions">
        <button type="submit" className={danger ? 'button button--danger' : 'button button--primary'} disabled={busy} data-testid={`${id}-submit`}>
          {busy ? t('totp.working') : submitLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
