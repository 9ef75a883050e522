/**
 * A picked file as a table: what it is (format, encoding, delimiter, sheets), its header row,
 * and a stream of its data rows. The same reader serves inspect, preview, dry run, import and report.
 */
import { VaultError } from '../errors';
import { csvRows, type SourceRow } from './csv-reader';
import { MAX_COLUMNS } from './limits';
import { sniffFile } from './sniff';
import { xlsxRows } from './xlsx-reader';

export interface SourceInfo {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** Bytes on disk (for progress estimates). */
  size: number;
}

export interface Table {
  info: SourceInfo;
  headers: string[];
  /** The header's row number (1 unless blank rows come first). */
  headerRow: number;
  /** The data rows after the header; blank rows are left out. Break out of it to stop reading. */
  rows: AsyncGenerator<SourceRow>;
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** A cell that is data, not a column title: an email, a phone-like or long number, a date. */
const DATA_LIKE = /^(\S+@\S+\.\S+|[+(]?\d[\d\s\-.()/]{5,}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|-?\d+([.,]\d+)?)$/;

/**
 * No usable header: the first row holds no title at all, or it holds data where titles
 * belong (`isKnownHeader` tells which cells are recognised column titles).
 */
export function lacksHeader(headers: readonly string[], isKnownHeader: (h: string) => boolean): boolean {
  const cells = headers.map((h) => h.trim()).filter((h) => h !== '');
  if (cells.length === 0) return true;
  if (cells.some(isKnownHeader)) return false;
  return cells.some((c) => DATA_LIKE.test(c)) || cells.every((c) => !/\p{L}/u.test(c));
}

async function* withoutBlankRows(rows: AsyncGenerator<SourceRow>): AsyncGenerator<SourceRow> {
  for await (const r of rows) if (!isBlank(r.cells)) yield r;
}

/**
 * Opens the file at `path` (XLSX: `sheet`, or the first) and reads up to its header row.
 * Throws file_empty when there is no non-blank row, no_header when the first one is not a
 * header. The caller must finish or `return()` `rows` to release the file.
 */
export async function openTable(
  path: string,
  sheet: string | null,
  isKnownHeader: (h: string) => boolean,
): Promise<Table> {
  const sniffed = await sniffFile(path);
  let info: SourceInfo;
  let source: AsyncGenerator<SourceRow>;
  if (sniffed.format === 'csv') {
    if (sheet !== null) throw new VaultError('sheet_not_found');
    info = { format: 'csv', encoding: sniffed.encoding, delimiter: sniffed.delimiter, sheets: [], sheet: null, size: sniffed.size };
    source = csvRows(path, sniffed.encoding, sniffed.delimiter, sniffed.skipLines);
  } else {
    const events = xlsxRows(path, sheet);
    const first = await events.next();
    if (first.done || first.value.kind !== 'sheets') throw new VaultError('file_empty');
    info = { format: 'xlsx', encoding: null, delimiter: null, sheets: first.value.sheets, sheet: first.value.sheet, size: sniffed.size };
    source = (async function* () {
      for await (const e of events) if (e.kind === 'row') yield { row: e.row, cells: e.cells };
    })();
  }
  const rows = withoutBlankRows(source);
  const header = await rows.next();
  if (header.done) throw new VaultError('file_empty');
  const headers = header.value.cells.slice(0, MAX_COLUMNS).map((h) => h.trim());
  if (lacksHeader(headers, isKnownHeader)) {
    await rows.return(undefined);
    throw new VaultError('no_header');
  }
  return { info, headers, headerRow: header.value.row, rows };
}
