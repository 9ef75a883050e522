import type { RequestSummary } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { formatMoment } from '../staff/when';
import { requestRef } from './requestText';
import { TimeLeft } from './TimeLeft';

/** Whom a request concerns, in words: names while held, "#42 (erased)" after, or "not a customer". */
export function useCustomersText() {
  const t = useT();
  return (r: Pick<RequestSummary, 'customers' | 'notCustomer'>): string => {
    if (r.notCustomer) return t('requests.notCustomer');
    if (r.customers.length === 0) return t('requests.customer.none');
    return r.customers.map((c) => c.name ?? t('requests.customer.erased', { id: c.id })).join(', ');
  };
}

export function RequestList({ rows, open }: { rows: RequestSummary[] | null; open: boolean }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const openRequest = useStore((s) => s.openRequest);
  const customers = useCustomersText();
  if (rows === null) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (rows.length === 0) return <p className="empty-note" data-testid="requests-empty">{t(open ? 'requests.empty.open' : 'requests.empty.all')}</p>;
  return (
    <div className="table-wrap">
      <table className="table requests__table" aria-label={t('requests.list.label')} data-testid="requests-table">
        <thead>
          <tr>
            <th scope="col">{t('requests.col.number')}</th>
            <th scope="col">{t('requests.col.type')}</th>
            <th scope="col">{t('requests.col.customer')}</th>
            <th scope="col">{t('requests.col.received')}</th>
            <th scope="col">{t('requests.col.due')}</th>
            <th scope="col">{t('requests.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.number} data-testid={`request-row-${r.number}`}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => void openRequest(r.number)} aria-label={t('requests.open', { ref: requestRef(r.number) })} data-testid={`request-open-${r.number}`}>
                  {requestRef(r.number)}
                </button>
              </th>
              <td>{t(`requests.type.${r.type}`)}</td>
              <td>{customers(r)}</td>
              <td>{formatMoment(locale, r.receivedAt)}</td>
              <td>
                <span className="requests__due">{formatMoment(locale, r.dueAt)}</span> <TimeLeft request={r} testId={`request-left-${r.number}`} />
              </td>
              <td>{t(`requests.state.${r.state}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
