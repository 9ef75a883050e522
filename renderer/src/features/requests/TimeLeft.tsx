import type { RequestSummary } from '../../contract';
import { useT } from '../../i18n/useT';
import { timeLeft } from './requestText';

/** The time left as a badge: neutral, amber within 24 hours, red once overdue, grey when answered. */
export function TimeLeft({ request, testId }: { request: Pick<RequestSummary, 'hoursLeft' | 'urgency'>; testId?: string }) {
  const t = useT();
  const { key, params } = timeLeft(request);
  return (
    <span className={`badge time-left time-left--${request.urgency}`} data-testid={testId} data-urgency={request.urgency}>
      {t(key, params)}
    </span>
  );
}
