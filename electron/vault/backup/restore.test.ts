/**
 * stageRestore on its own: a backup from an older schema is migrated forward, the audit trail is
 * re-sealed under the new key (and stays append-only), the metadata table is gone, and a failure
 * after the journal was written (no keychain) leaves nothing behind.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditKey } from '../audit/key';
import { appendAuditTx } from '../audit/repository';
import { verifyAudit } from '../audit/verify';
import { openDb, type Db } from '../db/driver';
import { applyMigrations, checkMigrations, latestVersion, migrations } from '../db/migrations';
import { tempDir } from '../db/testing';
import type { Keychain } from '../keys/keychain';
import { VaultError } from '../errors';
import { getMeta } from '../meta';
import { openVerified } from '../open';
import { fingerprint, unavailableKeychain, vaultErrorOf } from '../testing';
import { stageRestore } from './restore';
import { restoredPaths, settleRestore } from './swap';
import { addCustomers, PASSPHRASE, testBackupKey } from './testing';
import { inspectBackup } from './verify';
import { writeBackup } from './write';

class MemoryKeychain implements Keychain {
  readonly keys = new Map<string, string>();
  get = async (a: string) => this.keys.get(a) ?? null;
  set = async (a: string, s: string) => void this.keys.set(a, s);
  remove = async (a: string) => this.keys.delete(a);
  accounts = async () => [...this.keys.keys()];
}

let dirs: string[] = [];
beforeEach(() => {
  dirs = [];
});
afterEach(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const dir = (): string => {
  const d = tempDir('brankas-restore-');
  dirs.push(d);
  return d;
};

/** A vault file at schema `version` with an owner, customers and (from schema 3) an audit trail. */
async function vaultAt(version: number, keyHex: string): Promise<{ db: Db; path: string }> {
  const path = join(dir(), 'vault.db');
  const db = await openDb(path, keyHex, { create: true });
  await db.exec('PRAGMA journal_mode = WAL');
  const check = await checkMigrations(db, migrations.slice(0, version));
  if (check.kind !== 'ok') throw new Error(check.kind);
  await applyMigrations(db, check.pending);
  await db.exec("INSERT INTO meta (key, value) VALUES ('vault_id', 'old-vault'), ('recovery_confirmed', '1')");
  await db.exec("INSERT INTO staff (name, role, password_hash, created_at, updated_at) VALUES ('Ibu Sari', 'owner', 'x', 1, 1)");
  await addCustomers(db, 25);
  return { db, path };
}

const stage = (dataDir: string, backupPath: string, keychain: Keychain) =>
  stageRestore({ dataDir, backupPath, secret: { passphrase: PASSPHRASE }, keychain, recoveryCode: 'A'.repeat(30), previousVaultId: null, now: () => 1000, recoveryKdf: { N: 2 ** 12, r: 8, p: 1 } });

describe('stageRestore', () => {
  it('migrates a backup of an older schema forward and gives it its own id', async () => {
    const { db } = await vaultAt(2, '11'.repeat(32));
    const out = dir();
    const { path } = await writeBackup(db, { folder: out, key: await testBackupKey(), appVersion: '0.0.9', vaultId: 'old-vault', shopName: null });
    await db.close();
    expect((await inspectBackup(path, { passphrase: PASSPHRASE })).schemaVersion).toBe(2);
    const data = dir();
    const keychain = new MemoryKeychain();
    const { journal, info } = await stage(data, path, keychain);
    expect(info.counts).toEqual({ customers: 25, purchases: 0, staff: 1, auditEntries: 0 });
    const keyHex = keychain.keys.get(journal.newVaultId) ?? '';
    const restored = await openVerified(restoredPaths(data).db, keyHex, true);
    try {
      expect((await restored.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(latestVersion());
      expect(await getMeta(restored, 'vault_id')).toBe(journal.newVaultId);
      expect(await getMeta(restored, 'recovery_confirmed')).toBe('0');
      expect(await restored.get("SELECT 1 FROM sqlite_master WHERE name = 'brankas_backup'")).toBeUndefined();
      expect((await restored.get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n).toBe(25);
    } finally {
      await restored.close();
    }
  });

  it('re-seals the audit trail under the new key; it stays append-only', async () => {
    const oldKey = Buffer.alloc(32, 0x22);
    const { db } = await vaultAt(3, oldKey.toString('hex'));
    for (let i = 0; i < 30; i++) await appendAuditTx(db, auditKey(oldKey), { at: 1000 + i, actorId: 1, actorName: 'Ibu Sari', action: 'customer.view', outcome: 'ok', details: { i } });
    expect((await verifyAudit(db, auditKey(oldKey))).ok).toBe(true);
    const out = dir();
    const { path } = await writeBackup(db, { folder: out, key: await testBackupKey(), appVersion: '0.1.0', vaultId: 'old-vault', shopName: null });
    await db.close();
    const data = dir();
    const keychain = new MemoryKeychain();
    const { journal } = await stage(data, path, keychain);
    const keyHex = keychain.keys.get(journal.newVaultId) ?? '';
    const restored = await openVerified(restoredPaths(data).db, keyHex, true);
    try {
      expect(await verifyAudit(restored, auditKey(Buffer.from(keyHex, 'hex')))).toEqual({ ok: true, entries: 30 });
      expect((await verifyAudit(restored, auditKey(oldKey))).ok).toBe(false);
      await expect(restored.run('UPDATE audit_log SET actor_name = ? WHERE id = 1', ['x'])).rejects.toThrow(/append-only/);
      await expect(restored.run('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    } finally {
      await restored.close();
    }
  });

  it('a failure after the journal was written (no keychain) removes everything it staged', async () => {
    const { db } = await vaultAt(3, '33'.repeat(32));
    const out = dir();
    const { path } = await writeBackup(db, { folder: out, key: await testBackupKey(), appVersion: '0.1.0', vaultId: 'old-vault', shopName: null });
    await db.close();
    const data = dir();
    const before = fingerprint(data);
    expect((await vaultErrorOf(stage(data, path, unavailableKeychain))).code).toBe('keychain_unavailable');
    expect(fingerprint(data)).toEqual(before);
    const failing = new MemoryKeychain();
    failing.set = () => Promise.reject(new VaultError('keychain_unavailable', undefined, 'x'));
    expect((await vaultErrorOf(stage(data, path, failing))).detail).toBe('x');
    expect(readdirSync(data)).toEqual([]);
  });

  it('a staged restore found by settleRestore (crash before the swap) is discarded, key included', async () => {
    const { db } = await vaultAt(3, '44'.repeat(32));
    const out = dir();
    const { path } = await writeBackup(db, { folder: out, key: await testBackupKey(), appVersion: '0.1.0', vaultId: 'old-vault', shopName: null });
    await db.close();
    const data = dir();
    const keychain = new MemoryKeychain();
    await stage(data, path, keychain);
    expect(existsSync(join(data, 'restore.json'))).toBe(true);
    // What a kill inside the atomic write of the staged sidecar leaves (files.ts writeFileAtomic).
    writeFileSync(join(data, 'vault.restored.recovery.json.tmp-4242-1796308581554'), '{');
    expect(await settleRestore(data, keychain)).toBeNull();
    expect(readdirSync(data)).toEqual([]);
    expect(keychain.keys.size).toBe(0);
  });
});
