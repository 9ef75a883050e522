/**
 * The request's clock, computed in the main process only (DESIGN.md §3): the due time is fixed
 * when the request is received — 72 wall-clock hours where the law states hours (weekends count:
 * the law states hours, not working days), the shop's own target in days otherwise — and the time
 * left is derived from it and the vault's clock at each read.
 */
import { REQUEST_LAW, isOpen, type RequestState, type RequestSummary, type RequestType } from '../../contract';

export const HOUR = 3_600_000;
const DUE_SOON_HOURS = 24;

export function dueFor(type: RequestType, receivedAt: number, targetDays: number): { dueAt: number; dueBasis: 'law' | 'shop' } {
  const hours = REQUEST_LAW[type].hours;
  return hours === null ? { dueAt: receivedAt + targetDays * 24 * HOUR, dueBasis: 'shop' } : { dueAt: receivedAt + hours * HOUR, dueBasis: 'law' };
}

/**
 * Whole hours left while the clock runs, rounded down (71 h 59 min is 71); negative once overdue
 * (30 minutes late is -1). Null once the request is answered.
 */
export function hoursLeft(state: RequestState, dueAt: number, now: number): number | null {
  if (!isOpen(state)) return null;
  return Math.floor((dueAt - now) / HOUR);
}

export function urgency(state: RequestState, dueAt: number, now: number): RequestSummary['urgency'] {
  if (!isOpen(state)) return 'answered';
  if (now > dueAt) return 'overdue';
  return dueAt - now <= DUE_SOON_HOURS * HOUR ? 'due_soon' : 'ok';
}
