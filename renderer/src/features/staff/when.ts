import { formatDay } from '../../i18n/format';
import type { Locale } from '../../i18n/translate';

/** A moment as a local date, or the given text when there is none ("never"). */
export const dayOr = (locale: Locale, ms: number | null, none: string): string => (ms === null ? none : formatDay(locale, ms));

/** A moment as local date and time: "12 Mei 2026 14.05". */
export function formatMoment(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}
