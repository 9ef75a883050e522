/**
 * Streams the records of a CSV/TSV file: bytes → iconv-lite decoder (BOM stripped) → csv-parse.
 * Only one record at a time is held; a runaway quoted cell stops at MAX_RECORD_CHARS.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { fileProblem, VaultError } from '../errors';
import { MAX_RECORD_CHARS } from './limits';
import { unreadable, type CsvEncoding, type Delimiter } from './sniff';

/** One row of a source file: its number as a spreadsheet shows it (1-based) and its cells as text. */
export interface SourceRow {
  row: number;
  cells: string[];
}

const READ_CHUNK = 256 * 1024;

export async function* csvRows(path: string, encoding: CsvEncoding, delimiter: Delimiter, skipLines = 0): AsyncGenerator<SourceRow> {
  const input = createReadStream(path, { highWaterMark: READ_CHUNK });
  const decoder = iconv.decodeStream(encoding, { stripBOM: true });
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    from_line: skipLines + 1,
  });
  let failure: unknown = null;
  pipeline(input, decoder, parser, (err) => {
    if (err && (err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') failure = err;
  });
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (err) {
    throw csvError(err);
  } finally {
    input.destroy();
  }
  if (failure) throw csvError(failure);
}

/**
 * CsvError codes (CSV_QUOTE_NOT_CLOSED, CSV_MAX_RECORD_SIZE, …): the text is not readable as a
 * table. The two a person can fix are said with the row: csv-parse counts the records it finished
 * (`records`, the header included), so the one it failed in is the next — the row where the stray
 * quote opened, or the row that runs past the limit.
 */
function csvError(err: unknown): VaultError {
  if (err instanceof VaultError) return err;
  const { code = '', records } = err as { code?: string; records?: number };
  const row = typeof records === 'number' ? records + 1 : undefined;
  const at = row !== undefined ? { row } : {};
  if (code === 'CSV_QUOTE_NOT_CLOSED') return fileProblem('file_unreadable', { reason: 'quote_not_closed', ...at }, code);
  if (code === 'CSV_MAX_RECORD_SIZE') return fileProblem('file_unreadable', { reason: 'line_too_long', ...at }, code);
  if (code.startsWith('CSV_')) return new VaultError('file_unreadable', undefined, code);
  return unreadable(err);
}
