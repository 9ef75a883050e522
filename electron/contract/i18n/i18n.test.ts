import { describe, expect, it } from 'vitest';
import { dayIn, dictionaryProblems, formatClock, formatDate, formatDay, formatMessage, formatNumber, formatRupiah, translator, type Plural } from '.';

const customers: Record<'id' | 'en', Plural> = {
  id: { other: '{count} pelanggan' },
  en: { one: '{count} customer', other: '{count} customers' },
};

describe('shared formats', () => {
  it('writes money, numbers and dates the way each language does', () => {
    expect(formatRupiah(1_250_000)).toBe('Rp 1.250.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatNumber('id', 1250)).toBe('1.250');
    expect(formatNumber('en', 1250)).toBe('1,250');
    expect(formatNumber('id', 12.34, { maximumFractionDigits: 1 })).toBe('12,3');
    expect(formatDate('id', '2026-12-03', 'long')).toBe('3 Desember 2026');
    expect(formatDate('en', '2026-12-03', 'long')).toBe('3 December 2026');
    expect(formatDate('id', '2026-05-01')).toBe('1 Mei 2026');
    expect(formatDate('en', '2026-12-31')).toBe('31 Dec 2026');
  });

  it('leaves what is not a calendar date alone', () => {
    expect(formatDate('id', '2026-02-30')).toBe('2026-02-30');
    expect(formatDate('en', 'soon')).toBe('soon');
  });

  it('formats a moment as its local calendar day', () => {
    const local = new Date(2026, 11, 3, 23, 30).getTime();
    expect(formatDay('en', local, 'long')).toBe('3 December 2026');
  });
});

describe('moments in the shop\'s time zone', () => {
  it('give the date and the clock time there, whatever the machine\'s zone', () => {
    const late = Date.UTC(2026, 11, 4, 18, 5); // 01:05 the next day in Jakarta
    expect(dayIn(late, 'Asia/Jakarta')).toBe('2026-12-05');
    expect(dayIn(late, 'UTC')).toBe('2026-12-04');
    expect(formatClock('id', late, 'Asia/Jakarta')).toBe('01.05');
    expect(formatClock('en', late, 'Asia/Jakarta')).toBe('01:05');
    expect(formatClock('en', late, 'Asia/Jayapura')).toBe('03:05');
  });
});

describe('plural messages', () => {
  it('pick the form by count: Indonesian has one form, English two', () => {
    expect([0, 1, 2, 1250].map((count) => formatMessage('id', customers.id, { count }))).toEqual([
      '0 pelanggan',
      '1 pelanggan',
      '2 pelanggan',
      '1.250 pelanggan',
    ]);
    expect([0, 1, 2, 1250].map((count) => formatMessage('en', customers.en, { count }))).toEqual([
      '0 customers',
      '1 customer',
      '2 customers',
      '1,250 customers',
    ]);
  });

  it('take the other form when the count is already text (e.g. "1.000+")', () => {
    expect(formatMessage('en', customers.en, { count: '1,000+' })).toBe('1,000+ customers');
  });

  it('translate with a fallback to Indonesian and keep unknown placeholders visible', () => {
    const t = translator({ id: { a: 'Halo {name}', b: 'hanya id' }, en: { a: 'Hello {name}' } as Record<'a' | 'b', string> }, 'en');
    expect(t('a', { name: 'Sari' })).toBe('Hello Sari');
    expect(t('a')).toBe('Hello {name}');
    expect(t('b')).toBe('hanya id');
  });
});

describe('dictionaryProblems', () => {
  it('finds nothing wrong in matching dictionaries', () => {
    expect(dictionaryProblems({ id: { c: customers.id, x: 'Halo {name}' }, en: { c: customers.en, x: 'Hello {name}' } })).toEqual([]);
  });

  it('names every kind of fault', () => {
    const problems = dictionaryProblems({
      id: { gone: 'ada', empty: ' ', c: { one: '{count} x', other: '{count} x' }, p: 'Halo {name}', mixed: 'teks' },
      en: { only: 'en', empty: 'x', c: { other: '{count} x' }, p: 'Hello {who}', mixed: { one: 'a', other: 'b' } },
    });
    expect(problems).toEqual([
      'c: id plural forms are [one,other], the language has [other]',
      'c: en plural forms are [other], the language has [one,other]',
      'empty: empty in id',
      'gone: missing in en',
      'mixed: plural in one language only',
      'only: missing in id',
      'p: placeholders differ',
    ]);
  });
});
