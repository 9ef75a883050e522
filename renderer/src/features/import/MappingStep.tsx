import { Fragment, useEffect, useState } from 'react';
import { consentPurposeOf, consentTarget } from '../../contract';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { consentPurposes, importTargets, isMultiTarget } from '../../store/importSlice';
import { targetLabel } from '../fields/fieldText';
import { FileInfo } from './FileInfo';
import { PreviewTable } from './PreviewTable';
import { ImportError } from './ImportError';
import { SwitchedOffColumn } from './SwitchedOffColumn';

const PREVIEW_DELAY_MS = 250;
const SAMPLE_VALUES = 2;
export const headerText = (t: ReturnType<typeof useT>, header: string, index: number) =>
  header.trim() || t('import.map.untitled', { n: index + 1 });

/** Step 2: where each column goes (suggestions pre-selected), and the first rows as they will be stored. */
export function MappingStep() {
  const t = useT();
  const file = useStore((s) => s.importer.file);
  const mapping = useStore((s) => s.importer.mapping);
  const busy = useStore((s) => s.importer.busy);
  const fields = useStore((s) => s.fields);
  const purposes = useStore((s) => s.purposes);
  const locale = useStore((s) => s.locale);
  const setMapping = useStore((s) => s.setMapping);
  const chooseSheet = useStore((s) => s.chooseSheet);
  const loadPreview = useStore((s) => s.loadPreview);
  const startDryRun = useStore((s) => s.startDryRun);
  const setImportOpen = useStore((s) => s.setImportOpen);
  const [tried, setTried] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => void loadPreview(), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [mapping, loadPreview]);

  if (!file) return null;
  const targets = importTargets(fields).filter((x) => consentPurposeOf(x) === null);
  const consents = consentPurposes(purposes);
  const nameMapped = mapping.includes('name');
  const usedBy = (target: string) => mapping.findIndex((m) => m === target);

  const next = () => {
    setTried(true);
    if (nameMapped) void startDryRun();
    else document.getElementById('import-map-0')?.focus();
  };

  return (
    <div className="step">
      <h3 id="import-step-title" className="section-title" tabIndex={-1}>
        {t('import.map.title')}
      </h3>
      <FileInfo file={file} />
      {file.sheets.length > 1 && (
        <div className="settings-narrow">
          <SelectField
            id="import-sheet"
            label={t('import.map.sheet')}
            value={file.sheet ?? file.sheets[0] ?? ''}
            onChange={(s) => void chooseSheet(s)}
            options={file.sheets.map((s) => ({ value: s, label: s }))}
            testId="import-sheet"
          />
        </div>
      )}
      <p className="dialog__body">{t('import.map.body')}</p>
      <ImportError />
      <div className="table-wrap">
        <table className="table mapping" data-testid="import-mapping" aria-busy={busy || undefined}>
          <caption className="sr-only">{t('import.map.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.map.column')}</th>
              <th scope="col">{t('import.map.sample')}</th>
              <th scope="col">{t('import.map.target')}</th>
            </tr>
          </thead>
          <tbody>
            {file.headers.map((header, i) => {
              const name = headerText(t, header, i);
              const samples = file.sampleRows.map((r) => r[i]?.trim() ?? '').filter(Boolean).slice(0, SAMPLE_VALUES);
              const off = file.switchedOff[i] ?? null;
              const offField = off !== null && mapping[i] === null ? fields?.find((f) => f.key === off && !f.enabled) : undefined;
              const option = (target: string, label: string) => {
                const owner = isMultiTarget(target) ? -1 : usedBy(target);
                const taken = owner !== -1 && owner !== i;
                return (
                  <option key={target} value={target} disabled={taken}>
                    {taken ? t('import.map.taken', { field: label, column: headerText(t, file.headers[owner] ?? '', owner) }) : label}
                  </option>
                );
              };
              return (
                <Fragment key={i}>
                  <tr data-testid="import-map-row">
                    <th scope="row" className="mapping__header">
                      {name}
                    </th>
                    <td className="mapping__sample">{samples.length ? samples.join(' · ') : <span className="muted">{t('import.map.noSample')}</span>}</td>
                    <td>
                      <select
                        id={`import-map-${i}`}
                        className="input select input--compact"
                        aria-label={t('import.map.selectLabel', { column: name })}
                        value={mapping[i] ?? ''}
                        onChange={(e) => setMapping(i, e.target.value || null)}
                        aria-invalid={tried && !nameMapped ? true : undefined}
                        aria-describedby={tried && !nameMapped ? 'import-name-error' : undefined}
                        data-testid={`import-map-${i}`}
                      >
                        <option value="">{t('import.map.ignore')}</option>
                        {targets.map((target) => option(target, targetLabel(t, target, fields)))}
                        {consents.length > 0 && (
                          <optgroup label={t('import.map.consentGroup')}>
                            {consents.map((p) => option(consentTarget(p.key), t('import.map.consentTarget', { purpose: p.name[locale] })))}
                          </optgroup>
                        )}
                      </select>
                    </td>
                  </tr>
                  {offField && (
                    <tr className="mapping__off-row">
                      <td colSpan={3}>
                        <SwitchedOffColumn column={i} field={offField} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {!nameMapped &&
        (tried ? (
          <Alert id="import-name-error">{t('import.map.nameRequired')}</Alert>
        ) : (
          <p className="field__hint" id="import-name-error">
            {t('import.map.nameRequired')}
          </p>
        ))}
      <PreviewTable />
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={() => setImportOpen(false)}>
          {t('common.cancel')}
        </button>
        <span className="spacer" />
        <button type="button" className="button button--primary" onClick={next} disabled={busy} data-testid="import-check">
          {t('import.map.next')}
        </button>
      </div>
    </div>
  );
}
