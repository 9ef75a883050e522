import { formatMoment as formatSharedMoment } from '../../contract';
import { formatDay } from '../../i18n/format';
import type { Locale } from '../../i18n/translate';

/** A moment as a local date, or the given text when there is none ("never"). */
export const dayOr = (locale: Locale, ms: number | null, none: string): string => (ms === null ? none : formatDay(locale, ms));

/** A moment as local date and time: "12 Mei 2026 14.05". */
export const formatMoment = (locale: Locale, ms: number): string => formatSharedMoment(locale, ms);
