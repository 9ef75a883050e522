/** Test helpers for backups: customers to back up, a fixed passphrase's key, and damage SQLCipher cannot see. */
import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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

/** SQLCipher 4's page layout: 4096 bytes, the last 80 reserved for a 16-byte IV and a 64-byte HMAC-SHA512. */
const PAGE = 4096;
const IV = 16;
const MAC = 64;

/**
 * Rewrites page `pgno` (not page 1) of a backup file keyed with `k` as SQLCipher 4 would: decrypts
 * it (AES-256-CBC with the page's IV), lets `mutate` change the plaintext, encrypts it again under
 * a new IV and signs it with a correct HMAC (HMAC-SHA512 over ciphertext ‖ IV ‖ page number LE, key
 * PBKDF2-HMAC-SHA512(K, S ⊕ 0x3a, 2 iterations)). The result is damage `cipher_integrity_check`
 * cannot see. Throws if the page's stored HMAC does not match first (the layout assumed here is wrong).
 */
export function rewritePage(path: string, k: BackupKey, pgno: number, mutate: (plain: Buffer) => void): void {
  if (pgno < 2) throw new RangeError('page 1 starts with the salt; not supported');
  const macKey = pbkdf2Sync(k.key, Buffer.from(k.salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
  const sign = (cipherAndIv: Buffer): Buffer => {
    const pg = Buffer.alloc(4);
    pg.writeUInt32LE(pgno);
    return createHmac('sha512', macKey).update(cipherAndIv).update(pg).digest();
  };
  const file = readFileSync(path);
  const page = file.subarray((pgno - 1) * PAGE, pgno * PAGE);
  const body = PAGE - IV - MAC;
  if (!sign(page.subarray(0, body + IV)).equals(page.subarray(body + IV))) throw new Error(`page ${pgno}: HMAC does not match the assumed layout`);
  const decipher = createDecipheriv('aes-256-cbc', k.key, page.subarray(body, body + IV)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(page.subarray(0, body)), decipher.final()]);
  mutate(plain);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-cbc', k.key, iv).setAutoPadding(false);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final(), iv]);
  Buffer.concat([encrypted, sign(encrypted)]).copy(page);
  writeFileSync(path, file);
}
