/**
 * Export: CSV (UTF-8 with BOM, `;` or `,`), XLSX (exceljs streaming writer) or JSON (an array of
 * objects), streamed page by page with progress. Spreadsheet text cells are escaped against
 * formula injection. A file target is written under a temporary name and renamed at the end.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Customer, ExportInput } from '../../contract';
import type { Queryable } from '../db/driver';
import { listFields } from '../fields/repository';
import { checkColumnsForPurpose, exportPurpose } from './export-purpose';
import { customersOf, exportColumns, jsonValue, sheetValue, type ExportColumn } from './export-rows';
import { loadExcel, type ExcelJS } from './excel';
import { escapeFormula } from './formula';
import { openAtomic, outputError } from './output';
import { checkAborted, throttled, type JobOptions } from './scan';

export type ExportOptions = Pick<JobOptions, 'signal' | 'onProgress'> & {
  /**
   * A file export: called with the count once every row is written, before the file is put in
   * place. The audit entry goes here: if it throws, the temporary file is removed and no file appears.
   */
  beforeCommit?: (count: number) => Promise<void>;
  /**
   * A stream export (the CLI's stdout, which cannot be taken back): called with the number of
   * customers selected before the first byte is written. If it throws, nothing is written.
   */
  beforeOutput?: (total: number | null) => Promise<void>;
};

interface Sink {
  stream: Writable;
  /** Rejects when the stream fails. */
  failed: Promise<never>;
  write(chunk: string): Promise<void>;
}

/** Writes one format: a header once, then pages of customers, then the end. */
interface Writer {
  start(columns: ExportColumn[]): Promise<void>;
  page(customers: Customer[]): Promise<void>;
  end(): Promise<void>;
}

const spreadsheetCell = (v: string | number): string | number => (typeof v === 'string' ? escapeFormula(v) : v);

function csvWriter(sink: Sink, delimiter: ';' | ','): Writer {
  let cols: ExportColumn[] = [];
  const csv = (records: (string | number)[][]) => stringify(records, { delimiter, record_delimiter: 'windows' });
  return {
    async start(columns) {
      cols = columns;
      await sink.write(`\ufeff${csv([columns.map((c) => escapeFormula(c.title))])}`);
    },
    page: (customers) => sink.write(csv(customers.map((c) => cols.map((col) => spreadsheetCell(sheetValue(c, col.key)))))),
    async end() {},
  };
}

function jsonWriter(sink: Sink): Writer {
  let cols: ExportColumn[] = [];
  let first = true;
  return {
    async start(columns) {
      cols = columns;
      await sink.write('[');
    },
    async page(customers) {
      const items = customers.map((c) => JSON.stringify(Object.fromEntries(cols.map((col) => [col.key, jsonValue(c, col.key)]))));
      await sink.write(`${first ? '\n' : ',\n'}${items.join(',\n')}`);
      first = false;
    },
    async end() {
      await sink.write(first ? ']\n' : '\n]\n');
    },
  };
}

function xlsxWriter(ExcelJS: ExcelJS, sink: Sink): Writer {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink.stream, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet('Pelanggan');
  let cols: ExportColumn[] = [];
  return {
    async start(columns) {
      cols = columns;
      sheet.addRow(columns.map((c) => escapeFormula(c.title))).commit();
    },
    async page(customers) {
      for (const c of customers) sheet.addRow(cols.map((col) => spreadsheetCell(sheetValue(c, col.key)))).commit();
      // Let the zip stream catch up with the rows before the next page.
      if (sink.stream.writableNeedDrain) await Promise.race([once(sink.stream, 'drain'), sink.failed]);
      await Promise.race([new Promise((resolve) => setImmediate(resolve)), sink.failed]);
    },
    async end() {
      sheet.commit();
      await Promise.race([book.commit(), sink.failed]);
    },
  };
}

async function writerFor(input: ExportInput, sink: Sink): Promise<Writer> {
  if (input.format === 'csv') return csvWriter(sink, input.delimiter ?? ';');
  if (input.format === 'json') return jsonWriter(sink);
  return xlsxWriter(await loadExcel(), sink);
}

/** Streams the export into `sink`; returns how many customers were written. */
async function exportInto(db: Queryable, sink: Sink, input: ExportInput, opts: ExportOptions): Promise<number> {
  const purpose = await exportPurpose(db, input.purpose);
  const columns = exportColumns(input.fields, await listFields(db));
  checkColumnsForPurpose(input.fields, purpose);
  const { total, pages } = await customersOf(db, input.scope, purpose?.consent ?? null);
  await opts.beforeOutput?.(total);
  const writer = await writerFor(input, sink);
  const progress = throttled(opts.onProgress, total);
  let count = 0;
  await writer.start(columns);
  progress(0);
  for await (const page of pages) {
    checkAborted(opts.signal);
    await writer.page(page);
    count += page.length;
    progress(count);
  }
  checkAborted(opts.signal);
  await writer.end();
  checkAborted(opts.signal);
  progress(count, true);
  return count;
}

/** Exports to `path`: written under a temporary name, renamed when complete (disk_full / read_only on failure). */
export async function exportToFile(db: Queryable, path: string, input: ExportInput, opts: ExportOptions = {}): Promise<{ count: number }> {
  const file = openAtomic(path);
  try {
    const count = await exportInto(db, file, input, opts);
    checkAborted(opts.signal);
    await opts.beforeCommit?.(count);
    // A cancel that comes while the last bytes are flushed still leaves no file.
    await file.commit(opts.signal);
    return { count };
  } catch (err) {
    await file.abort();
    throw outputError(err);
  }
}

/** Exports into a stream the caller owns (the CLI's stdout). CSV and JSON leave it open; XLSX ends it (the zip does). */
export async function exportToStream(db: Queryable, stream: Writable, input: ExportInput, opts: ExportOptions = {}): Promise<{ count: number }> {
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const sink: Sink = {
    stream,
    failed,
    async write(chunk) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    },
  };
  return { count: await exportInto(db, sink, input, opts) };
}
