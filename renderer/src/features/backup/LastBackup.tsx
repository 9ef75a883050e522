import type { BackupStatus } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { formatMoment } from '../staff/when';
import { agoText, failureKey } from './backupText';
import { useNow } from './useNow';

/** When the last good backup was made and, if the last scheduled one failed, why. */
export function LastBackup({ status }: { status: BackupStatus }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const now = useNow();
  const failure = status.lastFailure;
  return (
    <section className="backup__section" aria-labelledby="backup-last-title" data-testid="backup-last">
      <h3 id="backup-last-title" className="section-title">
        {t('backup.last.title')}
      </h3>
      {status.lastSuccessAt === null ? (
        <p className={status.configured ? 'callout callout--warn' : 'muted'} data-testid="backup-last-never">
          {t('backup.last.never')}
        </p>
      ) : (
        <dl className="backup-facts">
          <dt>{t('backup.last.when')}</dt>
          <dd data-testid="backup-last-when">
            {formatMoment(locale, status.lastSuccessAt)} ({agoText(t, status.lastSuccessAt, now)})
          </dd>
          {status.lastFileName && (
            <>
              <dt>{t('backup.fact.file')}</dt>
              <dd className="backup-facts__mono" data-testid="backup-last-file">
                {status.lastFileName}
              </dd>
            </>
          )}
        </dl>
      )}
      {status.overdue && status.lastSuccessAt !== null && (
        <p className="callout callout--warn" data-testid="backup-last-overdue">
          {t('backup.last.overdue', { days: status.schedule.warnAfterDays })}
        </p>
      )}
      {failure && (
        <div className="callout callout--warn" data-testid="backup-last-failure">
          <p className="backup__strong">{t('backup.last.failure', { when: formatMoment(locale, failure.at) })}</p>
          <p>{t(failureKey(failure.code))}</p>
        </div>
      )}
    </section>
  );
}
