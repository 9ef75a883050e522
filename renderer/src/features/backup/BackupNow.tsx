import { useEffect, useRef } from 'react';
import { Alert } from '../../components/Alert';
import { ProgressBar } from '../../components/ProgressBar';
import type { JobProgress } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { countsText, formatDuration, formatMegabytes } from './backupText';

/** A coarse share for screen readers (every quarter), so the live region does not chatter. */
const quarter = (p: JobProgress | null) => (p?.total ? Math.min(4, Math.floor((p.done / p.total) * 4)) * 25 : null);

/** "Back up now": the system folder dialog (main process), progress with Cancel, then the result. */
export function BackupNow({ configured }: { configured: boolean }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const run = useStore((s) => s.backupRun);
  const progress = useStore((s) => (s.jobProgress?.job === 'backup' ? s.jobProgress : null));
  const runBackupNow = useStore((s) => s.runBackupNow);
  const cancelBackup = useStore((s) => s.cancelBackup);
  const resultRef = useRef<HTMLDivElement>(null);
  const share = quarter(progress);

  // The result replaces the progress (and the Cancel button that had focus): move focus to it.
  useEffect(() => {
    if (run.result) resultRef.current?.focus();
  }, [run.result]);

  return (
    <section className="backup__section" aria-labelledby="backup-now-title">
      <h3 id="backup-now-title" className="section-title">
        {t('backup.now.title')}
      </h3>
      <p className="muted" id="backup-now-explain">
        {configured ? t('backup.now.explain') : t('backup.now.needsSetup')}
      </p>
      {run.running ? (
        <div className="backup__running" aria-busy="true" data-testid="backup-progress">
          <ProgressBar label={t('backup.now.running')} progress={progress} percent />
          <p className="sr-only" aria-live="polite">
            {share === null ? t('backup.now.running') : t('backup.now.share', { n: share })}
          </p>
          <div className="actions">
            <button type="button" className="button button--outline" onClick={() => void cancelBackup()} disabled={run.cancelling} data-testid="backup-cancel">
              {run.cancelling ? t('backup.now.cancelling') : t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void runBackupNow()}
            disabled={!configured}
            aria-describedby="backup-now-explain"
            data-testid="backup-now"
          >
            {t('backup.now.button')}
          </button>
        </div>
      )}
      <div role="status" aria-live="polite" className="backup__outcome">
        {run.error === 'cancelled' && (
          <p className="alert alert--info" data-testid="backup-cancelled">
            {t('backup.now.cancelled')}
          </p>
        )}
        {run.result && (
          <div className="backup-result" tabIndex={-1} ref={resultRef} data-testid="backup-result">
            <p className="backup-result__title">{t('backup.now.done')}</p>
            <dl className="backup-facts">
              <dt>{t('backup.fact.file')}</dt>
              <dd className="backup-facts__mono" data-testid="backup-result-file">
                {run.result.fileName}
              </dd>
              <dt>{t('backup.fact.folder')}</dt>
              <dd className="backup-facts__mono">{run.result.folder}</dd>
              <dt>{t('backup.fact.size')}</dt>
              <dd data-testid="backup-result-size">{formatMegabytes(locale, run.result.bytes)}</dd>
              <dt>{t('backup.fact.duration')}</dt>
              <dd data-testid="backup-result-duration">{formatDuration(t, locale, run.result.durationMs)}</dd>
              <dt>{t('backup.fact.contents')}</dt>
              <dd data-testid="backup-result-counts">{countsText(t, run.result.counts)}</dd>
            </dl>
          </div>
        )}
      </div>
      {run.error && run.error !== 'cancelled' && (
        <div data-testid="backup-error">
          <Alert>{t(errorKey(run.error))}</Alert>
        </div>
      )}
    </section>
  );
}
