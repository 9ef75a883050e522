/** Inspect, preview, dry run, import and the problems report, on a real SQLCipher vault. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import type { Customer } from '../../contract';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { createCustomersService, type CustomersService } from '../customers/service';
import { createFieldsService } from '../fields/service';
import { enableFields } from '../fields/testing';
import { vaultErrorOf } from '../testing';
import { dryRun, inspectFile, previewImport, reportProblems, runImport, writeProblemsCsv } from '.';
import { IMPORT_CACHE_KIB } from './limits';
import { csvText, writeFixture, writeXlsx } from './testing';

let t: TestDb;
let dir: string;
let customers: CustomersService;

beforeEach(async () => {
  t = await openTestDb();
  dir = tempDir('brankas-import-');
  customers = createCustomersService(t.db);
  await enableFields(t.db, ['address', 'birthday', 'gender', 'preferences']);
  await createFieldsService(t.db).createCustom({ label: 'Ukuran Baju', kind: 'choice', choices: ['S', 'M', 'L'], purpose: 'Untuk stok.', sensitive: false });
  await createFieldsService(t.db).createCustom({ label: 'Poin', kind: 'number', purpose: 'Untuk program poin.', sensitive: false });
});
afterEach(async () => {
  await t.cleanup();
});

const all = async (): Promise<Customer[]> => (await customers.search({ query: '', offset: 0, limit: 200 })).items;
const src = (path: string, sheet: string | null = null) => ({ path, sheet });

const HEADER_ID = ['Nama Lengkap', 'No. HP', 'E-mail', 'Alamat', 'Kota', 'Tgl Lahir', 'Jenis Kelamin', 'Label', 'Catatan', 'Ukuran Baju', 'Poin', 'Total Belanja'];
const HEADER_EN = ['Full Name', 'Phone', 'Email', 'Address', 'City', 'Date of Birth', 'Gender', 'Tags', 'Notes', 'Ukuran Baju', 'Poin', 'Spent'];
const BUDI = ['Budi Santoso', '0812-3456-7890', 'Budi@Contoh.ID', 'Jl. Merdeka 5, Bandung', 'Bandung', '17/08/1990', 'L', 'VIP; grosir', 'suka kopi\nantar sore', 'm', '1.250', '99'];
const ANI = ['Ani Wijaya', '81298765432', '', '', 'Bogor', '5 Mei 1985', 'Perempuan', '', '', '', '', ''];

describe('inspect and preview', () => {
  it.each([
    ['Indonesian headers, semicolon, UTF-8 with BOM', HEADER_ID, ';'],
    ['English headers, comma, UTF-8', HEADER_EN, ','],
  ])('%s: suggests every mapping and shows sample rows', async (_, header, delimiter) => {
    const path = writeFixture(dir, 'a.csv', csvText([header, BUDI, ANI], delimiter), delimiter === ';' ? 'utf-8-bom' : 'utf-8');
    const file = await inspectFile(t.db, path);
    expect(file).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter, headers: header });
    expect(file.mapping).toEqual(['name', 'phone', 'email', 'address', 'city', 'birthday', 'gender', 'tags', 'notes', 'custom_1', 'custom_2', null]);
    expect(file.sampleRows).toEqual([BUDI, ANI]);
  });

  it('previews the rows as they will be stored, with the values they will be imported without', async () => {
    const bad = ['X', 'bukan nomor', 'x@', '', '', '31/02/1990', 'kadang', '', '', 'XXL', 'banyak', ''];
    const path = writeFixture(dir, 'a.csv', csvText([HEADER_ID, BUDI, bad]));
    const file = await inspectFile(t.db, path);
    const preview = await previewImport(t.db, src(path), file.mapping);
    expect(preview.rows[0]).toEqual({
      row: 2,
      values: {
        name: 'Budi Santoso',
        phone: '0812-3456-7890',
        email: 'budi@contoh.id',
        address: 'Jl. Merdeka 5, Bandung',
        city: 'Bandung',
        birthday: '1990-08-17',
        gender: 'male',
        tags: 'VIP, grosir',
        notes: 'suka kopi\nantar sore',
        custom_1: 'M',
        custom_2: '1250',
      },
      problems: [],
    });
    // Every fault is in an optional value: the row is imported with its name only, the values listed in column order.
    expect(preview.rows[1]?.values).toEqual({ name: 'X' });
    expect(preview.rows[1]?.problems).toEqual([
      { row: 3, column: 'No. HP', code: 'invalid_phone', dropped: true },
      { row: 3, column: 'E-mail', code: 'invalid_email', dropped: true },
      { row: 3, column: 'Tgl Lahir', code: 'invalid_date', dropped: true },
      { row: 3, column: 'Jenis Kelamin', code: 'invalid_value', dropped: true },
      { row: 3, column: 'Ukuran Baju', code: 'invalid_choice', dropped: true },
      { row: 3, column: 'Poin', code: 'invalid_number', dropped: true },
    ]);
  });

  it('refuses a mapping to a switched-off field', async () => {
    await createFieldsService(t.db).update({ key: 'birthday', enabled: false, purpose: '' });
    const path = writeFixture(dir, 'a.csv', csvText([HEADER_ID, BUDI]));
    const file = await inspectFile(t.db, path);
    expect(file.mapping[5]).toBeNull(); // not offered any more
    const err = await vaultErrorOf(previewImport(t.db, src(path), file.mapping.map((m, i) => (i === 5 ? 'birthday' : m))));
    expect(err).toMatchObject({ code: 'invalid_input', fields: { 'mapping.5': 'field_disabled' } });
  });
});

describe('dry run, import and report', () => {
  const ROWS = [
    HEADER_ID,
    BUDI,
    ANI,
    ['', '0813-1111-2222', '', '', '', '', '', '', '', '', '', ''], // row 4: no name
    ['Citra', '12345', 'citra@', '', '', '', '', '', '', '', '', ''], // row 5: bad phone and email
    ['Dedi', '', '', '', '', '2099-01-01', '', '', '', '', '', ''], // row 6: birthday in the future
  ];

  it('counts new, invalid and duplicate rows without writing, then imports the valid ones and those without their bad optional values', async () => {
    const path = writeFixture(dir, 'a.csv', csvText(ROWS, ';'), 'windows-1252');
    const { mapping } = await inspectFile(t.db, path);
    const progress: { done: number; total: number | null }[] = [];
    const { result, problems, dropped } = await dryRun(t.db, src(path), mapping, { onProgress: (p) => progress.push(p) });
    expect(problems).toEqual([{ row: 4, column: 'Nama Lengkap', code: 'required' }]);
    expect(dropped).toEqual([
      { row: 5, column: 'No. HP', code: 'invalid_phone', dropped: true },
      { row: 5, column: 'E-mail', code: 'invalid_email', dropped: true },
      { row: 6, column: 'Tgl Lahir', code: 'invalid_date', dropped: true },
    ]);
    expect(result).toEqual({ total: 5, new: 4, duplicates: 0, conflicts: 0, invalid: 1, problems, partial: 2, dropped, consent: { given: 0, refused: 0 } });
    expect(progress.at(-1)).toEqual({ done: 5, total: 5 });
    expect(await all()).toEqual([]);

    const imported = await runImport(t.db, src(path), mapping, 'skip');
    expect(imported).toEqual({ imported: 4, updated: 0, skipped: 0, invalid: problems, conflicts: [], skippedRows: [], kept: [], dropped, consent: { given: 0, refused: 0, unchanged: 0 }, leftOut: [] });
    const [ani, budi, citra, dedi] = await all();
    expect(citra).toMatchObject({ name: 'Citra', phone: null, email: null });
    expect(dedi).toMatchObject({ name: 'Dedi', birthday: null });
    expect(budi).toMatchObject({
      name: 'Budi Santoso',
      phone: '+6281234567890',
      email: 'budi@contoh.id',
      address: 'Jl. Merdeka 5, Bandung',
      city: 'Bandung',
      birthday: '1990-08-17',
      gender: 'male',
      tags: ['VIP', 'grosir'],
      notes: 'suka kopi\nantar sore',
      custom: { custom_1: 'M', custom_2: 1250 },
    });
    // Excel dropped the 0 of Ani's number; it is an Indonesian mobile number all the same.
    expect(ani).toMatchObject({ name: 'Ani Wijaya', phone: '+6281298765432', birthday: '1985-05-05', gender: 'female' });
    // Imported customers are searchable by a phone fragment.
    expect((await customers.search({ query: '9876 54', offset: 0, limit: 10 })).items.map((c) => c.name)).toEqual(['Ani Wijaya']);

    const report = join(dir, 'laporan.csv');
    expect(await writeProblemsCsv(report, reportProblems(problems, dropped), { original: src(path) })).toBe(3);
    const bytes = readFileSync(report);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const EMPTY = (n: number) => Array.from({ length: n }, () => '');
    expect(parse(text, { delimiter: ';' })).toEqual([
      ['Baris', 'Kolom', 'Masalah', ...HEADER_ID],
      ['4', 'Nama Lengkap', 'Nama Lengkap: Wajib diisi', '', '0813-1111-2222', ...EMPTY(10)],
      [
        '5',
        'No. HP; E-mail',
        'No. HP: Nomor telepon tidak valid (baris diimpor tanpa nilai ini); E-mail: Alamat email tidak valid (baris diimpor tanpa nilai ini)',
        'Citra',
        '12345',
        'citra@',
        ...EMPTY(9),
      ],
      ['6', 'Tgl Lahir', 'Tgl Lahir: Tanggal tidak valid (contoh: 1990-08-17 atau 17/08/1990) (baris diimpor tanpa nilai ini)', 'Dedi', '', '', '', '', '2099-01-01', ...EMPTY(6)],
    ]);

    // The report re-imports once fixed: its own first three columns map to nothing.
    const again = await inspectFile(t.db, report);
    expect(again.mapping.slice(0, 3)).toEqual([null, null, null]);
    expect(again.mapping[3]).toBe('name');
  });

  it('reads the same customers from an XLSX sheet (numbers, dates)', async () => {
    const path = await writeXlsx(join(dir, 'a.xlsx'), {
      Catatan: [['Apa'], ['lembar lain']],
      Data: [
        ['Nama', 'HP', 'Tanggal Lahir'],
        ['Eka', 85711112222, new Date(Date.UTC(1979, 11, 31))],
      ],
    });
    const file = await inspectFile(t.db, path, 'Data');
    expect(file).toMatchObject({ format: 'xlsx', sheets: ['Catatan', 'Data'], sheet: 'Data', mapping: ['name', 'phone', 'birthday'] });
    expect(await runImport(t.db, src(path, 'Data'), file.mapping, 'skip')).toMatchObject({ imported: 1, invalid: [] });
    expect(await all()).toMatchObject([{ name: 'Eka', phone: '+6285711112222', birthday: '1979-12-31' }]);
  });
});

describe('files with no customers, and conflicts in the report', () => {
  it.each([
    ['a header row only', 'Nama;No HP\r\n'],
    ['a header row and blank rows', 'Nama;No HP\r\n;\r\n\r\n ; \r\n'],
  ])('%s: file_empty at inspect, dry run and import, and nothing is written', async (_, text) => {
    const path = writeFixture(dir, 'kosong.csv', text);
    expect((await vaultErrorOf(inspectFile(t.db, path))).code).toBe('file_empty');
    expect((await vaultErrorOf(dryRun(t.db, src(path), ['name', 'phone']))).code).toBe('file_empty');
    expect((await vaultErrorOf(runImport(t.db, src(path), ['name', 'phone'], 'skip'))).code).toBe('file_empty');
    expect(await all()).toEqual([]);
  });

  it('an XLSX sheet with a header and no rows: file_empty', async () => {
    const path = await writeXlsx(join(dir, 'a.xlsx'), { Data: [['Nama', 'HP']] });
    expect((await vaultErrorOf(inspectFile(t.db, path))).code).toBe('file_empty');
  });

  it('the report names the rows left alone as same phone, other name, beside the invalid ones and the values left empty', async () => {
    await customers.save({ customer: { name: 'Budi Santoso', phone: '0812-3456-7890' } });
    const path = writeFixture(dir, 'a.csv', 'Nama;No HP\r\nSiti Santoso;0812-3456-7890\r\nAni;123\r\n;0813-1111-2222\r\n');
    const { problems, dropped } = await dryRun(t.db, src(path), ['name', 'phone']);
    expect(problems).toEqual([
      { row: 2, column: 'No HP', code: 'same_phone_other_name' },
      { row: 4, column: 'Nama', code: 'required' },
    ]);
    expect(dropped).toEqual([{ row: 3, column: 'No HP', code: 'invalid_phone', dropped: true }]);
    const report = join(dir, 'laporan.csv');
    await writeProblemsCsv(report, reportProblems(problems, dropped), { original: src(path), lang: 'en' });
    const rows = parse(readFileSync(report, 'utf8').replace(/^\ufeff/, ''), { delimiter: ';' }) as string[][];
    expect(rows[1]).toEqual(['2', 'No HP', 'No HP: Same phone number as a customer with another name: not imported, nothing changed. Check it and decide', 'Siti Santoso', '0812-3456-7890']);
    expect(rows[2]?.[2]).toBe('No HP: Not a valid phone number (row imported without this value)');
    expect(rows[3]?.[2]).toBe('Nama: Required');
  });
});

describe('the page cache of an import', () => {
  it('runs with IMPORT_CACHE_KIB and gives the connection its own size back, also after a failure', async () => {
    await t.db.exec('PRAGMA cache_size = -65536');
    const seen: number[] = [];
    const path = writeFixture(dir, 'a.csv', 'Nama\nAni\n');
    await runImport(t.db, src(path), ['name'], 'skip', {
      onProgress: () => void t.db.get<{ cache_size: number }>('PRAGMA cache_size').then((r) => seen.push(r?.cache_size ?? 0)),
    });
    expect(seen).toContain(-IMPORT_CACHE_KIB);
    expect((await t.db.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size).toBe(-65536);
    const empty = writeFixture(dir, 'kosong.csv', 'Nama\n');
    expect((await vaultErrorOf(runImport(t.db, src(empty), ['name'], 'skip'))).code).toBe('file_empty');
    expect((await t.db.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size).toBe(-65536);
  });
});
