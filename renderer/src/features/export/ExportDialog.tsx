import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import type { AppExportInput, ErrorCode, ExportFormat, ExportResult } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { activePurposes, hasFilter, useStore } from '../../store';
import { importTargets } from '../../store/importSlice';
import { ExportOptions, type Delimiter, type Scope } from './ExportOptions';
import { PurposePicker } from './PurposePicker';

/**
 * Export to CSV / XLSX / JSON through the system's save dialog, with a clear "not encrypted" warning.
 * While it runs the dialog stays open and "Cancel export" stops it: the main process removes the
 * half-written file, so nothing is saved.
 */
export function ExportDialog() {
  const t = useT();
  const fields = useStore((s) => s.fields);
  const query = useStore((s) => s.query);
  const filter = useStore((s) => s.filter);
  const selected = useStore((s) => s.selected);
  const runExport = useStore((s) => s.runExport);
  const cancelExport = useStore((s) => s.cancelExport);
  const setExportOpen = useStore((s) => s.setExportOpen);
  const progress = useStore((s) => (s.jobProgress?.job === 'export' ? s.jobProgress : null));
  const purposes = activePurposes(useStore((s) => s.purposes));
  const [purposeKey, setPurposeKey] = useState<string | null>(null);
  const purpose = purposes.find((p) => p.key === purposeKey) ?? null;
  // A consent-based purpose may have only the name and the data it uses (the vault holds to it too).
  const available = importTargets(fields).filter((k) => !purpose?.needsConsent || k === 'name' || purpose.fields.includes(k));
  const filtered = query !== '' || hasFilter(filter);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [delimiter, setDelimiter] = useState<Delimiter>(';');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(importTargets(fields)));
  const [scope, setScope] = useState<Scope>(selected.size > 0 ? 'selection' : filtered ? 'filter' : 'all');
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const runRef = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<ErrorCode | 'no_fields' | 'no_purpose' | null>(null);
  const close = () => {
    if (!running) setExportOpen(false);
  };

  // The pressed "Export…" button is disabled while running: focus moves to Cancel export, and back after.
  useEffect(() => {
    if (running) cancelRef.current?.focus();
    else if (wasRunning.current) runRef.current?.focus();
    wasRunning.current = running;
  }, [running]);

  const cancel = async () => {
    setCancelling(true);
    // The run then ends with `cancelled`; if it had already finished, its result is shown instead.
    if (!(await cancelExport())) setCancelling(false);
  };

  const run = async () => {
    if (!purpose) {
      setError('no_purpose');
      document.getElementById('export-purpose-first')?.focus();
      return;
    }
    const columns = available.filter((k) => chosen.has(k));
    if (columns.length === 0) {
      setError('no_fields');
      document.getElementById('export-field-name')?.focus();
      return;
    }
    const input: AppExportInput = {
      format,
      purpose: purpose.key,
      fields: columns,
      scope: scope === 'all' ? { kind: 'all' } : scope === 'filter' ? { kind: 'filter', query, filter } : { kind: 'selection', ids: [...selected] },
      ...(format === 'csv' ? { delimiter } : {}),
    };
    setError(null);
    setRunning(true);
    const res = await runExport(input);
    setRunning(false);
    setCancelling(false);
    if (!res.ok) setError(res.error.code);
    else if (res.value) setResult(res.value);
  };

  return (
    <Dialog title={t('export.title')} onClose={close} testId="export-dialog">
      {result ? (
        <div className="step">
          <p className="callout callout--safe" role="status" data-testid="export-result">
            {t('export.done', { count: result.count, file: result.fileName })}
          </p>
          <p className="callout callout--warn">{t('export.warning')}</p>
          <div className="dialog__actions">
            <span className="spacer" />
            <button type="button" className="button button--primary" onClick={close} data-testid="export-close" autoFocus>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <div className="step">
          <PurposePicker
            purposes={purposes}
            value={purposeKey}
            onChange={(key) => {
              setPurposeKey(key);
              if (error === 'no_purpose') setError(null);
            }}
            disabled={running}
            missing={error === 'no_purpose'}
          />
          <ExportOptions
            format={format}
            setFormat={setFormat}
            delimiter={delimiter}
            setDelimiter={setDelimiter}
            available={available}
            chosen={chosen}
            setChosen={(next) => {
              setChosen(next);
              if (error === 'no_fields') setError(null);
            }}
            scope={scope}
            setScope={setScope}
            filtered={filtered}
            selectedCount={selected.size}
            disabled={running}
            noFields={error === 'no_fields'}
          />
          <p className="callout callout--warn" data-testid="export-warning">
            <strong>{t('export.warning')}</strong>
          </p>
          {running && (
            <div aria-busy="true" data-testid="export-progress">
              <ProgressBar label={t('export.running')} progress={progress} />
              <p className="dialog__body" id="export-cancel-note">
                {t('export.cancelNote')}
              </p>
            </div>
          )}
          {/* Always present, so screen readers announce what appears in it: cancelling, then cancelled. */}
          <div role="status" aria-live="polite">
            {running && <span className="sr-only">{cancelling ? t('export.cancelling') : t('export.running')}</span>}
            {error === 'cancelled' && (
              <p className="alert alert--info" data-testid="export-cancelled">
                {t('export.cancelled')}
              </p>
            )}
          </div>
          {error && error !== 'no_fields' && error !== 'no_purpose' && error !== 'cancelled' && <Alert>{t(errorKey(error))}</Alert>}
          <div className="dialog__actions">
            {running && (
              <button
                type="button"
                className="button button--outline"
                ref={cancelRef}
                onClick={() => void cancel()}
                disabled={cancelling}
                aria-describedby="export-cancel-note"
                data-testid="export-cancel"
              >
                {cancelling ? t('export.cancelling') : t('export.cancel')}
              </button>
            )}
            <span className="spacer" />
            <button type="button" className="button button--ghost" onClick={close} disabled={running}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button--primary" ref={runRef} onClick={() => void run()} disabled={running} data-testid="export-run">
              {running ? t('export.running') : t('export.run')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
