import { formatNumber } from '../../i18n/translate';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { Alert } from '../../components/Alert';
import { CustomerList } from './CustomerList';
import { SearchBox } from './SearchBox';

/** Toolbar (title, count, search, add) above the list or its empty state. */
export function CustomersView() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const total = useStore((s) => s.total);
  const query = useStore((s) => s.query);
  const searching = useStore((s) => s.searching);
  const listError = useStore((s) => s.listError);
  const openNewCustomer = useStore((s) => s.openNewCustomer);

  const count = total === null ? null : formatNumber(locale, total);
  const empty = total === 0 && !searching;

  return (
    <section className="customers" aria-labelledby="customers-title">
      <div className="toolbar">
        <div className="toolbar__title">
          <h1 id="customers-title" className="page-title">
            {t('customers.title')}
          </h1>
          <span className="count" data-testid="customer-count" aria-live="polite">
            {count !== null && (query ? t('customers.countMatching', { count }) : t('customers.count', { count }))}
          </span>
        </div>
        <SearchBox />
        <button type="button" className="button button--primary" onClick={openNewCustomer}>
          <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {t('customers.add')}
        </button>
      </div>
      {listError && <Alert>{t(errorKey(listError))}</Alert>}
      {empty && !query && (
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
          <button type="button" className="button button--primary" onClick={openNewCustomer}>
            {t('customers.empty.cta')}
          </button>
        </div>
      )}
      {empty && query && (
        <div className="empty" data-testid="no-results">
          <span className="empty__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" focusable="false">
              <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                <circle cx="10.5" cy="10.5" r="6" />
                <path d="M15 15l5.5 5.5" />
              </g>
            </svg>
          </span>
          <h2 className="empty__title">{t('customers.noResults.title', { query })}</h2>
          <p className="empty__body">{t('customers.noResults.body')}</p>
        </div>
      )}
      {!empty && <CustomerList key={query} />}
    </section>
  );
}
