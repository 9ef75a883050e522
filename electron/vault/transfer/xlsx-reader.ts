/**
 * Streams the rows of one sheet of an XLSX file with exceljs' WorkbookReader (never the whole
 * workbook in memory). Cells become text: dates as YYYY-MM-DD, numbers without exponent or
 * float noise, formulas as their cached result, rich text as its plain text.
 */
import type { ReadStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel';
import { VaultError } from '../errors';
import type { SourceRow } from './csv-reader';
import { unreadable } from './sniff';

/** exceljs 4.4's reader internals (not in its typings): what it knows once `xl/workbook.xml` and its rels are read. */
interface ReaderInternals {
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  stream?: ReadStream;
  workbookRels?: unknown;
  _parseRels(entry: unknown): Promise<void>;
  _parseWorkbook(entry: unknown): Promise<void>;
  _parseStyles(entry: unknown): Promise<void>;
  _parseWorksheet(iterator: unknown, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs streams a sheet as soon as it has the shared strings and the workbook rels, even when
 * `xl/workbook.xml` (sheet names, 1904 dates) or `xl/styles.xml` (which numbers are dates) come
 * later in the ZIP — then it crashes or reads dates as numbers, depending on the writer's entry
 * order. Holding the rels back until both are read makes it set such sheets aside (in a temp
 * file, as it does for Excel's own files) and read them at the end, when everything is known.
 */
function waitForWorkbookAndStyles(internals: ReaderInternals): void {
  const { _parseRels, _parseWorkbook, _parseStyles, _parseWorksheet } = internals;
  let rels: unknown;
  let workbook = false;
  let styles = false;
  const release = () => {
    if (rels !== undefined && workbook && styles) internals.workbookRels = rels;
  };
  internals._parseRels = async (entry) => {
    await _parseRels.call(internals, entry);
    rels = internals.workbookRels;
    internals.workbookRels = undefined;
    release();
  };
  internals._parseWorkbook = async (entry) => {
    await _parseWorkbook.call(internals, entry);
    workbook = true;
    release();
  };
  internals._parseStyles = async (entry) => {
    await _parseStyles.call(internals, entry);
    styles = true;
    release();
  };
  internals._parseWorksheet = function* (iterator, sheetNo) {
    // The sheets set aside are read after the whole ZIP: the rels are needed then, styles or not.
    if (rels !== undefined) internals.workbookRels = rels;
    return yield* _parseWorksheet.call(internals, iterator, sheetNo);
  };
}
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

export type XlsxEvent = { kind: 'sheets'; sheets: string[]; sheet: string } | ({ kind: 'row' } & SourceRow);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A date cell (exceljs gives a UTC Date) as YYYY-MM-DD, with the time only when there is one. */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Integers as all their digits (81234567890, not 8.1e10); other numbers to Excel's 15 significant digits. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return String(Number(n.toPrecision(15)));
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; result?: unknown; formula?: string; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

function rowCells(row: ExcelJS.Row): string[] {
  // row.values is 1-based and sparse: index 0 is always empty.
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  return cells;
}

/**
 * First event: every visible sheet name and the one read (`sheet`, or the first in tab order);
 * then that sheet's rows. Throws sheet_not_found, unsupported_file (a ZIP that is no workbook)
 * or file_unreadable (a damaged one).
 */
export async function* xlsxRows(path: string, sheet: string | null): AsyncGenerator<XlsxEvent> {
  const Excel = await loadExcel();
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats: needed to tell a date from a number
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  waitForWorkbookAndStyles(internals);
  let wanted: string | null = null;
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      if (wanted === null) {
        const all = internals.model?.sheets ?? [];
        const visible = all.filter((s) => s.state !== 'hidden' && s.state !== 'veryHidden').map((s) => s.name);
        const names = visible.length ? visible : all.map((s) => s.name);
        wanted = sheet ?? names[0] ?? ws.name ?? '';
        if (sheet !== null && !all.some((s) => s.name === sheet)) throw new VaultError('sheet_not_found');
        yield { kind: 'sheets', sheets: names, sheet: wanted };
      }
      if (ws.name !== wanted) continue;
      for await (const row of ws) yield { kind: 'row', row: row.number, cells: rowCells(row) };
      return;
    }
  } catch (err) {
    if (err instanceof VaultError) throw err;
    throw (err as NodeJS.ErrnoException)?.code?.startsWith('E') ? unreadable(err) : new VaultError('file_unreadable', undefined, String(err));
  } finally {
    internals.stream?.destroy();
  }
  // The ZIP held no worksheet (a .docx or any other archive), or not the one asked for.
  throw new VaultError(wanted === null ? 'unsupported_file' : 'sheet_not_found');
}
