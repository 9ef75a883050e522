/** Backups as the app and the scheduler run them: set-up, back up now, status, failures, schedule, rotation. */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../db/testing';
import { listAudit } from '../audit/repository';
import { getMeta } from '../meta';
import type { VaultService } from '../service';
import { PASSWORD, VaultFixture, vaultErrorOf } from '../testing';
import { addCustomers, PASSPHRASE } from './testing';
import { BackupScheduler } from './scheduler';
import { createBackupService, type BackupService } from './service';
import { inspectBackup } from './verify';

const fx = new VaultFixture();
const DAY = 86_400_000;
let clock = new Date(2026, 10, 29, 14, 30).getTime();
const now = () => clock;
let vault: VaultService;
let backups: BackupService;
let usb: string;

beforeEach(async () => {
  clock = new Date(2026, 10, 29, 14, 30).getTime();
  const { dir } = await fx.create();
  vault = fx.service(dir);
  await vault.init();
  await vault.signIn({ staffId: 1, password: PASSWORD });
  await addCustomers(vault.db(), 25);
  backups = createBackupService(vault, { appVersion: '9.9.9', now });
  usb = tempDir('brankas-usb-');
});
afterEach(async () => {
  rmSync(usb, { recursive: true, force: true });
  await fx.cleanup();
});

const setUp = () => backups.setup({ passphrase: PASSPHRASE, confirm: PASSPHRASE });
const schedule = (over: Partial<Parameters<BackupService['saveSchedule']>[0]> = {}) =>
  backups.saveSchedule({ daily: true, onClose: false, keepDaily: 7, keepWeekly: 4, warnAfterDays: 7, ...over });

describe('backup passphrase', () => {
  it('must be typed twice and be hard to guess; only the derived key is kept', async () => {
    expect((await vaultErrorOf(backups.setup({ passphrase: PASSPHRASE, confirm: 'something else entirely' }))).fields).toEqual({ confirm: 'mismatch' });
    expect((await vaultErrorOf(backups.setup({ passphrase: 'password123', confirm: 'password123' }))).fields).toMatchObject({ passphrase: expect.any(String) });
    expect((await backups.status()).configured).toBe(false);
    expect(await setUp()).toMatchObject({ configured: true, lastSuccessAt: null, overdue: true });
    const stored = (await getMeta(vault.db(), 'backup_key')) ?? '';
    expect(stored).toMatch(/^[0-9a-f]+$/);
    expect(stored).not.toContain(Buffer.from(PASSPHRASE).toString('hex'));
  });

  it('backing up before it is set says so', async () => {
    expect((await vaultErrorOf(backups.run({ folder: usb }))).code).toBe('backup_not_configured');
  });
});

describe('back up now', () => {
  it('writes a verified file the passphrase opens, remembers it and records it in the audit trail', async () => {
    await setUp();
    const result = await backups.run({ folder: usb });
    expect(result).toMatchObject({ fileName: 'Brankas-Ibu-Sari-2026-11-29-1430.brankas', folder: usb, counts: { customers: 25 } });
    expect(readdirSync(usb)).toEqual([result.fileName]);
    expect(await inspectBackup(join(usb, result.fileName), { passphrase: PASSPHRASE })).toMatchObject({ appVersion: '9.9.9', counts: { customers: 25 } });
    expect(await backups.status()).toMatchObject({ lastSuccessAt: clock, lastFileName: result.fileName, lastFailure: null, overdue: false });
    const trail = await listAudit(vault.db(), { action: 'backup.create', limit: 10 });
    expect(trail.entries[0]).toMatchObject({ actorName: 'Ibu Sari', outcome: 'ok', targetId: result.fileName, details: { scheduled: false } });
  });

  it('a missing folder (USB stick not plugged in) is folder_missing and leaves nothing behind', async () => {
    await setUp();
    const gone = join(usb, 'not-plugged-in');
    expect((await vaultErrorOf(backups.run({ folder: gone }))).code).toBe('folder_missing');
    expect(existsSync(gone)).toBe(false);
    // A manual attempt is answered on screen; only scheduled failures are kept for the home screen.
    expect((await backups.status()).lastFailure).toBeNull();
  });

  it('is overdue again once the last good backup is older than the warning interval', async () => {
    await setUp();
    await schedule({ warnAfterDays: 3 });
    await backups.run({ folder: usb });
    clock += 3 * DAY - 60_000;
    expect((await backups.status()).overdue).toBe(false);
    clock += 120_000;
    expect((await backups.status()).overdue).toBe(true);
  });
});

describe('scheduled backups', () => {
  const scheduler = () => new BackupScheduler(vault, backups, { now, retryMs: 15 * 60_000 });

  it('run once a day to the chosen folder, also while the session is locked', async () => {
    const s = scheduler();
    expect(await s.tick()).toBe('not_due'); // nothing set up yet
    await setUp();
    await schedule();
    expect(await s.tick()).toBe('not_due'); // no folder yet
    await backups.setFolder(usb);
    await vault.lock();
    expect(await s.tick()).toMatchObject({ ok: true, result: { fileName: 'Brankas-Ibu-Sari-2026-11-29-1430.brankas' } });
    clock += 6 * 60 * 60_000;
    expect(await s.tick()).toBe('not_due');
    clock += 19 * 60 * 60_000;
    expect(await s.tick()).toMatchObject({ ok: true });
    expect(readdirSync(usb)).toHaveLength(2);
    const trail = await listAudit(vault.backgroundDb()!, { action: 'backup.create', limit: 10 });
    expect(trail.entries.map((e) => [e.actorName, e.details.scheduled])).toEqual([
      ['system', true],
      ['system', true],
    ]);
  });

  it('when the USB stick is missing: remembers why, tries again after the retry interval, then succeeds', async () => {
    await setUp();
    await schedule();
    const stick = join(usb, 'FLASHDISK');
    await backups.setFolder(stick);
    const s = scheduler();
    expect(await s.tick()).toEqual({ ok: false, code: 'folder_missing' });
    expect((await backups.status()).lastFailure).toEqual({ at: clock, code: 'folder_missing' });
    clock += 10 * 60_000;
    expect(await s.tick()).toBe('not_due');
    mkdirSync(stick);
    clock += 6 * 60_000;
    expect(await s.tick()).toMatchObject({ ok: true });
    expect((await backups.status()).lastFailure).toBeNull();
  });

  it('when the app closes, only if chosen', async () => {
    await setUp();
    await backups.setFolder(usb);
    await schedule({ daily: false, onClose: false });
    expect(await scheduler().onClose()).toBe('not_due');
    await schedule({ daily: false, onClose: true });
    expect(await scheduler().onClose()).toMatchObject({ ok: true });
  });

  it('rotate this shop’s old backups in the folder and leave everything else alone', async () => {
    await setUp();
    await schedule({ keepDaily: 2, keepWeekly: 1 });
    await backups.setFolder(usb);
    const old = [1, 2, 3, 10, 20].map((d) => `Brankas-Ibu-Sari-2026-11-${String(d).padStart(2, '0')}-0900.brankas`);
    for (const name of [...old, 'Brankas-Toko-Lain-2026-11-01-0900.brankas', 'foto.jpg']) writeFileSync(join(usb, name), 'x');
    expect(await scheduler().tick()).toMatchObject({ ok: true });
    expect(readdirSync(usb).sort()).toEqual(
      ['Brankas-Ibu-Sari-2026-11-20-0900.brankas', 'Brankas-Ibu-Sari-2026-11-10-0900.brankas', 'Brankas-Ibu-Sari-2026-11-29-1430.brankas', 'Brankas-Toko-Lain-2026-11-01-0900.brankas', 'foto.jpg'].sort(),
    );
  });
});
