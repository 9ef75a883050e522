/**
 * The loop shared by dry run and import: read the data rows, convert and check each, collect the
 * problems, hand the valid rows on in batches, report progress at most every PROGRESS_MS, and stop
 * with `cancelled` as soon as the signal is aborted.
 */
import type { FieldDef, ImportProblem, MappingTarget } from '../../contract';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import type { NormalisedCustomer } from '../customers/validate';
import { listFields } from '../fields/repository';
import { listPurposes } from '../purposes/repository';
import type { ConsentAnswer } from './consent';
import { isKnownHeader } from './headers';
import { BATCH_ROWS, PROGRESS_MS } from './limits';
import { compileMapping, convertRow } from './rows';
import { openTable } from './table';

/** Where to read: a file path and, for XLSX, the sheet (null: the first). */
export interface ImportSourceRef {
  path: string;
  sheet: string | null;
}

export interface Progress {
  done: number;
  /** Null while unknown (streaming; pass `total` from a dry run to have one). */
  total: number | null;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** The number of data rows, when known (from a dry run), for the progress bar. */
  total?: number | null;
  now?: () => number;
}

export interface ValidRow {
  row: number;
  customer: NormalisedCustomer;
  consents: ConsentAnswer[];
  /** Optional values left empty because they were not valid (`dropped: true`). */
  dropped: ImportProblem[];
}

/** What a mapping is checked against: the field catalogue and the purposes a consent column may name. */
export interface Catalogue {
  fields: readonly FieldDef[];
  /** Active purposes that need consent. */
  consentKeys: ReadonlySet<string>;
}

export async function loadCatalogue(q: Queryable): Promise<Catalogue> {
  const fields = await listFields(q);
  const purposes = await listPurposes(q);
  return { fields, consentKeys: new Set(purposes.filter((p) => p.needsConsent && p.status === 'active').map((p) => p.key)) };
}

export interface ScanSummary {
  /** Data rows read (blank rows are not counted). */
  total: number;
  /** Rows with at least one problem. */
  invalid: number;
  problems: ImportProblem[];
  /** The file's header row. */
  headers: string[];
}

export const checkAborted = (signal?: AbortSignal): void => {
  if (signal?.aborted) throw new VaultError('cancelled');
};

/** Calls `report` at most every PROGRESS_MS, and always for the final figure. */
export function throttled(report: ((p: Progress) => void) | undefined, total: number | null): (done: number, final?: boolean) => void {
  let last = 0;
  return (done, final = false) => {
    if (!report) return;
    const t = Date.now();
    if (!final && t - last < PROGRESS_MS) return;
    last = t;
    report({ done, total: final ? done : total });
  };
}

export async function scanRows(
  source: ImportSourceRef,
  mapping: readonly MappingTarget[],
  catalogue: Catalogue,
  opts: JobOptions,
  /** `labels`: field → the column it is read from, as the file names it (for problems found later). */
  onBatch: (batch: ValidRow[], labels: ReadonlyMap<string, string>) => Promise<void>,
): Promise<ScanSummary> {
  checkAborted(opts.signal);
  const now = (opts.now ?? Date.now)();
  const table = await openTable(source.path, source.sheet, isKnownHeader);
  const summary: ScanSummary = { total: 0, invalid: 0, problems: [], headers: table.headers };
  const progress = throttled(opts.onProgress, opts.total ?? null);
  // One batch is written (on SQLite's thread) while the next is read and checked (on this one).
  // Batches still run one after another, in file order; none is left running when this returns.
  let inflight: Promise<void> | null = null;
  let labels: ReadonlyMap<string, string> = new Map();
  const hand = async (batch: ValidRow[]) => {
    if (inflight) await inflight;
    inflight = onBatch(batch, labels);
    inflight.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  };
  try {
    const m = compileMapping(table.headers, mapping, catalogue.fields, catalogue.consentKeys);
    labels = m.labels;
    let batch: ValidRow[] = [];
    progress(0);
    for await (const src of table.rows) {
      checkAborted(opts.signal);
      summary.total++;
      const result = convertRow(m, src, now);
      if (result.ok) batch.push({ row: result.row, customer: result.customer, consents: result.consents, dropped: result.dropped });
      else {
        summary.invalid++;
        for (const p of result.problems) summary.problems.push(p);
      }
      if (batch.length >= BATCH_ROWS) {
        await hand(batch);
        batch = [];
      }
      progress(summary.total);
    }
    if (batch.length) await hand(batch);
    if (inflight) await inflight;
    checkAborted(opts.signal);
    // No data rows (the file lost them since it was inspected): nothing to check or import.
    if (summary.total === 0) throw new VaultError('file_empty', undefined, 'a header row and no data rows');
    progress(summary.total, true);
    return summary;
  } finally {
    if (inflight) await (inflight as Promise<void>).catch(() => undefined);
    await table.rows.return(undefined);
  }
}
