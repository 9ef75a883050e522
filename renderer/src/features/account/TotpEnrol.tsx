import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { TotpEnrolment } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useStore } from '../../store';

/**
 * Turning 2FA on: a button starts it (`account.beginTotp`), then the QR code and the manual key,
 * then the first code (`account.confirmTotp`), which stores the one-time backup codes for the caller to show.
 */
export function TotpEnrol({ onCancel }: { onCancel?: () => void }) {
  const t = useT();
  const beginTotp = useStore((s) => s.beginTotp);
  const confirmTotp = useStore((s) => s.confirmTotp);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<MessageKey | null>(null);
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const start = async () => {
    setBusy(true);
    setFormError(null);
    const res = await beginTotp();
    setBusy(false);
    if (res.ok) setEnrolment(res.value);
    else setFormError(errorKey(res.error.code));
  };

  const copy = async () => {
    if (!enrolment) return;
    try {
      await navigator.clipboard.writeText(enrolment.manualKey.replace(/\s+/g, ''));
      setCopied(true);
    } catch {
      // No clipboard: the key is on screen to type by hand.
    }
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const typed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(typed)) {
      setCodeError(typed ? 'field.invalid_value' : 'field.required');
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    const res = await confirmTotp(typed);
    setBusy(false);
    if (res.ok) return;
    if (res.error.code === 'wrong_otp' || res.error.code === 'invalid_input') {
      setCodeError(res.error.code === 'wrong_otp' ? errorKey('wrong_otp') : 'field.invalid_value');
      setCode('');
      codeRef.current?.focus();
    } else setFormError(errorKey(res.error.code));
  };

  if (!enrolment) {
    return (
      <div className="stack">
        {formError && <Alert>{t(formError)}</Alert>}
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void start()} disabled={busy} data-testid="totp-start">
            {busy ? t('totp.starting') : t('totp.start')}
          </button>
          {onCancel && (
            <button type="button" className="button button--ghost" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </div>
    );
  }

  const groups = enrolment.manualKey.split(/\s+/).filter(Boolean);
  return (
    <form className="form totp" onSubmit={confirm} noValidate data-testid="totp-setup">
      {formError && <Alert>{t(formError)}</Alert>}
      <p>{t('totp.scan')}</p>
      <img className="totp__qr" src={enrolment.qrDataUrl} alt={t('totp.qrAlt')} width={180} height={180} data-testid="totp-qr" />
      <p className="muted" id="totp-manual-intro">
        {t('totp.manual')}
      </p>
      <div className="totp__manual">
        <code className="totp__key" aria-label={t('totp.manualLabel')} aria-describedby="totp-manual-intro" data-testid="totp-manual-key">
          {groups.map((g, i) => (
            <span key={i} className="totp__group">
              {g}
            </span>
          ))}
        </code>
        <button type="button" className="button button--outline button--small" onClick={() => void copy()} data-testid="totp-copy">
          {t('totp.copy')}
        </button>
        <span className="muted" role="status">
          {copied ? t('totp.copied') : ''}
        </span>
      </div>
      <p>{t('totp.enterCode')}</p>
      <TextField
        id="totp-code"
        label={t('totp.code')}
        value={code}
        onChange={(v) => {
          setCode(v);
          setCodeError(null);
        }}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        mono
        spellCheck={false}
        inputRef={codeRef}
        error={codeError ? t(codeError) : undefined}
        testId="totp-code"
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="totp-confirm">
          {busy ? t('totp.confirming') : t('totp.confirm')}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
