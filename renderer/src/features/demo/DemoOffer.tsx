import { Alert } from '../../components/Alert';
import { DEMO_CUSTOMER_COUNT } from '../../contract';
import { errorKey, useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** On the first-run screen: try Brankas in a separate demo vault before creating the real one. */
export function DemoOffer() {
  const t = useT();
  const busy = useStore((s) => s.demoBusy === 'starting');
  const error = useStore((s) => s.demoError);
  const startDemo = useStore((s) => s.startDemo);
  return (
    <div className="demo-offer" aria-labelledby="demo-offer-title">
      <h2 id="demo-offer-title" className="demo-offer__title">
        {t('demo.offer.title')}
      </h2>
      <p className="muted" id="demo-offer-hint">
        {t('demo.offer.hint', { count: DEMO_CUSTOMER_COUNT })}
      </p>
      {error && <Alert>{t(errorKey(error))}</Alert>}
      <button type="button" className="button" onClick={() => void startDemo()} disabled={busy} aria-describedby="demo-offer-hint" data-testid="demo-start">
        {busy ? t('demo.offer.starting') : t('demo.offer.start')}
      </button>
    </div>
  );
}
