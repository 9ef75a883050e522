import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { BackupStatus } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { formatMoment } from '../staff/when';
import { agoText, failureKey } from './backupText';
import { useNow } from './useNow';

export type BackupBannerState = 'ok' | 'never' | 'overdue' | 'failure';

/** Which message the home screen shows: a failure newer than the last good backup wins, then never, then overdue. */
export function bannerState(status: BackupStatus): BackupBannerState {
  const failure = status.lastFailure;
  if (failure && (status.lastSuccessAt === null || failure.at > status.lastSuccessAt)) return 'failure';
  if (status.lastSuccessAt === null) return 'never';
  return status.overdue ? 'overdue' : 'ok';
}

/**
 * The home screen's word on backups (backup.manage): the last good backup, a warning when it is overdue
 * or there is none, the last scheduled failure; and after a restore, keep it or put the previous vault back.
 */
export function BackupBanner() {
  const canManage = usePermission('backup.manage');
  const status = useStore((s) => s.backupStatus);
  const loadBackupStatus = useStore((s) => s.loadBackupStatus);
  const onSettings = useStore((s) => s.page === 'settings');
  // The sample-data vault is thrown away, never backed up: no backup warnings there.
  const demo = useStore((s) => s.demo?.active === true);

  // On arrival, and again on leaving the Settings page (a backup or a new schedule may have changed it).
  useEffect(() => {
    if (canManage && !onSettings) void loadBackupStatus();
  }, [canManage, onSettings, loadBackupStatus]);

  if (!canManage || !status || demo) return null;
  return (
    <>
      {status.previousVault && <RestorePendingBanner restoredFrom={status.previousVault.restoredFrom} replacedAt={status.previousVault.replacedAt} />}
      <StatusBanner status={status} />
    </>
  );
}

function StatusBanner({ status }: { status: BackupStatus }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const openSettingsAt = useStore((s) => s.openSettingsAt);
  const now = useNow();
  const state = bannerState(status);
  const last = status.lastSuccessAt === null ? null : t('backup.banner.last', { ago: agoText(t, status.lastSuccessAt, now) });
  const warn = state !== 'ok';
  return (
    <div
      className={warn ? 'callout callout--warn backup-banner' : 'backup-banner backup-banner--ok'}
      role="region"
      aria-label={t('backup.banner.label')}
      data-testid="home-backup-banner"
      data-state={state}
    >
      <div className="backup-banner__text">
        {state === 'never' && <span>{status.configured ? t('backup.banner.never') : t('backup.banner.notConfigured')}</span>}
        {last && <span data-testid="home-backup-last">{last}</span>}
        {state === 'overdue' && <span>{t('backup.banner.overdue')}</span>}
        {state === 'failure' && status.lastFailure && (
          <span data-testid="home-backup-failure">
            {t('backup.banner.failure', { when: formatMoment(locale, status.lastFailure.at) })} {t(failureKey(status.lastFailure.code))}
          </span>
        )}
      </div>
      {warn && (
        <button type="button" className="button button--small button--outline" onClick={() => openSettingsAt('backup')} data-testid="home-backup-open">
          {t('backup.banner.open')}
        </button>
      )}
    </div>
  );
}

function RestorePendingBanner({ restoredFrom, replacedAt }: { restoredFrom: string; replacedAt: number }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const keepRestore = useStore((s) => s.keepRestore);
  const undoRestore = useStore((s) => s.undoRestore);
  const showNotice = useStore((s) => s.showNotice);
  const [asking, setAsking] = useState<'keep' | 'undo' | null>(null);
  return (
    <div className="callout callout--warn backup-banner" role="region" aria-label={t('restore.banner.label')} data-testid="home-restore-banner">
      <div className="backup-banner__text">
        <span className="backup__strong">{t('restore.banner.text', { file: restoredFrom, when: formatMoment(locale, replacedAt) })}</span>
        <span>{t('restore.banner.choose')}</span>
      </div>
      <div className="backup-banner__actions">
        <button type="button" className="button button--small button--primary" onClick={() => setAsking('keep')} data-testid="restore-keep">
          {t('restore.banner.keep')}
        </button>
        <button type="button" className="button button--small button--outline" onClick={() => setAsking('undo')} data-testid="restore-undo">
          {t('restore.banner.undo')}
        </button>
      </div>
      {asking === 'keep' && (
        <ConfirmDialog
          title={t('restore.keep.title')}
          body={<p>{t('restore.keep.body')}</p>}
          confirmLabel={t('restore.keep.confirm')}
          busyLabel={t('common.saving')}
          onConfirm={keepRestore}
          onDone={() => {
            setAsking(null);
            showNotice('restore.notice.kept');
          }}
          onCancel={() => setAsking(null)}
          testId="restore-keep-dialog"
          confirmTestId="restore-keep-confirm"
        />
      )}
      {asking === 'undo' && (
        <ConfirmDialog
          title={t('restore.undo.title')}
          body={<p>{t('restore.undo.body')}</p>}
          confirmLabel={t('restore.undo.confirm')}
          busyLabel={t('restore.undo.busy')}
          onConfirm={undoRestore}
          onDone={() => {
            setAsking(null);
            showNotice('restore.notice.undone');
          }}
          onCancel={() => setAsking(null)}
          testId="restore-undo-dialog"
          confirmTestId="restore-undo-confirm"
        />
      )}
    </div>
  );
}
