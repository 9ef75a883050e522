import type { Locale } from './translate';

const tag = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

/** Whole rupiah the Indonesian way in both languages: "Rp 1.250.000". */
export function formatRupiah(amount: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount)}`;
}

/** "1.250.000", "Rp 1.250.000", "1250000" → 1250000; anything else (letters, decimals) → null. */
export function parseRupiah(text: string): number | null {
  const digits = text.replace(/^\s*rp\.?/i, '').replace(/[\s.,]/g, '');
  if (!/^\d{1,13}$/.test(digits)) return null;
  return Number(digits);
}

/** An ISO calendar date ("2026-05-12") as "12 Mei 2026" / "12 May 2026". */
export function formatDate(locale: Locale, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A moment (ms since the epoch) as a local calendar date. */
export function formatDay(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(tag(locale), { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(ms));
}

/** Today as an ISO calendar date in local time (the default for a new purchase). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
