// Real SQLCipher files and the real OS keychain: run after `. /tmp/kr/env.sh` (a D-Bus session with gnome-keyring).
import { describe, it, expect, afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { VaultStatus } from '../contract';
import { generateRecoveryCode } from './keys/recovery';
import { readRecoveryFile } from './open';
import { vaultPaths } from './paths';
import type { VaultService } from './service';
import { filesContaining, fingerprint, keyForms, listFiles, OWNER, PASSWORD, unavailableKeychain, VaultFixture, vaultErrorOf } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

const expectCode = async (p: Promise<unknown> | (() => unknown), code: string) => expect((await vaultErrorOf(p)).code).toBe(code);
const addCustomer = (svc: VaultService, name: string) =>
  svc.db().run('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 1, 1)', [name]);
const customerNames = async (svc: VaultService) =>
  (await svc.db().all<{ name: string }>('SELECT name FROM customers ORDER BY id')).map((r) => r.name);
/** The recovery code as a person might type it: lower case, dashes between groups. */
const typed = (code: string) => (code.match(/.{5}/g) ?? []).join('-').toLowerCase();

describe('create', () => {
  it('creates an unlocked vault, stores the key in the keychain and writes the sidecar, nothing else', async () => {
    const dir = fx.dir();
    const svc = fx.service(dir);
    expect(await svc.init()).toEqual({ state: 'no_vault' });
    const issue = await svc.create({ ownerName: OWNER, password: PASSWORD });
    expect(issue.groups).toHaveLength(6);
    expect(svc.status()).toMatchObject({ state: 'unlocked', ownerName: OWNER, recoveryConfirmed: false, settings: { idleLockMinutes: 5, require2faRoles: [] }, strictMode: false, accessReviewDue: false, user: { id: 1, name: OWNER, role: 'owner', totpEnabled: false, mustEnrollTotp: false } });

    const sidecar = readRecoveryFile(vaultPaths(dir));
    expect(sidecar).not.toBeNull();
    const vaultId = sidecar!.vaultId;
    fx.track(vaultId);
    const keyHex = await fx.keychain.get(vaultId);
    expect(keyHex).toMatch(/^[0-9a-f]{64}$/);

    expect(listFiles(dir)).toEqual(['vault.db', 'vault.db-shm', 'vault.db-wal', 'vault.recovery.json']);
    const secrets = [...keyForms(keyHex!), Buffer.from(issue.groups.join('')), Buffer.from(PASSWORD)];
    expect(filesContaining(dir, secrets)).toEqual([]);
    await svc.close();
    expect(listFiles(dir)).toEqual(['vault.db', 'vault.recovery.json']);
    expect(filesContaining(dir, secrets)).toEqual([]);
  });

  it('refuses to create over an existing vault and leaves it untouched', async () => {
    const { dir } = await fx.create();
    const before = fingerprint(dir);
    // Without init (the state machine still says no_vault), the file check stops it.
    await expectCode(fx.service(dir).create({ ownerName: 'X', password: PASSWORD }), 'vault_exists');
    const svc = fx.service(dir);
    expect((await svc.init()).state).toBe('locked');
    await expectCode(svc.create({ ownerName: 'X', password: PASSWORD }), 'vault_exists');
    await svc.close();
    expect(fingerprint(dir)).toEqual(before);
  });
});

describe('sign in and lock', () => {
  it('opens locked, refuses a wrong password, unlocks with the right one and locks again', async () => {
    const { dir } = await fx.create();
    const svc = fx.service(dir);
    expect(await svc.init()).toMatchObject({ state: 'locked', ownerName: OWNER, strict: false, people: [{ id: 1, name: OWNER, role: 'owner' }] });
    await expectCode(() => svc.db(), 'locked');
    await expectCode(svc.signIn({ staffId: 1, password: 'wrong password!' }), 'wrong_password');
    expect(svc.status()).toMatchObject({ state: 'locked', ownerName: OWNER, strict: false, people: [{ id: 1, name: OWNER, role: 'owner' }] });
    await expectCode(() => svc.db(), 'locked');
    expect((await svc.signIn({ staffId: 1, password: PASSWORD })).state).toBe('unlocked');
    expect(svc.db()).toBeDefined();
    expect(await svc.lock()).toMatchObject({ state: 'locked', ownerName: OWNER, strict: false, people: [{ id: 1, name: OWNER, role: 'owner' }] });
    await expectCode(() => svc.db(), 'locked');
  });

  it('tells listeners about every change, including lock, until they unsubscribe', async () => {
    const { dir } = await fx.create();
    const svc = fx.service(dir);
    const seen: VaultStatus[] = [];
    const off = svc.onChange((s) => seen.push(s));
    await svc.init();
    await svc.signIn({ staffId: 1, password: PASSWORD });
    await svc.lock();
    expect(seen.map((s) => s.state)).toEqual(['locked', 'unlocked', 'locked']);
    expect(seen.at(-1)).toMatchObject({ state: 'locked', ownerName: OWNER, strict: false, people: [{ id: 1, name: OWNER, role: 'owner' }] });
    off();
    await svc.signIn({ staffId: 1, password: PASSWORD });
    expect(seen).toHaveLength(3);
  });

  it('re-hashes the password with the current parameters on sign in', async () => {
    const { dir } = await fx.create();
    const svc = fx.service(dir, fx.keychain, { N: 2 ** 13, r: 8, p: 1 });
    await svc.init();
    await svc.signIn({ staffId: 1, password: PASSWORD });
    const row = await svc.db().get<{ password_hash: string }>("SELECT password_hash FROM staff WHERE role = 'owner'");
    expect(row?.password_hash.startsWith(`scrypt$${2 ** 13}$8$1$`)).toBe(true);
    await svc.lock();
    expect((await svc.signIn({ staffId: 1, password: PASSWORD })).state).toBe('unlocked');
  });
});

describe('when the keychain cannot open the vault', () => {
  it('key missing: needs recovery; a wrong code changes nothing; the right code re-stores the key', async () => {
    const dir = fx.dir();
    const first = fx.service(dir);
    const issue = await first.create({ ownerName: OWNER, password: PASSWORD });
    await addCustomer(first, 'Budi Santoso');
    await first.close();
    const vaultId = readRecoveryFile(vaultPaths(dir))!.vaultId;
    fx.track(vaultId);
    const keyHex = await fx.keychain.get(vaultId);
    await fx.keychain.remove(vaultId);
    const before = fingerprint(dir);

    const svc = fx.service(dir);
    expect(await svc.init()).toEqual({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: true });
    await expectCode(svc.recover({ recoveryCode: typed(generateRecoveryCode()) }), 'wrong_recovery_code');
    await expectCode(svc.recover({ recoveryCode: 'not a code' }), 'wrong_recovery_code');
    expect(svc.status().state).toBe('needs_recovery');
    expect(fingerprint(dir)).toEqual(before);
    expect(await fx.keychain.get(vaultId)).toBeNull();

    expect(await svc.recover({ recoveryCode: typed(issue.groups.join('')) })).toMatchObject({ state: 'locked', ownerName: OWNER, strict: false, people: [{ id: 1, name: OWNER, role: 'owner' }] });
    expect(await fx.keychain.get(vaultId)).toBe(keyHex);
    await svc.signIn({ staffId: 1, password: PASSWORD });
    expect(await customerNames(svc)).toEqual(['Budi Santoso']);
  });

  it('key and sidecar both missing: recovery is unavailable and nothing changes', async () => {
    const { dir, vaultId } = await fx.create();
    await fx.keychain.remove(vaultId);
    rmSync(vaultPaths(dir).recovery);
    const before = fingerprint(dir);
    const svc = fx.service(dir);
    expect(await svc.init()).toEqual({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: false });
    await expectCode(svc.recover({ recoveryCode: '0'.repeat(30) }), 'recovery_unavailable');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('keychain unavailable: the recovery code opens the vault for this run, and the key is written nowhere', async () => {
    const { dir, keyHex, code } = await fx.create();
    const before = fingerprint(dir);
    const svc = fx.service(dir, unavailableKeychain);
    expect(await svc.init()).toEqual({ state: 'needs_recovery', reason: 'keychain_unavailable', recoveryAvailable: true });
    expect(fingerprint(dir)).toEqual(before);
    await expectCode(svc.recover({ recoveryCode: generateRecoveryCode() }), 'wrong_recovery_code');
    expect(fingerprint(dir)).toEqual(before);

    expect(await svc.recover({ recoveryCode: code })).toMatchObject({ state: 'locked', ownerName: OWNER, strict: false, people: [{ id: 1, name: OWNER, role: 'owner' }] });
    await svc.signIn({ staffId: 1, password: PASSWORD });
    await svc.saveSettings({ idleLockMinutes: 9, require2faRoles: [] });
    expect(filesContaining(dir, keyForms(keyHex))).toEqual([]);
    await svc.close();
    expect(listFiles(dir)).toEqual(['vault.db', 'vault.recovery.json']);
    expect(filesContaining(dir, keyForms(keyHex))).toEqual([]);
  });

  it('keychain unavailable and no sidecar: needs recovery, none available', async () => {
    const { dir } = await fx.create();
    rmSync(vaultPaths(dir).recovery);
    const svc = fx.service(dir, unavailableKeychain);
    expect(await svc.init()).toEqual({ state: 'needs_recovery', reason: 'keychain_unavailable', recoveryAvailable: false });
  });

  it('wrong key in the keychain: needs recovery (wrong_key), file untouched; recovery puts the right key back', async () => {
    const { dir, vaultId, keyHex, code } = await fx.create();
    await fx.keychain.set(vaultId, randomBytes(32).toString('hex'));
    const before = fingerprint(dir);
    const svc = fx.service(dir);
    expect(await svc.init()).toEqual({ state: 'needs_recovery', reason: 'wrong_key', recoveryAvailable: true });
    expect(fingerprint(dir)).toEqual(before);
    expect((await svc.recover({ recoveryCode: code })).state).toBe('locked');
    expect(await fx.keychain.get(vaultId)).toBe(keyHex);
  });

  it('a keychain entry that is not a key counts as missing', async () => {
    const { dir, vaultId } = await fx.create();
    await fx.keychain.set(vaultId, 'not-a-key');
    const before = fingerprint(dir);
    expect(await fx.service(dir).init()).toEqual({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: true });
    expect(fingerprint(dir)).toEqual(before);
  });

  it('sidecar deleted but keychain intact: still opens, trying this machine’s Brankas keys', async () => {
    const other = await fx.create(); // a second vault whose key is also in the keychain
    const { dir } = await fx.create();
    rmSync(vaultPaths(dir).recovery);
    const svc = fx.service(dir);
    expect(await svc.init()).toMatchObject({ state: 'locked', ownerName: OWNER, strict: false, people: [{ id: 1, name: OWNER, role: 'owner' }] });
    expect((await svc.signIn({ staffId: 1, password: PASSWORD })).state).toBe('unlocked');
    expect(existsSync(vaultPaths(other.dir).vault)).toBe(true);
  });
});

describe('recovery code', () => {
  it('a new code replaces the old one: the old stops working, the new one works', async () => {
    const dir = fx.dir();
    const svc = fx.service(dir);
    const old = await svc.create({ ownerName: OWNER, password: PASSWORD });
    const vaultId = readRecoveryFile(vaultPaths(dir))!.vaultId;
    fx.track(vaultId);
    const fresh = await svc.newRecoveryCode();
    expect(fresh.groups.join('')).not.toBe(old.groups.join(''));
    expect(svc.status()).toMatchObject({ state: 'unlocked', recoveryConfirmed: false });
    expect(listFiles(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    await svc.close();

    await fx.keychain.remove(vaultId);
    const again = fx.service(dir);
    expect((await again.init()).state).toBe('needs_recovery');
    await expectCode(again.recover({ recoveryCode: old.groups.join('') }), 'wrong_recovery_code');
    expect((await again.recover({ recoveryCode: fresh.groups.join(' ') })).state).toBe('locked');
  });

  it('is only issued while signed in', async () => {
    const { dir } = await fx.create();
    const svc = fx.service(dir);
    await svc.init();
    await expectCode(svc.newRecoveryCode(), 'locked');
  });

  it('confirmation checks the challenged groups and is remembered across reopen', async () => {
    const dir = fx.dir();
    const svc = fx.service(dir);
    const { groups, challenge } = await svc.create({ ownerName: OWNER, password: PASSWORD });
    fx.track(readRecoveryFile(vaultPaths(dir))!.vaultId);
    expect(challenge).toHaveLength(2);
    const right = challenge.map((i) => groups[i]!);
    const offByOne = (g: string) => (g[0] === 'A' ? 'B' : 'A') + g.slice(1);
    await expectCode(svc.confirmRecoveryCode({ answers: [right[0]!, offByOne(right[1]!)] }), 'wrong_recovery_code');
    await expectCode(svc.confirmRecoveryCode({ answers: [right[0]!] }), 'wrong_recovery_code');
    await expectCode(svc.confirmRecoveryCode({ answers: [...right].reverse() }), 'wrong_recovery_code');
    expect(svc.status()).toMatchObject({ recoveryConfirmed: false });

    const status = await svc.confirmRecoveryCode({ answers: right.map((g) => ` ${g.toLowerCase()} `) });
    expect(status).toMatchObject({ state: 'unlocked', recoveryConfirmed: true });
    await expectCode(svc.confirmRecoveryCode({ answers: right }), 'conflict');
    await svc.close();

    const again = fx.service(dir);
    await again.init();
    expect(await again.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ recoveryConfirmed: true });
  });
});

describe('settings', () => {
  it('are saved in the vault and read back after reopen', async () => {
    const dir = fx.dir();
    const svc = fx.service(dir);
    await svc.create({ ownerName: OWNER, password: PASSWORD });
    fx.track(readRecoveryFile(vaultPaths(dir))!.vaultId);
    expect(await svc.saveSettings({ idleLockMinutes: 17, require2faRoles: [] })).toEqual({ idleLockMinutes: 17, require2faRoles: [] });
    expect(svc.status()).toMatchObject({ settings: { idleLockMinutes: 17 } });
    await svc.lock();
    await expectCode(svc.saveSettings({ idleLockMinutes: 3, require2faRoles: [] }), 'locked');
    await svc.close();

    const again = fx.service(dir);
    await again.init();
    expect(await again.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ settings: { idleLockMinutes: 17 } });
  });
});
