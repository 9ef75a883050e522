import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** Saves the rows not imported (invalid, or same phone/email under another name) as CSV through the save dialog. */
export function ReportButton() {
  const t = useT();
  const reportFile = useStore((s) => s.importer.reportFile);
  const saveImportReport = useStore((s) => s.saveImportReport);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    await saveImportReport();
    setBusy(false);
  };
  return (
    <div className="report">
      <button type="button" className="button button--outline button--small" onClick={() => void save()} disabled={busy} data-testid="import-report">
        {t('import.report.button')}
      </button>
      <span role="status" className="field__hint" data-testid="import-report-saved">
        {reportFile ? t('import.report.saved', { file: reportFile }) : ''}
      </span>
    </div>
  );
}
