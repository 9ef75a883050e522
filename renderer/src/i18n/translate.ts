import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey } from './id';
export type Locale = 'id' | 'en';
export const locales: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

export const isLocale = (value: unknown): value is Locale => value === 'id' || value === 'en';

/** Looks a message up and fills `{name}` placeholders; an unknown placeholder stays visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[locale][key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

/** Numbers in the locale's style: 1.000.000 in Indonesian, 1,000,000 in English. */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US').format(value);
}

/** "3 dan 6", "2, 4 dan 7" — for the recovery-code challenge prompt. */
export function formatList(locale: Locale, items: string[]): string {
  if (items.length <= 1) return items.join('');
  const and = translate(locale, 'common.and');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
