import { useState } from 'react';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** The dry run or the import at work: progress from `job.progress`, and Cancel. */
export function RunningStep({ job }: { job: 'dryRun' | 'import' }) {
  const t = useT();
  const progress = useStore((s) => (s.jobProgress?.job === job ? s.jobProgress : null));
  const cancelJob = useStore((s) => s.cancelJob);
  const [cancelling, setCancelling] = useState(false);
  const title = job === 'dryRun' ? t('import.running.check') : t('import.running.import');

  const cancel = async () => {
    setCancelling(true);
    await cancelJob();
  };

  return (
    <div className="step" aria-busy="true">
      <h3 id="import-step-title" className="section-title" tabIndex={-1}>
        {title}
      </h3>
      <ProgressBar label={title} progress={progress} />
      <p className={job === 'import' ? 'callout callout--warn' : 'dialog__body'} id="import-cancel-note">
        {job === 'import' ? t('import.running.cancelNote') : t('import.running.checkNote')}
      </p>
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--outline" onClick={() => void cancel()} disabled={cancelling} aria-describedby="import-cancel-note" data-testid="import-cancel">
          {cancelling ? t('import.running.cancelling') : t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
