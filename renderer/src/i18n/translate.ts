import { formatMessage, formatList as joinList, formatNumber as formatShared, type Lang, type Message, type MessageParams } from '../contract';
import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey } from './id';
export type { MessageParams };
export type Locale = Lang;
export const locales: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const dictionaries: Record<Locale, Record<MessageKey, Message>> = { id, en };

export const isLocale = (value: unknown): value is Locale => value === 'id' || value === 'en';

/**
 * Looks a message up and fills `{name}` placeholders; an unknown placeholder stays visible.
 * A plural message picks its form from a numeric `count` (the shared core in electron/contract/i18n,
 * the same one the documents use).
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = dictionaries[locale][key] ?? dictionaries[DEFAULT_LOCALE][key];
  return message === undefined ? key : formatMessage(locale, message, params);
}

/** Numbers in the locale's style: 1.000.000 in Indonesian, 1,000,000 in English. */
export const formatNumber = (locale: Locale, value: number): string => formatShared(locale, value);

/** "3 dan 6", "2, 4 dan 7" — for the recovery-code challenge prompt. */
export const formatList = (locale: Locale, items: string[]): string => joinList(items, translate(locale, 'common.and'));
