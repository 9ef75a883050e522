/**
 * The audit trail's MAC key. It is derived from the vault's data key with HKDF-SHA256 under its
 * own label, so the MACs never expose the data key and a key for any other purpose (derived with
 * another label) is unrelated to this one. The data key itself goes nowhere else from here.
 */
import { hkdfSync } from 'node:crypto';

export const AUDIT_KEY_INFO = 'brankas/audit/v1';
export const AUDIT_KEY_BYTES = 32;

/** HKDF-SHA256(dataKey, salt = empty, info = 'brankas/audit/v1') → 32 bytes. */
export function auditKey(dataKey: Buffer): Buffer {
  if (dataKey.length !== 32) throw new Error('the data key must be 32 bytes');
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), AUDIT_KEY_INFO, AUDIT_KEY_BYTES));
}
