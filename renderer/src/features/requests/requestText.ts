/** Words for the request domain: the time left as the vault computed it, a request's reference. */
import type { RequestSummary } from '../../contract';
import type { MessageKey, MessageParams } from '../../i18n/translate';

export const requestRef = (number: number): string => `PDP-${String(number).padStart(4, '0')}`;

/** "Sisa 47 jam" / "Terlambat 2 jam" / "Sudah dijawab" — from hoursLeft, never from the renderer's clock. */
export function timeLeft(r: Pick<RequestSummary, 'hoursLeft' | 'urgency'>): { key: MessageKey; params?: MessageParams } {
  if (r.hoursLeft === null) return { key: 'requests.left.answered' };
  if (r.urgency === 'overdue') return { key: 'requests.left.overdue', params: { hours: Math.max(1, -r.hoursLeft) } };
  return { key: 'requests.left', params: { hours: r.hoursLeft } };
}
