import { AuthLayout } from '../../components/AuthLayout';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { useSessionUser } from '../../store/permissions';
import { BackupCodesView } from './BackupCodesView';
import { roleLabelKey } from './roleLabel';
import { TotpEnrol } from './TotpEnrol';

/**
 * The Owner requires 2FA for this person's role and they have not enrolled: nothing else is open
 * (the main process refuses other channels with `totp_enrolment_required`) but enrolling or signing out.
 */
export function EnrolmentScreen() {
  const t = useT();
  const user = useSessionUser();
  const backupCodes = useStore((s) => s.backupCodes);
  const dismissBackupCodes = useStore((s) => s.dismissBackupCodes);
  const lock = useStore((s) => s.lock);
  if (!user) return null;
  return (
    <AuthLayout>
      <div className="stack" data-testid="enrolment-screen">
        {backupCodes ? (
          <BackupCodesView codes={backupCodes} headingLevel={1} onDone={() => void dismissBackupCodes()} />
        ) : (
          <>
            <h1 className="card__title">{t('enrol.title')}</h1>
            <p className="lead">{t('enrol.intro', { name: user.name, role: t(roleLabelKey(user.role)) })}</p>
            <p className="muted">{t('totp.why')}</p>
            <TotpEnrol />
          </>
        )}
        <div className="actions actions--split enrol__signout">
          <button type="button" className="button button--ghost" onClick={() => void lock('switch')} data-testid="enrolment-sign-out">
            {t('enrol.signOut')}
          </button>
        </div>
      </div>
    </AuthLayout>
  );
}
