import { Alert } from '../../components/Alert';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { fileProblemText, importErrorKey } from './problemText';

/** The import's last error: what went wrong and, for a file that cannot be read, why and where. */
export function ImportError() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const error = useStore((s) => s.importer.error);
  const file = useStore((s) => s.importer.errorFile);
  if (!error) return null;
  return (
    <Alert tone={error === 'cancelled' ? 'info' : 'error'}>
      {t(importErrorKey(error))}
      {file && <span data-testid="import-error-reason"> {fileProblemText(t, locale, file)}</span>}
    </Alert>
  );
}
