/**
 * Erasing a field's values for real: the column (or the custom JSON key) becomes NULL for every
 * customer in the caller's transaction, and for the full-text columns the affected index entries
 * are rewritten (secure-delete is on, so the old tokens leave the index).
 */
import type { Queryable } from '../db/driver';
import { reindexCustomers } from '../customers/bulk';
import { FTS_FIELDS, customPath, isBuiltinKey } from './repository';

const CHUNK = 500;

/** Erases every stored value of the field; returns how many customers held one. */
export async function eraseFieldValues(tx: Queryable, key: string, at: number): Promise<number> {
  if (!isBuiltinKey(key)) {
    const path = customPath(key);
    const { changes } = await tx.run(
      'UPDATE customers SET custom = json_remove(custom, ?), updated_at = ? WHERE json_extract(custom, ?) IS NOT NULL',
      [path, at, path],
    );
    return changes;
  }
  // `key` is one of the fixed built-in names, which are also the column names.
  if (!FTS_FIELDS.has(key)) {
    const { changes } = await tx.run(`UPDATE customers SET ${key} = NULL, updated_at = ? WHERE ${key} IS NOT NULL`, [at]);
    return changes;
  }
  let erased = 0;
  let after = 0;
  for (;;) {
    const ids = (
      await tx.all<{ id: number }>(`SELECT id FROM customers WHERE id > ? AND ${key} IS NOT NULL ORDER BY id LIMIT ?`, [after, CHUNK])
    ).map((r) => r.id);
    const last = ids.at(-1);
    if (last === undefined) return erased;
    await tx.run(`UPDATE customers SET ${key} = NULL, updated_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`, [at, ...ids]);
    await reindexCustomers(tx, ids);
    erased += ids.length;
    after = last;
  }
}
