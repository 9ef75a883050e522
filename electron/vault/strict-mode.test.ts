// Strict mode (key slots) with real SQLCipher files and the real OS keychain:
// run with `bash .ci/with-keyring npx vitest run electron/vault/strict-mode.test.ts`.
import { describe, it, expect, afterEach } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { openSlot, parseKeychainValue, readSlotFile } from './keys/slots';
import { openVault, readRecoveryFile } from './open';
import { slotsPath, vaultPaths } from './paths';
import { totpAt } from './keys/totp';
import { VaultService } from './service';
import { createAccountService } from './staff/account';
import { createStaffService } from './staff/service';
import { FAST_KDF, filesContaining, fingerprint, keyForms, listFiles, OWNER, PASSWORD, VaultFixture, vaultErrorOf, type CreatedVault } from './testing';

const fx = new VaultFixture();
const clocked: VaultService[] = [];
afterEach(async () => {
  for (const s of clocked.splice(0)) await s.close();
  await fx.cleanup();
});

const EARLY_PW = 'kopi-susu-gula-aren-42';
const LATE_PW = 'sambal-terasi-pedas-9';
const WRONG_PW = 'bukan-sandi-yang-benar-7';

const expectCode = async (p: Promise<unknown> | (() => unknown), code: string) => expect((await vaultErrorOf(p)).code).toBe(code);
const addCustomer = (svc: VaultService, name: string) => svc.db().run('INSERT INTO customers (name, created_at, updated_at) VALUES (?, 1, 1)', [name]);
const customerNames = async (svc: VaultService) => (await svc.db().all<{ name: string }>('SELECT name FROM customers ORDER BY id')).map((r) => r.name);
const slotIds = (v: CreatedVault) => readSlotFile(slotsPath(v.dir))?.slots.map((s) => s.staffId) ?? null;

/** Opens the folder the way the app starts and signs the Owner in. */
async function ownerSession(dir: string): Promise<VaultService> {
  const svc = fx.service(dir);
  await svc.init();
  await svc.signIn({ staffId: 1, password: PASSWORD });
  return svc;
}

/** Closes `svc` and opens the folder again with a new service (init done), as after a restart. */
async function restart(svc: VaultService, dir: string): Promise<VaultService> {
  await svc.close();
  const next = fx.service(dir);
  await next.init();
  return next;
}

/** A service on a clock the test moves by hand (back-off, TOTP). */
function clockedService(dir: string, clock: { t: number }): VaultService {
  const svc = new VaultService({ dataDir: dir, keychain: fx.keychain, passwordKdf: FAST_KDF, now: () => clock.t });
  clocked.push(svc);
  return svc;
}

/** A vault with one customer, strict mode switched on by the Owner, and the service closed. */
async function strictVault(): Promise<CreatedVault> {
  const v = await fx.create();
  const svc = await ownerSession(v.dir);
  await addCustomer(svc, 'Budi Santoso');
  await svc.setStrictMode({ enabled: true, password: PASSWORD });
  await svc.close();
  return v;
}

describe('normal mode', () => {
  it('the keychain holds the data key and there is no key slot file', async () => {
    const v = await fx.create();
    expect(v.keyHex).toMatch(/^[0-9a-f]{64}$/);
    expect(parseKeychainValue(v.keyHex)?.kind).toBe('data');
    expect(existsSync(slotsPath(v.dir))).toBe(false);
    const svc = fx.service(v.dir);
    expect(await svc.init()).toMatchObject({ state: 'locked', strict: false });
    expect(await svc.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ state: 'unlocked', strictMode: false });
    expect(svc.isStrict()).toBe(false);
    expect((await createStaffService(svc).list()).people[0]).toMatchObject({ hasKeySlot: true });
    expect(existsSync(slotsPath(v.dir))).toBe(false);
  });
});

describe('switching strict mode on', () => {
  it('needs the Owner’s password; then the keychain holds only a share and the slot file wraps the key', async () => {
    const v = await fx.create();
    const svc = await ownerSession(v.dir);
    await addCustomer(svc, 'Budi Santoso');
    await expectCode(svc.setStrictMode({ enabled: true, password: WRONG_PW }), 'wrong_password');
    expect(await fx.keychain.get(v.vaultId)).toBe(v.keyHex);
    expect(existsSync(slotsPath(v.dir))).toBe(false);
    expect(svc.status()).toMatchObject({ state: 'unlocked', strictMode: false });

    expect(await svc.setStrictMode({ enabled: true, password: PASSWORD })).toMatchObject({ state: 'unlocked', strictMode: true });
    const stored = (await fx.keychain.get(v.vaultId))!;
    expect(stored).toMatch(/^strict:[0-9a-f]{64}$/);
    expect(stored.toLowerCase()).not.toContain(v.keyHex);
    const share = parseKeychainValue(stored);
    if (share?.kind !== 'strict') throw new Error('expected a strict share');

    const text = readFileSync(slotsPath(v.dir), 'utf8');
    expect(text).not.toContain(v.keyHex);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(share.share.toString('hex'));
    expect(filesContaining(v.dir, [...keyForms(v.keyHex), ...keyForms(share.share.toString('hex'))])).toEqual([]);
    const file = readSlotFile(slotsPath(v.dir))!;
    expect(file.vaultId).toBe(v.vaultId);
    expect(file.slots.map((s) => ({ staffId: s.staffId, name: s.name, role: s.role }))).toEqual([{ staffId: 1, name: OWNER, role: 'owner' }]);
    // The share and the Owner's password together give the data key back; neither alone does.
    expect((await openSlot(file.slots[0]!, share.share, PASSWORD, v.vaultId))?.toString('hex')).toBe(v.keyHex);

    const next = await restart(svc, v.dir);
    expect(next.status()).toEqual({ state: 'locked', ownerName: OWNER, people: [{ id: 1, name: OWNER, role: 'owner' }], strict: true });
    await expectCode(() => next.db(), 'locked');
    await expectCode(next.signIn({ staffId: 1, password: WRONG_PW }), 'wrong_password');
    expect(next.status()).toMatchObject({ state: 'locked', strict: true });
    expect(await next.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ state: 'unlocked', strictMode: true, user: { id: 1 } });
    expect(await customerNames(next)).toEqual(['Budi Santoso']);
    // Locked again, the database stays open underneath: no password needed to open it, only to sign in.
    expect(await next.lock()).toMatchObject({ state: 'locked', strict: false });
    await expectCode(next.signIn({ staffId: 1, password: WRONG_PW }), 'wrong_password');
    expect((await next.signIn({ staffId: 1, password: PASSWORD })).state).toBe('unlocked');
  });

  it('slots follow the people: new accounts get one, older ones after their first sign-in, disabled ones lose it', async () => {
    const v = await fx.create();
    let svc = await ownerSession(v.dir);
    const early = await createStaffService(svc).create({ name: 'Rina Wulandari', role: 'staff', password: EARLY_PW, reason: 'Kasir pagi' });
    await svc.setStrictMode({ enabled: true, password: PASSWORD });
    const late = await createStaffService(svc).create({ name: 'Budi Santoso', role: 'manager', password: LATE_PW, reason: 'Kepala toko' });
    expect((await createStaffService(svc).list()).people.map((m) => [m.name, m.hasKeySlot])).toEqual([
      [OWNER, true],
      ['Budi Santoso', true],
      ['Rina Wulandari', false],
    ]);
    expect(slotIds(v)).toEqual([1, late.id]);

    svc = await restart(svc, v.dir);
    expect(svc.status()).toMatchObject({ state: 'locked', strict: true, people: [{ id: 1 }, { id: late.id, name: 'Budi Santoso', role: 'manager' }] });
    // Without a slot there is nothing her password could open yet.
    await expectCode(svc.signIn({ staffId: early.id, password: EARLY_PW }), 'wrong_password');
    expect(svc.status()).toMatchObject({ state: 'locked', strict: true });
    expect(await svc.signIn({ staffId: late.id, password: LATE_PW })).toMatchObject({ state: 'unlocked', strictMode: true, user: { id: late.id, role: 'manager' } });

    // Once the vault is open, she signs in from the full list and gets her slot.
    expect(await svc.lock()).toMatchObject({ people: expect.arrayContaining([{ id: early.id, name: 'Rina Wulandari', role: 'staff' }]) });
    expect((await svc.signIn({ staffId: early.id, password: EARLY_PW })).state).toBe('unlocked');
    expect(slotIds(v)).toEqual([1, late.id, early.id]);
    svc = await restart(svc, v.dir);
    expect(svc.status()).toMatchObject({ state: 'locked', strict: true, people: [{ id: 1 }, { id: late.id }, { id: early.id, name: 'Rina Wulandari', role: 'staff' }] });
    expect(await svc.signIn({ staffId: early.id, password: EARLY_PW })).toMatchObject({ state: 'unlocked', user: { id: early.id } });

    await svc.lock();
    await svc.signIn({ staffId: 1, password: PASSWORD });
    const staff = createStaffService(svc);
    await staff.update({ id: early.id, status: 'disabled' });
    expect(slotIds(v)).toEqual([1, late.id]);
    await staff.review({ decisions: [{ id: late.id, decision: 'disable', reason: 'Sudah berhenti' }] });
    expect(slotIds(v)).toEqual([1]);
    svc = await restart(svc, v.dir);
    expect(svc.status()).toMatchObject({ state: 'locked', strict: true, people: [{ id: 1 }] });
    await expectCode(svc.signIn({ staffId: late.id, password: LATE_PW }), 'wrong_password');
  });

  it('a role changed in the access review relabels the slot; resetting a disabled account’s password gives it none', async () => {
    const v = await fx.create();
    let svc = await ownerSession(v.dir);
    await svc.setStrictMode({ enabled: true, password: PASSWORD });
    const staff = createStaffService(svc);
    const rina = await staff.create({ name: 'Rina Wulandari', role: 'staff', password: EARLY_PW, reason: 'Kasir pagi' });
    const agus = await staff.create({ name: 'Agus Pratama', role: 'staff', password: EARLY_PW, reason: 'Kasir sore' });
    await staff.review({ decisions: [{ id: rina.id, decision: 'confirm', role: 'viewer', reason: 'Hanya melihat' }] });
    expect(readSlotFile(slotsPath(v.dir))!.slots.find((x) => x.staffId === rina.id)?.role).toBe('viewer');
    await staff.update({ id: agus.id, status: 'disabled' });
    await staff.resetPassword({ id: agus.id, password: LATE_PW });
    expect(slotIds(v)).toEqual([1, rina.id]);

    svc = await restart(svc, v.dir);
    expect(svc.status()).toMatchObject({ strict: true, people: [{ id: 1 }, { id: rina.id, role: 'viewer' }] });
    await expectCode(svc.signIn({ staffId: agus.id, password: LATE_PW }), 'wrong_password');
    expect(svc.status()).toMatchObject({ state: 'locked', strict: true });
  });

  it('a changed or reset password re-wraps the slot: the old password no longer opens the vault', async () => {
    const v = await fx.create();
    let svc = await ownerSession(v.dir);
    await svc.setStrictMode({ enabled: true, password: PASSWORD });
    const rina = await createStaffService(svc).create({ name: 'Rina Wulandari', role: 'staff', password: EARLY_PW, reason: 'Kasir pagi' });
    await createStaffService(svc).resetPassword({ id: rina.id, password: LATE_PW });
    await svc.lock();
    await svc.signIn({ staffId: rina.id, password: LATE_PW });
    await createAccountService(svc).changePassword({ current: LATE_PW, next: 'tahu-tempe-bakwan-55' });

    svc = await restart(svc, v.dir);
    for (const old of [EARLY_PW, LATE_PW]) await expectCode(svc.signIn({ staffId: rina.id, password: old }), 'wrong_password');
    expect((await svc.signIn({ staffId: rina.id, password: 'tahu-tempe-bakwan-55' })).state).toBe('unlocked');
  });

  it('the keychain entry alone opens nothing', async () => {
    const v = await strictVault();
    const stored = (await fx.keychain.get(v.vaultId))!;
    const share = parseKeychainValue(stored);
    if (share?.kind !== 'strict') throw new Error('expected a strict share');
    const sidecar = readRecoveryFile(vaultPaths(v.dir));
    const before = fingerprint(v.dir);

    // The share is no key for the file: not by the sidecar's key check, not by SQLCipher itself.
    await expectCode(openVault(v.dir, v.vaultId, share.share, sidecar), 'wrong_key');
    await expectCode(openVault(v.dir, v.vaultId, share.share, null), 'wrong_key');
    // No slot opens with the share and a wrong (or empty) password.
    for (const slot of readSlotFile(slotsPath(v.dir))!.slots) {
      for (const guess of [WRONG_PW, '', stored, v.vaultId]) expect(await openSlot(slot, share.share, guess, v.vaultId)).toBeNull();
    }
    // Nor through the service: every listed person with a wrong password stays outside.
    const svc = fx.service(v.dir);
    const status = await svc.init();
    if (status.state !== 'locked') throw new Error(`expected locked, got ${status.state}`);
    for (const p of status.people) await expectCode(svc.signIn({ staffId: p.id, password: WRONG_PW }), 'wrong_password');
    expect(svc.status()).toMatchObject({ state: 'locked', strict: true });
    await expectCode(() => svc.db(), 'locked');
    expect(fingerprint(v.dir)).toEqual(before);
  });
});

describe('signing in while sealed', () => {
  it('throttles wrong passwords like an open vault does: after five, even the right one waits', async () => {
    const v = await strictVault();
    const clock = { t: Date.UTC(2025, 0, 6, 2) };
    const svc = clockedService(v.dir, clock);
    expect((await svc.init()).state).toBe('locked');
    for (let i = 0; i < 5; i++) await expectCode(svc.signIn({ staffId: 1, password: WRONG_PW }), 'wrong_password');
    const err = await vaultErrorOf(svc.signIn({ staffId: 1, password: PASSWORD }));
    expect([err.code, err.retryAfterSeconds]).toEqual(['too_many_attempts', 30]);
    expect(svc.status()).toMatchObject({ state: 'locked', strict: true });
    clock.t += 30_000;
    expect((await svc.signIn({ staffId: 1, password: PASSWORD })).state).toBe('unlocked');
  });

  it('an account with 2FA opens the vault with its password and still needs its code to sign in', async () => {
    const v = await fx.create();
    const clock = { t: Date.UTC(2025, 0, 6, 2) };
    const svc = clockedService(v.dir, clock);
    await svc.init();
    await svc.signIn({ staffId: 1, password: PASSWORD });
    await svc.setStrictMode({ enabled: true, password: PASSWORD });
    const enrolment = await createAccountService(svc, () => clock.t).beginTotp();
    const secret = new URL(enrolment.uri).searchParams.get('secret')!;
    await createAccountService(svc, () => clock.t).confirmTotp({ code: totpAt(secret, clock.t / 1000) });
    await svc.close();

    clock.t += 60_000;
    const next = clockedService(v.dir, clock);
    expect(await next.init()).toMatchObject({ state: 'locked', strict: true });
    await expectCode(next.signIn({ staffId: 1, password: PASSWORD }), 'otp_required');
    await expectCode(() => next.db(), 'locked');
    expect(await next.signIn({ staffId: 1, password: PASSWORD, otp: totpAt(secret, clock.t / 1000) })).toMatchObject({ state: 'unlocked', user: { id: 1, totpEnabled: true } });
  });
});

describe('the recovery code in strict mode', () => {
  it('opens the vault without the keychain entry; strict mode is off afterwards', async () => {
    const v = await strictVault();
    await fx.keychain.remove(v.vaultId);
    const svc = fx.service(v.dir);
    expect(await svc.init()).toEqual({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: true });
    await expectCode(svc.recover({ recoveryCode: '0'.repeat(30) }), 'wrong_recovery_code');
    expect(await svc.recover({ recoveryCode: v.code })).toMatchObject({ state: 'locked', strict: false, people: [{ id: 1 }] });
    expect(await fx.keychain.get(v.vaultId)).toBe(v.keyHex);
    expect(existsSync(slotsPath(v.dir))).toBe(false);
    expect(await svc.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ state: 'unlocked', strictMode: false });
    expect(await customerNames(svc)).toEqual(['Budi Santoso']);

    const next = await restart(svc, v.dir);
    expect(next.status()).toMatchObject({ state: 'locked', strict: false });
    await next.signIn({ staffId: 1, password: PASSWORD });
    // The Owner can switch it on again.
    expect(await next.setStrictMode({ enabled: true, password: PASSWORD })).toMatchObject({ strictMode: true });
    expect(slotIds(v)).toEqual([1]);
  });
});

describe('switching strict mode off', () => {
  it('puts the data key back in the keychain and removes the slot file; a restart opens without a password', async () => {
    const v = await strictVault();
    let svc = await ownerSession(v.dir);
    await expectCode(svc.setStrictMode({ enabled: false, password: WRONG_PW }), 'wrong_password');
    expect(await fx.keychain.get(v.vaultId)).toMatch(/^strict:/);
    expect(existsSync(slotsPath(v.dir))).toBe(true);

    expect(await svc.setStrictMode({ enabled: false, password: PASSWORD })).toMatchObject({ state: 'unlocked', strictMode: false });
    expect(await fx.keychain.get(v.vaultId)).toBe(v.keyHex);
    expect(existsSync(slotsPath(v.dir))).toBe(false);
    svc = await restart(svc, v.dir);
    expect(svc.status()).toMatchObject({ state: 'locked', strict: false, people: [{ id: 1 }] });
    expect(await svc.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ state: 'unlocked', strictMode: false });
    expect(await customerNames(svc)).toEqual(['Budi Santoso']);
  });
});

describe('an interrupted switch', () => {
  it('slot file present but the keychain still holds the data key: opens normally and drops the stale file', async () => {
    const v = await strictVault();
    const staleSlots = readFileSync(slotsPath(v.dir));
    let svc = await ownerSession(v.dir);
    await svc.setStrictMode({ enabled: false, password: PASSWORD });
    await svc.close();
    // As if the app stopped between putting the key back and removing the file.
    writeFileSync(slotsPath(v.dir), staleSlots);

    svc = await restart(svc, v.dir);
    expect(svc.status()).toMatchObject({ state: 'locked', strict: false });
    expect(existsSync(slotsPath(v.dir))).toBe(false);
    expect(await fx.keychain.get(v.vaultId)).toBe(v.keyHex);
    expect(await svc.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ state: 'unlocked', strictMode: false });
  });

  it('keychain holds a share but the slot file is gone: needs recovery, and the recovery code works', async () => {
    const v = await strictVault();
    rmSync(slotsPath(v.dir));
    const before = fingerprint(v.dir);
    const svc = fx.service(v.dir);
    expect(await svc.init()).toEqual({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: true });
    expect(fingerprint(v.dir)).toEqual(before);
    expect((await svc.recover({ recoveryCode: v.code })).state).toBe('locked');
    expect(await fx.keychain.get(v.vaultId)).toBe(v.keyHex);
    await svc.signIn({ staffId: 1, password: PASSWORD });
    expect(await customerNames(svc)).toEqual(['Budi Santoso']);
  });
});

describe('the data folder', () => {
  it('holds nothing but the vault, its sidecars and the slot file, and no key or password in any of them', async () => {
    const v = await fx.create();
    let svc = await ownerSession(v.dir);
    await svc.setStrictMode({ enabled: true, password: PASSWORD });
    await createStaffService(svc).create({ name: 'Rina Wulandari', role: 'staff', password: EARLY_PW, reason: 'Kasir pagi' });
    const share = (await fx.keychain.get(v.vaultId))!.slice('strict:'.length);
    const secrets = [...keyForms(v.keyHex), ...keyForms(share), Buffer.from(PASSWORD), Buffer.from(EARLY_PW), Buffer.from(v.code)];
    const allowed = ['vault.db', 'vault.db-shm', 'vault.db-wal', 'vault.keyslots.json', 'vault.recovery.json'];
    expect(listFiles(v.dir).every((f) => allowed.includes(f))).toBe(true);
    expect(filesContaining(v.dir, secrets)).toEqual([]);

    svc = await restart(svc, v.dir);
    await svc.signIn({ staffId: 2, password: EARLY_PW });
    await svc.close();
    expect(listFiles(v.dir)).toEqual(['vault.db', 'vault.keyslots.json', 'vault.recovery.json']);
    expect(filesContaining(v.dir, secrets)).toEqual([]);

    svc = await ownerSession(v.dir);
    await svc.setStrictMode({ enabled: false, password: PASSWORD });
    await svc.close();
    expect(listFiles(v.dir)).toEqual(['vault.db', 'vault.recovery.json']);
    expect(filesContaining(v.dir, secrets)).toEqual([]);
  });
});
