/**
 * Customers in bulk, for the importer and for field erasure: multi-row statements (TOOLCHAIN.md:
 * ~70k rows/s with `INSERT … VALUES (…),(…)` against ~15k awaiting one row per call), duplicate
 * lookup by phone and email, and re-indexing. Every function takes the `tx` of one transaction.
 */
import { CUSTOMER_LIMITS } from '../../contract';
import type { Param, Queryable, Statement } from '../db/driver';
import {
  FTS_COLUMNS,
  MUTABLE_COLUMN_COUNT,
  MUTABLE_COLUMNS,
  customerValues,
  ftsValues,
  getCustomer,
  parseTags,
  updateCustomer,
} from './repository';
import { normaliseTags, type NormalisedCustomer } from './validate';

/** Rows per multi-row statement. 200 customers × 14 values stays far below SQLite's variable limit. */
export const BATCH_ROWS = 200;
/** Values per `IN (…)` list. */
const LOOKUP_CHUNK = 500;

const tuple = (n: number): string => `(${Array.from({ length: n }, () => '?').join(', ')})`;

/**
 * Runs `INSERT … VALUES (…),(…)` over `items`, `perStatement` tuples at a time. The statement for a
 * full chunk is prepared once and reused; the remainder gets its own.
 */
async function insertMany<T>(
  tx: Queryable,
  head: string,
  width: number,
  items: readonly T[],
  perStatement: number,
  values: (item: T) => Param[],
): Promise<void> {
  const row = tuple(width);
  const sqlFor = (n: number) => `${head} VALUES ${Array.from({ length: n }, () => row).join(', ')}`;
  let full: Statement | undefined;
  try {
    for (let start = 0; start < items.length; start += perStatement) {
      const chunk = items.slice(start, start + perStatement);
      const params = chunk.flatMap(values);
      if (chunk.length === perStatement) {
        full ??= await tx.prepare(sqlFor(perStatement));
        await full.run(params);
      } else {
        await tx.run(sqlFor(chunk.length), params);
      }
    }
  } finally {
    await full?.finalize();
  }
}

/** The id the next inserted customer would get (AUTOINCREMENT: never reuses an id). */
async function nextCustomerId(tx: Queryable): Promise<number> {
  const row = await tx.get<{ next: number }>(
    `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'customers'), 0),
                coalesce((SELECT max(id) FROM customers), 0)) + 1 AS next`,
  );
  return row?.next ?? 1;
}

/**
 * Inserts many customers with their index entries and tag rows; returns their ids in the order of
 * `rows`. Call inside one transaction (`db.transaction`); rows must come from `checkCustomer`.
 */
export async function insertCustomersBatch(tx: Queryable, rows: readonly NormalisedCustomer[], now: number): Promise<number[]> {
  if (rows.length === 0) return [];
  const first = await nextCustomerId(tx);
  const ids = rows.map((_, i) => first + i);
  const withIds = rows.map((c, i) => ({ id: first + i, c }));
  await insertMany(
    tx,
    `INSERT INTO customers (id, ${MUTABLE_COLUMNS}, created_at, updated_at)`,
    MUTABLE_COLUMN_COUNT + 3,
    withIds,
    BATCH_ROWS,
    ({ id, c }) => [id, ...customerValues(c), now, now],
  );
  await insertMany(tx, `INSERT INTO customers_fts (rowid, ${FTS_COLUMNS})`, 7, withIds, BATCH_ROWS, ({ id, c }) => [
    id,
    ...ftsValues(c),
  ]);
  const tags = withIds.flatMap(({ id, c }) => c.tags.map((tag) => [id, tag] as const));
  await insertMany(tx, 'INSERT OR IGNORE INTO customer_tags (customer_id, tag)', 2, tags, BATCH_ROWS * 2, (p) => [...p]);
  return ids;
}

/**
 * Updates a customer from an imported row: what the row holds replaces the stored value, what it
 * leaves empty keeps the stored value (a spreadsheet without a notes column does not wipe notes).
 * Tags are added to the stored ones (up to the limit); custom values replace key by key. The name is
 * never changed: the importer updates only a customer whose name matches the row's (same person,
 * maybe typed "BUDI SANTOSO"), and the stored spelling is the one someone chose.
 * False when there is no such customer.
 */
export async function updateCustomerFromImport(tx: Queryable, id: number, row: NormalisedCustomer, now: number): Promise<boolean> {
  const stored = await getCustomer(tx, id);
  if (!stored) return false;
  const merged: NormalisedCustomer = {
    name: stored.name,
    phone: row.phone ?? stored.phone,
    email: row.email ?? stored.email,
    address: row.address ?? stored.address,
    city: row.city ?? stored.city,
    notes: row.notes ?? stored.notes,
    tags: normaliseTags([...stored.tags, ...row.tags]).slice(0, CUSTOMER_LIMITS.tags),
    birthday: row.birthday ?? stored.birthday,
    gender: row.gender ?? stored.gender,
    preferences: row.preferences ?? stored.preferences,
    custom: { ...stored.custom, ...row.custom },
  };
  return updateCustomer(tx, id, merged, now);
}

/** A stored customer as the importer's duplicate check needs it. */
export interface KnownCustomer {
  id: number;
  name: string;
}

/**
 * Existing customers with any of these phones (E.164) or emails (lower-case), by the
 * customers_by_phone / customers_by_email indexes. Keys `p:<e164>` and `e:<email>` → the customer
 * with the lowest id, and its name (a shared number is not the same person when the names differ).
 */
export async function findExistingByPhoneOrEmail(
  q: Queryable,
  phones: readonly string[],
  emails: readonly string[],
): Promise<Map<string, KnownCustomer>> {
  const found = new Map<string, KnownCustomer>();
  const lookups = [
    { column: 'phone', prefix: 'p:', values: phones },
    { column: 'email', prefix: 'e:', values: emails },
  ] as const;
  for (const { column, prefix, values } of lookups) {
    const unique = [...new Set(values.filter((v) => v !== ''))];
    for (let start = 0; start < unique.length; start += LOOKUP_CHUNK) {
      const chunk = unique.slice(start, start + LOOKUP_CHUNK);
      const rows = await q.all<{ id: number; name: string; v: string }>(
        `SELECT id, name, ${column} AS v FROM customers WHERE ${column} IN ${tuple(chunk.length)} ORDER BY id`,
        chunk,
      );
      for (const { id, name, v } of rows) if (!found.has(prefix + v)) found.set(prefix + v, { id, name });
    }
  }
  return found;
}

interface IndexRow {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  city: string | null;
  notes: string | null;
  tags: string;
}

/**
 * Rewrites the full-text entries of these customers from their stored rows (after a column was
 * erased). The index has secure-delete on, so replaced tokens leave it for real.
 */
export async function reindexCustomers(tx: Queryable, ids: readonly number[]): Promise<void> {
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    const chunk = ids.slice(start, start + LOOKUP_CHUNK);
    const rows = await tx.all<IndexRow>(
      `SELECT id, name, phone, email, city, notes, tags FROM customers WHERE id IN ${tuple(chunk.length)}`,
      chunk,
    );
    await insertMany(tx, `INSERT OR REPLACE INTO customers_fts (rowid, ${FTS_COLUMNS})`, 7, rows, BATCH_ROWS, (r) => [
      r.id,
      ...ftsValues({ ...r, tags: parseTags(r.tags) }),
    ]);
  }
}
