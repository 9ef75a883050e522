import { z } from 'zod';
import { CustomerFilter } from './customers';
import { PurposeKey } from './purposes';
import type { FieldErrorCode } from './errors';

/** One CSV record may hold at most this many characters (a stray quote would otherwise swallow the file); the renderer names it. */
export const MAX_RECORD_CHARS = 1_000_000;

/** Where an imported column goes: a field key (built-in or custom), 'name', 'tags', or null (ignored). */
export const ImportTarget = z.string().regex(/^(name|tags|phone|email|address|city|birthday|gender|notes|preferences|custom_\d{1,6})$/).nullable();
export type ImportTarget = z.infer<typeof ImportTarget>;

export const FileId = z.string().regex(/^[a-zA-Z0-9_-]{8,64}$/);

export const ImportSource = z
  .object({
    fileId: FileId,
    /** XLSX only: the sheet to read (null: the first). */
    sheet: z.string().max(100).nullable(),
  })
  .strict();

export const ImportMappingInput = z
  .object({
    fileId: FileId,
    sheet: z.string().max(100).nullable(),
    /** One entry per column of the header row, in order. */
    mapping: z.array(ImportTarget).max(500),
  })
  .strict();
export type ImportMappingInput = z.infer<typeof ImportMappingInput>;

export const ON_DUPLICATE = ['skip', 'update'] as const;
export const RunImportInput = ImportMappingInput.extend({ onDuplicate: z.enum(ON_DUPLICATE) }).strict();
export type RunImportInput = z.infer<typeof RunImportInput>;

/** A file the user picked, as far as it has been read (header and first rows). */
export interface ImportFile {
  fileId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** CSV: what was detected. */
  encoding: string | null;
  delimiter: string | null;
  /** XLSX: every sheet name; `sheet` is the one read. */
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** Suggested target per header (auto-matched in Indonesian and English). */
  mapping: ImportTarget[];
  /** The first rows as they are in the file. */
  sampleRows: string[][];
}

/**
 * A valid row whose phone (or email) belongs to a customer with another name — in the vault or
 * earlier in the file. Families often share one WhatsApp number, so it is not taken for the same
 * person: the row is neither imported nor used to update anyone, and is left for the person to decide.
 * Names "match" when equal after normalising case, spaces and diacritics (vault/transfer/names.ts).
 */
export const IMPORT_CONFLICT_CODES = ['same_phone_other_name', 'same_email_other_name'] as const;
export type ImportConflictCode = (typeof IMPORT_CONFLICT_CODES)[number];

export interface ImportProblem {
  /** 1-based row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column header (or the field) with the problem. */
  column: string;
  code: FieldErrorCode | ImportConflictCode;
}

export const isConflictCode = (code: ImportProblem['code']): code is ImportConflictCode =>
  (IMPORT_CONFLICT_CODES as readonly string[]).includes(code);

/** The first rows as they will be stored. */
export interface ImportPreview {
  rows: { row: number; values: Record<string, string>; problems: ImportProblem[] }[];
}

export interface DryRunResult {
  total: number;
  new: number;
  /** Same normalised phone or email as a customer already in the vault (or earlier in the file), and the same name. */
  duplicates: number;
  /** Same phone or email as a customer with another name: neither imported nor updated (ImportConflictCode). */
  conflicts: number;
  invalid: number;
  /** The first problems, invalid rows and conflicts alike (all of them go into the report). */
  problems: ImportProblem[];
}

export interface ImportResult {
  imported: number;
  updated: number;
  skipped: number;
  /** The problems of the rows that are not valid (field error codes). */
  invalid: ImportProblem[];
  /** Rows left alone: same phone or email as a customer with another name (one problem per row). */
  conflicts: ImportProblem[];
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportInput = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    delimiter: z.enum([';', ',']).optional(),
    /** Field keys in column order; 'name' and 'tags' included as wanted. */
    fields: z.array(ImportTarget.unwrap()).min(1).max(100),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }).strict(),
      z.object({ kind: z.literal('filter'), query: z.string().max(200), filter: CustomerFilter }).strict(),
      z.object({ kind: z.literal('selection'), ids: z.array(z.number().int().positive()).min(1).max(100_000) }).strict(),
    ]),
    /**
     * What the export is for (a purpose key; recorded in the audit entry). When that purpose needs
     * consent, only customers whose current consent to it is `given` are written, and only `name` and
     * the fields the purpose uses may be columns (`fields.<i>`: not_for_purpose). An unknown purpose is
     * `not_found`, a retired one invalid_input (`purpose`: invalid_choice). Optional here so that
     * `brankas export` without `--purpose` works as before; the app's `export.run` requires it
     * (AppExportInput).
     */
    purpose: PurposeKey.optional(),
  })
  .strict();
export type ExportInput = z.infer<typeof ExportInput>;

/** `export.run`: an export from the app always names its purpose (the Owner picks it in the dialog). */
export const AppExportInput = ExportInput.extend({ purpose: PurposeKey }).strict();
export type AppExportInput = z.infer<typeof AppExportInput>;

export interface ExportResult {
  fileName: string;
  count: number;
}

/** Progress of long work (import, dry run, export), pushed as the 'job.progress' event. */
export interface JobProgress {
  job: 'dryRun' | 'import' | 'export' | 'backup' | 'restore';
  done: number;
  /** Null while the total is not known yet (streaming). */
  total: number | null;
}
