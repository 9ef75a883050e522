import { z } from 'zod';
import { CustomerFilter } from './customers';
import { PurposeKey } from './purposes';
import type { FieldErrorCode } from './errors';

/** One CSV record may hold at most this many characters (a stray quote would otherwise swallow the file); the renderer names it. */
export const MAX_RECORD_CHARS = 1_000_000;

/** Where an imported column goes: a field key (built-in or custom), 'name', 'tags', or null (ignored). */
export const ImportTarget = z.string().regex(/^(name|tags|phone|email|address|city|birthday|gender|notes|preferences|custom_\d{1,6})$/).nullable();
export type ImportTarget = z.infer<typeof ImportTarget>;

/**
 * A column of consent answers (ya/tidak, 1/0, yes/no, …) for one purpose that needs consent:
 * `consent:<purposeKey>`. Each answer becomes a ledger entry (method `imported`).
 */
export const CONSENT_TARGET_PREFIX = 'consent:';
export const ConsentTarget = z.string().regex(/^consent:[a-z][a-z0-9_]{1,39}$/);
/** What a column of an imported file may go to: a field (ImportTarget), a purpose's consent, or null (left out). */
export const MappingTarget = z.union([ImportTarget.unwrap(), ConsentTarget]).nullable();
export type MappingTarget = z.infer<typeof MappingTarget>;
export const consentTarget = (purposeKey: string): string => `${CONSENT_TARGET_PREFIX}${purposeKey}`;
/** The purpose key of a consent target, or null for a field target. */
export const consentPurposeOf = (target: string | null): string | null =>
  target !== null && target.startsWith(CONSENT_TARGET_PREFIX) ? target.slice(CONSENT_TARGET_PREFIX.length) : null;

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
    mapping: z.array(MappingTarget).max(500),
  })
  .strict();
export type ImportMappingInput = z.infer<typeof ImportMappingInput>;

/**
 * skip: a duplicate (same phone or e-mail and the same name) is left as it is; update: it takes the
 * row's values (never its name); keep: duplicates are skipped, and a row with the same phone or
 * e-mail under another name (a family on one WhatsApp number) is imported as a customer of its own.
 */
export const ON_DUPLICATE = ['skip', 'update', 'keep'] as const;
export const RunImportInput = ImportMappingInput.extend({
  onDuplicate: z.enum(ON_DUPLICATE),
  /** Columns matching a switched-off field that the person chose to leave out knowingly (recorded with the import). */
  leftOut: z.array(z.number().int().min(0).max(499)).max(500).optional(),
}).strict();
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
  mapping: MappingTarget[];
  /** Per header: the key of a switched-off field its title matches (the mapping screen offers to switch it on), else null. */
  switchedOff: (string | null)[];
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
  /** The row was imported without this value: it was optional and not valid (the rest of the row was). */
  dropped?: true;
}

/** Consent entries of an import, by state; `unchanged`: answers equal to the customer's current state (or a withdrawal an answer "yes" does not undo). */
export interface ImportConsentCounts {
  given: number;
  refused: number;
  unchanged: number;
}

/** A column matching a switched-off field that was left out knowingly. */
export interface LeftOutColumn {
  column: string;
  field: string | null;
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
  /** Rows that will be imported without one or more optional values that are not valid (a malformed e-mail). */
  partial: number;
  /** The first of those values (`dropped: true`), row by row; all of them go into the report. */
  dropped: ImportProblem[];
  /** Consent answers read from consent columns (rows to be imported), by state. */
  consent: { given: number; refused: number };
}

export interface ImportResult {
  imported: number;
  updated: number;
  skipped: number;
  /** The problems of the rows that are not valid (field error codes). */
  invalid: ImportProblem[];
  /** Rows left alone: same phone or email as a customer with another name (one problem per row). */
  conflicts: ImportProblem[];
  /** With `skip` or `keep`: each duplicate row left as it is, and the customer it matched. */
  skippedRows: { row: number; existingId: number }[];
  /** With `keep`: rows imported as customers of their own although their phone or e-mail is another customer's. */
  kept: { row: number; existingId: number; customerId: number }[];
  /** Values left empty in rows that were imported (optional and not valid; `dropped: true`). */
  dropped: ImportProblem[];
  /** Consent entries written to the ledger, by state. */
  consent: ImportConsentCounts;
  leftOut: LeftOutColumn[];
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
