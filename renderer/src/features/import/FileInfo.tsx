import type { ImportFile } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

const delimiterNames: Record<string, 'import.file.semicolon' | 'import.file.comma' | 'import.file.tab'> = {
  ';': 'import.file.semicolon',
  ',': 'import.file.comma',
  '\t': 'import.file.tab',
};

/** The picked file: name, what was detected, and a way to pick another. */
export function FileInfo({ file }: { file: ImportFile }) {
  const t = useT();
  const busy = useStore((s) => s.importer.busy);
  const pickImportFile = useStore((s) => s.pickImportFile);
  const delimiter = file.delimiter ? delimiterNames[file.delimiter] : undefined;
  const details = [
    file.format === 'xlsx' ? t('import.file.xlsx') : t('import.file.csv'),
    delimiter ? t(delimiter) : file.delimiter ? t('import.file.delimiter', { delimiter: file.delimiter }) : null,
    file.encoding ? file.encoding.toUpperCase() : null,
    t('import.file.columns', { count: file.headers.length }),
  ].filter(Boolean);
  return (
    <div className="file-info" data-testid="import-file">
      <svg className="file-info__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M5 2.5h6.5L15 6v11.5H5z M11.5 2.5V6H15" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      </svg>
      <div className="file-info__text">
        <span className="file-info__name" data-testid="import-file-name">
          {file.fileName}
        </span>
        <span className="file-info__details">{details.join(' · ')}</span>
      </div>
      <button type="button" className="button button--ghost button--small" onClick={() => void pickImportFile()} disabled={busy}>
        {t('import.file.other')}
      </button>
    </div>
  );
}
