import { describe, it, expect } from 'vitest';
import { displayPhone, normalisePhone, phoneQueryDigits, phoneSearchTokens } from './phone';

describe('normalisePhone', () => {
  it.each(['0812-3456-7890', '081234567890', '62812 3456 7890', '+62 812-3456-7890', '+6281234567890', ' 0812 3456 7890 '])(
    'reads the mobile number %j as +6281234567890',
    (input) => {
      expect(normalisePhone(input)).toEqual({ e164: '+6281234567890', display: '0812-3456-7890' });
    },
  );

  it.each(['(021) 555-1234', '021 5551234', '021-555-1234', '+62 21 555 1234'])('reads the Jakarta landline %j', (input) => {
    expect(normalisePhone(input)).toEqual({ e164: '+62215551234', display: '(021) 5551234' });
  });

  it('reads 62… without a plus as the country code only when the national reading is invalid', () => {
    // "628123456789" is not a valid national number, so it is +62 812-3456-789.
    expect(normalisePhone('628123456789')).toEqual({ e164: '+628123456789', display: '0812-3456-789' });
  });

  it('accepts valid foreign numbers written with a plus and shows them internationally', () => {
    expect(normalisePhone('+65 6123 4567')).toEqual({ e164: '+6561234567', display: '+65 6123 4567' });
    expect(normalisePhone('+1 650-253-0000')).toEqual({ e164: '+16502530000', display: '+1 650 253 0000' });
  });

  it('treats an empty field as no phone', () => {
    expect(normalisePhone('')).toBeNull();
    expect(normalisePhone('   ')).toBeNull();
    expect(normalisePhone(undefined)).toBeNull();
  });

  it.each([
    '12345',
    '0812',
    'budi',
    '0812-3456-7890 budi', // trailing text would be dropped silently by the parser
    '0812 3456 7890 ext 5', // an extension cannot be stored in E.164
    '+6281234567890123',
    '+62 +812 3456',
    '+999 1234 5678',
  ])('rejects %j', (input) => {
    expect(normalisePhone(input)).toBe('invalid');
  });
});

describe('displayPhone', () => {
  it('shows stored numbers in the local form for Indonesia', () => {
    expect(displayPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(displayPhone('+62215551234')).toBe('(021) 5551234');
    expect(displayPhone('+6561234567')).toBe('+65 6123 4567');
  });
});

describe('phoneSearchTokens', () => {
  it('indexes the international digits, the 0… form and every national suffix of 3+ digits', () => {
    const tokens = phoneSearchTokens('+6281234567890').split(' ');
    expect(tokens.slice(0, 2)).toEqual(['6281234567890', '081234567890']);
    expect(tokens.slice(2)).toEqual([
      '81234567890',
      '1234567890',
      '234567890',
      '34567890',
      '4567890',
      '567890',
      '67890',
      '7890',
      '890',
    ]);
  });

  it('indexes a landline so its local number alone is found', () => {
    const tokens = phoneSearchTokens('+62215551234').split(' ');
    expect(tokens).toContain('62215551234');
    expect(tokens).toContain('0215551234');
    expect(tokens).toContain('5551234');
    expect(tokens.every((t) => /^\d{3,}$/.test(t))).toBe(true);
  });

  it('has no 0… form for numbers outside Indonesia', () => {
    expect(phoneSearchTokens('+6561234567').split(' ')).toEqual([
      '6561234567',
      '61234567',
      '1234567',
      '234567',
      '34567',
      '4567',
      '567',
    ]);
  });
});

describe('phoneQueryDigits', () => {
  it.each([
    ['812 34', '81234'],
    ['+62 812', '62812'],
    ['0812', '0812'],
    ['(021) 555-1234', '0215551234'],
    ['555.1234', '5551234'],
  ])('reads %j as the digits %j', (query, digits) => {
    expect(phoneQueryDigits(query)).toBe(digits);
  });

  it.each(['81', '8 1', 'budi 0812', 'jl. 123', '0812*', '', '  ', '+-()'])('does not treat %j as a phone query', (query) => {
    expect(phoneQueryDigits(query)).toBeNull();
  });
});

describe('the Indonesian mobile fast path', () => {
  it('gives exactly what the full library parse gives, for every mobile prefix and length', async () => {
    const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
    let checked = 0;
    for (let second = 0; second <= 9; second++) {
      for (let length = 7; length <= 13; length++) {
        for (const seed of [1234567890123, 9876543210987, 5550001112223]) {
          const national = `8${second}${String(seed).slice(0, length - 2)}`;
          for (const written of [`0${national}`, `+62${national}`, `0${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`, `+62 ${national}`]) {
            const lib = parsePhoneNumberFromString(written, 'ID');
            const expected = lib && lib.isValid() ? lib.number : 'invalid';
            const got = normalisePhone(written);
            expect(got === 'invalid' || got === null ? got : got.e164, written).toBe(expected);
            if (got !== 'invalid' && got !== null) {
              expect(got.display, written).toBe(lib!.formatNational());
              expect(displayPhone(got.e164), written).toBe(lib!.formatNational());
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(10 * 7 * 3 * 4);
  });
});
