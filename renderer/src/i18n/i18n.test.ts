import { describe, expect, it } from 'vitest';
import { errorCodes, fieldErrorCodes } from '../contract';
import { en } from './en';
import { id } from './id';
import { translate } from './translate';

const dictionaries = { id, en } as Record<string, Record<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every source file under renderer/src, as text (Vite's glob: no Node APIs in the renderer).
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('i18n dictionaries', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it.each(Object.keys(dictionaries))('%s has no empty message', (locale) => {
    const empty = Object.entries(dictionaries[locale]!).filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('use the same {placeholders} in both languages', () => {
    const differing = Object.keys(id).filter(
      (key) => placeholders(id[key as keyof typeof id]).join() !== placeholders(en[key as keyof typeof en]).join(),
    );
    expect(differing).toEqual([]);
  });

  it.each(Object.keys(dictionaries))('%s has a message for every ErrorCode and FieldErrorCode', (locale) => {
    const dict = dictionaries[locale]!;
    const missing = [
      ...errorCodes.map((c) => `error.${c}`),
      ...fieldErrorCodes.map((c) => `field.${c}`),
    ].filter((key) => !dict[key]?.trim());
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
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('id', 'signIn.welcome', { name: 'Sari' })).toBe('Selamat datang kembali, Sari.');
    expect(translate('en', 'signIn.welcome')).toBe('Welcome back, {name}.');
  });
});
