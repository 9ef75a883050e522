/**
 * Dry run and import. A duplicate is a row with the same normalised phone or email as a customer
 * already in the vault or as an earlier row of the same file, *and a matching name* (names.ts). The
 * same phone or email under another name is a conflict (families share one WhatsApp number): the row
 * is reported, never imported and never used to update that customer. The import is one
 * transaction: cancelled or failed, the vault is exactly as it was.
 */
import type { DryRunResult, ImportConflictCode, ImportProblem, ImportResult, ImportTarget, RunImportInput } from '../../contract';
import type { Db, Queryable } from '../db/driver';
import { findExistingByPhoneOrEmail, insertCustomersBatch, updateCustomerFromImport, type KnownCustomer } from '../customers/bulk';
import type { NormalisedCustomer } from '../customers/validate';
import { listFields } from '../fields/repository';
import { withImportCache } from './cache';
import { HashedKeySet } from './keyset';
import { PROBLEMS_SHOWN } from './limits';
import { nameHash, sameName } from './names';
import { checkAborted, scanRows, type ImportSourceRef, type JobOptions, type ValidRow } from './scan';

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
  // Keys of the rows the import would store or update so far, each with the hash of its name: a
  // later row with one of them is a duplicate within the file, or a conflict under another name.
  const seen = new HashedKeySet();
  let duplicates = 0;
  const conflicts: ImportProblem[] = [];
  const summary = await scanRows(source, mapping, fields, opts, async (batch, labels) => {
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
    },
    problems,
  };
}

/**
 * Imports the valid rows in one transaction, in batches through insertCustomersBatch. Duplicates
 * are skipped, or ('update') update the customer they match with the row's non-empty values (never
 * the name). Conflicts (same phone or email, another name) are left alone and returned.
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
  const conflicts: ImportProblem[] = [];
  const summary = await withImportCache(db, () =>
    db.transaction(async (tx) => {
      const result = await scanRows(source, mapping, fields, opts, async (batch, labels) => {
        checkAborted(opts.signal);
        // Customers already stored (earlier batches of this file included: they are in the transaction).
        const known = await lookup(tx, batch);
        let pending: { customer: NormalisedCustomer; keys: string[] }[] = [];
        const pendingKeys = new Set<string>();
        const insertPending = async () => {
          if (!pending.length) return;
          const ids = await insertCustomersBatch(tx, pending.map((p) => p.customer), now);
          pending.forEach((p, i) => p.keys.forEach((k) => known.set(k, { id: ids[i] as number, name: p.customer.name })));
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
            conflicts.push(conflict);
            continue;
          }
          const match = keys.map((k) => known.get(k)).find((c) => c !== undefined);
          if (match === undefined) {
            pending.push({ customer, keys });
            keys.forEach((k) => pendingKeys.add(k));
          } else if (onDuplicate === 'update' && (await updateCustomerFromImport(tx, match.id, customer, now))) {
            counts.updated++;
            // The update may have given the customer this row's phone or email (its name stays).
            keys.forEach((k) => known.set(k, match));
          } else {
            counts.skipped++;
          }
        }
        await insertPending();
      });
      checkAborted(opts.signal);
      return result;
    }),
  );
  return { ...counts, invalid: summary.problems, conflicts };
}
