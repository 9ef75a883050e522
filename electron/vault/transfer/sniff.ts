/**
 * Looks at the first bytes of a picked file: size limits, format (XLSX or text), the text's
 * encoding (BOM, then a strict UTF-8 check, else Windows-1252) and its delimiter.
 * Nothing here holds more than the first SNIFF_BYTES of a file.
 */
import { open, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { fileProblem, VaultError } from '../errors';
import { MAX_IMPORT_BYTES, SNIFF_BYTES } from './limits';

export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type Sniffed =
  | { format: 'xlsx'; size: number }
  | { format: 'csv'; size: number; encoding: CsvEncoding; bom: boolean; delimiter: Delimiter; skipLines: number };

const startsWith = (buf: Buffer, bytes: number[]): boolean => bytes.every((b, i) => buf[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Old binary Office files (.xls, .doc): not supported, and worth a clear message. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** File-system trouble reading a picked file is the file's problem, not the vault's. */
export const unreadable = (err: unknown): VaultError =>
  err instanceof VaultError ? err : new VaultError('file_unreadable', undefined, (err as NodeJS.ErrnoException)?.code ?? String(err));

async function readHead(path: string): Promise<{ size: number; head: Buffer }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new VaultError('file_unreadable', undefined, 'not a file');
    // Checked before reading anything: a 2 GB file is refused at once.
    if (info.size > MAX_IMPORT_BYTES) throw new VaultError('file_too_large', undefined, `${info.size} bytes`);
    if (info.size === 0) throw new VaultError('file_empty');
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      return { size: info.size, head: head.subarray(0, bytesRead) };
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw unreadable(err);
  }
}

/** BOM first; then UTF-8 if the first chunk is valid UTF-8 (a character cut at the end is fine); else Windows-1252. */
export function detectEncoding(head: Buffer): { encoding: CsvEncoding; bom: boolean } {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/** Text with NULs or many control characters is not a spreadsheet export. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  return controls > Math.max(2, text.length * 0.01);
}

/**
 * The delimiter whose first lines split into the same number (≥ 2) of columns most often,
 * parsed by csv-parse itself so quoted commas and line breaks do not mislead it.
 * A single-column file gets the comma (its delimiter does not matter).
 */
export function detectDelimiter(sample: string, preferTab = false): Delimiter {
  let best: { d: Delimiter; score: number } = { d: preferTab ? '\t' : ',', score: 0 };
  for (const d of DELIMITERS) {
    const options = { delimiter: d, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: 30 };
    let rows: string[][];
    try {
      rows = parse(sample, options);
    } catch (err) {
      // The sample may end inside a quoted cell, or a stray quote swallows the rest of a small file:
      // judge the records before the one that failed (the reader then says which row it was).
      const records = (err as { records?: unknown }).records;
      if (typeof records !== 'number' || records < 1) continue;
      try {
        rows = parse(sample, { ...options, to: records });
      } catch {
        continue;
      }
    }
    const header = rows[0]?.length ?? 0;
    if (header < 2) continue;
    const consistent = rows.filter((r) => r.length === header).length / rows.length;
    const score = consistent * header + (d === '\t' && preferTab ? 0.5 : 0);
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/** Reads the head of the file and decides how to read the rest. Throws the file's typed error. */
export async function sniffFile(path: string): Promise<Sniffed> {
  const { size, head } = await readHead(path);
  if (startsWith(head, ZIP)) return { format: 'xlsx', size };
  if (startsWith(head, OLE2)) throw new VaultError('unsupported_file', undefined, 'binary Office file');
  const { encoding, bom } = detectEncoding(head);
  let text = iconv.decode(head, encoding, { stripBOM: true });
  // A UTF-16 head cut mid-character decodes to a trailing replacement character; ignore it.
  if (text.endsWith('\ufffd')) text = text.slice(0, -1);
  if (text.trim() === '' && size === head.length) throw new VaultError('file_empty');
  if (looksBinary(text)) throw fileProblem('unsupported_file', { reason: 'not_text' }, 'binary content');
  // Excel's own hint line `sep=;` names the delimiter and is not a row of the sheet.
  const hint = /^sep=([,;\t])\r?\n/i.exec(text);
  if (hint) return { format: 'csv', size, encoding, bom, delimiter: hint[1] as Delimiter, skipLines: 1 };
  return { format: 'csv', size, encoding, bom, delimiter: detectDelimiter(text, encoding.startsWith('utf-16')), skipLines: 0 };
}
