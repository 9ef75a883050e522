import { langTag, type Lang } from './lang';

/*
 * Numbers, money and dates for screens (renderer) and documents (main) alike — one set of
 * Intl formatters, so a count on screen and the same count in a PDF never disagree.
 * Intl objects are cached: constructing one costs far more than formatting with it.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export interface NumberStyle {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/** "1.250" in Indonesian, "1,250" in English. */
export function formatNumber(lang: Lang, value: number, style: NumberStyle = {}): string {
  const key = `n|${lang}|${style.minimumFractionDigits ?? ''}|${style.maximumFractionDigits ?? ''}`;
  return cached(key, () => new Intl.NumberFormat(langTag[lang], style)).format(value);
}

/** Whole rupiah the Indonesian way in both languages: "Rp 1.250.000" (the currency is Indonesian). */
export function formatRupiah(amount: number): string {
  return `Rp ${cached('rp', () => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 })).format(amount)}`;
}

/** `long`: "3 Desember 2026" / "3 December 2026" (documents); `short`: "3 Des 2026" / "3 Dec 2026" (lists). */
export type DateStyle = 'long' | 'short';

const dateFormat = (lang: Lang, style: DateStyle, timeZone?: string) =>
  cached(`d|${lang}|${style}|${timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(langTag[lang], { day: 'numeric', month: style, year: 'numeric', ...(timeZone ? { timeZone } : {}) }),
  );

/**
 * An ISO calendar date ("2026-12-03") as written in the language. Formatted in UTC so the
 * calendar date never shifts with the machine's timezone (a document rendered anywhere reads the same).
 * Anything that is not a date comes back unchanged.
 */
export function formatDate(lang: Lang, iso: string, style: DateStyle = 'short'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(m[3])) return iso;
  return dateFormat(lang, style, 'UTC').format(date);
}

/** A moment (ms since the epoch) as the local calendar date. */
export function formatDay(lang: Lang, ms: number, style: DateStyle = 'short'): string {
  return dateFormat(lang, style).format(new Date(ms));
}

/** A moment as local date and time: "12 Mei 2026 14.05" / "12 May 2026, 14:05". */
export function formatMoment(lang: Lang, ms: number): string {
  return cached(`m|${lang}`, () =>
    new Intl.DateTimeFormat(langTag[lang], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  ).format(new Date(ms));
}

/**
 * A moment's calendar date ("2026-12-04", for formatDate) in a named time zone. Documents use the
 * shop's zone (Asia/Jakarta unless it says otherwise), never the machine's, so a receipt made on
 * any computer says the same time.
 */
export function dayIn(ms: number, timeZone: string): string {
  return cached(`day|${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })).format(new Date(ms));
}

/** A moment's clock time in a named time zone, 24-hour: "14.05" in Indonesian, "14:05" in English. */
export function formatClock(lang: Lang, ms: number, timeZone: string): string {
  return cached(`clock|${lang}|${timeZone}`, () =>
    new Intl.DateTimeFormat(langTag[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
  ).format(new Date(ms));
}

/** "3 dan 6", "2, 4 dan 7" / "3 and 6" — the word for "and" comes from the caller's dictionary. */
export function formatList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
