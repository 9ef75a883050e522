import { useState } from 'react';
import { Alert } from '../../components/Alert';
import type { Customer, ErrorCode } from '../../contract';
import { formatDate, formatDay, formatRupiah } from '../../i18n/format';
import { formatNumber } from '../../i18n/translate';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { usePermission } from '../../store/permissions';

/** Purchases at a glance, and when the details were last confirmed with the customer. */
export function CustomerSummary({ customer }: { customer: Customer }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const markVerified = useStore((s) => s.markVerified);
  const showNotice = useStore((s) => s.showNotice);
  const canEdit = usePermission('customers.edit');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    const res = await markVerified(customer.id);
    setBusy(false);
    if (res.ok) showNotice('verified.done', { name: res.value.name });
    else setError(res.error.code);
  };

  return (
    <div className="summary" data-testid="customer-summary">
      <dl className="summary__stats">
        <div>
          <dt>{t('summary.purchases')}</dt>
          <dd data-testid="summary-count">{formatNumber(locale, customer.purchaseCount)}</dd>
        </div>
        <div>
          <dt>{t('summary.total')}</dt>
          <dd className="amount" data-testid="summary-total">
            {formatRupiah(customer.purchaseTotal)}
          </dd>
        </div>
        <div>
          <dt>{t('summary.last')}</dt>
          <dd data-testid="summary-last">{customer.lastPurchaseDate ? formatDate(locale, customer.lastPurchaseDate) : t('summary.none')}</dd>
        </div>
      </dl>
      <div className="summary__verify">
        <p className="summary__verified" id="verified-status" data-testid="verified-status">
          {customer.lastVerifiedAt
            ? t('verified.last', { date: formatDay(locale, customer.lastVerifiedAt) })
            : t('verified.never')}
        </p>
        {canEdit && (
          <button
            type="button"
            className="button button--outline button--small"
            onClick={() => void verify()}
            disabled={busy}
            aria-describedby="verified-status"
            data-testid="mark-verified"
          >
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M4.5 10.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t('verified.button')}
          </button>
        )}
      </div>
      {error && <Alert>{t(errorKey(error))}</Alert>}
    </div>
  );
}
