import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/translate';
import type { SliceCreator } from './types';

export const LOCALE_STORAGE_KEY = 'brankas.locale';

export interface LocaleSlice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}

export const createLocaleSlice: SliceCreator<LocaleSlice> = (set) => ({
  locale: readStoredLocale(),
  setLocale(locale) {
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage can be unavailable; the choice still applies for this session.
    }
    applyDocumentLocale(locale);
    set({ locale });
  },
});
