/** Reading XLSX workbooks (generated here with exceljs): first or chosen sheet, cell types as text. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../db/testing';
import { vaultErrorOf } from '../testing';
import { isKnownHeader } from './headers';
import { openTable } from './table';
import { writeXlsx } from './testing';
import { cellText, numberText } from './xlsx-reader';

let dir: string;
beforeEach(() => {
  dir = tempDir('brankas-xlsx-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, sheet: string | null = null) {
  const table = await openTable(path, sheet, isKnownHeader);
  const rows: { row: number; cells: string[] }[] = [];
  for await (const r of table.rows) rows.push(r);
  return { ...table, rows };
}

const book = () =>
  writeXlsx(join(dir, 'pelanggan.xlsx'), {
    Pelanggan: [
      ['Nama', 'No HP', 'Tgl Lahir', 'Saldo', 'Aktif', 'Total'],
      ['Budi', 81234567890, new Date(Date.UTC(1990, 7, 17)), 1250000.5, true, { formula: 'D2*2', result: 2500001 }],
      ['Ani', '0812-9876-5432', '17/08/1991', 0.1 + 0.2, false, null],
    ],
    Cabang: [
      ['Nama Cabang', 'Kota'],
      ['Toko Pusat', 'Bandung'],
    ],
  });

describe('XLSX', () => {
  it('reads the first sheet by default, with every sheet name listed', async () => {
    const t = await readAll(await book());
    expect(t.info).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheets: ['Pelanggan', 'Cabang'], sheet: 'Pelanggan' });
    expect(t.headers).toEqual(['Nama', 'No HP', 'Tgl Lahir', 'Saldo', 'Aktif', 'Total']);
    expect(t.rows).toEqual([
      // Numbers keep all their digits; dates are YYYY-MM-DD; formulas give their result.
      { row: 2, cells: ['Budi', '81234567890', '1990-08-17', '1250000.5', 'TRUE', '2500001'] },
      { row: 3, cells: ['Ani', '0812-9876-5432', '17/08/1991', '0.3', 'FALSE'] },
    ]);
  });

  it('reads the chosen sheet', async () => {
    const t = await readAll(await book(), 'Cabang');
    expect(t.info.sheet).toBe('Cabang');
    expect(t.headers).toEqual(['Nama Cabang', 'Kota']);
    expect(t.rows).toEqual([{ row: 2, cells: ['Toko Pusat', 'Bandung'] }]);
  });

  it('a sheet that is not there: sheet_not_found', async () => {
    expect((await vaultErrorOf(openTable(await book(), 'Tidak Ada', isKnownHeader))).code).toBe('sheet_not_found');
  });

  it('an empty sheet: file_empty; a damaged workbook: file_unreadable', async () => {
    const empty = await writeXlsx(join(dir, 'empty.xlsx'), { Kosong: [] });
    expect((await vaultErrorOf(openTable(empty, null, isKnownHeader))).code).toBe('file_empty');
    const damaged = join(dir, 'damaged.xlsx');
    writeFileSync(damaged, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expect(['file_unreadable', 'unsupported_file']).toContain((await vaultErrorOf(openTable(damaged, null, isKnownHeader))).code);
  });

  it('reads names and dates whatever order the writer put the ZIP entries in', async () => {
    // exceljs' own writer orders entries by timing; each of these once in a while put the sheet before workbook.xml.
    for (let i = 0; i < 12; i++) {
      const path = await writeXlsx(join(dir, `b${i}.xlsx`), { [`Lembar ${i}`]: [['Nama', 'Tgl Lahir'], ['Ani', new Date(Date.UTC(1990, 0, 2))]] });
      const t = await readAll(path);
      expect(t.info.sheet).toBe(`Lembar ${i}`);
      expect(t.rows).toEqual([{ row: 2, cells: ['Ani', '1990-01-02'] }]);
    }
  });

  it('turns cell values into text the way a person reads them', () => {
    expect(numberText(81234567890)).toBe('81234567890');
    expect(numberText(1e20)).toBe('100000000000000000000');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(cellText({ richText: [{ text: 'Bu ' }, { text: 'Sari' }] })).toBe('Bu Sari');
    expect(cellText({ text: 'tautan', hyperlink: 'mailto:a@b.id' })).toBe('tautan');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(new Date(Date.UTC(2024, 0, 5, 13, 30)))).toBe('2024-01-05 13:30:00');
    expect(cellText(null)).toBe('');
  });
});
