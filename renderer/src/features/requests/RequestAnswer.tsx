import { useT } from '../../i18n/useT';
import type { RequestDetail } from '../../contract';
import { useStore } from '../../store';
import { CorrectionForm } from './CorrectionForm';
import { CustomerPicker } from './CustomerPicker';
import { EraseAction } from './EraseAction';
import { PackActions } from './PackActions';
import { RestrictActions } from './RestrictActions';
import { WithdrawActions } from './WithdrawActions';

/**
 * How this type of request is answered, from the request itself: each action is recorded on it
 * (and in the audit trail) in the transaction of the change it makes.
 */
export function RequestAnswer({ request }: { request: RequestDetail }) {
  const t = useT();
  const link = useStore((s) => s.linkRequestCustomer);
  const showNotice = useStore((s) => s.showNotice);
  const customer = request.customers.find((c) => c.name !== null);
  const closed = request.state === 'closed';
  if (closed) return null;

  const body = () => {
    if (!customer) {
      if (request.notCustomer) return <p className="muted">{t('requests.other')}</p>;
      // Linked, but no longer held: erased (from this request or before it).
      if (request.customers.length > 0) return <p data-testid="request-customer-erased">{t('requests.answer.erased')}</p>;
      return (
        <>
          <p className="muted">{t('requests.answer.needCustomer')}</p>
          <CustomerPicker
            id="request-link-search"
            onPick={(c) =>
              void link(request.number, c.id).then((r) => {
                if (r.ok) showNotice('requests.link.done');
              })
            }
          />
        </>
      );
    }
    switch (request.type) {
      case 'correction':
        return <CorrectionForm number={request.number} customerId={customer.id} />;
      case 'withdraw':
        return <WithdrawActions number={request.number} customerId={customer.id} channel={request.channel} />;
      case 'access':
      case 'portability':
        return <PackActions number={request.number} customerId={customer.id} portable={request.type === 'portability'} initialLang={request.lang} />;
      case 'erase':
        return <EraseAction number={request.number} customerId={customer.id} name={customer.name ?? ''} />;
      case 'restrict':
        return <RestrictActions number={request.number} customerId={customer.id} />;
      default:
        return <p className="muted">{t('requests.other')}</p>;
    }
  };

  return (
    <section className="requests__section" aria-labelledby="request-answer-title" data-testid="request-answer">
      <h2 id="request-answer-title" className="section-title">
        {t('requests.answer')}
      </h2>
      {body()}
    </section>
  );
}
