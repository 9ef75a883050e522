import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { TextField } from '../../components/TextField';
import type { ErrorCode } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { RestoreOffer } from '../backup/FirstRunRestore';

/** The keychain cannot open the vault on this machine; the recovery code can, or a backup replaces it. */
export function RecoverScreen({ reason, recoveryAvailable }: { reason: ErrorCode; recoveryAvailable: boolean }) {
  const t = useT();
  const recover = useStore((s) => s.recover);
  const [code, setCode] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const trimmed = code.trim();
    if (!trimmed) {
      setError(fieldErrorKey('required'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const res = await recover(trimmed);
    setBusy(false);
    if (!res.ok) {
      setError(errorKey(res.error.code));
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };

  return (
    <AuthLayout>
      <h1 className="card__title">{t('recover.title')}</h1>
      <p className="lead" data-testid="recover-reason" data-reason={reason}>
        {t(errorKey(reason))}
      </p>
      {recoveryAvailable ? (
        <>
          <p className="callout callout--safe">{t('recover.safe')}</p>
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              id="recover-code"
              label={t('recover.code')}
              value={code}
              onChange={setCode}
              hint={t('recover.codeHint')}
              error={error ? t(error) : undefined}
              autoFocus
              inputRef={inputRef}
              mono
              spellCheck={false}
              maxLength={200}
            />
            <div className="actions">
              <button type="submit" className="button button--primary button--block" disabled={busy}>
                {busy ? t('recover.submitting') : t('recover.submit')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <Alert>{t('recover.noRecoveryFile')}</Alert>
      )}
      <RestoreOffer mode="rescue" />
    </AuthLayout>
  );
}
