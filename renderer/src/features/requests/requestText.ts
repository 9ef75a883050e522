/** Words for the request domain: the time left as the vault computed it, a request's reference. */
import type { RequestSummary } from '../../contract';
export { requestRef } from '../../contract';
import type { MessageKey, MessageParams } from '../../i18n/translate';

/**
 * Whole hours late: hoursLeft is rounded down (−4 is 3 to 4 hours late), so 3 h 10 min late is "3",
 * and anything under two hours late is "1".
 */
export const hoursLate = (hoursLeft: number): number => Math.max(1, -hoursLeft - 1);

/** "Sisa 47 jam" / "Terlambat 2 jam" / "Sudah dijawab" — from hoursLeft, never from the renderer's clock. */
export function timeLeft(r: Pick<RequestSummary, 'hoursLeft' | 'urgency'>): { key: MessageKey; params?: MessageParams } {
  if (r.hoursLeft === null) return { key: 'requests.left.answered' };
  if (r.urgency === 'overdue') return { key: 'requests.left.overdue', params: { hours: hoursLate(r.hoursLeft) } };
  return { key: 'requests.left', params: { hours: r.hoursLeft } };
}
