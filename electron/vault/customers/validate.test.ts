import { describe, it, expect } from 'vitest';
import type { CustomerInput } from '../../contract';
import { VaultError } from '../errors';
import { testCatalogue } from '../fields/testing';
import { checkCustomer, isRealIsoDate, localIsoDate, normaliseTags, validateCustomer as validateWith } from './validate';

const ALL_ON = testCatalogue();
/** 29 Nov 2026, local noon. */
const NOW = new Date(2026, 10, 29, 12).getTime();
const validateCustomer = (input: CustomerInput) => validateWith(input, ALL_ON, NOW);
const EMPTY = { birthday: null, gender: null, preferences: null, custom: {} };

const fieldsOf = (fn: () => unknown): Record<string, string> | undefined => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('invalid_input');
    return (err as VaultError).fields;
  }
  throw new Error('expected a validation error');
};

describe('validateCustomer', () => {
  it('normalises a full customer', () => {
    expect(
      validateCustomer({
        name: '  Budi Santoso ',
        phone: '0812-3456-7890',
        email: ' Budi.Santoso@Gmail.COM ',
        address: ' Jl. Merdeka 1 ',
        city: 'Bandung',
        notes: ' suka kopi\nlangganan ',
        tags: ['VIP', ' grosir ', 'vip', 'Grosir', 'baru'],
      }),
    ).toEqual({
      name: 'Budi Santoso',
      phone: '+6281234567890',
      email: 'budi.santoso@gmail.com',
      address: 'Jl. Merdeka 1',
      city: 'Bandung',
      notes: 'suka kopi\nlangganan',
      tags: ['VIP', 'grosir', 'baru'],
      ...EMPTY,
    });
  });

  it('turns empty and missing optional fields into null and no tags', () => {
    expect(validateCustomer({ name: 'Ani', phone: '  ', email: '', address: ' ', city: undefined })).toEqual({
      name: 'Ani',
      phone: null,
      email: null,
      address: null,
      city: null,
      notes: null,
      tags: [],
      ...EMPTY,
    });
  });

  it('reports every field problem at once', () => {
    expect(fieldsOf(() => validateCustomer({ name: ' ', phone: '0812', email: 'budi@', tags: ['x'.repeat(41)] }))).toEqual({
      name: 'required',
      phone: 'invalid_phone',
      email: 'invalid_email',
      tags: 'too_long',
    });
  });

  it.each(['budi', 'budi@gmail', 'budi @gmail.com', 'budi@@gmail.com', 'budi@gmail.com extra', '@gmail.com'])(
    'rejects the email %j',
    (email) => {
      expect(fieldsOf(() => validateCustomer({ name: 'Budi', email }))).toEqual({ email: 'invalid_email' });
    },
  );

  it.each(['budi@gmail.com', 'budi.santoso+toko@mail.co.id', "o'neil@example.org"])('accepts the email %j', (email) => {
    expect(validateCustomer({ name: 'Budi', email }).email).toBe(email);
  });

  it('re-checks the limits the schema also enforces', () => {
    expect(
      fieldsOf(() =>
        validateCustomer({ name: 'n'.repeat(201), city: 'c'.repeat(101), tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
      ),
    ).toEqual({ name: 'too_long', city: 'too_long', tags: 'too_many' });
  });
});

describe('normaliseTags', () => {
  it('keeps the first spelling of case-insensitive duplicates, in order', () => {
    expect(normaliseTags([' Reseller', 'reseller', 'Ibu', 'IBU ', '', 'Pelanggan Setia'])).toEqual([
      'Reseller',
      'Ibu',
      'Pelanggan Setia',
    ]);
    expect(normaliseTags(undefined)).toEqual([]);
  });
});

describe('the field catalogue', () => {
  const catalogue = testCatalogue({
    off: ['address', 'birthday', 'gender', 'preferences'],
    custom: [
      { key: 'custom_1', kind: 'number', label: 'Ukuran sepatu' },
      { key: 'custom_2', kind: 'date', label: 'Member sejak' },
      { key: 'custom_3', kind: 'choice', label: 'Ukuran baju', choices: ['S', 'M', 'XL'] },
      { key: 'custom_4', kind: 'text', label: 'Nama toko' },
      { key: 'custom_5', kind: 'text', label: 'Dimatikan', enabled: false },
    ],
  });
  const check = (input: CustomerInput) => checkCustomer(input, catalogue, NOW);

  it('refuses a value for a switched-off field, and only that', () => {
    expect(
      check({ name: 'Budi', address: 'Jl. Mawar 3', birthday: '1990-01-02', gender: 'male', preferences: 'teh', phone: 'x' }),
    ).toEqual({
      ok: false,
      errors: { address: 'field_disabled', birthday: 'field_disabled', gender: 'field_disabled', preferences: 'field_disabled', phone: 'invalid_phone' },
    });
    // Sent blank is the same as not sent.
    expect(check({ name: 'Budi', address: '  ', preferences: '' })).toMatchObject({ ok: true });
  });

  it('refuses values for switched-off and unknown custom fields, ignoring blank ones', () => {
    expect(check({ name: 'Budi', custom: { custom_5: 'x', custom_99: 3 } })).toEqual({
      ok: false,
      errors: { custom_5: 'field_disabled', custom_99: 'field_disabled' },
    });
    expect(check({ name: 'Budi', custom: { custom_5: ' ', custom_99: '' } })).toEqual({
      ok: true,
      customer: expect.objectContaining({ custom: {} }),
    });
  });

  it('checks custom values against their kind and stores them normalised', () => {
    expect(
      check({ name: 'Budi', custom: { custom_1: ' 42.5 ', custom_2: '2024-02-29', custom_3: 'xl', custom_4: '  Toko Maju  ' } }),
    ).toMatchObject({ ok: true, customer: { custom: { custom_1: 42.5, custom_2: '2024-02-29', custom_3: 'XL', custom_4: 'Toko Maju' } } });
    expect(check({ name: 'Budi', custom: { custom_1: 7 } })).toMatchObject({ ok: true, customer: { custom: { custom_1: 7 } } });
    expect(
      check({ name: 'Budi', custom: { custom_1: '4,5kg', custom_2: '2023-02-29', custom_3: 'XXL', custom_4: 't'.repeat(501) } }),
    ).toEqual({
      ok: false,
      errors: { custom_1: 'invalid_number', custom_2: 'invalid_date', custom_3: 'invalid_choice', custom_4: 'too_long' },
    });
    for (const bad of ['Infinity', 'NaN', '1e999', '--1', '']) {
      const r = check({ name: 'Budi', custom: { custom_1: bad } });
      expect(r.ok ? r.customer.custom : r.errors, bad).toEqual(bad === '' ? {} : { custom_1: 'invalid_number' });
    }
    expect(check({ name: 'Budi', custom: { custom_1: Number.POSITIVE_INFINITY } })).toMatchObject({ ok: false });
  });

  it('takes a real birthday that is not in the future, and a known gender', () => {
    expect(validateCustomer({ name: 'Ani', birthday: '1990-07-17', gender: 'female', preferences: ' teh manis ' })).toMatchObject({
      birthday: '1990-07-17',
      gender: 'female',
      preferences: 'teh manis',
    });
    expect(validateCustomer({ name: 'Ani', birthday: '2026-11-29' }).birthday).toBe('2026-11-29');
    for (const birthday of ['2026-11-30', '2031-01-01', '1990-02-30', '1990-13-01', '1899-12-31', '90-01-01']) {
      expect(fieldsOf(() => validateCustomer({ name: 'Ani', birthday })), birthday).toEqual({ birthday: 'invalid_date' });
    }
    expect(fieldsOf(() => validateCustomer({ name: 'Ani', gender: 'L' as never }))).toEqual({ gender: 'invalid_value' });
    expect(fieldsOf(() => validateCustomer({ name: 'Ani', preferences: 'p'.repeat(2001) }))).toEqual({ preferences: 'too_long' });
  });
});

describe('dates', () => {
  it('knows real calendar days', () => {
    expect(['2024-02-29', '2000-02-29', '0001-01-01', '2026-12-31'].every(isRealIsoDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '0000-01-01', '2026-1-1', ' 2026-01-01'].some(isRealIsoDate)).toBe(false);
  });

  it('names today on the local clock', () => {
    expect(localIsoDate(NOW)).toBe('2026-11-29');
    expect(localIsoDate(new Date(2026, 0, 5, 0, 0, 1).getTime())).toBe('2026-01-05');
  });
});
