/** Test helpers for backups: customers to back up, and a fixed passphrase's key. */
import type { Queryable } from '../db/driver';
import { insertCustomer } from '../customers/repository';
import type { NormalisedCustomer } from '../customers/validate';
import { deriveBackupKey, type BackupKey } from './key';

export const PASSPHRASE = 'kopi susu gula aren di pagi hari';

export const customer = (name: string, phone: string | null = null): NormalisedCustomer => ({
  name,
  phone,
  email: null,
  address: null,
  city: 'Bandung',
  notes: null,
  tags: [],
  birthday: null,
  gender: null,
  preferences: null,
  custom: {},
});

/** Adds `n` customers named `${prefix} 1…n` in one transaction. */
export async function addCustomers(db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, n: number, prefix = 'Pelanggan'): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 1; i <= n; i++) await insertCustomer(tx, customer(`${prefix} ${i}`, `+62812${String(10_000_000 + i)}`), 1_700_000_000_000 + i);
  });
}

let cached: Promise<BackupKey> | undefined;
/** One derived key per test file (PBKDF2 at 256k iterations takes ~0.1 s). */
export const testBackupKey = (): Promise<BackupKey> => (cached ??= deriveBackupKey(PASSPHRASE));
