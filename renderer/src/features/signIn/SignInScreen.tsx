import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/TextField';
import { errorKey, useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useStore } from '../../store';

const reasonKey: Record<'idle' | 'system' | 'recovered', MessageKey> = {
  idle: 'signIn.lockedIdle',
  system: 'signIn.lockedSystem',
  recovered: 'signIn.recovered',
};

export function SignInScreen({ ownerName }: { ownerName: string }) {
  const t = useT();
  const signIn = useStore((s) => s.signIn);
  const lockReason = useStore((s) => s.lockReason);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (password.length === 0) {
      setError('field.required');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const res = await signIn(password);
    setBusy(false);
    if (!res.ok) {
      setError(errorKey(res.error.code));
      setPassword('');
      inputRef.current?.focus();
    }
  };

  return (
    <AuthLayout>
      <h1 className="card__title">{t('signIn.title')}</h1>
      <p className="lead" data-testid="owner-name">
        {t('signIn.welcome', { name: ownerName })}
      </p>
      {lockReason && !error && <Alert tone="info">{t(reasonKey[lockReason])}</Alert>}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="signin-password"
          label={t('signIn.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          autoFocus
          inputRef={inputRef}
          error={error ? t(error) : undefined}
        />
        <div className="actions">
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
