/**
 * A restore erases again: a backup taken before an erasure does not bring the customer back — from
 * the live vault's register, from the copy beside it when the live vault cannot be opened, and into
 * a backup older than the register itself (migrated on open) — and the preview says how many.
 * Real SQLCipher files and the real OS keychain.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/repository';
import { verifyAudit } from '../audit/verify';
import { restoredPaths } from '../backup/swap';
import { addCustomers, PASSPHRASE, testBackupKey } from '../backup/testing';
import { inspectBackup } from '../backup/verify';
import { stageRestore } from '../backup/restore';
import { writeBackup } from '../backup/write';
import { openDb } from '../db/driver';
import { applyMigrations, checkMigrations, migrations } from '../db/migrations';
import { openVerified, readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { getRequestRow, requestEvents } from '../requests/repository';
import type { VaultService } from '../service';
import { filesContaining, PASSWORD, VaultFixture } from '../testing';
import { readRegisterFile, writeRegisterFile } from './register-file';
import { listErasures, listRetained } from './repository';
import { createErasureService } from './service';
import { canariesIn, canaryBytes, dumpText, ftsTokens, seedCanary } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

async function owner(): Promise<{ svc: VaultService; dir: string; vaultId: string }> {
  const v = await fx.create();
  const svc = fx.service(v.dir);
  await svc.init();
  await svc.signIn({ staffId: 1, password: PASSWORD });
  return { svc, dir: v.dir, vaultId: v.vaultId };
}

/** A backup of the vault now (before the erasure), in a folder of its own. */
async function backupNow(svc: VaultService, vaultId: string): Promise<string> {
  const { path } = await writeBackup(svc.db(), { folder: fx.dir(), key: await testBackupKey(), appVersion: '0.1.0', vaultId, shopName: null });
  return path;
}

async function restoreAndSignIn(svc: VaultService, dir: string, path: string): Promise<void> {
  await svc.restore(path, { passphrase: PASSPHRASE });
  fx.track(readRecoveryFile(vaultPaths(dir))!.vaultId);
  await svc.signIn({ staffId: 1, password: PASSWORD });
}

/** What the restored vault holds of the erased customer: nothing, and the register says so. */
async function expectErasedAgain(svc: VaultService, id: number, request: number): Promise<void> {
  const db = svc.db();
  expect(await db.get('SELECT 1 FROM customers WHERE id = ?', [id])).toBeUndefined();
  expect((await ftsTokens(db)).filter((t) => t.includes('kenari') || t.includes('99887766'))).toEqual([]);
  expect(canariesIn(await dumpText(db))).toEqual([]);
  const [entry] = await listErasures(db);
  expect(entry?.customerId).toBe(id);
  expect((await listRetained(db, entry!.id)).length).toBe(2);
  expect(await getRequestRow(db, request)).toMatchObject({ asked: null, requester: null });
  expect((await requestEvents(db, request)).every((e) => e.detail === null)).toBe(true);
  const page = await listAudit(db, { action: 'customer.erase', limit: 10 });
  expect(page.entries[0]).toMatchObject({ actorName: 'system', targetType: 'file', details: { erasedAgain: 1, purchasesKept: 2 } });
  expect(canariesIn(JSON.stringify(page.entries))).toEqual([]);
  const restore = await listAudit(db, { action: 'backup.restore', limit: 10 });
  expect(restore.entries.at(-1)?.details).toMatchObject({ erasedAgain: 1 });
  // The re-erasure's entry is sealed into the restored vault's chain like any other.
  expect((await verifyAudit(db, svc.auditKey())).ok).toBe(true);
}

describe('a restore of a backup taken before an erasure', () => {
  it('previews one customer to erase again, and the restored vault does not hold them', async () => {
    const { svc, dir, vaultId } = await owner();
    const seeded = await seedCanary(svc);
    await addCustomers(svc.db(), 3);
    const path = await backupNow(svc, vaultId);
    await createErasureService(svc).erase(seeded.id);

    // Without the register the backup is just a backup; with it, the preview counts the customer.
    expect((await inspectBackup(path, { passphrase: PASSPHRASE })).erasedAgain).toBe(0);
    expect(await svc.inspectBackup(path, { passphrase: PASSPHRASE })).toMatchObject({ erasedAgain: 1, counts: { customers: 4 } });

    await restoreAndSignIn(svc, dir, path);
    await expectErasedAgain(svc, seeded.id, seeded.request);
    expect((await svc.db().get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n).toBe(3);
    // Nothing of the customer in the restored vault's files or the WAL beside them (the backup itself is elsewhere).
    expect(filesContaining(dir, canaryBytes())).toEqual([]);
  });

  it('erases again from the copy beside the vault when the live vault cannot be opened', async () => {
    const { svc, dir, vaultId } = await owner();
    const seeded = await seedCanary(svc);
    const path = await backupNow(svc, vaultId);
    await createErasureService(svc).erase(seeded.id);
    await svc.close();
    // The key is gone: the vault here cannot be opened, only its register copy can be read.
    await fx.keychain.remove(vaultId);
    const next = fx.service(dir);
    expect((await next.init()).state).toBe('needs_recovery');
    expect(readRegisterFile(dir)).toHaveLength(1);
    expect((await next.inspectBackup(path, { passphrase: PASSPHRASE })).erasedAgain).toBe(1);

    await restoreAndSignIn(next, dir, path);
    await expectErasedAgain(next, seeded.id, seeded.request);
  });

  it('a backup older than the register (schema 5) is migrated, then erased again by id and creation time', async () => {
    const keyHex = '55'.repeat(32);
    const old = await openDb(join(fx.dir(), 'vault.db'), keyHex, { create: true });
    const check = await checkMigrations(old, migrations.slice(0, 5));
    if (check.kind !== 'ok') throw new Error(check.kind);
    await applyMigrations(old, check.pending);
    await old.exec("INSERT INTO meta (key, value) VALUES ('vault_id', 'old-vault'), ('recovery_confirmed', '1')");
    await old.exec("INSERT INTO staff (name, role, password_hash, created_at, updated_at) VALUES ('Ibu Sari', 'owner', 'x', 1, 1)");
    await addCustomers(old, 5);
    const { path } = await writeBackup(old, { folder: fx.dir(), key: await testBackupKey(), appVersion: '0.0.9', vaultId: 'old-vault', shopName: null });
    await old.close();

    const data = fx.dir();
    const digest = 'ab'.repeat(32);
    writeRegisterFile(data, [
      { customerId: 3, createdAt: 1_700_000_000_003, digest, erasedAt: 1_800_000_000_000 },
      // Same id, another record (another creation time): not the erased one, kept.
      { customerId: 4, createdAt: 1, digest: 'cd'.repeat(32), erasedAt: 1_800_000_000_000 },
      { customerId: 99, createdAt: 5, digest: 'ef'.repeat(32), erasedAt: 1_800_000_000_000 },
    ]);
    const register = readRegisterFile(data);
    expect((await inspectBackup(path, { passphrase: PASSPHRASE }, register)).erasedAgain).toBe(1);
    const { journal, info } = await stageRestore({
      dataDir: data,
      backupPath: path,
      secret: { passphrase: PASSPHRASE },
      keychain: fx.keychain,
      recoveryCode: 'A'.repeat(30),
      previousVaultId: null,
      now: () => 1_900_000_000_000,
      recoveryKdf: { N: 2 ** 12, r: 8, p: 1 },
    });
    fx.track(journal.newVaultId);
    expect(info.erasedAgain).toBe(1);
    const restored = await openVerified(restoredPaths(data).db, (await fx.keychain.get(journal.newVaultId))!, true);
    try {
      expect((await restored.all<{ id: number }>('SELECT id FROM customers ORDER BY id')).map((r) => r.id)).toEqual([1, 2, 4, 5]);
      expect((await listErasures(restored)).map((e) => [e.customerId, e.createdAt, e.erasedAt])).toEqual([
        [3, 1_700_000_000_003, 1_800_000_000_000],
        [99, 5, 1_800_000_000_000],
      ]);
      expect((await ftsTokens(restored)).filter((t) => t === 'pelanggan').length).toBe(1);
      expect(await restored.get("SELECT count(*) AS n FROM audit_log WHERE action = 'customer.erase'")).toEqual({ n: 1 });
    } finally {
      await restored.close();
    }
  });
});
