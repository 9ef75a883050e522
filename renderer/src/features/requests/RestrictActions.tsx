import { useEffect, useState } from 'react';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { formatMoment } from '../staff/when';

/** Restrict the customer's processing with a reason, or lift the restriction — both from the request. */
export function RestrictActions({ number, customerId }: { number: number; customerId: number }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const restrictions = useStore((s) => s.restrictions);
  const load = useStore((s) => s.loadRestrictions);
  const restrict = useStore((s) => s.restrictFromRequest);
  const lift = useStore((s) => s.liftFromRequest);
  const showNotice = useStore((s) => s.showNotice);
  const [reason, setReason] = useState('');
  useEffect(() => {
    void load();
  }, [load]);
  const current = restrictions?.find((r) => r.customerId === customerId);
  if (current) {
    return (
      <div data-testid="request-restricted">
        <p>{t('requests.restrict.since', { when: formatMoment(locale, current.since), reason: current.reason })}</p>
        <button type="button" className="button button--outline button--small" onClick={() => void lift(number, customerId).then((r) => r.ok && showNotice('requests.restrict.lifted'))} data-testid="request-unrestrict">
          {t('requests.restrict.lift')}
        </button>
      </div>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void restrict(number, customerId, reason.trim()).then((r) => r.ok && showNotice('requests.restrict.done'));
      }}
    >
      <TextField id="request-restrict-reason" label={t('requests.restrict.reason')} value={reason} onChange={setReason} maxLength={600} testId="request-restrict-reason" />
      <div className="actions">
        <button type="submit" className="button button--primary button--small" disabled={!reason.trim()} data-testid="request-restrict">
          {t('requests.restrict.button')}
        </button>
      </div>
    </form>
  );
}
