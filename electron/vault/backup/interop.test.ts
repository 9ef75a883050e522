/**
 * A backup is a standard SQLCipher 4 file: an independent implementation (SQLite3 Multiple
 * Ciphers, through better-sqlite3-multiple-ciphers) opens it with nothing but the passphrase the
 * Owner keeps on paper, and reads the customers back.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { deriveBackupKey } from './key';
import { addCustomers } from './testing';
import { writeBackup } from './write';

let t: TestDb;
let out: string;
beforeEach(async () => {
  t = await openTestDb();
  await t.db.run("INSERT INTO meta (key, value) VALUES ('vault_id', 'v-1')");
  out = tempDir('brankas-interop-');
});
afterEach(async () => {
  await t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const open = (path: string, passphrase: string) => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = '${passphrase.replaceAll("'", "''")}'`);
  return db;
};

describe('interop', () => {
  it('better-sqlite3-multiple-ciphers (cipher=sqlcipher, legacy=4) reads a backup with only the passphrase', async () => {
    // Non-ASCII and a quote: the KDF input is the passphrase's UTF-8 bytes, as SQLCipher's.
    const passphrase = "Kopi d'Bu Sari — 7 gelas, gula aren!";
    const key = await deriveBackupKey(passphrase);
    await addCustomers(t.db, 120, 'Ibu');
    const r = await writeBackup(t.db, { folder: out, key, appVersion: '0.1.0', vaultId: 'v-1', shopName: 'Sari', now: () => 0 });
    const db = open(r.path, passphrase);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT name, phone FROM customers ORDER BY id').all() as { name: string; phone: string }[];
      expect(rows).toHaveLength(120);
      expect(rows[0]).toEqual({ name: 'Ibu 1', phone: '+6281210000001' });
      expect(rows[119]?.name).toBe('Ibu 120');
      const meta = Object.fromEntries((db.prepare('SELECT key, value FROM brankas_backup').all() as { key: string; value: string }[]).map((m) => [m.key, m.value]));
      expect(meta).toMatchObject({ vault_id: 'v-1', customers: '120', shop_name: 'Sari', app_version: '0.1.0' });
    } finally {
      db.close();
    }
    // The wrong passphrase opens nothing.
    const wrong = open(r.path, 'kopi');
    expect(() => wrong.prepare('SELECT count(*) FROM customers').get()).toThrow(/not a database/);
    wrong.close();
  });
});
