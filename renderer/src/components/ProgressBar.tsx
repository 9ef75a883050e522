import type { JobProgress } from '../contract';
import { formatNumber } from '../i18n/translate';
import { useT } from '../i18n/useT';
import { useStore } from '../store';

/**
 * Progress of long work, fed by the `job.progress` event; indeterminate until a total is known.
 * `percent`: the count is a share of the work (backup, restore), not rows.
 */
export function ProgressBar({ label, progress, percent = false }: { label: string; progress: JobProgress | null; percent?: boolean }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? null;
  const text = percent
    ? total !== null && total > 0
      ? `${formatNumber(locale, Math.round((100 * Math.min(done, total)) / total))} %`
      : ''
    : total !== null
      ? t('progress.ofTotal', { done: formatNumber(locale, Math.min(done, total)), total: formatNumber(locale, total) })
      : t('progress.rows', { done: formatNumber(locale, done) });
  return (
    <div className="progress" data-testid="job-progress">
      <div className="progress__label">
        <span id="job-progress-label">{label}</span>
        <span className="progress__count" aria-live="off">
          {text}
        </span>
      </div>
      {total !== null && total > 0 ? (
        <progress className="progress__bar" aria-labelledby="job-progress-label" max={total} value={Math.min(done, total)} />
      ) : (
        <progress className="progress__bar" aria-labelledby="job-progress-label" />
      )}
    </div>
  );
}
