import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Customer, Purchase } from '../../contract';
import { formatDate, formatRupiah } from '../../i18n/format';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { channelLabels } from '../fields/fieldText';
import { PurchaseForm } from './PurchaseForm';

/** A customer's purchases, newest first, with add / change / remove. */
export function PurchaseHistory({ customer }: { customer: Customer }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const purchases = useStore((s) => s.purchases);
  const purchasesError = useStore((s) => s.purchasesError);
  const loadPurchases = useStore((s) => s.loadPurchases);
  const removePurchase = useStore((s) => s.removePurchase);
  const showNotice = useStore((s) => s.showNotice);
  const [editing, setEditing] = useState<Purchase | 'new' | null>(null);
  const [removing, setRemoving] = useState<Purchase | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The form or the row that had focus is gone: continue from "Add purchase". */
  const refocus = () => setTimeout(() => (addRef.current ?? heading.current)?.focus(), 0);

  useEffect(() => {
    void loadPurchases(customer.id);
  }, [customer.id, loadPurchases]);

  const items = purchases?.customerId === customer.id ? purchases.items : null;
  const describe = (p: Purchase) => `${formatDate(locale, p.date)} — ${p.description}`;

  return (
    <section className="purchases" aria-labelledby="purchases-title">
      <div className="section-head">
        <h3 id="purchases-title" className="section-title" ref={heading} tabIndex={-1}>
          {t('purchases.title')}
        </h3>
        {editing === null && (
          <button ref={addRef} type="button" className="button button--outline button--small" onClick={() => setEditing('new')} data-testid="add-purchase">
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            {t('purchases.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <PurchaseForm
          key={editing === 'new' ? 'new' : editing.id}
          customerId={customer.id}
          purchase={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            refocus();
          }}
        />
      )}
      {purchasesError && !items && <Alert>{t(errorKey(purchasesError))}</Alert>}
      {items === null && !purchasesError && <p className="muted">{t('common.loading')}</p>}
      {items?.length === 0 && <p className="muted" data-testid="purchases-empty">{t('purchases.empty')}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="purchase-table">
            <caption className="sr-only">{t('purchases.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('purchases.date')}</th>
                <th scope="col">{t('purchases.description')}</th>
                <th scope="col">{t('purchases.channel')}</th>
                <th scope="col" className="num">
                  {t('purchases.amount')}
                </th>
                <th scope="col">
                  <span className="sr-only">{t('purchases.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-testid="purchase-row">
                  <td className="nowrap">{formatDate(locale, p.date)}</td>
                  <td>{p.description}</td>
                  <td>{t(channelLabels[p.channel])}</td>
                  <td className="num amount">{formatRupiah(p.amount)}</td>
                  <td className="table__actions">
                    <button type="button" className="button button--ghost button--small" aria-label={t('purchases.editLabel', { what: describe(p) })} onClick={() => setEditing(p)}>
                      {t('purchases.edit')}
                    </button>
                    <button type="button" className="button button--danger-ghost button--small" aria-label={t('purchases.removeLabel', { what: describe(p) })} onClick={() => setRemoving(p)}>
                      {t('purchases.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={t('purchases.removeTitle')}
          body={<p>{t('purchases.removeBody', { what: describe(removing), amount: formatRupiah(removing.amount) })}</p>}
          confirmLabel={t('purchases.removeConfirm')}
          busyLabel={t('delete.deleting')}
          onConfirm={() => removePurchase(removing.id, customer.id)}
          onDone={() => {
            setRemoving(null);
            showNotice('purchases.removed');
            refocus();
          }}
          onCancel={() => setRemoving(null)}
          testId="purchase-remove-dialog"
        />
      )}
    </section>
  );
}
