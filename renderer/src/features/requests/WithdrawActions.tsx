import { useEffect } from 'react';
import type { RequestChannel } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** How a withdrawal asked for by each channel is written in the ledger. */
const METHOD: Record<RequestChannel, 'verbal' | 'whatsapp' | 'paper' | 'form'> = { 'walk-in': 'verbal', whatsapp: 'whatsapp', phone: 'verbal', email: 'form', letter: 'paper' };

/** One button per purpose the customer consents to now: the withdrawal is in force when it is recorded. */
export function WithdrawActions({ number, customerId, channel }: { number: number; customerId: number; channel: RequestChannel }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const consent = useStore((s) => s.consent);
  const loadConsent = useStore((s) => s.loadConsent);
  const withdraw = useStore((s) => s.withdrawFromRequest);
  const showNotice = useStore((s) => s.showNotice);
  useEffect(() => {
    void loadConsent(customerId);
  }, [customerId, loadConsent]);
  const given = consent?.customerId === customerId ? consent.rows.filter((r) => r.status === 'given') : [];
  if (consent?.customerId === customerId && given.length === 0) return <p className="muted">{t('requests.withdraw.none')}</p>;
  return (
    <div className="actions">
      {given.map((row) => (
        <button
          key={row.purposeKey}
          type="button"
          className="button button--outline button--small"
          onClick={() =>
            void withdraw(number, customerId, row.purposeKey, METHOD[channel]).then(async (r) => {
              if (!r.ok) return;
              await loadConsent(customerId);
              showNotice('requests.withdraw.done', { purpose: row.name[locale] });
            })
          }
          data-testid={`request-withdraw-${row.purposeKey}`}
        >
          {t('requests.withdraw.button', { purpose: row.name[locale] })}
        </button>
      ))}
    </div>
  );
}
