import { useEffect, useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import type { ImportStep } from '../../store/importSlice';
import { DoneStep } from './DoneStep';
import { MappingStep } from './MappingStep';
import { PickStep } from './PickStep';
import { ReviewStep } from './ReviewStep';
import { RunningStep } from './RunningStep';

const STEPS: { label: MessageKey; steps: ImportStep[] }[] = [
  { label: 'import.step.pick', steps: ['pick'] },
  { label: 'import.step.mapping', steps: ['mapping'] },
  { label: 'import.step.check', steps: ['checking', 'review'] },
  { label: 'import.step.import', steps: ['importing', 'done'] },
];

/** Spreadsheet import: pick a file → map its columns → dry run → import as one transaction. */
export function ImportWizard() {
  const t = useT();
  const step = useStore((s) => s.importer.step);
  const setImportOpen = useStore((s) => s.setImportOpen);
  const resetImport = useStore((s) => s.resetImport);
  const cancelJob = useStore((s) => s.cancelJob);
  const first = useRef(true);

  // Every opening starts afresh.
  useEffect(() => () => resetImport(), [resetImport]);

  // A new step replaces what had focus: move it to the step's heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('import-step-title')?.focus();
  }, [step]);

  const running = step === 'checking' || step === 'importing';
  // Escape while work runs cancels the work (an import rolls back); otherwise it closes.
  const close = () => (running ? void cancelJob() : setImportOpen(false));

  return (
    <Dialog title={t('import.title')} onClose={close} size="large" testId="import-dialog">
      <ol className="steps" aria-label={t('import.steps')}>
        {STEPS.map((s, i) => {
          const current = s.steps.includes(step);
          const done = STEPS.findIndex((x) => x.steps.includes(step)) > i;
          return (
            <li key={s.label} className={current ? 'steps__item steps__item--current' : done ? 'steps__item steps__item--done' : 'steps__item'} aria-current={current ? 'step' : undefined}>
              <span className="steps__n" aria-hidden="true">
                {i + 1}
              </span>
              {t(s.label)}
            </li>
          );
        })}
      </ol>
      {step === 'pick' && <PickStep />}
      {step === 'mapping' && <MappingStep />}
      {running && <RunningStep job={step === 'checking' ? 'dryRun' : 'import'} />}
      {step === 'review' && <ReviewStep />}
      {step === 'done' && <DoneStep />}
    </Dialog>
  );
}
