// Sign-in through VaultService with real SQLCipher files and the real OS keychain:
// run with `bash .ci/with-keyring npx vitest run electron/vault/staff/sign-in.test.ts`.
import { describe, it, expect, afterEach } from 'vitest';
import { rolePermissions, type Role } from '../../contract';
import { totpAt } from '../keys/totp';
import { readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { VaultService } from '../service';
import { FAST_KDF, OWNER, PASSWORD, VaultFixture, vaultErrorOf } from '../testing';
import { createAccountService } from './account';
import { getStaff, type StaffRow } from './repository';
import { createStaffService } from './service';

const fx = new VaultFixture();
const services: VaultService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  await fx.cleanup();
});

const SECOND = 1000;
const STAFF_PW = 'kopi-susu-gula-aren-42';
const WRONG_PW = 'bukan-sandi-yang-benar-7';

const expectCode = async (p: Promise<unknown> | (() => unknown), code: string) => expect((await vaultErrorOf(p)).code).toBe(code);

/** A clock the test moves by hand; VaultService and the staff/account services all read it. */
class Clock {
  t = Date.UTC(2025, 0, 6, 2, 0, 0);
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

function openService(dataDir: string, clock: Clock, passwordKdf = FAST_KDF): VaultService {
  const s = new VaultService({ dataDir, keychain: fx.keychain, passwordKdf, now: clock.now });
  services.push(s);
  return s;
}

/** A new vault with the Owner (id 1) signed in, and its services on one clock. */
async function setup(clock = new Clock()) {
  const dir = fx.dir();
  const vault = openService(dir, clock);
  await vault.create({ ownerName: OWNER, password: PASSWORD });
  fx.track(readRecoveryFile(vaultPaths(dir))!.vaultId);
  return { dir, clock, vault, staff: createStaffService(vault, clock.now), account: createAccountService(vault, clock.now) };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const addPerson = (x: Setup, name: string, role: Exclude<Role, 'owner'> = 'staff', password = STAFF_PW) =>
  x.staff.create({ name, role, password, reason: 'Bekerja di toko' });

/** The stored account row, read as the Owner when nobody is signed in (the session is put back as it was). */
async function peek(vault: VaultService, id: number): Promise<StaffRow> {
  if (vault.user()) return (await getStaff(vault.db(), id))!;
  await vault.signIn({ staffId: 1, password: PASSWORD });
  const row = (await getStaff(vault.db(), id))!;
  await vault.lock();
  return row;
}

const secretOf = (uri: string): string => new URL(uri).searchParams.get('secret')!;
const codeAt = (secret: string, ms: number): string => totpAt(secret, Math.floor(ms / 1000));
/** Six digits the authenticator would not show in the accepted window (one step either side). */
function wrongCode(secret: string, ms: number): string {
  const valid = new Set([-30, 0, 30].map((d) => codeAt(secret, ms + d * SECOND)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

describe('signing in', () => {
  it('signs in each role by staffId with that role’s permissions, and refuses a wrong password', async () => {
    const x = await setup();
    const people = {
      manager: await addPerson(x, 'Budi Santoso', 'manager'),
      staff: await addPerson(x, 'Rina Wulandari', 'staff'),
      viewer: await addPerson(x, 'Agus Pratama', 'viewer'),
    };
    await x.vault.lock();
    expect(x.vault.status()).toMatchObject({ state: 'locked', people: expect.arrayContaining(Object.values(people).map((p) => ({ id: p.id, name: p.name, role: p.role }))) });

    const all: [number, string, Role][] = [[1, PASSWORD, 'owner'], ...Object.values(people).map((p): [number, string, Role] => [p.id, STAFF_PW, p.role])];
    for (const [id, password, role] of all) {
      const status = await x.vault.signIn({ staffId: id, password });
      expect(status).toMatchObject({ state: 'unlocked', user: { id, role, permissions: [...rolePermissions[role]], totpEnabled: false, mustEnrollTotp: false } });
      expect(x.vault.user()?.id).toBe(id);
      await x.vault.lock();
    }

    await expectCode(x.vault.signIn({ staffId: people.staff.id, password: WRONG_PW }), 'wrong_password');
    await expectCode(x.vault.signIn({ staffId: 999, password: WRONG_PW }), 'wrong_password');
    expect(x.vault.status().state).toBe('locked');
    expect((await peek(x.vault, people.staff.id)).failedAttempts).toBe(1);
    await x.vault.signIn({ staffId: 1, password: PASSWORD });
    const failed = await x.vault.db().all<{ target_id: string; outcome: string }>("SELECT target_id, outcome FROM audit_log WHERE action = 'auth.signInFailed'");
    expect(failed).toEqual([{ target_id: String(people.staff.id), outcome: 'failed' }]);
  });

  it('after five failures even the right password waits 30 s; the wait doubles; a success resets the count', async () => {
    const x = await setup();
    const p = await addPerson(x, 'Rina Wulandari');
    await x.vault.lock();
    const attempt = (password: string) => x.vault.signIn({ staffId: p.id, password });

    for (let i = 0; i < 5; i++) await expectCode(attempt(WRONG_PW), 'wrong_password');
    expect((await peek(x.vault, p.id)).failedAttempts).toBe(5);
    let err = await vaultErrorOf(attempt(STAFF_PW));
    expect(err.code).toBe('too_many_attempts');
    expect(err.retryAfterSeconds).toBe(30);
    x.clock.advance(20 * SECOND);
    expect((await vaultErrorOf(attempt(STAFF_PW))).retryAfterSeconds).toBe(10);
    // Refusals during the wait are not failures of their own.
    expect((await peek(x.vault, p.id)).failedAttempts).toBe(5);

    x.clock.advance(10 * SECOND);
    expect(await attempt(STAFF_PW)).toMatchObject({ state: 'unlocked', user: { id: p.id } });
    expect(await peek(x.vault, p.id)).toMatchObject({ failedAttempts: 0, lastFailedAt: null, lastSignInAt: x.clock.t });
    await x.vault.lock();

    // The count starts again from zero: four free mistakes, then 30 s, 60 s, 120 s.
    for (let i = 0; i < 5; i++) await expectCode(attempt(WRONG_PW), 'wrong_password');
    expect((await vaultErrorOf(attempt(STAFF_PW))).retryAfterSeconds).toBe(30);
    x.clock.advance(30 * SECOND);
    await expectCode(attempt(WRONG_PW), 'wrong_password');
    err = await vaultErrorOf(attempt(STAFF_PW));
    expect([err.code, err.retryAfterSeconds]).toEqual(['too_many_attempts', 60]);
    x.clock.advance(60 * SECOND);
    await expectCode(attempt(WRONG_PW), 'wrong_password');
    expect((await vaultErrorOf(attempt(STAFF_PW))).retryAfterSeconds).toBe(120);
    // Another account is not slowed down by it.
    expect((await x.vault.signIn({ staffId: 1, password: PASSWORD })).state).toBe('unlocked');
  });

  it('a disabled account cannot sign in and keeps its history; re-enabled, it can again', async () => {
    const x = await setup();
    const p = await addPerson(x, 'Rina Wulandari');
    await x.vault.lock();
    await x.vault.signIn({ staffId: p.id, password: STAFF_PW });
    await x.vault.lock();
    await x.vault.signIn({ staffId: 1, password: PASSWORD });
    const history = async () => x.vault.db().all<{ action: string }>('SELECT action FROM audit_log WHERE actor_id = ? ORDER BY id', [p.id]);
    const before = await history();
    expect(before.map((e) => e.action)).toEqual(['auth.signIn', 'auth.signOut']);

    await x.staff.update({ id: p.id, status: 'disabled' });
    await x.vault.lock();
    expect(x.vault.status()).toMatchObject({ state: 'locked', people: [{ id: 1 }] });
    await expectCode(x.vault.signIn({ staffId: p.id, password: STAFF_PW }), 'account_disabled');

    await x.vault.signIn({ staffId: 1, password: PASSWORD });
    // The refused attempt is recorded against the account, after everything it did before.
    expect(await history()).toEqual([...before, { action: 'auth.signInFailed' }]);
    expect((await x.staff.list()).people.find((m) => m.id === p.id)).toMatchObject({ status: 'disabled', name: 'Rina Wulandari', lastSignInAt: expect.any(Number) });
    await x.staff.update({ id: p.id, status: 'active' });
    await x.vault.lock();
    expect((await x.vault.signIn({ staffId: p.id, password: STAFF_PW })).state).toBe('unlocked');
  });

  it('re-hashes a staff password when the KDF parameters change; the new hash still verifies', async () => {
    const x = await setup();
    const p = await addPerson(x, 'Rina Wulandari');
    const oldHash = (await peek(x.vault, p.id)).passwordHash;
    expect(oldHash.startsWith(`scrypt$${FAST_KDF.N}$8$1$`)).toBe(true);
    await x.vault.close();

    const stronger = openService(x.dir, x.clock, { N: 2 ** 13, r: 8, p: 1 });
    expect((await stronger.init()).state).toBe('locked');
    expect((await stronger.signIn({ staffId: p.id, password: STAFF_PW })).state).toBe('unlocked');
    const newHash = (await getStaff(stronger.db(), p.id))!.passwordHash;
    expect(newHash).not.toBe(oldHash);
    expect(newHash.startsWith(`scrypt$${2 ** 13}$8$1$`)).toBe(true);
    await stronger.lock();
    await expectCode(stronger.signIn({ staffId: p.id, password: WRONG_PW }), 'wrong_password');
    expect((await stronger.signIn({ staffId: p.id, password: STAFF_PW })).state).toBe('unlocked');
    expect((await getStaff(stronger.db(), p.id))!.passwordHash).toBe(newHash);
  });
});

describe('two-factor sign-in', () => {
  /** Signs `id` in and enrols an authenticator; returns the secret and the backup codes. */
  async function enrol(x: Setup, id: number, password = STAFF_PW) {
    await x.vault.lock();
    await x.vault.signIn({ staffId: id, password });
    const enrolment = await x.account.beginTotp();
    const secret = secretOf(enrolment.uri);
    expect(enrolment.manualKey.replace(/ /g, '')).toBe(secret);
    expect(enrolment.qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    await expectCode(x.account.confirmTotp({ code: wrongCode(secret, x.clock.t) }), 'wrong_otp');
    const { codes } = await x.account.confirmTotp({ code: codeAt(secret, x.clock.t) });
    expect(x.vault.status()).toMatchObject({ state: 'unlocked', user: { id, totpEnabled: true, mustEnrollTotp: false } });
    await x.vault.lock();
    // The enrolment code's time step is used up; the next sign-in is a minute later.
    x.clock.advance(60 * SECOND);
    return { secret, codes };
  }

  it('asks for the code, counts a wrong one, accepts the right one once, and each backup code once', async () => {
    const x = await setup();
    const p = await addPerson(x, 'Rina Wulandari');
    const { secret, codes } = await enrol(x, p.id);
    expect(codes).toHaveLength(10);
    const signIn = (otp?: string) => x.vault.signIn({ staffId: p.id, password: STAFF_PW, otp });

    await expectCode(signIn(), 'otp_required');
    expect((await peek(x.vault, p.id)).failedAttempts).toBe(0);
    // A wrong password is refused as such, whatever the code.
    await expectCode(x.vault.signIn({ staffId: p.id, password: WRONG_PW, otp: codeAt(secret, x.clock.t) }), 'wrong_password');
    await expectCode(signIn(wrongCode(secret, x.clock.t)), 'wrong_otp');
    expect((await peek(x.vault, p.id)).failedAttempts).toBe(2);

    const code = codeAt(secret, x.clock.t);
    expect(await signIn(`${code.slice(0, 3)} ${code.slice(3)}`)).toMatchObject({ state: 'unlocked', user: { id: p.id, totpEnabled: true } });
    expect((await peek(x.vault, p.id)).failedAttempts).toBe(0);
    await x.vault.lock();
    await expectCode(signIn(code), 'wrong_otp');
    x.clock.advance(10 * SECOND);
    await expectCode(signIn(code), 'wrong_otp');

    expect((await signIn(codes[0]!.toLowerCase())).state).toBe('unlocked');
    await x.vault.lock();
    await expectCode(signIn(codes[0]!), 'wrong_otp');
    expect((await signIn(codes[1]!)).state).toBe('unlocked');
    await x.vault.lock();
    x.clock.advance(30 * SECOND);
    expect((await signIn(codeAt(secret, x.clock.t))).state).toBe('unlocked');
  });

  it('the Owner can require 2FA for a role: such an account must enrol and cannot switch it off', async () => {
    const x = await setup();
    const cashier = await addPerson(x, 'Rina Wulandari', 'staff');
    const manager = await addPerson(x, 'Budi Santoso', 'manager', 'sambal-terasi-pedas-9');
    await x.vault.saveSettings({ idleLockMinutes: 5, require2faRoles: ['staff'] });
    expect((await x.staff.list()).people.map((m) => [m.name, m.totpRequired])).toEqual([[OWNER, false], ['Budi Santoso', false], ['Rina Wulandari', true]]);
    await x.vault.lock();

    expect(await x.vault.signIn({ staffId: cashier.id, password: STAFF_PW })).toMatchObject({ state: 'unlocked', user: { id: cashier.id, totpEnabled: false, mustEnrollTotp: true } });
    await x.vault.lock();
    expect(await x.vault.signIn({ staffId: manager.id, password: 'sambal-terasi-pedas-9' })).toMatchObject({ user: { mustEnrollTotp: false } });

    const { secret } = await enrol(x, cashier.id);
    expect(await x.vault.signIn({ staffId: cashier.id, password: STAFF_PW, otp: codeAt(secret, x.clock.t) })).toMatchObject({ user: { totpEnabled: true, mustEnrollTotp: false } });
    await expectCode(x.account.disableTotp({ password: STAFF_PW }), 'totp_enrolment_required');
    expect(x.vault.status()).toMatchObject({ user: { totpEnabled: true } });
    expect((await peek(x.vault, cashier.id)).totpSecret).toBe(secret);

    // Once the requirement is lifted the account may switch it off (with its password).
    await x.vault.lock();
    await x.vault.signIn({ staffId: 1, password: PASSWORD });
    await x.vault.saveSettings({ idleLockMinutes: 5, require2faRoles: [] });
    await x.vault.lock();
    x.clock.advance(30 * SECOND);
    await x.vault.signIn({ staffId: cashier.id, password: STAFF_PW, otp: codeAt(secret, x.clock.t) });
    await expectCode(x.account.disableTotp({ password: WRONG_PW }), 'wrong_password');
    expect(await x.account.disableTotp({ password: STAFF_PW })).toMatchObject({ user: { totpEnabled: false } });
    await x.vault.lock();
    expect((await x.vault.signIn({ staffId: cashier.id, password: STAFF_PW })).state).toBe('unlocked');
  });
});

describe('changing one’s own password', () => {
  it('needs the current password, applies the policy to the new one, and the old one stops working', async () => {
    const x = await setup();
    const p = await addPerson(x, 'Rina Wulandari');
    await x.vault.lock();
    await x.vault.signIn({ staffId: p.id, password: STAFF_PW });
    const next = 'tahu-tempe-bakwan-55';

    await expectCode(x.account.changePassword({ current: WRONG_PW, next }), 'wrong_password');
    for (const [weak, reason] of [
      ['aaaaaaaaaaaa', 'too_weak'],
      ['pendek', 'too_short'],
      ['password123', 'too_common'],
      ['rina-wulandari-77!', 'contains_personal'],
      ['kasir-paling-rajin-9', 'contains_personal'],
    ] as const) {
      const err = await vaultErrorOf(x.account.changePassword({ current: STAFF_PW, next: weak }));
      expect([weak, err.code, err.fields]).toEqual([weak, 'invalid_input', { next: reason }]);
    }
    expect(await x.account.changePassword({ current: STAFF_PW, next })).toEqual({ changed: true });
    await x.vault.lock();
    await expectCode(x.vault.signIn({ staffId: p.id, password: STAFF_PW }), 'wrong_password');
    expect((await x.vault.signIn({ staffId: p.id, password: next })).state).toBe('unlocked');
  });
});
