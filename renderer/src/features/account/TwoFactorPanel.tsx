import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useStore } from '../../store';
import { useSessionUser } from '../../store/permissions';
import { BackupCodesView } from './BackupCodesView';
import { PasswordConfirm } from './PasswordConfirm';
import { TotpEnrol } from './TotpEnrol';

type Mode = 'idle' | 'enrol' | 'disable' | 'newCodes';

/** 2FA in My account: turn it on (QR code, first code, backup codes), new backup codes, turn it off. */
export function TwoFactorPanel() {
  const t = useT();
  const user = useSessionUser();
  const required = useStore((s) => s.status?.state === 'unlocked' && s.status.settings.require2faRoles.includes(s.status.user.role));
  const backupCodes = useStore((s) => s.backupCodes);
  const dismissBackupCodes = useStore((s) => s.dismissBackupCodes);
  const disableTotp = useStore((s) => s.disableTotp);
  const newBackupCodes = useStore((s) => s.newBackupCodes);
  const [mode, setMode] = useState<Mode>('idle');
  const [done, setDone] = useState<MessageKey | null>(null);
  // The backup codes' "done" button disappears with them: focus moves to the 2FA status instead of
  // falling to the page (where Escape would no longer reach the dialog).
  const [afterCodes, setAfterCodes] = useState(0);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (afterCodes > 0) statusRef.current?.focus();
  }, [afterCodes]);
  if (!user) return null;

  if (backupCodes) {
    return (
      <BackupCodesView
        codes={backupCodes}
        headingLevel={3}
        onDone={() => {
          setMode('idle');
          setDone(mode === 'enrol' ? 'totp.enabled' : null);
          setAfterCodes((n) => n + 1);
          void dismissBackupCodes();
        }}
      />
    );
  }

  const begin = (next: Mode) => {
    setDone(null);
    setMode(next);
  };

  return (
    <div className="stack" data-testid="two-factor-panel">
      {done && <Alert tone="info">{t(done)}</Alert>}
      <p ref={statusRef} tabIndex={-1} className={user.totpEnabled ? 'status-line status-line--on' : 'status-line'} data-testid="totp-status">
        {t(user.totpEnabled ? 'totp.on' : 'totp.off')}
      </p>
      <p className="muted">{t('totp.why')}</p>
      {required && <p className="callout callout--safe">{t('totp.required')}</p>}
      {!user.totpEnabled && (mode === 'enrol' ? <TotpEnrol onCancel={() => setMode('idle')} /> : (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => begin('enrol')} data-testid="totp-begin">
            {t('totp.start')}
          </button>
        </div>
      ))}
      {user.totpEnabled && mode === 'disable' && (
        <PasswordConfirm
          id="totp-disable-password"
          intro={t('totp.disableIntro')}
          submitLabel={t('totp.disable')}
          danger
          onSubmit={async (password) => {
            const res = await disableTotp(password);
            if (res.ok) {
              setMode('idle');
              setDone('totp.disabled');
            }
            return res;
          }}
          onCancel={() => setMode('idle')}
        />
      )}
      {user.totpEnabled && mode === 'newCodes' && (
        <PasswordConfirm
          id="totp-codes-password"
          intro={t('totp.newCodesIntro')}
          submitLabel={t('totp.newCodes')}
          onSubmit={(password) => newBackupCodes(password)}
          onCancel={() => setMode('idle')}
        />
      )}
      {user.totpEnabled && mode === 'idle' && (
        <div className="actions">
          <button type="button" className="button button--outline" onClick={() => begin('newCodes')} data-testid="totp-new-codes">
            {t('totp.newCodes')}
          </button>
          {!required && (
            <button type="button" className="button button--danger-ghost" onClick={() => begin('disable')} data-testid="totp-disable">
              {t('totp.disable')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
