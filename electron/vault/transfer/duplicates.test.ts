/**
 * Duplicates (same normalised phone or email and a matching name, in the vault or earlier in the
 * file), the same phone or email under another name (left alone), and cancelling an import.
 */
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
    await customers.save({ customer: { name: 'Budi Santoso', phone: '081234567890', city: 'Bandung', notes: 'pelanggan lama', tags: ['lama'] } });
    await customers.save({ customer: { name: 'Ani Lestari', email: 'ani@contoh.id' } });
    path = writeFixture(
      dir,
      'dup.csv',
      csvText([
        ['Nama', 'No HP', 'Email', 'Kota', 'Catatan', 'Label'],
        ['BUDI  SANTOSO', '+62 812-3456-7890', '', 'Cimahi', '', 'baru'], // Budi: phone written differently, name in capitals
        ['Ani Léstari', '', 'ANI@contoh.id', '', 'catatan baru', ''], // Ani: email in another case, an accent
        ['Cici', '0856-1111-2222', 'cici@contoh.id', 'Depok', '', ''],
        ['cici', '', 'cici@contoh.id', 'Bekasi', '', ''], // duplicate of an earlier row of the file
        ['Dodi', '0877-3333-4444', '', '', '', ''],
        ['Siti Santoso', '0812 3456 7890', '', 'Surabaya', '', ''], // Budi's number, another person
        ['Rina', '', 'cici@contoh.id', '', '', ''], // the email of an earlier row, another person
      ]),
    );
  });
  const conflicts = [
    { row: 7, column: 'No HP', code: 'same_phone_other_name' },
    { row: 8, column: 'Email', code: 'same_email_other_name' },
  ];

  it('the dry run counts duplicates of stored customers and of earlier rows, and the same phone or email under another name', async () => {
    const { mapping } = await inspectFile(t.db, path);
    const { result, problems } = await dryRun(t.db, src(path), mapping);
    expect(result).toEqual({ total: 7, new: 2, duplicates: 3, conflicts: 2, invalid: 0, problems: conflicts, partial: 0, dropped: [], consent: { given: 0, refused: 0 } });
    expect(problems).toEqual(conflicts);
  });

  it('skip: duplicates are left alone, and so are the rows with another name', async () => {
    const { mapping } = await inspectFile(t.db, path);
    expect(await runImport(t.db, src(path), mapping, 'skip')).toEqual({ imported: 2, updated: 0, skipped: 3, invalid: [], conflicts, skippedRows: [{ row: 2, existingId: 1 }, { row: 3, existingId: 2 }, { row: 5, existingId: 3 }], kept: [], dropped: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] });
    const names = (await customers.search({ query: '', offset: 0, limit: 50 })).items.map((c) => [c.name, c.city]);
    expect(names).toEqual([
      ['Ani Lestari', null],
      ['Budi Santoso', 'Bandung'],
      ['Cici', 'Depok'],
      ['Dodi', null],
    ]);
  });

  it('update: the matched customer takes the non-empty values of the row, never its name; another name updates no one', async () => {
    const { mapping } = await inspectFile(t.db, path);
    expect(await runImport(t.db, src(path), mapping, 'update')).toEqual({ imported: 2, updated: 3, skipped: 0, invalid: [], conflicts, skippedRows: [], kept: [], dropped: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] });
    const list = (await customers.search({ query: '', offset: 0, limit: 50 })).items;
    expect(list.map((c) => c.name)).toEqual(['Ani Lestari', 'Budi Santoso', 'Cici', 'Dodi']);
    const budi = list.find((c) => c.name === 'Budi Santoso');
    // Empty cells keep what was stored; tags are added to the stored ones. Siti's row changed nothing.
    expect(budi).toMatchObject({ phone: '+6281234567890', city: 'Cimahi', notes: 'pelanggan lama', tags: ['lama', 'baru'] });
    expect(list.find((c) => c.name === 'Ani Lestari')).toMatchObject({ email: 'ani@contoh.id', notes: 'catatan baru' });
    // The later row of the file updated the customer its earlier row created.
    expect(list.find((c) => c.name === 'Cici')).toMatchObject({ phone: '+6285611112222', city: 'Bekasi' });
  });

  it("the issue's case: Siti with Budi's WhatsApp number, imported later with update, leaves Budi and his purchases as they are", async () => {
    const budiFile = writeFixture(dir, 'budi.csv', 'Nama;No HP\nBudi Santoso;0811-2222-3333\n');
    const sitiFile = writeFixture(dir, 'siti.csv', 'Nama;No HP;Kota\nSiti Santoso;+62 811 2222 3333;Solo\n');
    expect(await runImport(t.db, src(budiFile), ['name', 'phone'], 'skip')).toMatchObject({ imported: 1 });
    const [before] = await t.db.all<Record<string, unknown>>("SELECT * FROM customers WHERE name = 'Budi Santoso' AND phone = '+6281122223333'");
    const siti = [{ row: 2, column: 'No HP', code: 'same_phone_other_name' }];
    expect((await dryRun(t.db, src(sitiFile), ['name', 'phone', 'city'])).result).toMatchObject({ new: 0, duplicates: 0, conflicts: 1, problems: siti });
    for (const mode of ['skip', 'update'] as const) {
      expect(await runImport(t.db, src(sitiFile), ['name', 'phone', 'city'], mode)).toEqual({ imported: 0, updated: 0, skipped: 0, invalid: [], conflicts: siti, skippedRows: [], kept: [], dropped: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] });
    }
    expect(await t.db.all("SELECT * FROM customers WHERE phone = '+6281122223333'")).toEqual([before]);
  });

  it('keep: Siti on Budi\'s number becomes a customer of her own; Budi is untouched and still matched by his number', async () => {
    const budiFile = writeFixture(dir, 'budi.csv', 'Nama;No HP\nBudi Santoso;0811-2222-3333\n');
    expect(await runImport(t.db, src(budiFile), ['name', 'phone'], 'skip')).toMatchObject({ imported: 1 });
    const [budi] = await t.db.all<Record<string, unknown> & { id: number }>("SELECT * FROM customers WHERE phone = '+6281122223333'");
    const family = writeFixture(dir, 'keluarga.csv', 'Nama;No HP;Kota\nSiti Santoso;+62 811 2222 3333;Solo\nBUDI SANTOSO;0811 2222 3333;\n');
    const result = await runImport(t.db, src(family), ['name', 'phone', 'city'], 'keep');
    expect(result).toMatchObject({ imported: 1, updated: 0, skipped: 1, conflicts: [], skippedRows: [{ row: 3, existingId: budi!.id }] });
    expect(result.kept).toEqual([{ row: 2, existingId: budi!.id, customerId: expect.any(Number) as number }]);
    const rows = await t.db.all<{ id: number; name: string; city: string | null }>("SELECT id, name, city FROM customers WHERE phone = '+6281122223333' ORDER BY id");
    expect(rows).toEqual([
      { id: budi!.id, name: 'Budi Santoso', city: null },
      { id: result.kept[0]!.customerId, name: 'Siti Santoso', city: 'Solo' },
    ]);
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
