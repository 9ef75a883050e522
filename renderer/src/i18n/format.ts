import { formatDate as formatSharedDate, formatDay as formatSharedDay } from '../contract';
import type { Locale } from './translate';

/* Money and dates come from the shared core (electron/contract/i18n), which the documents use too. */
export { formatRupiah } from '../contract';

/** "1.250.000", "Rp 1.250.000", "1250000" → 1250000; anything else (letters, decimals) → null. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/^\s*rp\.?/i, '').replace(/[\s.,]/g, '');
  if (!/^\d{1,13}$/.test(digits)) return null;
  return Number(digits);
}

/** An ISO calendar date ("2026-05-12") as "12 Mei 2026" / "12 May 2026". */
export const formatDate = (locale: Locale, iso: string): string => formatSharedDate(locale, iso, 'short');

/** A moment (ms since the epoch) as a local calendar date. */
export const formatDay = (locale: Locale, ms: number): string => formatSharedDay(locale, ms, 'short');

/** Today as an ISO calendar date in local time (the default for a new purchase). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
