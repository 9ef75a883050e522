/** Reading CSV files in the shapes real exports take: every encoding, delimiter, line ending and quoting. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../db/testing';
import { vaultErrorOf } from '../testing';
import { isKnownHeader } from './headers';
import { MAX_IMPORT_BYTES, MAX_RECORD_CHARS } from './limits';
import { openTable } from './table';
import { csvText, writeFixture, type FixtureEncoding } from './testing';

let dir: string;
beforeEach(() => {
  dir = tempDir('brankas-transfer-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, sheet: string | null = null) {
  const table = await openTable(path, sheet, isKnownHeader);
  const rows: { row: number; cells: string[] }[] = [];
  for await (const r of table.rows) rows.push(r);
  return { ...table, rows };
}

// Characters that differ between the encodings: é (Latin-1 range), “smart quotes” (Windows-1252 only above 0x80).
const ROWS = [
  ['Nama', 'No HP', 'Alamat', 'Catatan'],
  ['Budi Santoso', '0812-3456-7890', 'Jl. Merdeka 5, Bandung', 'suka kopi'],
  ['Renée “Ani” Wijaya', '081298765432', 'Jl. "Kenanga" 7; Blok B', 'baris satu\r\nbaris dua'],
];

describe('CSV encodings', () => {
  const cases: [FixtureEncoding, string, string][] = [
    ['utf-8', ',', 'utf-8'],
    ['utf-8-bom', ';', 'utf-8'],
    ['utf-16le-bom', '\t', 'utf-16le'],
    ['utf-16be-bom', '\t', 'utf-16be'],
    ['windows-1252', ';', 'windows-1252'],
  ];
  it.each(cases)('%s with %j reads every cell exactly', async (encoding, delimiter, detected) => {
    const path = writeFixture(dir, 'pelanggan.csv', csvText(ROWS, delimiter), encoding);
    const t = await readAll(path);
    expect(t.info).toMatchObject({ format: 'csv', encoding: detected, delimiter, sheets: [], sheet: null });
    // The BOM is not part of the first header.
    expect(t.headers).toEqual(ROWS[0]);
    expect(t.rows).toEqual([
      { row: 2, cells: ROWS[1] },
      { row: 3, cells: ROWS[2] },
    ]);
  });

  it('tells UTF-8 without BOM from Windows-1252 by the bytes alone', async () => {
    const utf8 = await readAll(writeFixture(dir, 'a.csv', 'Nama,Kota\nRenée,Médan\n', 'utf-8'));
    const cp1252 = await readAll(writeFixture(dir, 'b.csv', 'Nama,Kota\nRenée,Médan\n', 'windows-1252'));
    expect(utf8.info.encoding).toBe('utf-8');
    expect(cp1252.info.encoding).toBe('windows-1252');
    expect(utf8.rows[0]?.cells).toEqual(['Renée', 'Médan']);
    expect(cp1252.rows[0]?.cells).toEqual(['Renée', 'Médan']);
  });

  it('reads a UTF-16 file whose characters straddle read chunks', async () => {
    const rows = [['Nama', 'Catatan'], ...Array.from({ length: 3000 }, (_, i) => [`Ánï ${i}`, 'é'.repeat(i % 50)])];
    const t = await readAll(writeFixture(dir, 'big16.txt', csvText(rows, '\t'), 'utf-16le-bom'));
    expect(t.rows).toHaveLength(3000);
    expect(t.rows[2999]).toEqual({ row: 3001, cells: ['Ánï 2999', 'é'.repeat(2999 % 50)] });
  });
});

describe('CSV shapes', () => {
  it('reads LF and CRLF alike, and a last line without a line break', async () => {
    for (const text of ['Nama;Kota\nAni;Bogor\nBudi;Depok', 'Nama;Kota\r\nAni;Bogor\r\nBudi;Depok\r\n']) {
      const t = await readAll(writeFixture(dir, 'x.csv', text));
      expect(t.rows.map((r) => r.cells)).toEqual([
        ['Ani', 'Bogor'],
        ['Budi', 'Depok'],
      ]);
    }
  });

  it('keeps quoted commas, doubled quotes and line breaks inside one cell, and numbers rows as a spreadsheet would', async () => {
    const text = 'Nama,Alamat,Catatan\r\n"Ani, S.E.","Jl. ""Mawar"" 1","a\r\nb\nc"\r\nBudi,Jl. Melati,x\r\n';
    const t = await readAll(writeFixture(dir, 'q.csv', text));
    expect(t.info.delimiter).toBe(',');
    expect(t.rows).toEqual([
      { row: 2, cells: ['Ani, S.E.', 'Jl. "Mawar" 1', 'a\r\nb\nc'] },
      { row: 3, cells: ['Budi', 'Jl. Melati', 'x'] },
    ]);
  });

  it('picks the semicolon when commas only appear inside values (Indonesian Excel)', async () => {
    const text = 'Nama;Alamat;Saldo\nAni;Jl. A, No. 1, Bogor;1,5\nBudi;Jl. B, No. 2;2,75\n';
    const t = await readAll(writeFixture(dir, 's.csv', text));
    expect(t.info.delimiter).toBe(';');
    expect(t.rows[0]?.cells).toEqual(['Ani', 'Jl. A, No. 1, Bogor', '1,5']);
  });

  it('skips blank lines but keeps counting them, like spreadsheet rows', async () => {
    const t = await readAll(writeFixture(dir, 'b.csv', '\nNama,Kota\n\nAni,Bogor\n,\nBudi,Depok\n'));
    expect(t.headerRow).toBe(2);
    expect(t.rows).toEqual([
      { row: 4, cells: ['Ani', 'Bogor'] },
      { row: 6, cells: ['Budi', 'Depok'] },
    ]);
  });

  it("follows Excel's sep= hint line, which is not a row", async () => {
    const t = await readAll(writeFixture(dir, 'sep.csv', 'sep=;\r\nNama;Alamat\r\nAni;Jl. A, No. 1\r\n'));
    expect(t.info.delimiter).toBe(';');
    expect(t.headers).toEqual(['Nama', 'Alamat']);
    expect(t.rows).toEqual([{ row: 2, cells: ['Ani', 'Jl. A, No. 1'] }]);
  });

  it('reads a header-only file as zero rows', async () => {
    const t = await readAll(writeFixture(dir, 'h.csv', 'Nama;No HP;Email\r\n'));
    expect(t.headers).toEqual(['Nama', 'No HP', 'Email']);
    expect(t.rows).toEqual([]);
  });
});

describe('files that cannot be read', () => {
  it('empty, or only a BOM and blank lines: file_empty', async () => {
    for (const [name, bytes] of [
      ['empty.csv', ''],
      ['bom.csv', '\ufeff'],
      ['blank.csv', '\r\n\r\n  \r\n'],
    ] as const) {
      const path = writeFixture(dir, name, bytes);
      expect((await vaultErrorOf(openTable(path, null, isKnownHeader))).code, name).toBe('file_empty');
    }
  });

  it('a first row of data instead of titles: no_header', async () => {
    const path = writeFixture(dir, 'data.csv', 'Budi;081234567890;budi@contoh.id\nAni;081298765432;ani@contoh.id\n');
    expect((await vaultErrorOf(openTable(path, null, isKnownHeader))).code).toBe('no_header');
    const numbers = writeFixture(dir, 'numbers.csv', '1;2;3\n4;5;6\n');
    expect((await vaultErrorOf(openTable(numbers, null, isKnownHeader))).code).toBe('no_header');
  });

  it('binary bytes, an old .xls and a ZIP that is no workbook are refused as unsupported', async () => {
    const random = join(dir, 'photo.csv');
    writeFileSync(random, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0]));
    const binary = await vaultErrorOf(openTable(random, null, isKnownHeader));
    expect([binary.code, binary.file]).toEqual(['unsupported_file', { reason: 'not_text' }]);
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expect((await vaultErrorOf(openTable(xls, null, isKnownHeader))).code).toBe('unsupported_file');
  });

  it('a quote that never closes is unreadable, not a hang or a huge cell, and names the row it opened in', async () => {
    const path = writeFixture(dir, 'open.csv', `Nama,Catatan\nAni,"tidak ditutup\n${'x,'.repeat(10)}\n`);
    const err = await vaultErrorOf(readAll(path));
    expect([err.code, err.file]).toEqual(['file_unreadable', { reason: 'quote_not_closed', row: 2 }]);
    // Rows spanning lines count as one, as a spreadsheet numbers them; an Excel `sep=` line is no row.
    const later = writeFixture(dir, 'later.csv', `sep=;\nNama;Catatan\nAni;"dua\nbaris"\nBudi;ok\nCici;"tidak ditutup\nDodi;x\n`);
    expect((await vaultErrorOf(readAll(later))).file).toEqual({ reason: 'quote_not_closed', row: 4 });
  });

  it('a row longer than the limit is unreadable, with its row number', async () => {
    const path = writeFixture(dir, 'long.csv', `Nama;Catatan\nAni;ok\nBudi;${'x'.repeat(MAX_RECORD_CHARS + 10)}\nCici;ok\n`);
    const err = await vaultErrorOf(readAll(path));
    expect([err.code, err.file]).toEqual(['file_unreadable', { reason: 'line_too_long', row: 3 }]);
  });

  it('a file that is gone: file_unreadable', async () => {
    expect((await vaultErrorOf(openTable(join(dir, 'missing.csv'), null, isKnownHeader))).code).toBe('file_unreadable');
  });

  it('a file over 2 GB is refused before reading (sparse file)', async () => {
    const path = writeFixture(dir, 'huge.csv', 'Nama\n');
    truncateSync(path, MAX_IMPORT_BYTES + 1);
    expect((await vaultErrorOf(openTable(path, null, isKnownHeader))).code).toBe('file_too_large');
  });

  it('a sheet name for a CSV file: sheet_not_found', async () => {
    const path = writeFixture(dir, 'a.csv', 'Nama\nAni\n');
    expect((await vaultErrorOf(openTable(path, 'Sheet2', isKnownHeader))).code).toBe('sheet_not_found');
  });
});
