import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/**
 * Erasure (Pasal 8, 42–44), from the request: a real delete of the customer, confirmed first.
 * Purchases a legal duty keeps stay without the person; an older backup restored later erases
 * the customer again. The notice says both, for the reply.
 */
export function EraseAction({ number, customerId, name }: { number: number; customerId: number; name: string }) {
  const t = useT();
  const erase = useStore((s) => s.eraseFromRequest);
  const showNotice = useStore((s) => s.showNotice);
  const [asking, setAsking] = useState(false);
  return (
    <div data-testid="request-erase">
      <p className="muted">{t('requests.erase.hint')}</p>
      <div className="actions">
        <button type="button" className="button button--danger button--small" onClick={() => setAsking(true)} data-testid="request-erase-open">
          {t('requests.erase.button')}
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          title={t('requests.erase.title', { name })}
          body={<p>{t('requests.erase.body')}</p>}
          confirmLabel={t('requests.erase.confirm')}
          busyLabel={t('requests.erase.busy')}
          onConfirm={async () => {
            const res = await erase(number, customerId);
            if (res.ok) {
              const kept = res.value.keptPurchases > 0 ? t('requests.erase.kept', { count: res.value.keptPurchases }) : '';
              showNotice('requests.erase.done', { kept, days: res.value.backupsRotateAfterDays });
            }
            return res;
          }}
          onDone={() => setAsking(false)}
          onCancel={() => setAsking(false)}
          testId="request-erase-dialog"
          confirmTestId="request-erase-confirm"
        />
      )}
    </div>
  );
}
