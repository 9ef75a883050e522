/** safeDetails: no phone, e-mail or secret reaches the audit trail, whatever a caller passes. */
import { describe, expect, it } from 'vitest';
import type { AuditDetails } from '../../contract/audit';
import { detailsJson, looksSensitive, REDACTED, safeDetails } from './details';

describe('safeDetails', () => {
  it('keeps counts, field names, file names, roles and flags', () => {
    const d: AuditDetails = {
      rows: 1_250_000,
      fields: ['phone', 'email', 'city'],
      file: 'pelanggan-2024-05-01.csv',
      backup: 'brankas-2024-05-01T10-30-00Z.bak',
      at: '2024-05-01T10:30:00.123Z',
      role: 'manager',
      reason: 'Kasir shift pagi',
      total: 15000000,
      dryRun: false,
      note: null,
      version: '1.2.3',
    };
    expect(safeDetails(d)).toEqual(d);
  });

  it.each([
    '0812-3456-7890',
    '+62 812 3456 7890',
    '(021) 555 1234',
    '0812 345 678',
    'call 081234567 now',
    '3174012345678901',
    '2024-05-01 0812-3456-789',
  ])('redacts a phone-like string %j', (value) => {
    expect(safeDetails({ value })).toEqual({ value: REDACTED });
  });

  it.each(['budi@example.com', 'Budi <budi.s+toko@mail.co.id>', 'sent to sari_99@gmail.com'])('redacts an e-mail address %j', (value) => {
    expect(safeDetails({ value })).toEqual({ value: REDACTED });
  });

  it('redacts items inside a string[] and keeps the others', () => {
    expect(safeDetails({ changed: ['name', '0812 3456 7890', 'x@y.id', 'city'] })).toEqual({ changed: ['name', REDACTED, REDACTED, 'city'] });
  });

  it('drops keys named like secrets, whatever their value', () => {
    const out = safeDetails({
      password: 'hunter2hunter2',
      newPassword: 'x',
      passwd: 'x',
      secret: 'JBSWY3DPEHPK3PXP',
      totpSecret: 'x',
      otp: '123456',
      code: 'ABCDE',
      recoveryCode: 'ABCDE-FGHIJ',
      backupCodes: ['a', 'b'],
      token: 't',
      accessToken: 't',
      kept: 'yes',
    });
    expect(out).toEqual({ kept: 'yes' });
  });

  it('drops keys that are themselves an e-mail or a phone number, and values of the wrong type', () => {
    const raw = { 'budi@example.com': 1, '081234567890': 2, nested: { a: 1 }, mixed: ['a', 1], inf: Infinity, ok: 1 };
    expect(safeDetails(raw as unknown as AuditDetails)).toEqual({ ok: 1 });
  });

  it('does not treat short numbers or dates as phones', () => {
    for (const s of ['123456', '12-34-56', '2024-05-01', '2024-05-01T23:59:59+07:00', 'id 123', 'v0.1.0']) expect(looksSensitive(s), s).toBe(false);
  });

  it('stores sorted, redacted JSON', () => {
    expect(detailsJson({ b: 1, a: '0812 3456 7890', password: 'x' })).toBe(`{"a":"${REDACTED}","b":1}`);
    expect(detailsJson(undefined)).toBe('{}');
  });
});
