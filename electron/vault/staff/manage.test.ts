// Managing people and the access review through VaultService, with real SQLCipher files and the
// real OS keychain: run with `bash .ci/with-keyring npx vitest run electron/vault/staff/manage.test.ts`.
import { describe, it, expect, afterEach } from 'vitest';
import { ACCESS_REVIEW_DAYS, UNUSED_ACCOUNT_DAYS, type Role } from '../../contract';
import { readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { VaultService } from '../service';
import { FAST_KDF, OWNER, PASSWORD, VaultFixture, vaultErrorOf } from '../testing';
import { createStaffService } from './service';

const fx = new VaultFixture();
const services: VaultService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.close();
  await fx.cleanup();
});

const DAY = 24 * 60 * 60 * 1000;
const STAFF_PW = 'kopi-susu-gula-aren-42';

const expectCode = async (p: Promise<unknown> | (() => unknown), code: string) => expect((await vaultErrorOf(p)).code).toBe(code);

class Clock {
  t = Date.UTC(2025, 0, 6, 2, 0, 0);
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A new vault with the Owner (id 1) signed in; the vault and the staff service share one clock. */
async function setup() {
  const clock = new Clock();
  const dir = fx.dir();
  const vault = new VaultService({ dataDir: dir, keychain: fx.keychain, passwordKdf: FAST_KDF, now: clock.now });
  services.push(vault);
  await vault.create({ ownerName: OWNER, password: PASSWORD });
  fx.track(readRecoveryFile(vaultPaths(dir))!.vaultId);
  const staff = createStaffService(vault, clock.now);
  const add = (name: string, role: Exclude<Role, 'owner'> = 'staff') => staff.create({ name, role, password: STAFF_PW, reason: 'Bekerja di toko' });
  return { dir, clock, vault, staff, add };
}

const byId = async (staff: ReturnType<typeof createStaffService>, id: number) => (await staff.list()).people.find((m) => m.id === id)!;

describe('creating and changing accounts', () => {
  it('creates an account that is listed at once; a weak password is refused on the password field', async () => {
    const { vault, staff, add } = await setup();
    for (const [password, reason] of [
      ['aaaaaaaaaaaa', 'too_weak'],
      ['pendek', 'too_short'],
      ['password123', 'too_common'],
      ['rina-wulandari-88', 'contains_personal'],
      ['toko-kita-rahasia-3', 'contains_personal'],
    ] as const) {
      const err = await vaultErrorOf(staff.create({ name: 'Rina Wulandari', role: 'staff', password, reason: 'Kasir pagi' }));
      expect([password, err.code, err.fields]).toEqual([password, 'invalid_input', { password: reason }]);
    }
    expect((await staff.list()).people).toHaveLength(1);

    const rina = await add('Rina Wulandari');
    expect(rina).toMatchObject({ name: 'Rina Wulandari', role: 'staff', status: 'active', totpEnabled: false, lastSignInAt: null, unused: false, hasKeySlot: true });
    expect(JSON.stringify(rina)).not.toContain('scrypt');
    await vault.lock();
    expect(vault.status()).toMatchObject({ state: 'locked', people: [{ id: 1 }, { id: rina.id, name: 'Rina Wulandari', role: 'staff' }] });
  });

  it('names are unique whatever the case, on create and on rename', async () => {
    const { staff, add } = await setup();
    const rina = await add('Rina Wulandari');
    const budi = await add('Budi Santoso');
    await expectCode(add('rina wulandari'), 'name_taken');
    await expectCode(add('IBU SARI'), 'name_taken');
    await expectCode(staff.update({ id: budi.id, name: 'RINA WULANDARI' }), 'name_taken');
    // Renaming oneself to a different case of the same name is not a clash.
    expect((await staff.update({ id: rina.id, name: 'Rina wulandari' })).name).toBe('Rina wulandari');
    expect((await staff.list()).people.map((m) => m.name)).toEqual([OWNER, 'Budi Santoso', 'Rina wulandari']);
  });

  it('the Owner’s role and status are never changed, and nobody disables themselves', async () => {
    const { vault, staff, add } = await setup();
    const budi = await add('Budi Santoso', 'manager');
    await expectCode(staff.update({ id: 1, role: 'manager' }), 'last_owner');
    await expectCode(staff.update({ id: 1, status: 'disabled' }), 'last_owner');
    await expectCode(staff.review({ decisions: [{ id: 1, decision: 'disable', reason: 'x' }] }), 'last_owner');
    await expectCode(staff.review({ decisions: [{ id: 1, decision: 'confirm', role: 'viewer', reason: 'x' }] }), 'last_owner');
    expect(await byId(staff, 1)).toMatchObject({ role: 'owner', status: 'active' });
    // The Owner's own name and reason may change.
    expect(await staff.update({ id: 1, reason: 'Pemilik dan kasir' })).toMatchObject({ role: 'owner', reason: 'Pemilik dan kasir' });

    // The service holds the rule for whoever is signed in, not only the Owner.
    await vault.lock();
    await vault.signIn({ staffId: budi.id, password: STAFF_PW });
    await expectCode(staff.update({ id: budi.id, status: 'disabled' }), 'last_owner');
    await expectCode(staff.review({ decisions: [{ id: budi.id, decision: 'disable', reason: 'x' }] }), 'last_owner');
    expect(await byId(staff, budi.id)).toMatchObject({ status: 'active', role: 'manager' });
  });

  it('changes a role; the audit trail records from and to', async () => {
    const { vault, staff, add } = await setup();
    const rina = await add('Rina Wulandari');
    expect(await staff.update({ id: rina.id, role: 'manager' })).toMatchObject({ role: 'manager' });
    const entry = await vault.db().get<{ details: string }>("SELECT details FROM audit_log WHERE action = 'staff.update' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(entry!.details)).toMatchObject({ changed: ['role'], fromRole: 'staff', toRole: 'manager' });
    await vault.lock();
    expect(await vault.signIn({ staffId: rina.id, password: STAFF_PW })).toMatchObject({ user: { role: 'manager' } });
  });
});

describe('access review', () => {
  it('confirms, disables and changes roles in one go; due again after 90 days', async () => {
    const { clock, vault, staff, add } = await setup();
    const rina = await add('Rina Wulandari');
    const budi = await add('Budi Santoso', 'manager');
    const agus = await add('Agus Pratama', 'staff');
    expect(vault.status()).toMatchObject({ accessReviewDue: false });
    expect(await staff.list()).toMatchObject({ reviewDue: false, lastReviewAt: clock.t });

    clock.advance(ACCESS_REVIEW_DAYS * DAY);
    expect(vault.status()).toMatchObject({ state: 'unlocked', accessReviewDue: true });
    expect((await staff.list()).reviewDue).toBe(true);

    clock.advance(DAY);
    const reviewedAt = clock.t;
    const overview = await staff.review({
      decisions: [
        { id: rina.id, decision: 'confirm', reason: 'Kasir pagi' },
        { id: budi.id, decision: 'disable', reason: 'Sudah berhenti' },
        { id: agus.id, decision: 'confirm', role: 'viewer', reason: 'Hanya melihat data' },
      ],
    });
    expect(overview).toMatchObject({ reviewDue: false, lastReviewAt: reviewedAt, nextReviewAt: reviewedAt + ACCESS_REVIEW_DAYS * DAY });
    const get = (id: number) => overview.people.find((m) => m.id === id)!;
    expect(get(rina.id)).toMatchObject({ status: 'active', role: 'staff', reason: 'Kasir pagi', lastReviewedAt: reviewedAt });
    expect(get(budi.id)).toMatchObject({ status: 'disabled', role: 'manager', reason: 'Sudah berhenti', lastReviewedAt: reviewedAt });
    expect(get(agus.id)).toMatchObject({ status: 'active', role: 'viewer', reason: 'Hanya melihat data', lastReviewedAt: reviewedAt });
    expect(vault.status()).toMatchObject({ accessReviewDue: false });

    const recorded = await vault.db().all<{ target_id: string; details: string }>("SELECT target_id, details FROM audit_log WHERE action = 'staff.review' ORDER BY id");
    expect(recorded.map((r) => [Number(r.target_id), JSON.parse(r.details)])).toEqual([
      [rina.id, { decision: 'confirm' }],
      [budi.id, { decision: 'disable' }],
      [agus.id, { decision: 'confirm', role: 'viewer' }],
    ]);

    await vault.lock();
    expect(vault.status()).toMatchObject({ people: [{ id: 1 }, { id: agus.id, role: 'viewer' }, { id: rina.id }] });
    await expectCode(vault.signIn({ staffId: budi.id, password: STAFF_PW }), 'account_disabled');
    await vault.signIn({ staffId: 1, password: PASSWORD });

    clock.advance(ACCESS_REVIEW_DAYS * DAY - 1);
    expect(vault.status()).toMatchObject({ accessReviewDue: false });
    clock.advance(1);
    expect(vault.status()).toMatchObject({ accessReviewDue: true });
    expect((await staff.list()).reviewDue).toBe(true);
  });

  it('the review date survives a restart', async () => {
    const { dir, clock, vault, staff, add } = await setup();
    const rina = await add('Rina Wulandari');
    clock.advance(ACCESS_REVIEW_DAYS * DAY);
    await staff.review({ decisions: [{ id: rina.id, decision: 'confirm', reason: 'Kasir pagi' }] });
    await vault.close();
    const again = new VaultService({ dataDir: dir, keychain: fx.keychain, passwordKdf: FAST_KDF, now: clock.now });
    services.push(again);
    await again.init();
    expect(await again.signIn({ staffId: 1, password: PASSWORD })).toMatchObject({ accessReviewDue: false });
    expect(again.accessReviewedAt()).toBe(clock.t);
  });

  it('flags an account nobody has signed in to for 60 days as unused', async () => {
    const { clock, vault, staff, add } = await setup();
    const rina = await add('Rina Wulandari');
    const agus = await add('Agus Pratama');
    clock.advance(UNUSED_ACCOUNT_DAYS * DAY - 1);
    expect((await staff.list()).people.map((m) => m.unused)).toEqual([false, false, false]);

    // Agus signs in just before the mark; the Owner too. Rina never does.
    await vault.lock();
    await vault.signIn({ staffId: agus.id, password: STAFF_PW });
    await vault.lock();
    await vault.signIn({ staffId: 1, password: PASSWORD });
    clock.advance(1);
    expect(await byId(staff, rina.id)).toMatchObject({ unused: true, lastSignInAt: null });
    expect(await byId(staff, agus.id)).toMatchObject({ unused: false });
    expect(await byId(staff, 1)).toMatchObject({ unused: false });

    clock.advance(UNUSED_ACCOUNT_DAYS * DAY);
    expect(await byId(staff, agus.id)).toMatchObject({ unused: true });
    // A disabled account is not "unused": it is already out of the way.
    await staff.update({ id: rina.id, status: 'disabled' });
    expect(await byId(staff, rina.id)).toMatchObject({ unused: false, status: 'disabled' });
    // Signing in clears the flag.
    await vault.lock();
    await vault.signIn({ staffId: agus.id, password: STAFF_PW });
    await vault.lock();
    await vault.signIn({ staffId: 1, password: PASSWORD });
    expect(await byId(staff, agus.id)).toMatchObject({ unused: false, lastSignInAt: clock.t });
  });
});
