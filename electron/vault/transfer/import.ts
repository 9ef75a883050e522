/**
 * Dry run and import. A duplicate is a row with the same normalised phone or email as a customer
 * already in the vault or as an earlier row of the same file. The import is one transaction:
 * cancelled or failed, the vault is exactly as it was.
 */
import type { DryRunResult, ImportProblem, ImportResult, ImportTarget, RunImportInput } from '../../contract';
import type { Db, Queryable } from '../db/driver';
import { findExistingByPhoneOrEmail, insertCustomersBatch, updateCustomerFromImport } from '../customers/bulk';
import type { NormalisedCustomer } from '../customers/validate';
import { listFields } from '../fields/repository';
import { HashedKeySet } from './keyset';
import { PROBLEMS_SHOWN } from './limits';
import { checkAborted, scanRows, type ImportSourceRef, type JobOptions, type ValidRow } from './scan';

/** The lookup keys of a customer: `p:<e164>` and `e:<email>`, as findExistingByPhoneOrEmail returns them. */
export function duplicateKeys(c: NormalisedCustomer): string[] {
  const keys: string[] = [];
  if (c.phone) keys.push(`p:${c.phone}`);
  if (c.email) keys.push(`e:${c.email}`);
  return keys;
}

async function lookup(q: Queryable, batch: readonly ValidRow[]): Promise<Map<string, number>> {
  const phones: string[] = [];
  const emails: string[] = [];
  for (const { customer: c } of batch) {
    if (c.phone) phones.push(c.phone);
    if (c.email) emails.push(c.email);
  }
  return findExistingByPhoneOrEmail(q, phones, emails);
}

export interface DryRunOutcome {
  result: DryRunResult;
  /** Every problem, for the report (`result.problems` holds the first PROBLEMS_SHOWN). */
  problems: ImportProblem[];
}

/** Reads and checks the whole file without writing anything. */
export async function dryRun(
  db: Queryable,
  source: ImportSourceRef,
  mapping: readonly ImportTarget[],
  opts: JobOptions = {},
): Promise<DryRunOutcome> {
  const fields = await listFields(db);
  // Keys of the valid rows so far: a later row with one of them is a duplicate within the file.
  const seen = new HashedKeySet();
  let duplicates = 0;
  const summary = await scanRows(source, mapping, fields, opts, async (batch) => {
    const existing = await lookup(db, batch);
    for (const { customer } of batch) {
      const keys = duplicateKeys(customer);
      if (keys.some((k) => existing.has(k) || seen.has(k))) duplicates++;
      for (const k of keys) seen.add(k);
    }
  });
  const valid = summary.total - summary.invalid;
  return {
    result: {
      total: summary.total,
      new: valid - duplicates,
      duplicates,
      invalid: summary.invalid,
      problems: summary.problems.slice(0, PROBLEMS_SHOWN),
    },
    problems: summary.problems,
  };
}

/**
 * Imports the valid rows in one transaction, in batches through insertCustomersBatch. Duplicates
 * are skipped, or ('update') update the customer they match with the row's non-empty values.
 * Throws `cancelled` (after rolling back) when `opts.signal` is aborted.
 */
export async function runImport(
  db: Db,
  source: ImportSourceRef,
  mapping: readonly ImportTarget[],
  onDuplicate: RunImportInput['onDuplicate'],
  opts: JobOptions = {},
): Promise<ImportResult> {
  const fields = await listFields(db);
  const now = (opts.now ?? Date.now)();
  const counts = { imported: 0, updated: 0, skipped: 0 };
  const summary = await db.transaction(async (tx) => {
    const result = await scanRows(source, mapping, fields, opts, async (batch) => {
      checkAborted(opts.signal);
      // Customers already stored (earlier batches of this file included: they are in the transaction).
      const known = await lookup(tx, batch);
      let pending: { customer: NormalisedCustomer; keys: string[] }[] = [];
      const pendingKeys = new Set<string>();
      const insertPending = async () => {
        if (!pending.length) return;
        const ids = await insertCustomersBatch(tx, pending.map((p) => p.customer), now);
        pending.forEach((p, i) => p.keys.forEach((k) => known.set(k, ids[i] as number)));
        counts.imported += pending.length;
        pending = [];
        pendingKeys.clear();
      };
      for (const { customer } of batch) {
        const keys = duplicateKeys(customer);
        // A duplicate of a row earlier in this batch: store that one first, so it has an id.
        if (keys.some((k) => pendingKeys.has(k))) await insertPending();
        const match = keys.map((k) => known.get(k)).find((id) => id !== undefined);
        if (match === undefined) {
          pending.push({ customer, keys });
          keys.forEach((k) => pendingKeys.add(k));
        } else if (onDuplicate === 'update' && (await updateCustomerFromImport(tx, match, customer, now))) {
          counts.updated++;
          // The update may have given the customer this row's phone or email.
          keys.forEach((k) => known.set(k, match));
        } else {
          counts.skipped++;
        }
      }
      await insertPending();
    });
    checkAborted(opts.signal);
    return result;
  });
  return { ...counts, invalid: summary.problems };
}
