/** Duplicates (same normalised phone or email, in the vault or earlier in the file) and cancelling an import. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { createCustomersService, type CustomersService } from '../customers/service';
import { vaultErrorOf } from '../testing';
import { dryRun, inspectFile, runImport } from '.';
import { csvText, writeBigCsv, writeFixture } from './testing';

let t: TestDb;
let dir: string;
let customers: CustomersService;

beforeEach(async () => {
  t = await openTestDb();
  dir = tempDir('brankas-dup-');
  customers = createCustomersService(t.db);
});
afterEach(() => t.cleanup());

const src = (path: string) => ({ path, sheet: null });
const everyone = async () =>
  (await t.db.all<Record<string, unknown>>('SELECT * FROM customers ORDER BY id')).map((r) => ({ ...r }));

describe('duplicates', () => {
  let path: string;
  beforeEach(async () => {
    await customers.save({ customer: { name: 'Budi Lama', phone: '081234567890', city: 'Bandung', notes: 'pelanggan lama', tags: ['lama'] } });
    await customers.save({ customer: { name: 'Ani Lama', email: 'ani@contoh.id' } });
    path = writeFixture(
      dir,
      'dup.csv',
      csvText([
        ['Nama', 'No HP', 'Email', 'Kota', 'Catatan', 'Label'],
        ['Budi Baru', '+62 812-3456-7890', '', 'Cimahi', '', 'baru'], // same phone as Budi Lama, written differently
        ['Ani Baru', '', 'ANI@contoh.id', '', 'catatan baru', ''], // same email, other case
        ['Cici', '0856-1111-2222', 'cici@contoh.id', 'Depok', '', ''],
        ['Cici Lagi', '', 'cici@contoh.id', 'Bekasi', '', ''], // duplicate of an earlier row of the file
        ['Dodi', '0877-3333-4444', '', '', '', ''],
      ]),
    );
  });

  it('the dry run counts duplicates of stored customers and of earlier rows', async () => {
    const { mapping } = await inspectFile(t.db, path);
    expect((await dryRun(t.db, src(path), mapping)).result).toEqual({ total: 5, new: 2, duplicates: 3, invalid: 0, problems: [] });
  });

  it('skip: duplicates are left alone', async () => {
    const { mapping } = await inspectFile(t.db, path);
    expect(await runImport(t.db, src(path), mapping, 'skip')).toEqual({ imported: 2, updated: 0, skipped: 3, invalid: [] });
    const names = (await customers.search({ query: '', offset: 0, limit: 50 })).items.map((c) => [c.name, c.city]);
    expect(names).toEqual([
      ['Ani Lama', null],
      ['Budi Lama', 'Bandung'],
      ['Cici', 'Depok'],
      ['Dodi', null],
    ]);
  });

  it('update: the matched customer takes the non-empty values of the row', async () => {
    const { mapping } = await inspectFile(t.db, path);
    expect(await runImport(t.db, src(path), mapping, 'update')).toEqual({ imported: 2, updated: 3, skipped: 0, invalid: [] });
    const list = (await customers.search({ query: '', offset: 0, limit: 50 })).items;
    expect(list.map((c) => c.name)).toEqual(['Ani Baru', 'Budi Baru', 'Cici Lagi', 'Dodi']);
    const budi = list.find((c) => c.name === 'Budi Baru');
    // Empty cells keep what was stored; tags are added to the stored ones.
    expect(budi).toMatchObject({ phone: '+6281234567890', city: 'Cimahi', notes: 'pelanggan lama', tags: ['lama', 'baru'] });
    expect(list.find((c) => c.name === 'Ani Baru')).toMatchObject({ email: 'ani@contoh.id', notes: 'catatan baru' });
    // The later row of the file updated the customer its earlier row created.
    expect(list.find((c) => c.name === 'Cici Lagi')).toMatchObject({ phone: '+6285611112222', city: 'Bekasi' });
  });
});

describe('cancel', () => {
  it('rolls the whole import back: the vault is exactly as before', async () => {
    await customers.save({ customer: { name: 'Tetap Satu', phone: '0812-5555-0001', tags: ['lama'] } });
    await customers.save({ customer: { name: 'Tetap Dua', email: 'dua@contoh.id' } });
    const before = await everyone();
    const path = await writeBigCsv(join(dir, 'big.csv'), 12_000);
    const { mapping } = await inspectFile(t.db, path);
    const controller = new AbortController();
    let seen = 0;
    const err = await vaultErrorOf(
      runImport(t.db, src(path), mapping, 'skip', {
        signal: controller.signal,
        onProgress: ({ done }) => {
          seen = done;
          if (done >= 2000) controller.abort();
        },
      }),
    );
    expect(err.code).toBe('cancelled');
    expect(seen).toBeGreaterThanOrEqual(2000);
    expect(seen).toBeLessThan(12_000);
    expect(await everyone()).toEqual(before);
    expect(await t.db.all('SELECT * FROM customer_tags')).toEqual([{ customer_id: before[0]?.id, tag: 'lama' }]);
    // Nothing of the cancelled rows is left in the search index either.
    expect((await customers.search({ query: 'pelanggan', offset: 0, limit: 10 })).total).toBe(0);
    // And the vault takes the same import afterwards.
    expect(await runImport(t.db, src(path), mapping, 'skip')).toMatchObject({ imported: 12_000, invalid: [] });
  });

  it('a signal aborted before the start stops the dry run at once', async () => {
    const path = writeFixture(dir, 'a.csv', 'Nama\nAni\n');
    expect((await vaultErrorOf(dryRun(t.db, src(path), ['name'], { signal: AbortSignal.abort() }))).code).toBe('cancelled');
  });
});
