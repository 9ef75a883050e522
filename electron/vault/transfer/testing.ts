/** Test helpers: fixture files written byte for byte in each encoding, XLSX workbooks, big generated CSVs. */
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type FixtureEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'windows-1252';

/** The exact bytes of `text` in `encoding` (BOMs written explicitly). */
export function encode(text: string, encoding: FixtureEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
  }
}

/** Writes `text` to `dir/name` in `encoding`; returns the path. */
export function writeFixture(dir: string, name: string, text: string, encoding: FixtureEncoding = 'utf-8'): string {
  const path = join(dir, name);
  writeFileSync(path, encode(text, encoding));
  return path;
}

/** Rows joined with `delimiter` and `eol`, each cell quoted when it needs to be (RFC 4180). */
export function csvText(rows: readonly (readonly string[])[], delimiter = ',', eol = '\r\n'): string {
  const quote = (c: string) => (/[",;\t\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

/** An XLSX workbook with these sheets (cells may be numbers, dates, strings, formulas). */
export async function writeXlsx(path: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      }),
    );
  }
  await book.xlsx.writeFile(path);
  return path;
}

/** Reads every sheet of an XLSX file into arrays of cell values (for checking exports). */
export async function readXlsx(path: string): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const out: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out[sheet.name] = rows;
  });
  return out;
}

/** The i-th synthetic customer: a unique name, mobile number and email. */
export const syntheticRow = (i: number): string[] => [
  `Pelanggan ${i}`,
  `0812${String(10_000_000 + i).slice(-8)}`,
  `pelanggan${i}@contoh.id`,
  i % 2 ? 'Bandung' : 'Surabaya',
];

/** Streams a CSV of `n` synthetic customers (semicolon, CRLF) to `path`, never holding it whole. */
export async function writeBigCsv(path: string, n: number, row: (i: number) => string[] = syntheticRow): Promise<string> {
  const out = createWriteStream(path);
  out.write('Nama;No HP;Email;Kota\r\n');
  for (let i = 1; i <= n; i++) {
    if (!out.write(`${row(i).join(';')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}
