import type { FormEvent, ReactNode, Ref } from 'react';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/useT';

interface Props {
  name: string;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement & HTMLTextAreaElement>;
  onSubmit(e: FormEvent): void;
  onBack(): void;
  disabled: boolean;
  submitLabel: string;
  /** The "too many attempts" countdown, when it runs. */
  notice: ReactNode;
}

/** The second step for accounts with 2FA: the authenticator's 6 digits, or a backup code. */
export function OtpStep({ name, value, onChange, error, inputRef, onSubmit, onBack, disabled, submitLabel, notice }: Props) {
  const t = useT();
  return (
    <>
      <h1 className="card__title">{t('signIn.otpTitle')}</h1>
      <p className="lead">{t('signIn.otpIntro', { name })}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {notice}
        <TextField
          id="signin-otp"
          label={t('signIn.otp')}
          value={value}
          onChange={onChange}
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          mono
          maxLength={20}
          spellCheck={false}
          hint={t('signIn.otpHint')}
          inputRef={inputRef}
          error={error}
          testId="signin-otp"
        />
        <div className="actions actions--split">
          <button type="button" className="button button--ghost" onClick={onBack} data-testid="signin-back">
            {t('signIn.back')}
          </button>
          <button type="submit" className="button button--primary" disabled={disabled} data-testid="signin-submit">
            {submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}
