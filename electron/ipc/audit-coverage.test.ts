/**
 * The audit trail after a whole working day through the real router: every action the staff issue
 * lists is recorded with the right actor, target and outcome, the chain verifies afterwards, and
 * no row holds a planted phone number, e-mail address, password or secret in plaintext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AuditEntry,
  AuditPage,
  AuditVerification,
  BackupCodes,
  ChannelName,
  Customer,
  ExportResult,
  ImportFile,
  ImportResult,
  Result,
  StaffMember,
  TotpEnrolment,
} from '../contract';
import type { AuditRow } from '../vault/audit/repository';
import { tempDir } from '../vault/db/testing';
import { systemKeychain } from '../vault/keys/keychain';
import { totpAt } from '../vault/keys/totp';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { VaultService } from '../vault/service';
import { FAST_KDF } from '../vault/testing';
import { csvText, writeFixture } from '../vault/transfer/testing';
import { createRouter, type Router } from './router';
import { testContext, type TestContext } from './testing';

const ORIGIN = 'app://brankas';
const OWNER_PASSWORD = 'kopi-susu-gula-aren-42';
const DEWI = { name: 'Dewi Lestari', password: 'sepeda-tua-ke-pasar-77' };
const JOKO = { name: 'Joko Susilo', password: 'lampu-jalan-redup-malam-31' };
const WRONG_PASSWORD = 'salah-sandi-rahasia-99';

/** Planted values: none of them may reach the trail in any form. */
const PHONE = '0812-3456-7890';
const PHONE_FORMS = ['+6281234567890', '6281234567890', '081234567890', '0812-3456-7890', '0812 3456 7890', '81234567890'];
const PHONE_DIGITS = '81234567890';
const EMAIL = 'budi.rahasia@contoh.co.id';
const NOTE_SECRET = 'sandi-wifi-gudang-rahasia';
const IMPORTED_PHONE = '0856-1111-2222';
const IMPORTED_EMAIL = 'cici.impor@contoh.co.id';

let dir: string;
let files: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const errorCode = async (p: Promise<Result<unknown>>): Promise<string> => {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error.code;
};
const nowSec = (): number => Math.floor(Date.now() / 1000);

/** What the run did, for the assertions. */
const ran = {
  dewi: 0,
  joko: 0,
  customer: 0,
  secret: '',
  backupCodes: [] as string[],
  imported: null as ImportResult | null,
  exported: null as ExportResult | null,
  verification: null as AuditVerification | null,
};
/** The whole trail, oldest first, as the Owner reads it through audit.list. */
let trail: AuditEntry[];
/** The same rows as stored. */
let rows: AuditRow[];

const entries = (action: AuditEntry['action']) => trail.filter((e) => e.action === action);

/** A working day: the Owner sets up and works with customers, a cashier enrols in 2FA, someone mistypes. */
async function workingDay(): Promise<void> {
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: OWNER_PASSWORD }));
  await value(call('settings.save', { idleLockMinutes: 10, require2faRoles: [] }));
  await value(call('fields.update', { key: 'birthday', enabled: true, purpose: 'Untuk ucapan ulang tahun.' }));
  ran.dewi = (await value<StaffMember>(call('staff.create', { ...DEWI, role: 'staff', reason: 'Kasir pagi' }))).id;
  ran.joko = (await value<StaffMember>(call('staff.create', { ...JOKO, role: 'staff', reason: 'Kasir sore' }))).id;
  await value(call('staff.update', { id: ran.joko, role: 'viewer', reason: 'Hanya melihat' }));

  const budi = await value<Customer>(call('customers.save', { customer: { name: 'Budi Santoso', phone: PHONE, email: EMAIL, notes: NOTE_SECRET } }));
  ran.customer = budi.id;
  await value(call('customers.save', { id: budi.id, customer: { name: 'Budi Santoso', phone: PHONE, email: EMAIL, notes: NOTE_SECRET, city: 'Bandung' } }));
  await value(call('customers.get', { id: budi.id }));
  await value(call('customers.reveal', { id: budi.id, field: 'email' }));
  // Searching by the phone is not recorded with the query.
  await value(call('customers.search', { query: PHONE, offset: 0, limit: 10 }));

  ctx.dialogs.opens.push(writeFixture(files, 'pelanggan-baru.csv', csvText([['Nama', 'No HP', 'Email'], ['Cici', IMPORTED_PHONE, IMPORTED_EMAIL], ['Dodi', 'bukan nomor', '']], ';')));
  const file = await value<ImportFile>(call('import.open'));
  ran.imported = await value<ImportResult>(call('import.run', { fileId: file.fileId, sheet: null, mapping: file.mapping, onDuplicate: 'skip' }));
  ctx.dialogs.saves.push(join(files, 'ekspor-pelanggan.csv'));
  ran.exported = await value<ExportResult>(
    call('export.run', { format: 'csv', fields: ['name', 'phone', 'email'], scope: { kind: 'filter', query: PHONE, filter: {} }, purpose: 'order_updates' }),
  );
  ctx.dialogs.saves.push(join(files, 'semua.csv'));
  await value(call('export.run', { format: 'json', fields: ['name', 'phone', 'email'], scope: { kind: 'all' }, purpose: 'order_updates' }));
  const cici = await value<{ items: Customer[] }>(call('customers.search', { query: 'cici', offset: 0, limit: 1 }));
  await value(call('customers.remove', { id: cici.items[0]?.id }));
  await value(call('vault.lock'));

  // Mistyped passwords, one of them the customer's phone, one the e-mail.
  for (const password of [WRONG_PASSWORD, PHONE, EMAIL]) expect(await errorCode(call('vault.signIn', { staffId: ran.dewi, password }))).toBe('wrong_password');
  await value(call('vault.signIn', { staffId: ran.dewi, password: DEWI.password }));
  const enrolment = await value<TotpEnrolment>(call('account.beginTotp'));
  ran.secret = enrolment.manualKey.replace(/\s/g, '');
  ran.backupCodes = (await value<BackupCodes>(call('account.confirmTotp', { code: totpAt(ran.secret, nowSec()) }))).codes;
  await value(call('vault.lock'));
  // The next step's code: the one used to enrol cannot be used again.
  await value(call('vault.signIn', { staffId: ran.dewi, password: DEWI.password, otp: totpAt(ran.secret, nowSec() + 30) }));
  await vault.lock('idle');

  await value(call('vault.signIn', { staffId: 1, password: OWNER_PASSWORD }));
  ran.verification = await value<AuditVerification>(call('audit.verify'));
  trail = (await value<AuditPage>(call('audit.list', { limit: 500 }))).entries.reverse();
  rows = await vault.db().all<AuditRow>('SELECT * FROM audit_log ORDER BY id');
}

beforeAll(async () => {
  dir = tempDir();
  files = tempDir('brankas-files-');
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await workingDay();
});

afterAll(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

describe('what the trail holds after a working day', () => {
  it('verifies, and every entry lies within the run', () => {
    expect(ran.verification).toEqual({ ok: true, entries: rows.length });
    expect(trail.map((e) => e.id)).toEqual(rows.map((r) => r.id));
    expect(trail.every((e) => e.outcome === 'ok' || e.action === 'auth.signInFailed')).toBe(true);
  });

  it('sign-in, failed sign-in, sign-out and idle lock, by whom', () => {
    const signIns = entries('auth.signIn').map((e) => [e.actorId, e.actorName]);
    expect(signIns).toEqual([
      [1, 'Ibu Sari'],
      [ran.dewi, DEWI.name],
      [ran.dewi, DEWI.name],
      [1, 'Ibu Sari'],
    ]);
    expect(entries('auth.signIn')[2]?.details).toMatchObject({ role: 'staff', twoFactor: true });
    const failed = entries('auth.signInFailed');
    expect(failed).toHaveLength(3);
    for (const e of failed) {
      expect(e).toMatchObject({ actorId: ran.dewi, targetType: 'staff', targetId: String(ran.dewi), outcome: 'failed', details: { reason: 'wrong_password' } });
    }
    expect(entries('auth.signOut').map((e) => e.actorId)).toEqual([1, ran.dewi]);
    expect(entries('auth.lock')).toEqual([expect.objectContaining({ actorId: ran.dewi, details: { reason: 'idle' } })]);
  });

  it('customers: create, update, view, reveal and delete, each naming the customer', () => {
    const target = { actorId: 1, targetType: 'customer', targetId: String(ran.customer), outcome: 'ok' };
    // Budi by hand; the imported customers (Dodi without his malformed phone) are one data.import entry.
    expect(entries('customer.create')).toHaveLength(1);
    expect(entries('customer.create')[0]).toMatchObject({ ...target, details: { fields: expect.arrayContaining(['name', 'phone', 'email', 'notes']) } });
    expect(entries('customer.update')).toEqual([expect.objectContaining({ ...target, details: { fields: expect.arrayContaining(['city']) } })]);
    expect(entries('customer.view')).toEqual([expect.objectContaining(target)]);
    expect(entries('customer.reveal')).toEqual([expect.objectContaining({ ...target, details: { field: 'email' } })]);
    expect(entries('customer.delete')).toEqual([expect.objectContaining({ actorId: 1, targetType: 'customer' })]);
  });

  it('import and export: the file name, what and how many', () => {
    expect(ran.imported).toMatchObject({ imported: 2, skipped: 0 });
    expect(entries('data.import')).toEqual([
      expect.objectContaining({
        actorId: 1,
        targetType: 'file',
        targetId: 'pelanggan-baru.csv',
        details: { imported: 2, updated: 0, skipped: 0, invalid: 0, withoutValue: 1, conflicts: 0, onDuplicate: 'skip', consentGiven: 0, consentRefused: 0, consentUnchanged: 0 },
      }),
    ]);
    expect(ran.exported).toEqual({ fileName: 'ekspor-pelanggan.csv', count: 1 });
    const exports = entries('data.export');
    expect(exports.map((e) => [e.targetType, e.targetId, e.details['what'], e.details['count'], e.details['format']])).toEqual([
      ['file', 'ekspor-pelanggan.csv', 'customers', 1, 'csv'],
      ['file', 'semua.csv', 'customers', 3, 'json'],
    ]);
    expect(exports[0]?.details).toMatchObject({ scope: 'filter', fields: ['name', 'phone', 'email'], purpose: 'order_updates' });
  });

  it('staff, role change, settings, field catalogue and 2FA enrolment', () => {
    expect(entries('staff.create').map((e) => [e.actorId, e.targetType, e.targetId, e.details['role']])).toEqual([
      [1, 'staff', String(ran.dewi), 'staff'],
      [1, 'staff', String(ran.joko), 'staff'],
    ]);
    expect(entries('staff.update')).toEqual([
      expect.objectContaining({ actorId: 1, targetType: 'staff', targetId: String(ran.joko), details: expect.objectContaining({ fromRole: 'staff', toRole: 'viewer' }) }),
    ]);
    expect(entries('settings.update')).toEqual([expect.objectContaining({ actorId: 1, details: { idleLockMinutes: 10, require2faRoles: [] } })]);
    expect(entries('fields.update')).toEqual([expect.objectContaining({ actorId: 1, targetType: 'field', targetId: 'birthday', details: { enabled: true } })]);
    expect(entries('auth.totpEnrolled')).toEqual([expect.objectContaining({ actorId: ran.dewi, targetType: 'staff', targetId: String(ran.dewi) })]);
    expect(entries('auth.backupCodesIssued')).toEqual([expect.objectContaining({ actorId: ran.dewi, details: { count: ran.backupCodes.length } })]);
  });

  it('holds no planted phone, e-mail, password, note or secret in any form', () => {
    expect(ran.secret).toMatch(/^[A-Z2-7]{16,}$/);
    const needles = [
      ...PHONE_FORMS,
      EMAIL,
      IMPORTED_EMAIL,
      '0856-1111-2222',
      '+6285611112222',
      '085611112222',
      NOTE_SECRET,
      DEWI.password,
      JOKO.password,
      OWNER_PASSWORD,
      WRONG_PASSWORD,
      ran.secret,
      ...ran.backupCodes,
    ];
    for (const r of rows) {
      const text = [r.actor_name, r.action, r.target_type, r.target_id, r.outcome, r.details].join('\u0000');
      for (const needle of needles) expect(text.toLowerCase(), `audit row ${r.id} (${r.action})`).not.toContain(needle.toLowerCase());
      // Any other spelling of the numbers: separators dropped.
      for (const digits of [PHONE_DIGITS, '85611112222']) expect(text.replace(/\D/g, ''), `audit row ${r.id}`).not.toContain(digits);
    }
  });
});
