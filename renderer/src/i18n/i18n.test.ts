import { describe, expect, it } from 'vitest';
import { dictionaryProblems, errorCodes, fieldErrorCodes, type Message } from '../contract';
import { en } from './en';
import { id } from './id';
import { translate } from './translate';

const dictionaries: Record<'id' | 'en', Record<string, Message>> = { id, en };

// Every source file under renderer/src, as text (Vite's glob: no Node APIs in the renderer).
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('i18n dictionaries', () => {
  // The shared check (electron/contract/i18n/check.ts), the same the documents' dictionaries pass:
  // a key missing in either language, an empty message, differing {placeholders}, or a plural
  // message without exactly its language's forms (en: one + other; id: other) each fail here.
  it('have the same keys, placeholders and plural forms in both languages', () => {
    expect(Object.keys(id).length).toBeGreaterThan(500);
    expect(dictionaryProblems(dictionaries)).toEqual([]);
  });

  it('fail the check when a key is missing in either language', () => {
    const { ['customers.title']: _gone, ...withoutOne } = en;
    expect(dictionaryProblems({ id, en: withoutOne })).toEqual(['customers.title: missing in en']);
    const { ['customers.count']: _alsoGone, ...idWithout } = id;
    expect(dictionaryProblems({ id: idWithout, en })).toEqual(['customers.count: missing in id']);
  });

  it.each(['id', 'en'] as const)('%s has a message for every ErrorCode and FieldErrorCode', (locale) => {
    const dict = dictionaries[locale];
    const missing = [
      ...errorCodes.map((c) => `error.${c}`),
      ...fieldErrorCodes.map((c) => `field.${c}`),
    ].filter((key) => dict[key] === undefined);
    expect(missing).toEqual([]);
  });

  it('has every key used as t(…) in the source', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*(['"`])([^'"`$]+)\1/g)) used.add(m[2]!);
    }
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in id))).toEqual([]);
  });
});

describe('translate', () => {
  it('picks plural forms by count and writes the count in the language', () => {
    expect([1, 2, 1250].map((count) => translate('en', 'customers.count', { count }))).toEqual(['1 customer', '2 customers', '1,250 customers']);
    expect([1, 1250].map((count) => translate('id', 'customers.count', { count }))).toEqual(['1 pelanggan', '1.250 pelanggan']);
    expect(translate('en', 'customers.count', { count: '1,000+' })).toBe('1,000+ customers');
    expect(translate('en', 'import.done.notice', { count: 1 })).toBe('1 customer imported.');
    expect(translate('en', 'fields.off.body', { count: 1, field: 'Email' })).toMatch(/^1 customer has a value for Email\./);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('id', 'signIn.welcome', { name: 'Sari' })).toBe('Selamat datang kembali, Sari.');
    expect(translate('en', 'signIn.welcome')).toBe('Welcome back, {name}.');
  });
});
