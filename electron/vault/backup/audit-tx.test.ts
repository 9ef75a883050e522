/**
 * Backups record their own entries (records.ts `own`). A temporary trigger on the vault's
 * connection refuses the audit insert for one action; through the real router (real vault,
 * SQLCipher, keychain, a real folder) the call then fails with `audit_failed` and nothing changes:
 * no backup file (nor a partial one) appears, the passphrase and the schedule stay as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry, AuditPage, BackupResult, BackupStatus, ChannelName, Result } from '../../contract';
import { createRouter, type Router } from '../../ipc/router';
import { testContext, type TestContext } from '../../ipc/testing';
import { tempDir } from '../db/testing';
import { systemKeychain } from '../keys/keychain';
import { getMeta } from '../meta';
import { readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { VaultService } from '../service';
import { FAST_KDF } from '../testing';
import { createBackupService } from './service';
import { addCustomers, PASSPHRASE } from './testing';

const ORIGIN = 'app://brankas';
const OTHER_PASSPHRASE = 'teh manis hangat di sore yang hujan';
const SCHEDULE = { daily: true, onClose: false, keepDaily: 7, keepWeekly: 4, warnAfterDays: 7 };

let dir: string;
let usb: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const refused = { ok: false, error: { code: 'audit_failed' } };

/** From now on, appending an entry for `action` fails inside whatever transaction tries it. */
const refuse = (action: string) =>
  vault.db().exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
const allow = () => vault.db().exec('DROP TRIGGER IF EXISTS temp.refuse');

const backupMeta = () => vault.db().all("SELECT key, value FROM meta WHERE key LIKE 'backup_%' ORDER BY key");
const trail = async (): Promise<AuditEntry[]> => (await value<AuditPage>(call('audit.list', { limit: 500 }))).entries;

beforeEach(async () => {
  dir = tempDir();
  usb = tempDir('brankas-usb-');
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: 'kopi-susu-gula-aren-42' }));
  await addCustomers(vault.db(), 20);
});

afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(usb, { recursive: true, force: true });
});

describe('backup.* when the entry cannot be written', () => {
  it('backup.setup: audit_failed, and the passphrase is neither set nor replaced', async () => {
    await refuse('security.update');
    expect(await call('backup.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE })).toEqual(refused);
    expect(await getMeta(vault.db(), 'backup_key')).toBeUndefined();
    expect((await value<BackupStatus>(call('backup.status'))).configured).toBe(false);
    await allow();
    await value(call('backup.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE }));
    const stored = await getMeta(vault.db(), 'backup_key');
    expect(stored).toMatch(/^[0-9a-f]{96}$/);
    await refuse('security.update');
    expect(await call('backup.setup', { passphrase: OTHER_PASSPHRASE, confirm: OTHER_PASSPHRASE })).toEqual(refused);
    expect(await getMeta(vault.db(), 'backup_key')).toBe(stored);
  });

  it('backup.saveSchedule and backup.pickFolder: the schedule and the folder stay as they were', async () => {
    const before = await backupMeta();
    await refuse('settings.update');
    expect(await call('backup.saveSchedule', SCHEDULE)).toEqual(refused);
    ctx.dialogs.folders.push(usb);
    expect(await call('backup.pickFolder')).toEqual(refused);
    expect(await backupMeta()).toEqual(before);
    expect((await value<BackupStatus>(call('backup.status'))).schedule).toMatchObject({ daily: false, folder: null });
  });

  it('backup.run: audit_failed, and the folder holds no backup and no partial file', async () => {
    await value(call('backup.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE }));
    const before = await backupMeta();
    await refuse('backup.create');
    ctx.dialogs.folders.push(usb);
    expect(await call('backup.run', { useScheduleFolder: false })).toEqual(refused);
    expect(readdirSync(usb)).toEqual([]);
    expect(await backupMeta()).toEqual(before);
    expect((await value<BackupStatus>(call('backup.status'))).lastSuccessAt).toBeNull();

    // Allowed again: the file appears, and the entry written before it names it.
    await allow();
    ctx.dialogs.folders.push(usb);
    const made = await value<BackupResult>(call('backup.run', { useScheduleFolder: false }));
    expect(readdirSync(usb)).toEqual([made.fileName]);
    const created = (await trail()).filter((e) => e.action === 'backup.create' && e.outcome === 'ok');
    expect(created).toEqual([expect.objectContaining({ actorId: 1, targetType: 'file', targetId: made.fileName })]);
    expect(created[0]?.details).toMatchObject({ scheduled: false, bytes: made.bytes, customers: 20 });
  });

  it('a scheduled backup: no file, and the failure is remembered for the home screen', async () => {
    await value(call('backup.setup', { passphrase: PASSPHRASE, confirm: PASSPHRASE }));
    await refuse('backup.create');
    const backups = createBackupService(vault, { appVersion: '9.9.9' });
    await expect(backups.run({ folder: usb, scheduled: true })).rejects.toMatchObject({ code: 'audit_failed' });
    expect(readdirSync(usb)).toEqual([]);
    expect((await backups.status()).lastFailure).toMatchObject({ code: 'audit_failed' });
    await allow();
    const made = await backups.run({ folder: usb, scheduled: true });
    expect(existsSync(join(usb, made.fileName))).toBe(true);
    const created = (await trail()).find((e) => e.action === 'backup.create' && e.outcome === 'ok');
    expect(created).toMatchObject({ actorId: null, actorName: 'system', targetId: made.fileName, details: { scheduled: true } });
  });
});
