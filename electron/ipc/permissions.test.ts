/**
 * The role × channel matrix through the real router (real vault, SQLCipher and keychain): every
 * channel that needs a permission refuses each role without it with exactly `forbidden` (and an
 * `access.denied` entry in the trail), and never refuses a role with it. Then what the matrix means
 * for customer data: masking, recorded reveals, masked values sent back unchanged, and the
 * Owner's 2FA requirement that leaves only enrolment open.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import {
  can,
  channelNames,
  channels,
  roles,
  type AuditEntry,
  type AuditPage,
  type ChannelName,
  type Customer,
  type CustomerPage,
  type RevealedValue,
  type Result,
  type Role,
  type StaffMember,
  type TotpEnrolment,
} from '../contract';
import { tempDir } from '../vault/db/testing';
import { systemKeychain } from '../vault/keys/keychain';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { VaultService } from '../vault/service';
import { FAST_KDF } from '../vault/testing';
import { createRouter, type Router } from './router';
import { testContext, type TestContext } from './testing';

const ORIGIN = 'app://brankas';
const OWNER_PASSWORD = 'kopi-susu-gula-aren-42';
const PEOPLE = {
  manager: { name: 'Rina Wulandari', password: 'hujan-deras-di-malang-19' },
  staff: { name: 'Dewi Lestari', password: 'sepeda-tua-ke-pasar-77' },
  viewer: { name: 'Joko Susilo', password: 'lampu-jalan-redup-malam-31' },
} as const;
/** A customer id and a staff id that do not exist: allowed roles get not_found, which is fine. */
const NOPE = 999_999;

/**
 * One input per permissioned channel that parses, so a refusal seen is the permission check. They
 * change nothing that matters when allowed (unknown ids, a cancelled dialog, strict mode left off).
 */
const INPUTS: Partial<Record<ChannelName, unknown>> = {
  'vault.newRecoveryCode': {},
  'vault.confirmRecoveryCode': { answers: ['AAAAA'] },
  'settings.save': { idleLockMinutes: 5, require2faRoles: [] },
  'customers.search': { query: '', offset: 0, limit: 10 },
  'customers.get': { id: NOPE },
  'customers.save': { id: NOPE, customer: { name: 'Tidak Ada' } },
  'customers.remove': { id: NOPE },
  'customers.tags': { prefix: '', limit: 5 },
  'customers.markVerified': { id: NOPE },
  'customers.reveal': { id: NOPE, field: 'phone' },
  'customers.erase': { customerId: NOPE },
  'fields.list': {},
  'fields.update': { key: 'gender', enabled: false, purpose: '' },
  'fields.usage': { key: 'phone' },
  'fields.createCustom': { label: 'Ukuran baju', kind: 'text', purpose: 'Untuk stok.', sensitive: false },
  'fields.deleteCustom': { key: `custom_${NOPE}` },
  'purposes.list': {},
  'purposes.save': { key: 'tidak_ada', name: { id: 'Tidak ada', en: 'None' }, description: { id: 'Tidak ada.', en: 'None.' }, basis: 'contract', retention: { months: 12, from: 'contract_end' } },
  'purposes.retire': { key: 'tidak_ada' },
  'consent.get': { customerId: NOPE },
  'consent.pickEvidence': {},
  'consent.record': { customerId: NOPE, purposeKey: 'promotions_wa', state: 'given', method: 'verbal' },
  'consent.saveEvidence': { id: NOPE },
  'consent.saveForm': {},
  'consent.saveReceipt': { entryId: NOPE, lang: 'id' },
  'requests.savePack': { customerId: NOPE, lang: 'id' },
  'consent.receiptText': { entryId: NOPE, lang: 'en' },
  'requests.create': { type: 'access', channel: 'walk-in', customerIds: [NOPE] },
  'requests.overview': {},
  'requests.list': {},
  'requests.get': { number: NOPE },
  'requests.move': { number: NOPE, to: 'verifying' },
  'requests.identity': { number: NOPE, checks: ['knows_phone'] },
  'requests.note': { number: NOPE, note: 'Tidak ada' },
  'requests.link': { number: NOPE, customerId: NOPE },
  'requests.close': { number: NOPE, outcome: 'done' },
  'requests.settings': {},
  'requests.saveSettings': { targetDays: 7 },
  'requests.saveReceipt': { number: NOPE, lang: 'id' },
  'requests.receiptText': { number: NOPE, lang: 'id' },
  'requests.saveReply': { number: NOPE, lang: 'id' },
  'requests.replyText': { number: NOPE, lang: 'en' },
  'requests.exportRegister': {},
  'requests.correct': { number: NOPE, customerId: NOPE, changes: { city: 'Bandung' } },
  'requests.restrict': { customerId: NOPE, reason: 'Diminta pelanggan' },
  'requests.unrestrict': { customerId: NOPE },
  'requests.restrictions': {},
  'notice.status': {},
  'notice.profile': {},
  'notice.saveProfile': { name: 'Toko', address: 'Jl. Satu', whatsapp: '', phone: '', email: '', authority: 'Komdigi', backupPlace: { id: '', en: '' } },
  'notice.recipients': {},
  'notice.saveRecipient': { id: NOPE, name: 'PT Tidak Ada', why: { id: 'tidak', en: 'none' }, country: { id: 'Indonesia', en: 'Indonesia' }, abroad: false },
  'notice.removeRecipient': { id: NOPE },
  // After the Owner's saveProfile above, a version is published (what the notice says; no customer data).
  'notice.publish': {},
  'notice.save': { kind: 'md', lang: 'id' },
  'notice.whatsapp': { lang: 'id' },
  'purchases.list': { customerId: NOPE },
  'purchases.save': { purchase: { customerId: NOPE, date: '2026-01-02', description: 'Kopi', amount: 1000, channel: 'store' } },
  'purchases.remove': { id: NOPE },
  'import.open': {},
  'import.inspect': { fileId: 'abcdefghijkl', sheet: null },
  'import.preview': { fileId: 'abcdefghijkl', sheet: null, mapping: ['name'] },
  'import.dryRun': { fileId: 'abcdefghijkl', sheet: null, mapping: ['name'] },
  'import.run': { fileId: 'abcdefghijkl', sheet: null, mapping: ['name'], onDuplicate: 'skip' },
  'import.cancel': {},
  'import.saveReport': { fileId: 'abcdefghijkl', sheet: null },
  'export.run': { format: 'csv', fields: ['name'], scope: { kind: 'all' }, purpose: 'order_updates' },
  'export.cancel': {},
  'staff.list': {},
  'staff.create': { name: 'Ibu Sari', role: 'viewer', password: 'x', reason: 'Nama sudah dipakai' },
  'staff.update': { id: NOPE, reason: 'Tidak ada' },
  'staff.resetPassword': { id: NOPE, password: 'x' },
  'staff.resetTotp': { id: NOPE },
  'staff.review': { decisions: [{ id: NOPE, decision: 'confirm', reason: 'Tidak ada' }] },
  'security.setStrictMode': { enabled: false, password: OWNER_PASSWORD },
  'audit.list': {},
  'audit.verify': {},
  'audit.export': {},
  'backup.status': {},
  'backup.setup': { passphrase: 'x', confirm: 'y' },
  'backup.saveSchedule': { daily: false, onClose: false, keepDaily: 7, keepWeekly: 4, warnAfterDays: 7 },
  'backup.pickFolder': {},
  'backup.run': { useScheduleFolder: false },
  'backup.cancel': {},
  'restore.open': {},
  'restore.inspect': { fileId: '00000000-0000-4000-8000-000000000000', passphrase: 'x' },
  'restore.run': { fileId: '00000000-0000-4000-8000-000000000000', passphrase: 'x' },
  'restore.confirm': {},
  'restore.undo': {},
};

/** Channels whose handler asks a file dialog first: a cancelled dialog is queued for allowed roles. */
const OPEN_DIALOG: ChannelName[] = ['consent.pickEvidence', 'import.open', 'restore.open'];
const FOLDER_DIALOG: ChannelName[] = ['backup.pickFolder', 'backup.run'];
const SAVE_DIALOG: ChannelName[] = ['export.run', 'audit.export', 'notice.save', 'consent.saveForm', 'requests.exportRegister'];

const permissioned = channelNames.filter((c) => channels[c].access === 'unlocked' && channels[c].permission !== null);
/** The matrix runs over these; the first test fails when a permissioned channel has no input here. */
const covered = permissioned.filter((c) => INPUTS[c] !== undefined);
const permissionOf = (c: ChannelName) => channels[c].permission as NonNullable<(typeof channels)[ChannelName]['permission']>;

let dir: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;
/** Staff id per role (the Owner is 1). */
let ids: Record<Role, number>;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const passwordOf = (role: Role): string => (role === 'owner' ? OWNER_PASSWORD : PEOPLE[role].password);

async function signInAs(role: Role): Promise<void> {
  if (vault.status().state === 'unlocked') await value(call('vault.lock'));
  await value(call('vault.signIn', { staffId: ids[role], password: passwordOf(role) }));
  expect(vault.user()?.role).toBe(role);
}

async function auditEntries(action: AuditEntry['action']): Promise<AuditEntry[]> {
  await signInAs('owner');
  return (await value<AuditPage>(call('audit.list', { action, limit: 500 }))).entries;
}

beforeEach(async () => {
  dir = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: OWNER_PASSWORD }));
  ids = { owner: 1, manager: 0, staff: 0, viewer: 0 };
  for (const role of ['manager', 'staff', 'viewer'] as const) {
    const { name, password } = PEOPLE[role];
    const member = await value<StaffMember>(call('staff.create', { name, role, password, reason: `Akun ${role}` }));
    expect(member).toMatchObject({ name, role, status: 'active' });
    ids[role] = member.id;
  }
});

afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
});

describe('the role × channel matrix', () => {
  it('every permissioned channel has an input in the table', () => {
    expect(permissioned.filter((c) => INPUTS[c] === undefined)).toEqual([]);
    expect(covered.length).toBe(permissioned.length);
    // Each parses, so what the matrix sees is the permission check and not invalid_input.
    for (const c of covered) expect(channels[c].input.safeParse(INPUTS[c]).success, c).toBe(true);
    // And the table names no channel that is not permissioned (a stale entry would hide a change).
    expect(Object.keys(INPUTS).filter((c) => !permissioned.includes(c as ChannelName))).toEqual([]);
  });

  it('refuses exactly the roles without the permission, with forbidden and an access.denied entry', async () => {
    const denied: { role: Role; channel: ChannelName }[] = [];
    for (const role of roles) {
      await signInAs(role);
      for (const channel of covered) {
        const allowed = can(role, permissionOf(channel));
        if (allowed && OPEN_DIALOG.includes(channel)) ctx.dialogs.opens.push(null);
        if (allowed && SAVE_DIALOG.includes(channel)) ctx.dialogs.saves.push(null);
        if (allowed && FOLDER_DIALOG.includes(channel)) ctx.dialogs.folders.push(null);
        const r = await call(channel, INPUTS[channel]);
        const label = `${role} → ${channel}`;
        if (allowed) {
          // Not refused by role; a handler's own answer (not_found, file_expired, …) is fine, a crash is not.
          if (!r.ok) expect(r.error.code, label).not.toMatch(/^(forbidden|internal|totp_enrolment_required)$/);
        } else {
          expect(r, label).toEqual({ ok: false, error: { code: 'forbidden' } });
          denied.push({ role, channel });
        }
        // A cancelled dialog was used, or none was asked for.
        expect(ctx.dialogs.opens.length + ctx.dialogs.saves.length + ctx.dialogs.folders.length, label).toBe(0);
      }
    }
    // The Owner may do everything; the others are refused something.
    expect(denied.filter((d) => d.role === 'owner')).toEqual([]);
    for (const role of ['manager', 'staff', 'viewer'] as const) expect(denied.some((d) => d.role === role), role).toBe(true);

    const entries = await auditEntries('access.denied');
    expect(entries).toHaveLength(denied.length);
    for (const e of entries) expect(e).toMatchObject({ outcome: 'denied', targetType: null });
    const seen = entries.map((e) => `${e.actorId} ${String(e.details['channel'])} ${String(e.details['permission'])}`).sort();
    expect(seen).toEqual(denied.map((d) => `${ids[d.role]} ${d.channel} ${permissionOf(d.channel)}`).sort());
  });

  it('channels without a permission are open to every signed-in role', async () => {
    for (const role of roles) {
      await signInAs(role);
      expect(await value<TotpEnrolment>(call('account.beginTotp')), role).toMatchObject({ manualKey: expect.any(String) });
      expect(await call('account.changePassword', { current: 'salah-sandi-sekali-55', next: passwordOf(role) }), role).toEqual({
        ok: false,
        error: { code: 'wrong_password' },
      });
    }
  });
});

describe('masking and reveal', () => {
  let budi: Customer;
  beforeEach(async () => {
    budi = await value<Customer>(
      call('customers.save', { customer: { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi.santoso@contoh.co.id', city: 'Bandung' } }),
    );
    expect(budi.masked).toEqual([]);
  });

  it('a cashier sees phones and e-mails masked in search and record; Owner and Manager see them in full', async () => {
    await signInAs('staff');
    const page = await value<CustomerPage>(call('customers.search', { query: 'budi', offset: 0, limit: 10 }));
    const record = await value<Customer>(call('customers.get', { id: budi.id }));
    for (const c of [page.items[0], record]) {
      expect(c).toMatchObject({ id: budi.id, name: 'Budi Santoso', phone: '0812****7890', phoneDisplay: '0812****7890', email: 'bu****@contoh.co.id', city: 'Bandung' });
      expect(c?.masked).toEqual(expect.arrayContaining(['phone', 'email']));
      expect(JSON.stringify(c)).not.toMatch(/3456|santoso@/);
    }
    for (const role of ['owner', 'manager'] as const) {
      await signInAs(role);
      const full = await value<CustomerPage>(call('customers.search', { query: 'budi', offset: 0, limit: 10 }));
      const one = await value<Customer>(call('customers.get', { id: budi.id }));
      for (const c of [full.items[0], one]) {
        expect(c, role).toMatchObject({ phone: '+6281234567890', phoneDisplay: '0812-3456-7890', email: 'budi.santoso@contoh.co.id', masked: [] });
      }
    }
  });

  it('a cashier reveals one value in full, and the trail names the field but not the value', async () => {
    await signInAs('staff');
    expect(await value<RevealedValue>(call('customers.reveal', { id: budi.id, field: 'phone' }))).toEqual({
      field: 'phone',
      value: '+6281234567890',
      display: '0812-3456-7890',
    });
    const reveals = await auditEntries('customer.reveal');
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ actorId: ids.staff, targetType: 'customer', targetId: String(budi.id), outcome: 'ok', details: { field: 'phone' } });
    expect(JSON.stringify([reveals[0]?.details, reveals[0]?.targetId])).not.toMatch(/3456|7890|\+62/);
  });

  it('a viewer may not reveal', async () => {
    await signInAs('viewer');
    expect(await call('customers.reveal', { id: budi.id, field: 'phone' })).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await auditEntries('customer.reveal')).toEqual([]);
  });

  it('a cashier who sends the masked values back unchanged keeps the stored ones, and can change the name', async () => {
    await signInAs('staff');
    const shown = await value<Customer>(call('customers.get', { id: budi.id }));
    const saved = await value<Customer>(
      call('customers.save', { id: budi.id, customer: { name: 'Budi S.', phone: shown.phone, email: shown.email, city: 'Bogor' } }),
    );
    expect(saved).toMatchObject({ name: 'Budi S.', phone: '0812****7890', city: 'Bogor' });
    await signInAs('owner');
    expect(await value<Customer>(call('customers.get', { id: budi.id }))).toMatchObject({
      name: 'Budi S.',
      phone: '+6281234567890',
      email: 'budi.santoso@contoh.co.id',
      city: 'Bogor',
    });
  });
});

describe('the Owner requires 2FA for a role', () => {
  it('leaves a cashier without 2FA only the enrolment channels', async () => {
    await value(call('settings.save', { idleLockMinutes: 5, require2faRoles: ['staff'] }));
    await signInAs('staff');
    expect(vault.status()).toMatchObject({ state: 'unlocked', user: { role: 'staff', mustEnrollTotp: true } });
    expect(await call('customers.search', { query: '', offset: 0, limit: 10 })).toEqual({ ok: false, error: { code: 'totp_enrolment_required' } });
    expect(await call('fields.list')).toEqual({ ok: false, error: { code: 'totp_enrolment_required' } });
    // Permission first: what the role may never do stays forbidden.
    expect(await call('export.run', INPUTS['export.run'])).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await value<TotpEnrolment>(call('account.beginTotp'))).toMatchObject({ manualKey: expect.any(String), uri: expect.stringMatching(/^otpauth:/) });
    expect(await value(call('vault.status'))).toMatchObject({ state: 'unlocked' });
    // Other roles are not held up.
    await signInAs('viewer');
    expect((await value<CustomerPage>(call('customers.search', { query: '', offset: 0, limit: 10 }))).total).toBe(0);
  });
});
