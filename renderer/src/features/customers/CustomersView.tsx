import { Alert } from '../../components/Alert';
import { formatNumber } from '../../i18n/translate';
import { errorKey, useT } from '../../i18n/useT';
import { hasFilter, useStore } from '../../store';
import { usePermission } from '../../store/permissions';
import { CustomerList } from './CustomerList';
import { FilterBar } from './FilterBar';
import { SearchBox } from './SearchBox';

const Icon = ({ d }: { d: string }) => (
  <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
    <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
const IMPORT_ICON = 'M10 3v9M6.5 8.5L10 12l3.5-3.5M4 14.5V16a1 1 0 001 1h10a1 1 0 001-1v-1.5';
const EXPORT_ICON = 'M10 12V3M6.5 6.5L10 3l3.5 3.5M4 14.5V16a1 1 0 001 1h10a1 1 0 001-1v-1.5';

/** Toolbar (title, count, search, import, export, add), sort and filters, then the list or its empty state. */
export function CustomersView() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const total = useStore((s) => s.total);
  const capped = useStore((s) => s.capped);
  const query = useStore((s) => s.query);
  const sort = useStore((s) => s.sort);
  const filter = useStore((s) => s.filter);
  const searching = useStore((s) => s.searching);
  const listError = useStore((s) => s.listError);
  const openNewCustomer = useStore((s) => s.openNewCustomer);
  const setImportOpen = useStore((s) => s.setImportOpen);
  const setExportOpen = useStore((s) => s.setExportOpen);
  const canImport = usePermission('data.import');
  const canExport = usePermission('data.export');
  const canAdd = usePermission('customers.edit');

  const filtered = query !== '' || hasFilter(filter);
  // A capped total is text ("1.000+", always plural); otherwise the number picks the plural form.
  const count = total === null ? null : capped ? `${formatNumber(locale, total)}+` : total;
  const empty = total === 0 && !searching;

  return (
    <section className="customers" aria-labelledby="customers-title">
      <div className="toolbar">
        <div className="toolbar__title">
          <h1 id="customers-title" className="page-title">
            {t('customers.title')}
          </h1>
          <span className="count" data-testid="customer-count" aria-live="polite">
            {count !== null && t(filtered ? 'customers.countMatching' : 'customers.count', { count })}
          </span>
        </div>
        <SearchBox />
        {canImport && (
          <button type="button" className="button button--outline" onClick={() => setImportOpen(true)} data-testid="import-open">
            <Icon d={IMPORT_ICON} />
            {t('import.button')}
          </button>
        )}
        {canExport && (
          <button type="button" className="button button--outline" onClick={() => setExportOpen(true)} data-testid="export-open">
            <Icon d={EXPORT_ICON} />
            {t('export.button')}
          </button>
        )}
        {canAdd && (
          <button type="button" className="button button--primary" onClick={openNewCustomer} data-testid="customer-add">
            <Icon d="M10 4v12M4 10h12" />
            {t('customers.add')}
          </button>
        )}
      </div>
      {((total !== null && total > 0) || filtered) && <FilterBar />}
      {listError && <Alert>{t(errorKey(listError))}</Alert>}
      {empty && !filtered && (
        <div className="empty" data-testid="empty-state">
          <span className="empty__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" focusable="false">
              <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                <circle cx="9" cy="8" r="3.5" />
                <path d="M2.5 19.5c.8-3.3 3.4-5 6.5-5s5.7 1.7 6.5 5M18 8v6M15 11h6" />
              </g>
            </svg>
          </span>
          <h2 className="empty__title">{t('customers.empty.title')}</h2>
          <p className="empty__body">{t('customers.empty.body')}</p>
          {(canAdd || canImport) && (
            <div className="empty__actions">
              {canAdd && (
                <button type="button" className="button button--primary" onClick={openNewCustomer}>
                  {t('customers.empty.cta')}
                </button>
              )}
              {canImport && (
                <button type="button" className="button button--outline" onClick={() => setImportOpen(true)}>
                  {t('customers.empty.import')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {empty && filtered && (
        <div className="empty" data-testid="no-results">
          <span className="empty__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" focusable="false">
              <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                <circle cx="10.5" cy="10.5" r="6" />
                <path d="M15 15l5.5 5.5" />
              </g>
            </svg>
          </span>
          <h2 className="empty__title">{query ? t('customers.noResults.title', { query }) : t('customers.noResults.filtered')}</h2>
          <p className="empty__body">{query ? t('customers.noResults.body') : t('customers.noResults.filteredBody')}</p>
        </div>
      )}
      {!empty && <CustomerList key={`${query}\u0000${sort}\u0000${JSON.stringify(filter)}`} />}
    </section>
  );
}
