import { formatNumber, type MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import type { OnDuplicate } from '../../store/importSlice';
import { DroppedTable } from './DroppedTable';
import { ProblemTable } from './ProblemTable';
import { ReportButton } from './ReportButton';
import { ImportError } from './ImportError';

const CHOICES: { value: OnDuplicate; label: MessageKey; hint: MessageKey }[] = [
  { value: 'skip', label: 'import.review.skip', hint: 'import.review.skipHint' },
  { value: 'update', label: 'import.review.update', hint: 'import.review.updateHint' },
  { value: 'keep', label: 'import.review.keep', hint: 'import.review.keepHint' },
];

/**
 * Step 3: what the dry run found — new, already present, same phone/email under another name (left
 * alone), invalid — and what to do with duplicates.
 */
export function ReviewStep() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const dryRun = useStore((s) => s.importer.dryRun);
  const onDuplicate = useStore((s) => s.importer.onDuplicate);
  const setOnDuplicate = useStore((s) => s.setOnDuplicate);
  const backToMapping = useStore((s) => s.backToMapping);
  const runImport = useStore((s) => s.runImport);
  if (!dryRun) return null;
  const n = (v: number) => formatNumber(locale, v);
  const willChange = dryRun.new + (onDuplicate === 'update' ? dryRun.duplicates : 0) + (onDuplicate === 'keep' ? dryRun.conflicts : 0);

  return (
    <div className="step">
      <h3 id="import-step-title" className="section-title" tabIndex={-1}>
        {t('import.review.title')}
      </h3>
      <p className="dialog__body">{t('import.review.body', { total: n(dryRun.total) })}</p>
      <dl className="stats" data-testid="import-counts">
        <div className="stats__item stats__item--good" data-testid="import-count-new">
          <dt>{t('import.review.new')}</dt>
          <dd>{n(dryRun.new)}</dd>
        </div>
        <div className="stats__item" data-testid="import-count-duplicates">
          <dt>{t('import.review.duplicates')}</dt>
          <dd>{n(dryRun.duplicates)}</dd>
        </div>
        <div className={dryRun.conflicts > 0 ? 'stats__item stats__item--bad' : 'stats__item'} data-testid="import-count-conflicts">
          <dt>{t('import.review.conflicts')}</dt>
          <dd>{n(dryRun.conflicts)}</dd>
        </div>
        <div className={dryRun.invalid > 0 ? 'stats__item stats__item--bad' : 'stats__item'} data-testid="import-count-invalid">
          <dt>{t('import.review.invalid')}</dt>
          <dd>{n(dryRun.invalid)}</dd>
        </div>
        {dryRun.partial > 0 && (
          <div className="stats__item" data-testid="import-count-partial">
            <dt>{t('import.review.partial')}</dt>
            <dd>{n(dryRun.partial)}</dd>
          </div>
        )}
      </dl>
      {dryRun.consent.given + dryRun.consent.refused > 0 && (
        <p className="field__hint" data-testid="import-consent-note">
          {t('import.review.consent', { given: n(dryRun.consent.given), refused: n(dryRun.consent.refused) })}
        </p>
      )}
      <ImportError />
      {dryRun.duplicates + dryRun.conflicts > 0 && (
        <fieldset className="radio-group" data-testid="import-duplicates">
          <legend className="field__label">{t('import.review.duplicatesQuestion', { count: n(dryRun.duplicates) })}</legend>
          {CHOICES.filter((c) => c.value !== 'keep' || dryRun.conflicts > 0).map((c) => (
            <div key={c.value} className="check">
              <input
                type="radio"
                id={`import-dup-${c.value}`}
                name="import-duplicates"
                value={c.value}
                checked={onDuplicate === c.value}
                onChange={() => setOnDuplicate(c.value)}
                aria-describedby={`import-dup-${c.value}-hint`}
              />
              <div>
                <label htmlFor={`import-dup-${c.value}`}>{t(c.label)}</label>
                <p id={`import-dup-${c.value}-hint`} className="field__hint">
                  {t(c.hint)}
                </p>
              </div>
            </div>
          ))}
          <p className="field__hint">{t('import.review.duplicatesNote')}</p>
        </fieldset>
      )}
      {dryRun.partial > 0 && <DroppedTable dropped={dryRun.dropped} rows={dryRun.partial} />}
      {dryRun.invalid + dryRun.conflicts > 0 && (
        <>
          <ProblemTable problems={dryRun.problems} rows={dryRun.invalid + dryRun.conflicts} />
          {dryRun.conflicts > 0 && (
            <p className="field__hint" data-testid="import-conflicts-note">
              {t('import.review.conflictsNote')}
            </p>
          )}
          {dryRun.invalid > 0 && <p className="field__hint">{t('import.review.invalidNote')}</p>}
          <ReportButton />
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={backToMapping}>
          {t('import.review.back')}
        </button>
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={() => void runImport()} disabled={willChange === 0} data-testid="import-run">
          {t('import.review.run', { count: willChange })}
        </button>
      </div>
    </div>
  );
}
