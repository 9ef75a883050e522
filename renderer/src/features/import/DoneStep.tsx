import { formatNumber } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { ProblemTable } from './ProblemTable';
import { ReportButton } from './ReportButton';

/** The import landed: how many were added, updated, skipped, left alone (same phone/email, other name) and left out as invalid. */
export function DoneStep() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const result = useStore((s) => s.importer.result);
  const setImportOpen = useStore((s) => s.setImportOpen);
  const showNotice = useStore((s) => s.showNotice);
  if (!result) return null;
  const n = (v: number) => formatNumber(locale, v);
  const invalidRows = new Set(result.invalid.map((p) => p.row)).size;
  const notImported = invalidRows + result.conflicts.length;
  const finish = () => {
    setImportOpen(false);
    showNotice('import.done.notice', { count: result.imported + result.updated });
  };

  return (
    <div className="step">
      <h3 id="import-step-title" className="section-title" tabIndex={-1}>
        {t('import.done.title')}
      </h3>
      <dl className="stats" data-testid="import-result">
        <div className="stats__item stats__item--good" data-testid="import-result-imported">
          <dt>{t('import.done.imported')}</dt>
          <dd>{n(result.imported)}</dd>
        </div>
        <div className="stats__item" data-testid="import-result-updated">
          <dt>{t('import.done.updated')}</dt>
          <dd>{n(result.updated)}</dd>
        </div>
        <div className="stats__item" data-testid="import-result-skipped">
          <dt>{t('import.done.skipped')}</dt>
          <dd>{n(result.skipped)}</dd>
        </div>
        <div className={result.conflicts.length > 0 ? 'stats__item stats__item--bad' : 'stats__item'} data-testid="import-result-conflicts">
          <dt>{t('import.done.conflicts')}</dt>
          <dd>{n(result.conflicts.length)}</dd>
        </div>
        <div className={invalidRows > 0 ? 'stats__item stats__item--bad' : 'stats__item'} data-testid="import-result-invalid">
          <dt>{t('import.done.invalid')}</dt>
          <dd>{n(invalidRows)}</dd>
        </div>
      </dl>
      {notImported > 0 && (
        <>
          <ProblemTable problems={[...result.invalid, ...result.conflicts].sort((a, b) => a.row - b.row)} rows={notImported} />
          {result.conflicts.length > 0 && <p className="field__hint">{t('import.review.conflictsNote')}</p>}
          <ReportButton />
        </>
      )}
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={finish} data-testid="import-finish">
          {t('import.done.close')}
        </button>
      </div>
    </div>
  );
}
