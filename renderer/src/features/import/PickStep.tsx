import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { ImportError } from './ImportError';

/** Step 1: what can be imported, and the button that opens the system's file dialog. */
export function PickStep() {
  const t = useT();
  const busy = useStore((s) => s.importer.busy);
  const pickImportFile = useStore((s) => s.pickImportFile);
  const setImportOpen = useStore((s) => s.setImportOpen);
  return (
    <div className="step">
      <h3 id="import-step-title" className="section-title" tabIndex={-1}>
        {t('import.pick.title')}
      </h3>
      <p className="dialog__body">{t('import.pick.body')}</p>
      <ul className="bullets">
        <li>{t('import.pick.csv')}</li>
        <li>{t('import.pick.xlsx')}</li>
        <li>{t('import.pick.header')}</li>
      </ul>
      <p className="callout callout--safe">{t('import.pick.safe')}</p>
      <ImportError />
      <div className="dialog__actions">
        <span className="spacer" />
        <button type="button" className="button button--ghost" onClick={() => setImportOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void pickImportFile()} disabled={busy} data-testid="import-pick" data-autofocus>
          {busy ? t('import.pick.opening') : t('import.pick.button')}
        </button>
      </div>
    </div>
  );
}
