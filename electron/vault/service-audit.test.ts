// The vault's own audit entries commit with the change they record, or the change does not happen:
// a temporary trigger on the vault's connection refuses one action's insert, and each test shows
// the change rolled back (in the db and in memory) and the typed error. Real SQLCipher files and
// the real OS keychain: `bash .ci/with-keyring npx vitest run electron/vault/service-audit.test.ts`.
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync } from 'node:fs';
import type { AuditAction } from '../contract/audit';
import { parseKeychainValue } from './keys/slots';
import { unwrapKey } from './keys/recovery';
import { getSettings } from './meta';
import { readRecoveryFile } from './open';
import { slotsPath, vaultPaths } from './paths';
import type { VaultService } from './service';
import { getStaff } from './staff/repository';
import { PASSPHRASE, testBackupKey } from './backup/testing';
import { writeBackup } from './backup/write';
import { listFiles, PASSWORD, VaultFixture, vaultErrorOf, type CreatedVault } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

const WRONG_PW = 'bukan-sandi-yang-benar-7';

/** Refuses every audit insert for `action` on this connection (TEMP: gone when the vault closes). */
const refuse = (svc: VaultService, action: AuditAction) =>
  svc.db().exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
const allow = (svc: VaultService) => svc.db().exec('DROP TRIGGER temp.refuse');

/** The entries for `action`, read on the open connection whether or not someone is signed in. */
const entries = async (svc: VaultService, action: AuditAction) =>
  (await svc.backgroundDb()!.all<{ action: string; outcome: string; actor_name: string }>('SELECT action, outcome, actor_name FROM audit_log WHERE action = ? ORDER BY id', [action])) ?? [];

async function ownerSession(): Promise<{ v: CreatedVault; svc: VaultService }> {
  const v = await fx.create();
  const svc = fx.service(v.dir);
  await svc.init();
  await svc.signIn({ staffId: 1, password: PASSWORD });
  return { v, svc };
}

describe('the vault’s own entries commit with their change', () => {
  it('create: the Owner’s first sign-in and its entry are in the new vault', async () => {
    const { svc } = await ownerSession();
    expect(await entries(svc, 'auth.signIn')).toEqual([
      { action: 'auth.signIn', outcome: 'ok', actor_name: 'Ibu Sari' },
      { action: 'auth.signIn', outcome: 'ok', actor_name: 'Ibu Sari' },
    ]);
  });

  it('settings.save: a refused entry leaves the settings as they were, in memory and in the vault', async () => {
    const { svc } = await ownerSession();
    const before = svc.settingsNow();
    await refuse(svc, 'settings.update');
    const err = await vaultErrorOf(svc.saveSettings({ idleLockMinutes: 30, require2faRoles: ['owner'] }));
    expect(err.code).toBe('audit_failed');
    expect(svc.settingsNow()).toEqual(before);
    expect(svc.status()).toMatchObject({ state: 'unlocked', settings: before });
    expect(await getSettings(svc.db())).toEqual(before);
    expect(await entries(svc, 'settings.update')).toEqual([]);

    await allow(svc);
    await svc.saveSettings({ idleLockMinutes: 30, require2faRoles: [] });
    expect(await getSettings(svc.db())).toEqual({ idleLockMinutes: 30, require2faRoles: [] });
    expect(await entries(svc, 'settings.update')).toHaveLength(1);
  });

  it('sign-in: a refused entry opens no session and leaves the last sign-in as it was', async () => {
    const { svc } = await ownerSession();
    await refuse(svc, 'auth.signIn');
    await svc.lock();
    const db = svc.backgroundDb()!;
    const before = await getStaff(db, 1);
    const count = (await entries(svc, 'auth.signIn')).length;

    expect((await vaultErrorOf(svc.signIn({ staffId: 1, password: PASSWORD }))).code).toBe('audit_failed');
    expect(svc.user()).toBeNull();
    expect(svc.status().state).toBe('locked');
    expect(await getStaff(db, 1)).toEqual(before);
    expect(await entries(svc, 'auth.signIn')).toHaveLength(count);
  });

  it('a failed sign-in: its counter and its entry commit together, or neither does', async () => {
    const { svc } = await ownerSession();
    await refuse(svc, 'auth.signInFailed');
    await svc.lock();
    const db = svc.backgroundDb()!;

    expect((await vaultErrorOf(svc.signIn({ staffId: 1, password: WRONG_PW }))).code).toBe('audit_failed');
    expect((await getStaff(db, 1))?.failedAttempts).toBe(0);
    expect(await entries(svc, 'auth.signInFailed')).toEqual([]);

    await db.exec('DROP TRIGGER temp.refuse');
    expect((await vaultErrorOf(svc.signIn({ staffId: 1, password: WRONG_PW }))).code).toBe('wrong_password');
    expect((await getStaff(db, 1))?.failedAttempts).toBe(1);
    expect(await entries(svc, 'auth.signInFailed')).toEqual([{ action: 'auth.signInFailed', outcome: 'failed', actor_name: 'Ibu Sari' }]);
  });

  it('newRecoveryCode: a refused entry keeps the old recovery code working and its confirmation', async () => {
    const { v, svc } = await ownerSession();
    // Confirm the code from creation first, so a change to the confirmation would show.
    await svc.db().run("UPDATE meta SET value = '1' WHERE key = 'recovery_confirmed'");
    await svc.close();
    const again = fx.service(v.dir);
    await again.init();
    await again.signIn({ staffId: 1, password: PASSWORD });
    expect(again.status()).toMatchObject({ recoveryConfirmed: true });

    await refuse(again, 'recovery.newCode');
    expect((await vaultErrorOf(again.newRecoveryCode())).code).toBe('audit_failed');
    expect(again.status()).toMatchObject({ recoveryConfirmed: true });
    const sidecar = readRecoveryFile(vaultPaths(v.dir))!;
    const key = await unwrapKey(sidecar, v.code);
    expect(key.toString('hex')).toBe(v.keyHex);
    expect(await entries(again, 'recovery.newCode')).toEqual([]);

    // The confirmation question is not asked for a code that was never issued.
    expect((await vaultErrorOf(again.confirmRecoveryCode({ answers: ['AAAAA'] }))).code).toBe('conflict');
  });

  it('setStrictMode: a refused entry leaves strict mode off, the keychain and the folder as they were', async () => {
    const { v, svc } = await ownerSession();
    await refuse(svc, 'security.update');
    expect((await vaultErrorOf(svc.setStrictMode({ enabled: true, password: PASSWORD }))).code).toBe('audit_failed');
    expect(svc.isStrict()).toBe(false);
    expect(svc.status()).toMatchObject({ state: 'unlocked', strictMode: false });
    expect(existsSync(slotsPath(v.dir))).toBe(false);
    expect(parseKeychainValue((await fx.keychain.get(v.vaultId))!)?.kind).toBe('data');

    // After a restart the vault opens straight away (not sealed): nothing was switched.
    await svc.close();
    const next = fx.service(v.dir);
    expect(await next.init()).toMatchObject({ state: 'locked', strict: false });
  });

  it('restore: a refused entry restores nothing; keeping the restored vault deletes nothing until it is recorded', async () => {
    const { v, svc } = await ownerSession();
    await svc.db().run("INSERT INTO customers (name, created_at, updated_at) VALUES ('Budi Santoso', 1, 1)");
    const out = fx.dir();
    const { path } = await writeBackup(svc.db(), { folder: out, key: await testBackupKey(), appVersion: '0.1.0', vaultId: v.vaultId, shopName: null });
    const files = listFiles(v.dir).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'));
    const keys = await fx.keychain.accounts();

    // The live vault cannot say it is being replaced: nothing is swapped, the staged vault is gone.
    await refuse(svc, 'backup.restore');
    expect((await vaultErrorOf(svc.restore(path, { passphrase: PASSPHRASE }))).code).toBe('audit_failed');
    expect(listFiles(v.dir).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))).toEqual(files);
    expect(await fx.keychain.accounts()).toEqual(keys);
    expect(svc.status()).toMatchObject({ state: 'unlocked' });
    expect(svc.previousVault()).toBeNull();
    expect(await entries(svc, 'backup.restore')).toEqual([]);

    await allow(svc);
    expect((await svc.restore(path, { passphrase: PASSPHRASE })).previousKept).toBe(true);
    fx.track(readRecoveryFile(vaultPaths(v.dir))!.vaultId);
    await svc.signIn({ staffId: 1, password: PASSWORD });
    expect((await entries(svc, 'backup.restore')).map((e) => e.actor_name)).toEqual(['system']);

    // Keep: the decision cannot be recorded, so the previous vault stays, and the choice with it.
    await refuse(svc, 'backup.restore');
    expect((await vaultErrorOf(svc.confirmRestore())).code).toBe('audit_failed');
    expect(svc.previousVault()).not.toBeNull();
    expect(listFiles(v.dir)).toContain('vault.previous.db');
    await allow(svc);
    await svc.confirmRestore();
    expect(svc.previousVault()).toBeNull();
    expect(listFiles(v.dir).filter((f) => f.includes('previous'))).toEqual([]);
  });
});
