/**
 * No channel changes or returns customer data without an audit entry. Every channel in the
 * contract gets a sample call here (the map's type makes a new channel add one), run through the
 * real router on a vault holding planted values. Then, for each call:
 * - a channel that says it records `nothing` changed no customer data and returned none;
 * - any other channel that changed customer data or returned a planted value appended, in that
 *   call, an entry with one of the actions contract/records.ts declares for it;
 * - every `view`/`change` sample succeeds, so each of them is proven to write its entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { channelNames, channelRecords, type ChannelName, type Customer, type CustomerConsent, type ImportFile, type Purchase, type Result } from '../contract';
import type { Queryable } from '../vault/db/driver';
import { tempDir } from '../vault/db/testing';
import { systemKeychain } from '../vault/keys/keychain';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { VaultService } from '../vault/service';
import { FAST_KDF } from '../vault/testing';
import { csvText, writeFixture } from '../vault/transfer/testing';
import { auditDescribers } from './audit';
import { createRouter, type Router } from './router';
import { testContext, type TestContext } from './testing';

const ORIGIN = 'app://brankas';
const PASSWORD = 'kopi-susu-gula-aren-42';
const STAFF_PASSWORD = 'lampu-jalan-redup-malam-31';
/** Values only the seeded customers hold: any of them in an answer is customer data. */
const PLANTED = ['Budi Santoso', '+6281234567890', '0812-3456-7890', 'budi.rahasia@contoh.co.id', 'Jl. Kenanga Rahasia 5', 'sandi-wifi-gudang', 'Kopi Gayo 2 kg'];
const UUID = '00000000-0000-4000-8000-000000000000';

/** What the samples need: ids made while seeding, and files picked along the way. */
interface State {
  budi: number;
  spare: number;
  erasable: number;
  purchase: number;
  staffId: number;
  recipient: number;
  file: ImportFile | null;
  out: string;
  ticket: string;
  evidence: number;
  entry: number;
  request: number;
}
type Sample = { input: (s: State) => unknown; before?: (ctx: TestContext, s: State) => void; after?: (value: unknown, s: State) => void };
const plain = (input: unknown): Sample => ({ input: () => input });

const samples: { [C in ChannelName]: Sample } = {
  'vault.status': plain({}),
  'vault.create': plain({ ownerName: 'Orang Lain', password: PASSWORD }),
  'vault.recover': plain({ recoveryCode: 'ABCD-EFGH' }),
  'vault.signIn': plain({ staffId: 1, password: PASSWORD }),
  'vault.lock': plain({ reason: 'user' }),
  'vault.newRecoveryCode': plain({}),
  'vault.confirmRecoveryCode': plain({ answers: ['XXXX'] }),
  'settings.save': plain({ idleLockMinutes: 15, require2faRoles: [] }),
  'customers.search': plain({ query: 'budi', offset: 0, limit: 10 }),
  'customers.get': { input: (s) => ({ id: s.budi }) },
  'customers.save': plain({ customer: { name: 'Eka Putri', phone: '0811 0000 1111' } }),
  'customers.remove': { input: (s) => ({ id: s.spare }) },
  'customers.tags': plain({ prefix: '', limit: 10 }),
  'customers.markVerified': { input: (s) => ({ id: s.budi }) },
  'customers.reveal': { input: (s) => ({ id: s.budi, field: 'phone' }) },
  'customers.erase': { input: (s) => ({ customerId: s.erasable }) },
  'fields.list': plain({}),
  'fields.update': plain({ key: 'city', enabled: true, purpose: 'Pengiriman pesanan' }),
  'fields.usage': plain({ key: 'address' }),
  'fields.createCustom': plain({ label: 'Ukuran baju', kind: 'text', purpose: 'Pesanan seragam', sensitive: false }),
  'fields.deleteCustom': plain({ key: 'custom_1' }),
  'purposes.list': plain({}),
  'purposes.save': plain({
    name: { id: 'Kartu member', en: 'Membership card' },
    description: { id: 'Mencatat poin belanja Anda.', en: 'To keep your shopping points.' },
    basis: 'contract',
    retention: { months: 24, from: 'contract_end' },
  }),
  'purposes.retire': plain({ key: 'membership_card' }),
  'consent.get': { input: (s) => ({ customerId: s.budi }) },
  'consent.pickEvidence': {
    input: () => ({}),
    before: (ctx, s) => void ctx.dialogs.opens.push(writeFixture(s.out, 'formulir.txt', 'Setuju promo WA — tanda tangan Budi')),
    after: (v, s) => void (s.ticket = (v as { ticket: string }).ticket),
  },
  'consent.record': {
    input: (s) => ({ customerId: s.budi, purposeKey: 'promotions_wa', state: 'given', method: 'paper', evidence: { ticket: s.ticket } }),
    after: (v, s) => {
      s.evidence = (v as CustomerConsent).rows[0]?.current?.evidence?.id ?? 0;
      s.entry = (v as CustomerConsent).rows[0]?.current?.id ?? 0;
    },
  },
  'consent.saveEvidence': { input: (s) => ({ id: s.evidence }), before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'bukti.txt')) },
  'consent.saveForm': { input: (s) => ({ customerId: s.budi }), before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'formulir.pdf')) },
  'consent.saveReceipt': { input: (s) => ({ entryId: s.entry, lang: 'id' }), before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'tanda-terima.pdf')) },
  'consent.receiptText': { input: (s) => ({ entryId: s.entry, lang: 'en' }) },
  'requests.create': {
    input: (s) => ({ type: 'access', channel: 'walk-in', customerIds: [s.budi], asked: 'Apa saja data saya?' }),
    after: (v, s) => void (s.request = (v as { number: number }).number),
  },
  'requests.overview': plain({}),
  'requests.list': plain({ open: true }),
  'requests.get': { input: (s) => ({ number: s.request }) },
  'requests.move': { input: (s) => ({ number: s.request, to: 'verifying' }) },
  'requests.identity': { input: (s) => ({ number: s.request, checks: ['knows_phone', 'recent_purchase'] }) },
  'requests.note': { input: (s) => ({ number: s.request, note: 'Dicek di kasir' }) },
  'requests.link': { input: (s) => ({ number: s.request, customerId: s.budi }) },
  'requests.close': { input: (s) => ({ number: s.request, outcome: 'done' }) },
  'requests.settings': plain({}),
  'requests.saveSettings': plain({ targetDays: 5 }),
  'requests.saveReceipt': { input: (s) => ({ number: s.request, lang: 'id' }), before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'tanda-terima-pdp.pdf')) },
  'requests.receiptText': { input: (s) => ({ number: s.request, lang: 'en' }) },
  'requests.saveReply': { input: (s) => ({ number: s.request, lang: 'id' }), before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'surat-balasan.pdf')) },
  'requests.replyText': { input: (s) => ({ number: s.request, lang: 'en' }) },
  'requests.exportRegister': { input: () => ({}), before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'daftar.csv')) },
  'requests.correct': { input: (s) => ({ number: s.request, customerId: s.budi, changes: { city: 'Semarang' } }) },
  'requests.restrict': { input: (s) => ({ customerId: s.budi, reason: 'Pelanggan minta ditunda', requestNumber: s.request }) },
  'requests.restrictions': plain({}),
  'requests.unrestrict': { input: (s) => ({ customerId: s.budi }) },
  'notice.status': plain({}),
  'notice.profile': plain({}),
  'notice.saveProfile': plain({ name: 'Toko Sari', address: 'Jl. Malioboro 12', whatsapp: '', phone: '', email: '', authority: 'Komdigi', backupPlace: { id: '', en: '' } }),
  'notice.recipients': plain({}),
  'notice.saveRecipient': {
    input: () => ({ name: 'PT Kirim', why: { id: 'pengiriman', en: 'delivery' }, country: { id: 'Indonesia', en: 'Indonesia' }, abroad: false }),
    after: (v, s) => void (s.recipient = (v as { id: number }[])[0]?.id ?? 0),
  },
  'notice.removeRecipient': { input: (s) => ({ id: s.recipient }) },
  'notice.publish': plain({}),
  'notice.save': { input: () => ({ kind: 'md', lang: 'id' }), before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'pemberitahuan.md')) },
  'notice.whatsapp': plain({ lang: 'en' }),
  'requests.savePack': { input: (s) => ({ customerId: s.budi, lang: 'id' }), before: (ctx, s) => void ctx.dialogs.folders.push(s.out) },
  'purchases.list': { input: (s) => ({ customerId: s.budi }) },
  'purchases.save': { input: (s) => ({ purchase: { customerId: s.budi, date: '2026-12-01', amount: 50000, description: 'Teh 1 kg', channel: 'store' } }) },
  'purchases.remove': { input: (s) => ({ id: s.purchase }) },
  'import.open': {
    input: () => ({}),
    before: (ctx, s) => void ctx.dialogs.opens.push(writeFixture(s.out, 'impor.csv', csvText([['Nama', 'No HP'], ['Cici Lestari', '0813 2222 3333']], ';'))),
    after: (v, s) => void (s.file = v as ImportFile),
  },
  'import.inspect': { input: (s) => ({ fileId: s.file?.fileId, sheet: null }) },
  'import.preview': { input: (s) => ({ fileId: s.file?.fileId, sheet: null, mapping: s.file?.mapping }) },
  'import.dryRun': { input: (s) => ({ fileId: s.file?.fileId, sheet: null, mapping: s.file?.mapping }) },
  'import.run': { input: (s) => ({ fileId: s.file?.fileId, sheet: null, mapping: s.file?.mapping, onDuplicate: 'skip' }) },
  'import.cancel': plain({}),
  'import.saveReport': { input: (s) => ({ fileId: s.file?.fileId, sheet: null }), before: (ctx) => void ctx.dialogs.saves.push(null) },
  'export.run': {
    input: () => ({ format: 'json', fields: ['name', 'phone'], scope: { kind: 'all' }, purpose: 'order_updates' }),
    before: (ctx, s) => void ctx.dialogs.saves.push(join(s.out, 'pelanggan.json')),
  },
  'export.cancel': plain({}),
  'account.changePassword': plain({ current: PASSWORD, next: 'gunung-biru-laut-tenang-58' }),
  'account.beginTotp': plain({}),
  'account.confirmTotp': plain({ code: '000000' }),
  'account.disableTotp': plain({ password: PASSWORD }),
  'account.newBackupCodes': plain({ password: PASSWORD }),
  'staff.list': plain({}),
  'staff.create': { input: () => ({ name: 'Dewi Lestari', role: 'staff', password: STAFF_PASSWORD, reason: 'Kasir pagi' }), after: (v, s) => void (s.staffId = (v as { id: number }).id) },
  'staff.update': { input: (s) => ({ id: s.staffId, reason: 'Kasir sore' }) },
  'staff.resetPassword': { input: (s) => ({ id: s.staffId, password: 'sepeda-tua-ke-pasar-77' }) },
  'staff.resetTotp': { input: (s) => ({ id: s.staffId }) },
  'staff.review': { input: (s) => ({ decisions: [{ id: s.staffId, decision: 'confirm' }] }) },
  'security.setStrictMode': plain({ enabled: false, password: 'gunung-biru-laut-tenang-58' }),
  'backup.status': plain({}),
  'backup.setup': plain({ passphrase: 'cadangan-toko-aman-2026', confirm: 'cadangan-toko-aman-2026' }),
  'backup.saveSchedule': plain({ daily: true, onClose: false, keepDaily: 7, keepWeekly: 4 }),
  'backup.pickFolder': { input: () => ({}), before: (ctx) => void ctx.dialogs.folders.push(null) },
  'backup.run': { input: () => ({}), before: (ctx) => void ctx.dialogs.folders.push(null) },
  'backup.cancel': plain({}),
  'restore.open': { input: () => ({}), before: (ctx) => void ctx.dialogs.opens.push(null) },
  'restore.inspect': plain({ fileId: UUID, passphrase: 'salah' }),
  'restore.run': plain({ fileId: UUID, passphrase: 'salah' }),
  'restore.confirm': plain({}),
  'restore.undo': plain({}),
  'restore.cancel': plain({}),
  'restore.confirmCode': plain({ answers: ['XXXX'] }),
  'restore.openFirstRun': { input: () => ({}), before: (ctx) => void ctx.dialogs.opens.push(null) },
  'restore.inspectFirstRun': plain({ fileId: UUID, passphrase: 'salah' }),
  'restore.runFirstRun': plain({ fileId: UUID, passphrase: 'salah' }),
  'audit.list': plain({ limit: 50 }),
  'audit.verify': plain({}),
  'audit.export': { input: () => ({}), before: (ctx) => void ctx.dialogs.saves.push(null) },
  'demo.status': plain({}),
  'demo.start': plain({}),
  'demo.discard': plain({}),
};

/** Signing out ends the run: the channels after it would only answer `locked`. */
const LAST: ChannelName[] = ['vault.lock'];

let dir: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;
const state: State = { budi: 0, spare: 0, erasable: 0, purchase: 0, staffId: 0, recipient: 0, file: null, out: '', ticket: '', evidence: 0, entry: 0, request: 0 };

const call = (channel: ChannelName, input: unknown) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};

/** A digest of the customer data only: customers, their tags and purchases, and the search index. */
async function customerDigest(db: Queryable): Promise<string> {
  const parts: unknown[] = [];
  for (const table of ['customers', 'customer_tags', 'purchases', 'customers_fts_data', 'customers_fts_content', 'customers_fts_docsize']) {
    const exists = await db.get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]);
    if (exists) parts.push(table, await db.all(`SELECT * FROM "${table}" ORDER BY 1`));
  }
  return JSON.stringify(parts, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
}

beforeAll(async () => {
  dir = tempDir();
  state.out = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }));
  await value(call('fields.update', { key: 'address', enabled: true, purpose: 'Pengiriman pesanan' }));
  const budi = await value<Customer>(
    call('customers.save', {
      customer: { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi.rahasia@contoh.co.id', address: 'Jl. Kenanga Rahasia 5', notes: 'sandi-wifi-gudang', tags: ['grosir'] },
    }),
  );
  state.budi = budi.id;
  state.spare = (await value<Customer>(call('customers.save', { customer: { name: 'Joko Susilo', phone: '0857 1111 2222' } }))).id;
  state.erasable = (await value<Customer>(call('customers.save', { customer: { name: 'Rina Wati', phone: '0857 3333 4444' } }))).id;
  state.purchase = (
    await value<Purchase>(call('purchases.save', { purchase: { customerId: budi.id, date: '2026-11-30', amount: 125000, description: 'Kopi Gayo 2 kg', channel: 'store' } }))
  ).id;
});

afterAll(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(state.out, { recursive: true, force: true });
});

describe('what each channel records', () => {
  it('every channel of the contract says what it records, and every router-audited one has a describer', () => {
    expect(Object.keys(channelRecords).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(samples).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) {
      const r = channelRecords[name];
      if (r.kind !== 'nothing') expect(r.actions.length, name).toBeGreaterThan(0);
      expect(Object.hasOwn(auditDescribers, name), name).toBe(r.kind === 'view' || r.kind === 'change');
    }
  });

  it('no channel changes or returns customer data without an entry it declares', async () => {
    const order = [...channelNames.filter((c) => !LAST.includes(c)), ...LAST];
    const report: string[] = [];
    for (const name of order) {
      const sample = samples[name];
      sample.before?.(ctx, state);
      // Read while nobody else runs: the vault's own connection, between calls.
      const db = vault.backgroundDb() as Queryable;
      const before = await customerDigest(db);
      const lastId = (await db.get<{ id: number | null }>('SELECT max(id) AS id FROM audit_log'))?.id ?? 0;
      const answer = await call(name, sample.input(state));
      if (answer.ok) sample.after?.(answer.value, state);
      const changed = (await customerDigest(db)) !== before;
      const text = JSON.stringify(answer);
      const revealed = PLANTED.filter((p) => text.includes(p));
      const actions = (await db.all<{ action: string }>('SELECT action FROM audit_log WHERE id > ?', [lastId])).map((e) => e.action);
      const records = channelRecords[name];
      if (records.kind === 'nothing') {
        if (changed || revealed.length) report.push(`${name} says it records nothing, but ${changed ? 'changed customer data' : `returned ${revealed.join(', ')}`}`);
        continue;
      }
      const declared = records.actions as readonly string[];
      if ((records.kind === 'view' || records.kind === 'change') && !answer.ok) report.push(`${name}: the sample failed (${text}), so its entry is unproven`);
      if ((changed || revealed.length || records.kind === 'view' || records.kind === 'change') && !actions.some((a) => declared.includes(a))) {
        report.push(`${name} ${changed ? 'changed customer data' : revealed.length ? 'returned customer data' : 'ran'} without a ${declared.join('/')} entry (got ${actions.join(', ') || 'none'})`);
      }
    }
    expect(report).toEqual([]);
  });
});
