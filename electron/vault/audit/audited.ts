/**
 * The one pattern for a change and its audit entry (DESIGN.md §3): both in one transaction. `fn`
 * gets a `Db` that runs inside that transaction (its own `db.transaction` calls nest as savepoints),
 * then the entry described from its result is appended before COMMIT. If the entry cannot be
 * written, the whole change rolls back and the error is `audit_failed` (or `disk_full`): nothing
 * happened. A view uses it the same way, so its data is returned only once the entry has committed.
 *
 * The router runs every `view`/`change` channel through it; the CLI and the new domains call it
 * directly with the vault's `recordIn`.
 */
import { withinTransaction, type Db, type Queryable } from '../db/driver';
import type { AuditRecord } from './record';

export type RecordIn = (tx: Queryable, entry: AuditRecord) => Promise<void>;

export async function audited<T>(db: Db, recordIn: RecordIn, fn: (db: Db) => Promise<T> | T, describe: (value: T, db: Db) => AuditRecord): Promise<T> {
  return db.transaction(async (tx) => {
    const scoped = withinTransaction(tx, db.path);
    const value = await fn(scoped);
    await recordIn(tx, describe(value, scoped));
    return value;
  });
}

/**
 * An entry on its own, for work whose result is a file (an export): written in a transaction of its
 * own just before the file is put in place, and — unlike `VaultService.record`, which is a no-op while
 * the vault is closed — it throws (`locked`, `audit_failed`, `disk_full`) so the file never appears
 * unrecorded.
 */
export function recordAlone(db: Db, recordIn: RecordIn, entry: AuditRecord): Promise<void> {
  return db.transaction((tx) => recordIn(tx, entry));
}
