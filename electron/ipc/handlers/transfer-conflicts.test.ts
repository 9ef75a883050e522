/**
 * The importer's edges through the router, on a real vault and keychain: the same phone under
 * another name (never imported, never renamed), a file with no customers, and a real SQLITE_FULL
 * (PRAGMA max_page_count on the vault's connection) answered as `disk_full` with nothing imported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, CustomerPage, DryRunResult, ImportFile, ImportResult, Result } from '../../contract';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { writeBigCsv, writeFixture } from '../../vault/transfer/testing';
import { createRouter, type Router, type Sender } from '../router';
import { testContext, type TestContext } from '../testing';

const ORIGIN = 'app://brankas';
const APP: Sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const PASSWORD = 'kopi-susu-gula-aren-42';

let dir: string;
let files: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle(APP, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const errorOf = async (p: Promise<Result<unknown>>) => {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

beforeEach(async () => {
  dir = tempDir();
  files = tempDir('brankas-picked-');
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: { N: 2 ** 12, r: 8, p: 1 } });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }));
});

afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

const open = async (path: string): Promise<ImportFile> => {
  ctx.dialogs.opens.push(path);
  const file = await value<ImportFile | null>(call('import.open'));
  if (!file) throw new Error('no file');
  return file;
};
const source = (file: ImportFile) => ({ fileId: file.fileId, sheet: null, mapping: file.mapping });
const everyone = async () => (await value<CustomerPage>(call('customers.search', { query: '', offset: 0, limit: 100 }))).items;

describe('same phone, different name', () => {
  it("reports Siti's row in the dry run and the import, leaves Budi as he was, and puts her row in the report", async () => {
    const budi = await open(writeFixture(files, 'budi.csv', 'Nama;No HP;Kota\nBudi Santoso;0812-3456-7890;Bandung\n'));
    expect(await value(call('import.run', { ...source(budi), onDuplicate: 'skip' }))).toMatchObject({ imported: 1 });
    const before = await everyone();

    const siti = await open(writeFixture(files, 'siti.csv', 'Nama;No HP;Kota\nSiti Santoso;+62 812 3456 7890;Solo\nBUDI SANTOSO;0812-3456-7890;Cimahi\n'));
    const conflict = { row: 2, column: 'No HP', code: 'same_phone_other_name' };
    expect(await value<DryRunResult>(call('import.dryRun', source(siti)))).toEqual({
      total: 2,
      new: 0,
      duplicates: 1,
      conflicts: 1,
      invalid: 0,
      problems: [conflict],
      partial: 0,
      dropped: [],
      consent: { given: 0, refused: 0 },
    });
    const result = await value<ImportResult>(call('import.run', { ...source(siti), onDuplicate: 'update' }));
    expect(result).toEqual({ imported: 0, updated: 1, skipped: 0, invalid: [], conflicts: [conflict], skippedRows: [], kept: [], dropped: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] });
    // Budi's own row (in capitals) updated his city; Siti's did not rename him.
    expect(await everyone()).toMatchObject([{ ...before[0], name: 'Budi Santoso', city: 'Cimahi', updatedAt: expect.any(Number) }]);

    const report = join(files, 'laporan.csv');
    ctx.dialogs.saves.push(report);
    await value(call('import.saveReport', { fileId: siti.fileId, sheet: null }));
    expect(readFileSync(report, 'utf8')).toContain('2;No HP;No HP: Nomor HP sama dengan pelanggan lain yang namanya berbeda');
    const audit = await vault.db().get<{ details: string }>("SELECT details FROM audit_log WHERE action = 'data.import' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({ imported: 0, updated: 1, conflicts: 1 });
  });
});

describe('a file with no customers', () => {
  it('a header row and no data rows: file_empty when it is picked', async () => {
    ctx.dialogs.opens.push(writeFixture(files, 'kosong.csv', 'Nama;No HP\r\n'));
    expect((await errorOf(call('import.open'))).code).toBe('file_empty');
  });
});

describe('a full disk', () => {
  it('answers disk_full and imports nothing; with room again the same import lands', { timeout: 60_000 }, async () => {
    const file = await open(await writeBigCsv(join(files, 'besar.csv'), 5_000));
    const db = vault.db();
    const pages = (await db.get<{ page_count: number }>('PRAGMA page_count'))?.page_count ?? 0;
    // SQLite itself refuses to grow the file past this: a real SQLITE_FULL, as from a full disk.
    await db.exec(`PRAGMA max_page_count = ${pages + 8}`);
    expect((await errorOf(call('import.run', { ...source(file), onDuplicate: 'skip' }))).code).toBe('disk_full');
    await db.exec('PRAGMA max_page_count = 1073741823');
    expect(await everyone()).toEqual([]);
    expect((await db.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check).toBe('ok');
    expect(await value(call('import.run', { ...source(file), onDuplicate: 'skip' }))).toMatchObject({ imported: 5_000 });
  });
});

describe('why a file cannot be read crosses the bridge', () => {
  it('a quote opened on row 2 and never closed: file_unreadable with the reason and the row', async () => {
    const path = writeFixture(files, 'kutip.csv', `Nama,Catatan\nAni,"tidak ditutup\n${'x,'.repeat(10)}\n`);
    ctx.dialogs.opens.push(path);
    expect(await errorOf(call('import.open'))).toEqual({ code: 'file_unreadable', file: { reason: 'quote_not_closed', row: 2 } });
  });
});
