import { formatNumber } from './format';
import type { Lang } from './lang';

/**
 * A message is a string with `{name}` placeholders, or — when it counts something — one form
 * per plural category the language has (Unicode CLDR, through Intl.PluralRules): English has
 * `one` ("1 customer") and `other` ("2 customers"); Indonesian has only `other` ("1 pelanggan").
 * The form is chosen by the `count` parameter, which is then written with the language's digits.
 */
export interface Plural {
  readonly one?: string;
  readonly other: string;
}
export type Message = string | Plural;
export type MessageParams = Record<string, string | number>;
export type Dictionary = Readonly<Record<string, Message>>;

export const isPlural = (m: Message): m is Plural => typeof m === 'object';

const rules = new Map<Lang, Intl.PluralRules>();
/** The CLDR plural category of a count in a language ("one" or "other" for id and en). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

/** The plural categories a language's messages must provide (id: other; en: one, other). */
export const pluralCategories = (lang: Lang): readonly string[] => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

/** A message in a language with its parameters. A numeric `count` picks the plural form and is formatted. */
export function formatMessage(lang: Lang, message: Message, params?: MessageParams): string {
  if (!isPlural(message)) return fill(message, params);
  const count = params?.count;
  if (typeof count !== 'number') return fill(message.other, params);
  const form = pluralCategory(lang, count) === 'one' ? (message.one ?? message.other) : message.other;
  return fill(form, { ...params, count: formatNumber(lang, count) });
}

/** `t(key, params)` over one dictionary per language, falling back to the first language's message. */
export function translator<K extends string>(
  dictionaries: Readonly<Record<Lang, Readonly<Record<K, Message>>>>,
  lang: Lang,
): (key: K, params?: MessageParams) => string {
  return (key, params) => {
    const message = dictionaries[lang][key] ?? dictionaries.id[key];
    return message === undefined ? key : formatMessage(lang, message, params);
  };
}
