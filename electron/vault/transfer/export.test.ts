/** Export in each format, formula escaping, scopes, and export → import giving back every value. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Customer, ExportInput } from '../../contract';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { createCustomersService, type CustomersService } from '../customers/service';
import { createFieldsService } from '../fields/service';
import { enableFields } from '../fields/testing';
import { vaultErrorOf } from '../testing';
import { exportToFile, inspectFile, runImport } from '.';
import { openAtomic } from './output';
import { readXlsx } from './testing';

let t: TestDb;
let dir: string;
let customers: CustomersService;
const FIELDS = ['name', 'phone', 'email', 'address', 'city', 'birthday', 'gender', 'notes', 'tags', 'preferences', 'custom_1', 'custom_2', 'custom_3'];

beforeEach(async () => {
  t = await openTestDb();
  dir = tempDir('brankas-export-');
  customers = createCustomersService(t.db);
  await enableFields(t.db, ['address', 'birthday', 'gender', 'preferences']);
  const fields = createFieldsService(t.db);
  await fields.createCustom({ label: 'Ukuran', kind: 'choice', choices: ['S', 'M', 'L'], purpose: 'Untuk stok.', sensitive: false });
  await fields.createCustom({ label: 'Poin', kind: 'number', purpose: 'Untuk poin.', sensitive: false });
  await fields.createCustom({ label: 'Tanggal Gabung', kind: 'date', purpose: 'Untuk ulang tahun member.', sensitive: false });
  await customers.save({
    customer: {
      name: 'Budi "Kopi" Santoso',
      phone: '0812-3456-7890',
      email: 'budi@contoh.id',
      address: 'Jl. Merdeka 5, RT 01/RW 02\nBandung',
      city: 'Bandung',
      birthday: '1990-08-17',
      gender: 'male',
      notes: 'suka kopi; antar sore',
      tags: ['VIP', 'grosir besar'],
      preferences: 'tanpa gula',
      custom: { custom_1: 'M', custom_2: -15, custom_3: '2020-01-31' },
    },
  });
  await customers.save({ customer: { name: '=HYPERLINK("http://x","klik")', notes: '+628 bukan nomor', city: '@kota', tags: ['-diskon'] } });
  await customers.save({ customer: { name: 'Ani', phone: '+65 6123 4567', email: 'ani@contoh.id', gender: 'female' } });
});
afterEach(() => t.cleanup());

const input = (format: ExportInput['format'], extra: Partial<ExportInput> = {}): ExportInput => ({ format, fields: FIELDS, scope: { kind: 'all' }, ...extra });
const stored = async (): Promise<Customer[]> => (await customers.search({ query: '', offset: 0, limit: 200 })).items;
const comparable = (list: Customer[]) =>
  list.map(({ name, phone, email, address, city, birthday, gender, notes, tags, preferences, custom }) => ({
    name, phone, email, address, city, birthday, gender, notes, tags, preferences, custom,
  }));

describe('CSV', () => {
  it('UTF-8 with BOM, the chosen delimiter, titles the importer knows, escaped formula starts, local phone form', async () => {
    const path = join(dir, 'out.csv');
    expect(await exportToFile(t.db, path, input('csv', { delimiter: ',' }))).toEqual({ count: 3 });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes.toString('utf8').slice(1), { delimiter: ',' });
    expect(rows[0]).toEqual(['Nama', 'No HP', 'Email', 'Alamat', 'Kota', 'Tanggal Lahir', 'Jenis Kelamin', 'Catatan', 'Label', 'Preferensi', 'Ukuran', 'Poin', 'Tanggal Gabung']);
    expect(rows[1]).toEqual([
      'Budi "Kopi" Santoso', '0812-3456-7890', 'budi@contoh.id', 'Jl. Merdeka 5, RT 01/RW 02\nBandung', 'Bandung', '1990-08-17',
      // A number field's value is a number, not a formula: it stays as it is.
      'Laki-laki', 'suka kopi; antar sore', 'VIP, grosir besar', 'tanpa gula', 'M', '-15', '2020-01-31',
    ]);
    // Every cell that a spreadsheet would run as a formula starts with a quote.
    expect(rows[2]?.slice(0, 9)).toEqual(["'=HYPERLINK(\"http://x\",\"klik\")", '', '', '', "'@kota", '', '', "'+628 bukan nomor", "'-diskon"]);
    expect(rows[3]?.slice(0, 2)).toEqual(['Ani', "'+65 6123 4567"]);
    expect(readdirSync(dir)).toEqual(['out.csv']); // no temporary file left behind
  });

  it('uses ; by default and only the chosen fields, in their order', async () => {
    const path = join(dir, 'out.csv');
    await exportToFile(t.db, path, { format: 'csv', fields: ['city', 'name'], scope: { kind: 'selection', ids: [3, 1, 99] } });
    expect(readFileSync(path, 'utf8')).toBe('\ufeffKota;Nama\r\nBandung;"Budi ""Kopi"" Santoso"\r\n;Ani\r\n');
  });

  it('refuses a switched-off field', async () => {
    await createFieldsService(t.db).update({ key: 'preferences', enabled: false, purpose: '', erase: true });
    const err = await vaultErrorOf(exportToFile(t.db, join(dir, 'x.csv'), input('csv')));
    expect(err).toMatchObject({ code: 'invalid_input', fields: { 'fields.9': 'field_disabled' } });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('XLSX and JSON', () => {
  it('XLSX: text cells escaped, numbers as numbers', async () => {
    const path = join(dir, 'out.xlsx');
    expect(await exportToFile(t.db, path, input('xlsx'))).toEqual({ count: 3 });
    const { Pelanggan: rows } = await readXlsx(path);
    expect(rows?.[0]?.[0]).toBe('Nama');
    expect(rows?.[1]?.[1]).toBe('0812-3456-7890');
    expect(rows?.[1]?.[11]).toBe(-15);
    expect(rows?.[2]?.[0]).toBe("'=HYPERLINK(\"http://x\",\"klik\")");
    expect(rows?.[2]?.[4]).toBe("'@kota");
    expect(rows?.[3]?.[1]).toBe("'+65 6123 4567");
  });

  it('JSON: an array of objects by field key, phones in E.164, tags as arrays', async () => {
    const path = join(dir, 'out.json');
    await exportToFile(t.db, path, { format: 'json', fields: ['name', 'phone', 'tags', 'custom_2'], scope: { kind: 'all' } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([
      { name: 'Budi "Kopi" Santoso', phone: '+6281234567890', tags: ['VIP', 'grosir besar'], custom_2: -15 },
      { name: '=HYPERLINK("http://x","klik")', phone: null, tags: ['-diskon'], custom_2: null },
      { name: 'Ani', phone: '+6561234567', tags: [], custom_2: null },
    ]);
  });

  it('the current search as the scope', async () => {
    const path = join(dir, 'out.json');
    expect(await exportToFile(t.db, path, { format: 'json', fields: ['name'], scope: { kind: 'filter', query: 'ani', filter: {} } })).toEqual({ count: 1 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([{ name: 'Ani' }]);
    // A filter that filters nothing exports everyone.
    expect(await exportToFile(t.db, path, { format: 'json', fields: ['name'], scope: { kind: 'filter', query: ' ', filter: {} } })).toEqual({ count: 3 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveLength(3);
  });
});

describe('round trip', () => {
  it.each(['csv', 'xlsx'] as const)('%s export → import into an empty vault gives back every field', async (format) => {
    const path = join(dir, `out.${format}`);
    const progress: number[] = [];
    await exportToFile(t.db, path, input(format), { onProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBe(3);
    const before = comparable(await stored());

    const other = await openTestDb();
    try {
      await enableFields(other.db, ['address', 'birthday', 'gender', 'preferences']);
      const fields = createFieldsService(other.db);
      await fields.createCustom({ label: 'Ukuran', kind: 'choice', choices: ['S', 'M', 'L'], purpose: 'Untuk stok.', sensitive: false });
      await fields.createCustom({ label: 'Poin', kind: 'number', purpose: 'Untuk poin.', sensitive: false });
      await fields.createCustom({ label: 'Tanggal Gabung', kind: 'date', purpose: 'Untuk ulang tahun member.', sensitive: false });
      const file = await inspectFile(other.db, path);
      expect(file.mapping).toEqual(FIELDS);
      expect(await runImport(other.db, { path, sheet: null }, file.mapping, 'skip')).toEqual({ imported: 3, updated: 0, skipped: 0, invalid: [], conflicts: [], skippedRows: [], kept: [], dropped: [], consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] });
      const after = comparable((await createCustomersService(other.db).search({ query: '', offset: 0, limit: 200 })).items);
      expect(after).toEqual(before);
    } finally {
      await other.cleanup();
    }
  });
});

describe('writing fails', () => {
  it('a folder that cannot be written: read_only, and nothing is left', async () => {
    // Even root cannot create a file under a regular file (ENOTDIR); a non-root user also gets EACCES from chmod.
    writeFileSync(join(dir, 'a-file'), 'x');
    expect((await vaultErrorOf(exportToFile(t.db, join(dir, 'a-file', 'x.csv'), input('csv')))).code).toBe('read_only');
    if (process.getuid?.() !== 0) {
      chmodSync(dir, 0o500);
      try {
        expect((await vaultErrorOf(exportToFile(t.db, join(dir, 'x.csv'), input('csv')))).code).toBe('read_only');
      } finally {
        chmodSync(dir, 0o700);
      }
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('a full disk: disk_full, and the temporary file is removed', async () => {
    const out = openAtomic(join(dir, 'x.csv'));
    await out.write('Nama\r\n');
    out.stream.destroy(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    expect((await vaultErrorOf(out.write('lagi'))).code).toBe('disk_full');
    expect((await vaultErrorOf(out.commit())).code).toBe('disk_full');
    await out.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cancelled: before it starts, or while the last bytes are flushed, nothing is left', async () => {
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      expect((await vaultErrorOf(exportToFile(t.db, join(dir, `x.${format}`), input(format), { signal: AbortSignal.abort() }))).code).toBe('cancelled');
    }
    expect(readdirSync(dir)).toEqual([]);
    // A cancel that arrives during the commit (after the last page) still wins: no file appears.
    const out = openAtomic(join(dir, 'x.csv'));
    await out.write('Nama\r\n');
    const controller = new AbortController();
    const committing = out.commit(controller.signal);
    controller.abort();
    expect((await vaultErrorOf(committing)).code).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });
});
