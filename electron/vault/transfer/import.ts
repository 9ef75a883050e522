/**
 * Dry run and import. A duplicate is a row with the same normalised phone or email as a customer
 * already in the vault or as an earlier row of the same file, *and a matching name* (names.ts). The
 * same phone or email under another name is a conflict (families share one WhatsApp number): the row
 * is reported, never imported and never used to update that customer. The import is one
 * transaction: cancelled or failed, the vault is exactly as it was.
 */
import type { AuditDetails, DryRunResult, ImportConflictCode, ImportProblem, ImportResult, LeftOutColumn, MappingTarget, RunImportInput } from '../../contract';
import type { Db, Queryable } from '../db/driver';
import { findExistingByPhoneOrEmail, insertCustomersBatch, updateCustomerFromImport, type KnownCustomer } from '../customers/bulk';
import type { NormalisedCustomer } from '../customers/validate';
import { withImportCache } from './cache';
import { consentWriter, type ConsentAnswer, type ConsentRecorder } from './consent';
import { switchedOffMatches } from './headers';
import { HashedKeySet } from './keyset';
import { PROBLEMS_SHOWN } from './limits';
import { nameHash, sameName } from './names';
import { columnLetter } from './rows';
import { checkAborted, loadCatalogue, scanRows, type ImportSourceRef, type JobOptions, type ValidRow } from './scan';

/** The lookup keys of a customer: `p:<e164>` and `e:<email>`, as findExistingByPhoneOrEmail returns them. */
export function duplicateKeys(c: NormalisedCustomer): string[] {
  const keys: string[] = [];
  if (c.phone) keys.push(`p:${c.phone}`);
  if (c.email) keys.push(`e:${c.email}`);
  return keys;
}

async function lookup(q: Queryable, batch: readonly ValidRow[]): Promise<Map<string, KnownCustomer>> {
  const phones: string[] = [];
  const emails: string[] = [];
  for (const { customer: c } of batch) {
    if (c.phone) phones.push(c.phone);
    if (c.email) emails.push(c.email);
  }
  return findExistingByPhoneOrEmail(q, phones, emails);
}

/**
 * The conflict of a row whose keys point at customers (`sameAs(key)`: true same name, false another
 * name, undefined no one): the first key, phone before email, held by someone with another name.
 */
function conflictOf(
  row: ValidRow,
  keys: readonly string[],
  labels: ReadonlyMap<string, string>,
  sameAs: (key: string) => boolean | undefined,
): ImportProblem | null {
  const key = keys.find((k) => sameAs(k) === false);
  if (key === undefined) return null;
  const phone = key.startsWith('p:');
  const code: ImportConflictCode = phone ? 'same_phone_other_name' : 'same_email_other_name';
  const field = phone ? 'phone' : 'email';
  return { row: row.row, column: labels.get(field) ?? field, code };
}

/** Invalid-row problems and conflicts, both in file order, as one list in file order. */
const byRow = (a: readonly ImportProblem[], b: readonly ImportProblem[]): ImportProblem[] =>
  b.length === 0 ? [...a] : [...a, ...b].sort((x, y) => x.row - y.row);

export interface DryRunOutcome {
  result: DryRunResult;
  /** Every problem of the rows not imported (`result.problems` holds the first PROBLEMS_SHOWN). */
  problems: ImportProblem[];
  /** Every value rows would be imported without (`result.dropped` holds the first PROBLEMS_SHOWN). */
  dropped: ImportProblem[];
}

/** All of a run's problems in file order, for the report: rows not imported, and values left empty. */
export const reportProblems = (problems: readonly ImportProblem[], dropped: readonly ImportProblem[]): ImportProblem[] => byRow(problems, dropped);

/** Reads and checks the whole file without writing anything. */
export async function dryRun(
  db: Queryable,
  source: ImportSourceRef,
  mapping: readonly MappingTarget[],
  opts: JobOptions = {},
): Promise<DryRunOutcome> {
  const catalogue = await loadCatalogue(db);
  // Keys of the rows the import would store or update so far, each with the hash of its name: a
  // later row with one of them is a duplicate within the file, or a conflict under another name.
  const seen = new HashedKeySet();
  let duplicates = 0;
  const conflicts: ImportProblem[] = [];
  const dropped: ImportProblem[] = [];
  let partial = 0;
  const consent = { given: 0, refused: 0 };
  const summary = await scanRows(source, mapping, catalogue, opts, async (batch, labels) => {
    const existing = await lookup(db, batch);
    for (const row of batch) {
      const keys = duplicateKeys(row.customer);
      const hash = nameHash(row.customer.name);
      const sameAs = (k: string): boolean | undefined => {
        const stored = existing.get(k);
        if (stored) return sameName(stored.name, row.customer.name);
        const earlier = seen.get(k);
        return earlier === undefined ? undefined : earlier === hash;
      };
      const conflict = conflictOf(row, keys, labels, sameAs);
      if (conflict) {
        conflicts.push(conflict);
        continue; // not stored by the import, so it is no one a later row could match
      }
      if (keys.some((k) => sameAs(k) !== undefined)) duplicates++;
      for (const k of keys) seen.add(k, hash);
      if (row.dropped.length) partial++;
      dropped.push(...row.dropped);
      for (const a of row.consents) consent[a.state]++;
    }
  });
  const valid = summary.total - summary.invalid;
  const problems = byRow(summary.problems, conflicts);
  return {
    result: {
      total: summary.total,
      new: valid - duplicates - conflicts.length,
      duplicates,
      conflicts: conflicts.length,
      invalid: summary.invalid,
      problems: problems.slice(0, PROBLEMS_SHOWN),
      partial,
      dropped: dropped.slice(0, PROBLEMS_SHOWN),
      consent,
    },
    problems,
    dropped,
  };
}

export interface ImportOptions extends JobOptions {
  /** Who the consent entries name as having recorded them (the signed-in importer). */
  recordedBy?: ConsentRecorder;
  /** Columns (by index) the person chose to leave out although they match a switched-off field. */
  leftOut?: readonly number[];
}

/** The knowingly left-out columns as the file names them, with the switched-off field each matched. */
function leftOutColumns(headers: readonly string[], mapping: readonly MappingTarget[], leftOut: readonly number[], matches: readonly (string | null)[]): LeftOutColumn[] {
  return [...new Set(leftOut)]
    .filter((i) => i < headers.length && (mapping[i] ?? null) === null)
    .sort((a, b) => a - b)
    .map((i) => ({ column: headers[i] || columnLetter(i), field: matches[i] ?? null }));
}

/**
 * Imports the valid rows in one transaction, in batches through insertCustomersBatch. Duplicates
 * are skipped, or ('update') update the customer they match with the row's non-empty values (never
 * the name). Conflicts (same phone or email, another name) are left alone and returned.
 * Consent answers go into the ledger in the same transaction (consent.ts): every answer of a new
 * customer; for an updated one only the answers that differ from its current state (a skipped
 * duplicate's answers change nothing). Throws `cancelled` (after rolling back) when `opts.signal`
 * is aborted.
 */
export async function runImport(
  db: Db,
  source: ImportSourceRef,
  mapping: readonly MappingTarget[],
  onDuplicate: RunImportInput['onDuplicate'],
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const catalogue = await loadCatalogue(db);
  const now = (opts.now ?? Date.now)();
  const counts = { imported: 0, updated: 0, skipped: 0 };
  const conflicts: ImportProblem[] = [];
  const dropped: ImportProblem[] = [];
  const skippedRows: ImportResult['skippedRows'] = [];
  const kept: ImportResult['kept'] = [];
  const recordedBy = opts.recordedBy ?? { id: null, name: 'system' };
  let consent: ImportResult['consent'] = { given: 0, refused: 0, unchanged: 0 };
  const summary = await withImportCache(db, () =>
    db.transaction(async (tx) => {
      const ledger = await consentWriter(tx, source.path, recordedBy, now);
      consent = ledger.counts;
      const result = await scanRows(source, mapping, catalogue, opts, async (batch, labels) => {
        checkAborted(opts.signal);
        // Customers already stored (earlier batches of this file included: they are in the transaction).
        const known = await lookup(tx, batch);
        let pending: { customer: NormalisedCustomer; keys: string[]; consents: ConsentAnswer[]; row: number; keptFrom?: number }[] = [];
        const pendingKeys = new Set<string>();
        const insertPending = async () => {
          if (!pending.length) return;
          const ids = await insertCustomersBatch(tx, pending.map((p) => p.customer), now);
          pending.forEach((p, i) => {
            // A kept row does not take the number from the customer it shares it with.
            for (const k of p.keys) if (!known.has(k)) known.set(k, { id: ids[i] as number, name: p.customer.name });
            if (p.keptFrom !== undefined) kept.push({ row: p.row, existingId: p.keptFrom, customerId: ids[i] as number });
          });
          for (const [i, p] of pending.entries()) if (p.consents.length) await ledger.forNew(ids[i] as number, p.consents);
          counts.imported += pending.length;
          pending = [];
          pendingKeys.clear();
        };
        for (const row of batch) {
          const { customer } = row;
          const keys = duplicateKeys(customer);
          // A duplicate of a row earlier in this batch: store that one first, so it has an id.
          if (keys.some((k) => pendingKeys.has(k))) await insertPending();
          const conflict = conflictOf(row, keys, labels, (k) => {
            const c = known.get(k);
            return c && sameName(c.name, customer.name);
          });
          if (conflict) {
            const other = keys.map((k) => known.get(k)).find((c) => c !== undefined && !sameName(c.name, customer.name));
            if (onDuplicate === 'keep' && other) {
              pending.push({ customer, keys, consents: row.consents, row: row.row, keptFrom: other.id });
              keys.forEach((k) => pendingKeys.add(k));
              dropped.push(...row.dropped);
              continue;
            }
            conflicts.push(conflict);
            continue;
          }
          const match = keys.map((k) => known.get(k)).find((c) => c !== undefined);
          if (match === undefined) {
            pending.push({ customer, keys, consents: row.consents, row: row.row });
            keys.forEach((k) => pendingKeys.add(k));
            dropped.push(...row.dropped);
          } else if (onDuplicate === 'update' && (await updated(match.id, row))) {
            counts.updated++;
            dropped.push(...row.dropped);
            // The update may have given the customer this row's phone or email (its name stays).
            keys.forEach((k) => known.set(k, match));
          } else {
            counts.skipped++;
            skippedRows.push({ row: row.row, existingId: match.id });
          }
        }
        await insertPending();
      });
      async function updated(id: number, row: ValidRow): Promise<boolean> {
        const changed = await updateCustomerFromImport(tx, id, row.customer, now);
        const answered = row.consents.length > 0 && (await ledger.forExisting(id, row.consents));
        return changed || answered;
      }
      checkAborted(opts.signal);
      return result;
    }),
  );
  const leftOut = leftOutColumns(summary.headers, mapping, opts.leftOut ?? [], switchedOffMatches(summary.headers, catalogue.fields));
  return { ...counts, invalid: summary.problems, conflicts, skippedRows, kept, dropped, consent: { ...consent }, leftOut };
}

/** What the audit trail keeps of an import (the CLI adds `via: 'cli'`): counts, consent entries by state, columns left out knowingly. */
export const importDetails = (r: ImportResult, onDuplicate: string): AuditDetails => ({
  imported: r.imported,
  updated: r.updated,
  skipped: r.skipped,
  invalid: r.invalid.length,
  conflicts: r.conflicts.length,
  ...(r.kept.length ? { kept: r.kept.length } : {}),
  withoutValue: new Set(r.dropped.map((p) => p.row)).size,
  consentGiven: r.consent.given,
  consentRefused: r.consent.refused,
  consentUnchanged: r.consent.unchanged,
  ...(r.leftOut.length ? { leftOut: r.leftOut.map((c) => (c.field ? `${c.column} (${c.field})` : c.column)) } : {}),
  onDuplicate,
});
