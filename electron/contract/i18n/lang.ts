/** The two languages Brankas speaks: Bahasa Indonesia first, English second. */
export type Lang = 'id' | 'en';
export const langs: readonly Lang[] = ['id', 'en'];
export const DEFAULT_LANG: Lang = 'id';

export const isLang = (value: unknown): value is Lang => value === 'id' || value === 'en';

/**
 * The BCP 47 tag behind each language. en-GB rather than en-US: day before month
 * ("3 December 2026"), as Indonesians write dates, with the same 1,250 digit grouping.
 */
export const langTag: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
