/**
 * A change and its audit entry commit together (DESIGN.md §3), one test per kind of change through
 * the real router: the audit insert is refused for one action by a TEMP trigger, and the call must
 * fail with a typed error and leave the vault exactly as it was (and an export leaves no file, a
 * view returns no data). Then the trigger goes and the same call succeeds with its entry: the
 * pattern new domains copy (`refuseAudit` + `dataDigest` from vault/audit/testing.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditAction, ChannelName, Customer, ImportFile, Result } from '../contract';
import { dataDigest, refuseAudit } from '../vault/audit/testing';
import { tempDir } from '../vault/db/testing';
import { systemKeychain } from '../vault/keys/keychain';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { VaultService } from '../vault/service';
import { FAST_KDF } from '../vault/testing';
import { csvText, writeFixture } from '../vault/transfer/testing';
import { createRouter, type Router } from './router';
import { testContext, type TestContext } from './testing';

const ORIGIN = 'app://brankas';
const PASSWORD = 'kopi-susu-gula-aren-42';

let dir: string;
let files: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;
let budi: Customer;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const entries = async (action: AuditAction): Promise<number> =>
  (await vault.db().get<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE action = ?', [action]))?.n ?? 0;

/**
 * Runs `attempt` with the audit insert for `action` refused: the answer is `audit_failed`, the
 * data and the trail are as they were. Then without the trigger the same call succeeds and adds
 * exactly one entry for `action`.
 */
async function atomically(action: AuditAction, attempt: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
  const before = await dataDigest(vault.db());
  const trail = await entries(action);
  const allow = await refuseAudit(vault.db(), action);
  const refused = await attempt();
  await allow();
  expect(refused).toEqual({ ok: false, error: { code: 'audit_failed' } });
  expect(await dataDigest(vault.db())).toBe(before);
  expect(await entries(action)).toBe(trail);
  const done = await attempt();
  expect(done.ok, JSON.stringify(done)).toBe(true);
  expect(await entries(action)).toBe(trail + 1);
  expect(await dataDigest(vault.db())).not.toBe(before);
  return done;
}

beforeAll(async () => {
  dir = tempDir();
  files = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }));
  await value(call('fields.update', { key: 'address', enabled: true, purpose: 'Pengiriman pesanan' }));
  budi = await value<Customer>(call('customers.save', { customer: { name: 'Budi Santoso', phone: '0812-3456-7890', address: 'Jl. Kenanga 5' } }));
});

afterAll(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

beforeEach(() => {
  // Every test starts with no leftover trigger (a failed assertion must not leak it into the next).
  return vault.db().exec('DROP TRIGGER IF EXISTS temp.refuse_audit');
});

describe('a change whose audit entry cannot be written does not happen', () => {
  it('an import: fails, not one customer added', async () => {
    const path = writeFixture(files, 'impor.csv', csvText([['Nama', 'No HP'], ['Cici Lestari', '0813 2222 3333'], ['Dedi Kurnia', '0857 4444 5555']], ';'));
    ctx.dialogs.opens.push(path, path);
    const open = async () => value<ImportFile>(call('import.open'));
    let file = await open();
    const run = () => call('import.run', { fileId: file.fileId, sheet: null, mapping: file.mapping, onDuplicate: 'skip' });
    const before = await dataDigest(vault.db());
    const allow = await refuseAudit(vault.db(), 'data.import');
    expect(await run()).toEqual({ ok: false, error: { code: 'audit_failed' } });
    await allow();
    expect(await dataDigest(vault.db())).toBe(before);
    file = await open();
    expect(await value(run())).toMatchObject({ imported: 2 });
    expect(await entries('data.import')).toBe(1);
  });

  it('a save: neither a new customer nor an update lands', async () => {
    await atomically('customer.create', () => call('customers.save', { customer: { name: 'Eka Putri', phone: '0811 0000 1111' } }));
    const updated = await atomically('customer.update', () => call('customers.save', { id: budi.id, customer: { name: 'Budi Santoso', phone: '0812-3456-7890', address: 'Jl. Melati 9' } }));
    expect(updated.ok && (updated.value as Customer).address).toBe('Jl. Melati 9');
  });

  it('a delete: the customer, the purchases and the search entry stay', async () => {
    const cust = await value<Customer>(call('customers.save', { customer: { name: 'Fajar Nugroho', phone: '0812 9999 0000' } }));
    await value(call('purchases.save', { purchase: { customerId: cust.id, date: '2026-11-30', amount: 125000, description: 'Kopi 2 kg', channel: 'store' } }));
    await atomically('customer.delete', () => call('customers.remove', { id: cust.id }));
    expect(await vault.db().get('SELECT id FROM customers WHERE id = ?', [cust.id])).toBeUndefined();
  });

  it('an erase: switching a field off with erase keeps every value until the entry can be written', async () => {
    await atomically('fields.update', () => call('fields.update', { key: 'address', enabled: false, erase: true, purpose: 'Pengiriman pesanan' }));
    expect((await vault.db().get<{ n: number }>('SELECT count(*) AS n FROM customers WHERE address IS NOT NULL'))?.n).toBe(0);
  });

  it('an export: no file at the chosen path and nothing temporary beside it', async () => {
    const out = tempDir();
    try {
      const target = join(out, 'pelanggan.csv');
      const exportRun = () => {
        ctx.dialogs.saves.push(target);
        return call('export.run', { format: 'csv', fields: ['name', 'phone'], scope: { kind: 'all' }, purpose: 'order_updates' });
      };
      const allow = await refuseAudit(vault.db(), 'data.export');
      expect(await exportRun()).toEqual({ ok: false, error: { code: 'audit_failed' } });
      await allow();
      expect(readdirSync(out)).toEqual([]);
      const before = await entries('data.export');
      expect(await value(exportRun())).toMatchObject({ fileName: 'pelanggan.csv' });
      expect(existsSync(target)).toBe(true);
      expect(await entries('data.export')).toBe(before + 1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a view: customers.get and reveal return no data when their entry cannot be written', async () => {
    for (const [action, attempt] of [
      ['customer.view', () => call('customers.get', { id: budi.id })],
      ['customer.search', () => call('customers.search', { query: 'budi', offset: 0, limit: 10 })],
      ['purchase.view', () => call('purchases.list', { customerId: budi.id })],
    ] as const) {
      const allow = await refuseAudit(vault.db(), action);
      const refused = await attempt();
      await allow();
      expect(refused).toEqual({ ok: false, error: { code: 'audit_failed' } });
      expect((await attempt()).ok).toBe(true);
    }
  });

  it('a full disk during a save is disk_full, and nothing of it lands', async () => {
    const before = await dataDigest(vault.db());
    // No room for another page: SQLite answers SQLITE_FULL for real.
    const pages = (await vault.db().get<{ page_count: number }>('PRAGMA page_count'))?.page_count ?? 0;
    const set = await vault.db().get<{ max_page_count: number }>(`PRAGMA max_page_count = ${pages}`);
    expect(set?.max_page_count).toBe(pages);
    // A note of 5000 distinct characters needs overflow pages and search-index pages the file has no room for.
    const words = Array.from({ length: 700 }, (_, i) => `kata${i.toString(36)}`).join(' ').slice(0, 5000);
    const free = (await vault.db().get<{ freelist_count: number }>('PRAGMA freelist_count'))?.freelist_count ?? 0;
    expect(free).toBeLessThan(3);
    const r = await call('customers.save', { customer: { name: 'Gita Maharani', notes: words } });
    await vault.db().exec('PRAGMA max_page_count = 1073741823');
    expect(r.ok ? 'ok' : r.error.code).toBe('disk_full');
    expect(await dataDigest(vault.db())).toBe(before);
  });
});
