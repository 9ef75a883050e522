/** A first look at a picked file (header, suggested mapping, sample rows), and the preview of a mapping. */
import type { ImportFile, ImportPreview, MappingTarget } from '../../contract';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { listFields } from '../fields/repository';
import { listPurposes } from '../purposes/repository';
import { isKnownHeader, suggestMapping, switchedOffMatches } from './headers';
import { SAMPLE_ROWS } from './limits';
import { compileMapping, convertRow, previewValues } from './rows';
import { loadCatalogue, type ImportSourceRef } from './scan';
import { openTable } from './table';

/** An ImportFile without the id and name the IPC layer gives it. */
export type InspectedFile = Omit<ImportFile, 'fileId' | 'fileName'>;

/**
 * Reads the header and the first SAMPLE_ROWS rows; suggests a target per column from the enabled
 * fields. A file (or sheet) with no data row under its header is `file_empty`.
 */
export async function inspectFile(db: Queryable, path: string, sheet: string | null = null): Promise<InspectedFile> {
  const fields = await listFields(db);
  const purposes = await listPurposes(db);
  const table = await openTable(path, sheet, isKnownHeader);
  const sampleRows: string[][] = [];
  try {
    for await (const { cells } of table.rows) {
      sampleRows.push(table.headers.map((_, i) => cells[i] ?? ''));
      if (sampleRows.length >= SAMPLE_ROWS) break;
    }
  } finally {
    await table.rows.return(undefined);
  }
  // A header row and nothing under it holds no customers: said now, not as "0 imported" at the end.
  if (sampleRows.length === 0) throw new VaultError('file_empty', undefined, 'a header row and no data rows');
  const { format, encoding, delimiter, sheets } = table.info;
  return {
    format,
    encoding,
    delimiter,
    sheets,
    sheet: table.info.sheet,
    headers: table.headers,
    mapping: suggestMapping(table.headers, fields, purposes),
    switchedOff: switchedOffMatches(table.headers, fields),
    sampleRows,
  };
}

/** The first SAMPLE_ROWS rows as they will be stored, each with its problems. */
export async function previewImport(db: Queryable, source: ImportSourceRef, mapping: readonly MappingTarget[], now = Date.now()): Promise<ImportPreview> {
  const catalogue = await loadCatalogue(db);
  const table = await openTable(source.path, source.sheet, isKnownHeader);
  const rows: ImportPreview['rows'] = [];
  try {
    const m = compileMapping(table.headers, mapping, catalogue.fields, catalogue.consentKeys);
    for await (const src of table.rows) {
      const result = convertRow(m, src, now);
      rows.push({ row: src.row, values: previewValues(result), problems: result.ok ? result.dropped : result.problems });
      if (rows.length >= SAMPLE_ROWS) break;
    }
  } finally {
    await table.rows.return(undefined);
  }
  return { rows };
}
