import { useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { PASAL_15_GROUNDS, REQUEST_CHANNELS, type Pasal15Ground, type RequestChannel, type RequestDetail, type RequestState } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { requestRef } from './requestText';

/** Steps that ask something first: a refusal's reason (and Pasal 15 ground), what was left undone, how the customer was told. */
const ASKS: readonly RequestState[] = ['refused', 'partly', 'told'];

/** The buttons come from the vault's `next` (the one transitions table); nothing here decides the order. */
export function RequestSteps({ request }: { request: RequestDetail }) {
  const t = useT();
  const move = useStore((s) => s.moveRequest);
  const showNotice = useStore((s) => s.showNotice);
  const [asking, setAsking] = useState<RequestState | null>(null);
  const [reason, setReason] = useState('');
  const [ground, setGround] = useState<Pasal15Ground | ''>('');
  const [via, setVia] = useState<RequestChannel>(request.channel);
  const [busy, setBusy] = useState(false);
  if (request.next.length === 0) return null;

  const go = async (to: RequestState) => {
    setBusy(true);
    const res = await move({
      number: request.number,
      to,
      ...(reason.trim() && (to === 'refused' || to === 'partly') ? { reason: reason.trim() } : {}),
      ...(ground && to === 'refused' ? { pasal15: ground } : {}),
      ...(to === 'told' ? { via } : {}),
    });
    setBusy(false);
    if (res.ok) {
      setAsking(null);
      setReason('');
      setGround('');
      showNotice('requests.step.done', { ref: requestRef(request.number), state: t(`requests.state.${to}`) });
    }
  };

  return (
    <section className="requests__section" aria-labelledby="request-steps-title">
      <h2 id="request-steps-title" className="section-title">
        {t('requests.steps')}
      </h2>
      <div className="actions">
        {request.next.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'refused' ? 'button button--danger-ghost button--small' : 'button button--outline button--small'}
            disabled={busy}
            aria-expanded={ASKS.includes(to) ? asking === to : undefined}
            onClick={() => (ASKS.includes(to) ? setAsking(asking === to ? null : to) : void go(to))}
            data-testid={`request-to-${to}`}
          >
            {t(`requests.to.${to}`)}
          </button>
        ))}
      </div>
      {asking && (
        <form
          className="requests__ask"
          onSubmit={(e) => {
            e.preventDefault();
            void go(asking);
          }}
          data-testid="request-step-form"
        >
          {(asking === 'refused' || asking === 'partly') && (
            <TextField id="request-step-reason" label={t(asking === 'partly' ? 'requests.step.partlyReason' : 'requests.step.reason')} value={reason} onChange={setReason} multiline rows={2} maxLength={600} required testId="request-step-reason" />
          )}
          {asking === 'refused' && (
            <SelectField id="request-step-pasal15" label={t('requests.step.pasal15')} value={ground} onChange={(v) => setGround(v as Pasal15Ground | '')} options={[{ value: '', label: t('requests.step.pasal15.none') }, ...PASAL_15_GROUNDS.map((g) => ({ value: g, label: t(`requests.ground.${g}`) }))]} testId="request-step-pasal15" />
          )}
          {asking === 'told' && (
            <SelectField id="request-step-via" label={t('requests.step.via')} value={via} onChange={(v) => setVia(v as RequestChannel)} options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channel.${c}`) }))} testId="request-step-via" />
          )}
          <div className="actions">
            <button type="button" className="button button--ghost button--small" onClick={() => setAsking(null)}>
              {t('requests.step.cancel')}
            </button>
            <button type="submit" className="button button--primary button--small" disabled={busy || ((asking === 'refused' || asking === 'partly') && !reason.trim())} data-testid="request-step-confirm">
              {t('requests.step.confirm')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
