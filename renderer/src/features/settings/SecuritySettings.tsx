import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { Switch } from '../../components/Switch';
import { TextField } from '../../components/TextField';
import type { ErrorCode } from '../../contract';
import { errorKey, fieldErrorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** The Owner's keys: strict mode (each person's password unwraps the vault key). */
export function SecuritySettings({ onClose }: { onClose(): void }) {
  const t = useT();
  const strictMode = useStore((s) => s.status?.state === 'unlocked' && s.status.strictMode);
  const [asking, setAsking] = useState<boolean | null>(null);

  return (
    <div className="security" data-testid="security-tab">
      <section className="security__strict" aria-labelledby="strict-title">
        <div className="security__row">
          <Switch checked={strictMode} onChange={(next) => setAsking(next)} label={t('security.strict')} describedBy="strict-explain" testId="strict-mode-switch" />
          <div>
            <h3 id="strict-title" className="section-title">
              {t('security.strict')}
            </h3>
            <p className="muted" data-testid="strict-mode-state">
              {strictMode ? t('security.strict.on') : t('security.strict.off')}
            </p>
          </div>
        </div>
        <ul id="strict-explain" className="security__points">
          <li>{t('security.strict.point.keychain')}</li>
          <li>{t('security.strict.point.password')}</li>
          <li>{t('security.strict.point.restart')}</li>
          <li>{t('security.strict.point.recovery')}</li>
        </ul>
      </section>
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {asking !== null && <StrictModeDialog enable={asking} onDone={() => setAsking(null)} />}
    </div>
  );
}

/** Switching strict mode on or off asks for the Owner's password. */
function StrictModeDialog({ enable, onDone }: { enable: boolean; onDone(): void }) {
  const t = useT();
  const setStrictMode = useStore((s) => s.setStrictMode);
  const showNotice = useStore((s) => s.showNotice);
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<'required' | 'wrong' | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setInvalid('required');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await setStrictMode({ enabled: enable, password });
    setBusy(false);
    if (res.ok) {
      onDone();
      showNotice(enable ? 'security.notice.on' : 'security.notice.off');
    } else if (res.error.code === 'wrong_password') {
      setInvalid('wrong');
      inputRef.current?.focus();
    } else setError(res.error.code);
  };

  return (
    <Dialog title={t(enable ? 'security.strict.onTitle' : 'security.strict.offTitle')} onClose={onDone} initialFocus={inputRef} size="small" testId="strict-mode-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <p className="dialog__body">{t(enable ? 'security.strict.onBody' : 'security.strict.offBody')}</p>
        {error && <Alert>{t(errorKey(error))}</Alert>}
        <TextField
          id="strict-password"
          label={t('security.strict.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(p) => {
            setPassword(p);
            setInvalid(null);
          }}
          error={invalid === 'wrong' ? t(errorKey('wrong_password')) : invalid ? t(fieldErrorKey('required')) : undefined}
          inputRef={inputRef}
          testId="strict-password"
        />
        <div className="dialog__actions">
          <span className="spacer" />
          <button type="button" className="button button--ghost" onClick={onDone}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="strict-mode-submit">
            {busy ? t('common.saving') : t(enable ? 'security.strict.confirmOn' : 'security.strict.confirmOff')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
