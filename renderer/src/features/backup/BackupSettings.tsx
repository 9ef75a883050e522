import { useEffect, useState } from 'react';
import { Alert } from '../../components/Alert';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { BackupNow } from './BackupNow';
import { BackupSchedule } from './BackupSchedule';
import { LastBackup } from './LastBackup';
import { PassphraseExplain, PassphraseSetup } from './PassphraseSetup';
import { RestoreDialog } from './RestoreDialog';

/** Settings › Backups (backup.manage): the passphrase, back up now, the schedule, the last backup, restore. */
export function BackupSettings({ onClose }: { onClose(): void }) {
  const t = useT();
  const status = useStore((s) => s.backupStatus);
  const statusError = useStore((s) => s.backupStatusError);
  const loadBackupStatus = useStore((s) => s.loadBackupStatus);
  const openRestore = useStore((s) => s.openRestore);
  const restoring = useStore((s) => s.restore?.mode === 'vault');
  const backingUp = useStore((s) => s.backupRun.running);
  const isOwner = usePermission('security.manage');
  const [changing, setChanging] = useState(false);

  useEffect(() => {
    void loadBackupStatus();
  }, [loadBackupStatus]);

  return (
    <div className="backup" data-testid="backup-tab">
      {!status ? (
        statusError ? (
          <>
            <Alert>{t(errorKey(statusError))}</Alert>
            <div className="actions">
              <button type="button" className="button button--outline" onClick={() => void loadBackupStatus()}>
                {t('common.retry')}
              </button>
            </div>
          </>
        ) : (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )
      ) : (
        <>
          <section className="backup__section" aria-labelledby="backup-passphrase-title" data-testid="backup-passphrase">
            <h3 id="backup-passphrase-title" className="section-title">
              {t('backup.passphrase.title')}
            </h3>
            {!status.configured ? (
              <>
                <p className="dialog__body">{t('backup.passphrase.intro')}</p>
                <PassphraseExplain />
                {isOwner ? (
                  <PassphraseSetup />
                ) : (
                  <p className="callout callout--warn" data-testid="backup-setup-ask-owner">
                    {t('backup.passphrase.askOwner')}
                  </p>
                )}
              </>
            ) : (
              <>
                <p className="callout callout--safe" data-testid="backup-configured">
                  {t('backup.passphrase.set')}
                </p>
                {isOwner &&
                  (changing ? (
                    <PassphraseSetup changing onDone={() => setChanging(false)} />
                  ) : (
                    <div className="actions">
                      <button type="button" className="button button--outline" onClick={() => setChanging(true)} data-testid="backup-change-passphrase">
                        {t('backup.passphrase.change')}
                      </button>
                    </div>
                  ))}
              </>
            )}
          </section>
          <BackupNow configured={status.configured} />
          <LastBackup status={status} />
          <BackupSchedule status={status} />
          <section className="backup__section" aria-labelledby="backup-restore-title" data-testid="backup-restore">
            <h3 id="backup-restore-title" className="section-title">
              {t('restore.title')}
            </h3>
            <p className="dialog__body" id="backup-restore-explain">
              {t('restore.section.explain')}
            </p>
            {status.previousVault && (
              <p className="callout callout--warn" data-testid="backup-restore-pending">
                {t('restore.section.pending')}
              </p>
            )}
            <div className="actions">
              <button
                type="button"
                className="button button--outline"
                onClick={() => openRestore('vault')}
                disabled={status.previousVault !== null || backingUp}
                aria-describedby="backup-restore-explain"
                data-testid="restore-open"
              >
                {t('restore.section.open')}
              </button>
            </div>
          </section>
        </>
      )}
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {restoring && <RestoreDialog />}
    </div>
  );
}
