import { describe, it, expect } from 'vitest';
import { VaultError } from '../errors';
import { normaliseTags, validateCustomer } from './validate';

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
