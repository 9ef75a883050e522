import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { formatMoment } from '../staff/when';
import { DocOutputs } from './DocOutputs';
import { IdentityCheck } from './IdentityCheck';
import { RequestAnswer } from './RequestAnswer';
import { RequestHistory } from './RequestHistory';
import { useCustomersText } from './RequestList';
import { RequestSteps } from './RequestSteps';
import { requestRef } from './requestText';
import { TimeLeft } from './TimeLeft';
import { REQUEST_LAW } from '../../contract';

/** One request: its particulars and clock, the next steps its state allows, the answer, the letters, the history. */
export function RequestDialog() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const r = useStore((s) => s.requestDetail);
  const close = useStore((s) => s.closeRequest);
  const customers = useCustomersText();
  if (!r) return null;
  const law = REQUEST_LAW[r.type];
  const days = Math.round((r.dueAt - r.receivedAt) / 86_400_000);
  return (
    <Dialog title={`${requestRef(r.number)} · ${t(`requests.type.${r.type}`)}`} onClose={close} size="large" testId="request-detail">
      <div className="requests__detail">
        <dl className="facts" data-testid="request-facts">
          <dt>{t('requests.col.state')}</dt>
          <dd data-testid="request-state">{t(`requests.state.${r.state}`)}</dd>
          <dt>{t('requests.detail.due')}</dt>
          <dd>
            {formatMoment(locale, r.dueAt)} <TimeLeft request={r} testId="request-time-left" />
            <span className="muted requests__basis">{r.dueBasis === 'law' ? t('requests.due.law', { pasal: law.pasal }) : t('requests.due.shop', { days })}</span>
          </dd>
          <dt>{t('requests.detail.received')}</dt>
          <dd>
            {formatMoment(locale, r.receivedAt)} · {t(`requests.channel.${r.channel}`)}
          </dd>
          <dt>{t('requests.detail.takenBy')}</dt>
          <dd>{r.takenBy}</dd>
          <dt>{t('requests.detail.customers')}</dt>
          <dd data-testid="request-customers">{customers(r)}</dd>
          {r.requester && (
            <>
              <dt>{t('requests.detail.requester')}</dt>
              <dd>{r.requester}</dd>
            </>
          )}
          <dt>{t('requests.detail.asked')}</dt>
          <dd className="requests__asked">{r.asked === null ? t('requests.detail.redacted') : r.asked || t('requests.detail.askedNone')}</dd>
          {r.outcome && (
            <>
              <dt>{t('requests.detail.outcome')}</dt>
              <dd>
                {t(`requests.state.${r.outcome}`)}
                {r.reason ? ` — ${r.reason}` : ''}
                {r.pasal15 ? ` (${t(`requests.ground.${r.pasal15}`)})` : ''}
              </dd>
            </>
          )}
        </dl>
        <RequestSteps request={r} />
        {(r.state === 'received' || r.state === 'verifying' || r.state === 'in_progress') && <IdentityCheck number={r.number} />}
        <RequestAnswer request={r} />
        <section className="requests__section" aria-labelledby="request-docs-title">
          <h2 id="request-docs-title" className="section-title">
            {t('requests.docs')}
          </h2>
          <DocOutputs kind="receipt" number={r.number} initialLang={r.lang} />
          {r.outcome ? <DocOutputs kind="reply" number={r.number} initialLang={r.lang} /> : <p className="muted">{t('requests.docs.replyLater')}</p>}
        </section>
        <RequestHistory history={r.history} />
      </div>
    </Dialog>
  );
}
