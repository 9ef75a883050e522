import type { RequestEvent, RequestState } from '../../contract';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';
import { formatMoment } from '../staff/when';

/** The request's history, oldest first: each step, when, and by whom. */
export function RequestHistory({ history }: { history: RequestEvent[] }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const label = (e: RequestEvent): string => {
    if (e.kind === 'state') return t(`requests.state.${e.state as RequestState}`);
    const doc = e.detail?.document;
    if (e.kind === 'document' && (doc === 'receipt' || doc === 'reply' || doc === 'access_pack' || doc === 'portable')) return t(`requests.event.document.${doc}`);
    if (e.kind === 'restriction' && typeof e.detail?.restricted === 'boolean') return t(e.detail.restricted ? 'requests.event.restricted' : 'requests.event.unrestricted');
    return t(`requests.event.${e.kind}`);
  };
  return (
    <section className="requests__section" aria-labelledby="request-history-title">
      <h2 id="request-history-title" className="section-title">
        {t('requests.history')}
      </h2>
      <ol className="requests__history" data-testid="request-history">
        {history.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <span className="requests__when">{formatMoment(locale, e.at)}</span>{' '}
            <strong>{label(e)}</strong>
            <span className="muted"> · {e.by}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
