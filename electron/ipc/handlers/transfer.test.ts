/**
 * import.* and export.* through the router, on a real vault and keychain, with dialogs the test
 * answers: paths only ever come from the dialogs, one job at a time, cancel, ids expire on lock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, DryRunResult, EventName, Events, ImportFile, ImportResult, JobProgress, Result } from '../../contract';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { csvText, writeBigCsv, writeFixture, writeXlsx } from '../../vault/transfer/testing';
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

const ROWS = [
  ['Nama', 'No HP', 'Kota'],
  ['Budi', '0812-3456-7890', 'Bandung'],
  ['Ani', 'bukan nomor', 'Bogor'],
  ['Cici', '0856-1111-2222', 'Depok'],
];

const open = async (path: string): Promise<ImportFile> => {
  ctx.dialogs.opens.push(path);
  const file = await value<ImportFile | null>(call('import.open'));
  if (!file) throw new Error('no file');
  return file;
};

describe('picking a file', () => {
  it('a cancelled dialog answers null; the renderer sees an id and the base name, never the path', async () => {
    ctx.dialogs.opens.push(null);
    expect(await value(call('import.open'))).toBeNull();
    const path = writeFixture(files, 'pelanggan toko.csv', csvText(ROWS, ';'));
    const file = await open(path);
    expect(file).toMatchObject({ fileName: 'pelanggan toko.csv', format: 'csv', delimiter: ';', headers: ROWS[0], mapping: ['name', 'phone', 'city'] });
    expect(file.fileId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(JSON.stringify(file)).not.toContain(files);
  });

  it('a renderer cannot name a path: not as input, not as a file id', async () => {
    for (const [channel, input] of [
      ['import.open', { path: '/etc/passwd' }],
      ['import.inspect', { fileId: '/etc/passwd', sheet: null }],
      ['import.inspect', { fileId: 'abcdefgh', sheet: null, path: '/etc/passwd' }],
      ['import.preview', { fileId: '../../etc/passwd', sheet: null, mapping: ['name'] }],
      ['export.run', { format: 'csv', fields: ['name'], scope: { kind: 'all' }, purpose: 'order_updates', path: '/tmp/x.csv' }],
      // The app names the purpose of every export.
      ['export.run', { format: 'csv', fields: ['name'], scope: { kind: 'all' } }],
    ] as const) {
      expect((await errorOf(call(channel, input))).code, channel).toBe('invalid_input');
    }
    // A well-formed id that was never handed out.
    expect((await errorOf(call('import.inspect', { fileId: 'abcdefghijkl', sheet: null }))).code).toBe('file_expired');
  });

  it('a file that cannot be read gets its typed error, and its id is not kept', async () => {
    expect((await errorOf((ctx.dialogs.opens.push(writeFixture(files, 'kosong.csv', '')), call('import.open')))).code).toBe('file_empty');
    const xlsx = await writeXlsx(join(files, 'a.xlsx'), { Satu: [['Nama'], ['Ani']], Dua: [['Nama', 'Kota'], ['Budi', 'Bogor']] });
    const file = await open(xlsx);
    expect(file).toMatchObject({ format: 'xlsx', sheets: ['Satu', 'Dua'], sheet: 'Satu' });
    const dua = await value<ImportFile>(call('import.inspect', { fileId: file.fileId, sheet: 'Dua' }));
    expect(dua).toMatchObject({ fileId: file.fileId, sheet: 'Dua', headers: ['Nama', 'Kota'], sampleRows: [['Budi', 'Bogor']] });
    expect((await errorOf(call('import.inspect', { fileId: file.fileId, sheet: 'Tiga' }))).code).toBe('sheet_not_found');
  });
});

describe('dry run, import, report', () => {
  it('runs the whole flow with progress events, and saves the report through the save dialog', async () => {
    const file = await open(writeFixture(files, 'p.csv', csvText(ROWS, ';')));
    const source = { fileId: file.fileId, sheet: null, mapping: file.mapping };
    const preview = await value<{ rows: unknown[] }>(call('import.preview', source));
    expect(preview.rows).toHaveLength(3);
    const dry = await value<DryRunResult>(call('import.dryRun', source));
    // Ani's phone is not a number: her row is imported without it, and listed.
    const dropped = [{ row: 3, column: 'No HP', code: 'invalid_phone', dropped: true }];
    expect(dry).toEqual({ total: 3, new: 3, duplicates: 0, conflicts: 0, invalid: 0, problems: [], partial: 1, dropped, consent: { given: 0, refused: 0 } });
    expect(ctx.events.filter((e) => e.event === 'job.progress').at(-1)?.payload).toEqual({ job: 'dryRun', done: 3, total: 3 });

    ctx.events.length = 0;
    const result = await value<ImportResult>(call('import.run', { ...source, onDuplicate: 'skip' }));
    expect(result).toEqual({ imported: 3, updated: 0, skipped: 0, invalid: [], conflicts: [], skippedRows: [], kept: [], dropped, consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] });
    const progress = ctx.events.filter((e) => e.event === 'job.progress').map((e) => e.payload);
    // The dry run's count is the import's total.
    expect(progress[0]).toEqual({ job: 'import', done: 0, total: 3 });
    expect(progress.at(-1)).toEqual({ job: 'import', done: 3, total: 3 });

    ctx.dialogs.saves.push(null);
    expect(await value(call('import.saveReport', { fileId: file.fileId, sheet: null }))).toBeNull();
    const report = join(files, 'laporan.csv');
    ctx.dialogs.saves.push(report);
    expect(await value(call('import.saveReport', { fileId: file.fileId, sheet: null }))).toEqual({ fileName: 'laporan.csv' });
    expect(readFileSync(report, 'utf8')).toBe('\ufeffBaris;Kolom;Masalah;Nama;No HP;Kota\r\n3;No HP;No HP: Nomor telepon tidak valid (baris diimpor tanpa nilai ini);Ani;bukan nomor;Bogor\r\n');
  });

  it('one job at a time; cancel stops it, and a cancelled import leaves the vault as it was', async () => {
    const file = await open(await writeBigCsv(join(files, 'big.csv'), 12_000));
    const source = { fileId: file.fileId, sheet: null, mapping: file.mapping };
    expect(await value(call('import.cancel'))).toEqual({ cancelled: false });

    const running = call('import.run', { ...source, onDuplicate: 'skip' });
    expect((await errorOf(call('import.dryRun', source))).code).toBe('busy');
    expect((await errorOf(call('export.run', { format: 'csv', fields: ['name'], scope: { kind: 'all' }, purpose: 'order_updates' }))).code).toBe('busy');
    // Let it write some batches, then stop it.
    while (!ctx.events.some((e) => e.event === 'job.progress' && (e.payload as { done: number }).done > 1000)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await value(call('import.cancel'))).toEqual({ cancelled: true });
    expect((await errorOf(running)).code).toBe('cancelled');
    expect((await value<{ total: number }>(call('customers.search', { query: '', offset: 0, limit: 1 }))).total).toBe(0);

    // The next job may start.
    expect(await value<DryRunResult>(call('import.dryRun', source))).toMatchObject({ total: 12_000, new: 12_000 });
  });

  it('ids expire when the vault locks: file_expired after signing in again', async () => {
    const file = await open(writeFixture(files, 'p.csv', csvText(ROWS, ';')));
    await value(call('vault.lock'));
    expect((await errorOf(call('import.preview', { fileId: file.fileId, sheet: null, mapping: file.mapping }))).code).toBe('locked');
    await value(call('vault.signIn', { staffId: 1, password: PASSWORD }));
    expect((await errorOf(call('import.preview', { fileId: file.fileId, sheet: null, mapping: file.mapping }))).code).toBe('file_expired');
    expect((await errorOf(call('import.saveReport', { fileId: file.fileId, sheet: null }))).code).toBe('file_expired');
  });

  it('locking stops a running import', async () => {
    const file = await open(await writeBigCsv(join(files, 'big.csv'), 12_000));
    const running = call('import.run', { fileId: file.fileId, sheet: null, mapping: file.mapping, onDuplicate: 'skip' });
    while (!ctx.events.some((e) => e.event === 'job.progress' && (e.payload as { done: number }).done > 0)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const locked = vault.lock();
    expect((await errorOf(running)).code).toBe('cancelled');
    await locked;
    await value(call('vault.signIn', { staffId: 1, password: PASSWORD }));
    expect((await value<{ total: number }>(call('customers.search', { query: '', offset: 0, limit: 1 }))).total).toBe(0);
  });
});

describe('export.run', () => {
  it('writes where the user chose and answers the base name and the count; a cancelled dialog answers null', async () => {
    await value(call('customers.save', { customer: { name: 'Budi', phone: '0812-3456-7890' } }));
    const input = { format: 'csv', delimiter: ',', fields: ['name', 'phone'], scope: { kind: 'all' }, purpose: 'order_updates' };
    ctx.dialogs.saves.push(null);
    expect(await value(call('export.run', input))).toBeNull();
    const path = join(files, 'ekspor.csv');
    ctx.dialogs.saves.push(path);
    expect(await value(call('export.run', input))).toEqual({ fileName: 'ekspor.csv', count: 1 });
    expect(readFileSync(path, 'utf8')).toBe('\ufeffNama,No HP\r\nBudi,0812-3456-7890\r\n');
    expect(ctx.events.filter((e) => e.event === 'job.progress').at(-1)?.payload).toEqual({ job: 'export', done: 1, total: 1 });
  });
});

describe('export.cancel', () => {
  const CUSTOMERS = 20_000;
  const XLSX = { format: 'xlsx', fields: ['name', 'phone', 'email', 'city'], scope: { kind: 'all' }, purpose: 'order_updates' };
  let out: string;

  /** Fills the vault through an import (the real path), then forgets its events. */
  const seed = async () => {
    const file = await open(await writeBigCsv(join(files, 'big.csv'), CUSTOMERS));
    const source = { fileId: file.fileId, sheet: null, mapping: file.mapping };
    expect(await value<ImportResult>(call('import.run', { ...source, onDuplicate: 'skip' }))).toMatchObject({ imported: CUSTOMERS });
    ctx.events.length = 0;
    return source;
  };

  /** Runs `act` synchronously inside the first `job.progress` of `job` that `when` accepts (the job is then mid-way). */
  const onProgress = (job: JobProgress['job'], when: (p: JobProgress) => boolean, act: () => void) => {
    const emit = ctx.emit;
    let fired = false;
    ctx.emit = <E extends EventName>(event: E, payload: Events[E]) => {
      emit(event, payload);
      const p = payload as JobProgress;
      if (!fired && event === 'job.progress' && p.job === job && when(p)) {
        fired = true;
        act();
      }
    };
    return () => fired;
  };

  beforeEach(() => {
    out = join(files, 'ekspor');
    mkdirSync(out);
  });

  it('stops a running export: cancelled, nothing at the chosen path and no temporary file beside it', async () => {
    await seed();
    const target = join(out, 'pelanggan.xlsx');
    ctx.dialogs.saves.push(target);
    expect(await value(call('export.cancel'))).toEqual({ cancelled: false });

    const answers: Promise<Result<unknown>>[] = [];
    // Mid-way: some pages written to the temporary file, more to come.
    const fired = onProgress(
      'export',
      (p) => p.done > 0 && p.done < CUSTOMERS,
      () => {
        // import.cancel does not stop an export; export.cancel does.
        answers.push(call('import.cancel'), call('export.cancel'));
      },
    );
    const running = call('export.run', XLSX);
    const error = await errorOf(running);
    expect(fired(), 'the export ended before it reported progress mid-way').toBe(true);
    expect(error.code).toBe('cancelled');
    expect(await value(answers[0]!)).toEqual({ cancelled: false });
    expect(await value(answers[1]!)).toEqual({ cancelled: true });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out)).toEqual([]);

    // Nothing is left running: the next export completes.
    ctx.dialogs.saves.push(target);
    expect(await value(call('export.run', { ...XLSX, format: 'csv' }))).toEqual({ fileName: 'pelanggan.xlsx', count: CUSTOMERS });
    expect(readdirSync(out)).toEqual(['pelanggan.xlsx']);
  });

  it('a cancel while the save dialog is open writes nothing at all', async () => {
    const target = join(out, 'pelanggan.csv');
    ctx.dialogs.saves.push(target);
    const running = call('export.run', { format: 'csv', fields: ['name'], scope: { kind: 'all' }, purpose: 'order_updates' });
    expect(await value(call('export.cancel'))).toEqual({ cancelled: true });
    expect((await errorOf(running)).code).toBe('cancelled');
    expect(readdirSync(out)).toEqual([]);
  });

  it('export.cancel does not stop a dry run or an import', async () => {
    const source = await seed();
    const answers: Promise<Result<unknown>>[] = [];
    const fired = onProgress(
      'dryRun',
      () => true,
      () => answers.push(call('export.cancel')),
    );
    expect(await value<DryRunResult>(call('import.dryRun', source))).toMatchObject({ total: CUSTOMERS, duplicates: CUSTOMERS });
    expect(fired()).toBe(true);
    expect(await value(answers[0]!)).toEqual({ cancelled: false });
  });
});
