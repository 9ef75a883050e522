/**
 * The customers table, its contentless FTS index and its `customer_tags` rows, kept in step by hand.
 * Write functions take the `tx` of a `db.transaction(...)`: the row, its index entry and its tags
 * land together or not at all. SQL sits beside the row mappers. Purchases and tag rows go with
 * the customer through ON DELETE CASCADE (the vault runs with foreign keys on).
 */
import type { Customer, Gender, TagCount } from '../../contract';
import type { Param, Queryable } from '../db/driver';
import { displayPhone, phoneSearchTokens } from './phone';
import type { NormalisedCustomer } from './validate';

/** A `customers` row as SQLite returns it. */
export interface CustomerRow {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  notes: string | null;
  /** JSON array of strings. */
  tags: string;
  birthday: string | null;
  gender: string | null;
  preferences: string | null;
  /** JSON object: custom field key → string or number. */
  custom: string;
  last_verified_at: number | null;
  purchase_count: number;
  purchase_total: number;
  last_purchase_date: string | null;
  created_at: number;
  updated_at: number;
}

const COLUMN_NAMES = [
  'id',
  'name',
  'phone',
  'email',
  'address',
  'city',
  'notes',
  'tags',
  'birthday',
  'gender',
  'preferences',
  'custom',
  'last_verified_at',
  'purchase_count',
  'purchase_total',
  'last_purchase_date',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof CustomerRow)[];

/** The select list for a `CustomerRow`, optionally qualified by a table alias (for joins). */
export const customerColumns = (alias?: string): string =>
  COLUMN_NAMES.map((c) => (alias ? `${alias}.${c}` : c)).join(', ');

export const CUSTOMER_COLUMNS = customerColumns();

const parseJson = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
};

export const parseTags = (json: string): string[] => {
  if (json === '[]') return []; // most customers: no JSON.parse per listed row
  const value = parseJson(json);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
};

export const parseCustom = (json: string): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  if (json === '{}') return out;
  const value = parseJson(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
  }
  return out;
};

const GENDER_VALUES: readonly string[] = ['female', 'male', 'other'] satisfies Gender[];

export function rowToCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    phoneDisplay: row.phone === null ? null : displayPhone(row.phone),
    email: row.email,
    address: row.address,
    city: row.city,
    notes: row.notes,
    tags: parseTags(row.tags),
    birthday: row.birthday,
    gender: row.gender !== null && GENDER_VALUES.includes(row.gender) ? (row.gender as Gender) : null,
    preferences: row.preferences,
    custom: parseCustom(row.custom),
    lastVerifiedAt: row.last_verified_at,
    purchaseCount: row.purchase_count,
    purchaseTotal: row.purchase_total,
    lastPurchaseDate: row.last_purchase_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    masked: [],
  };
}

/** The mutable columns, in the order of `customerValues`. */
export const MUTABLE_COLUMNS = 'name, phone, email, address, city, notes, tags, birthday, gender, preferences, custom';
export const MUTABLE_COLUMN_COUNT = 11;

export const customerValues = (c: NormalisedCustomer): Param[] => [
  c.name,
  c.phone,
  c.email,
  c.address,
  c.city,
  c.notes,
  JSON.stringify(c.tags),
  c.birthday,
  c.gender,
  c.preferences,
  JSON.stringify(c.custom),
];

/** What the full-text index holds for a customer. */
export interface Indexed {
  name: string;
  phone: string | null;
  email: string | null;
  city: string | null;
  notes: string | null;
  tags: readonly string[];
}

/** The FTS columns `name, phone, email, city, tags, notes`. */
export const FTS_COLUMNS = 'name, phone, email, city, tags, notes';
export const ftsValues = (c: Indexed): Param[] => [
  c.name,
  c.phone === null ? null : phoneSearchTokens(c.phone),
  c.email,
  c.city,
  c.tags.join(' '),
  c.notes,
];

const FTS_REPLACE = `INSERT OR REPLACE INTO customers_fts (rowid, ${FTS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** Replaces the customer's `customer_tags` rows with `tags` (already de-duplicated by normaliseTags). */
export async function replaceTags(tx: Queryable, id: number, tags: readonly string[], replace = true): Promise<void> {
  if (replace) await tx.run('DELETE FROM customer_tags WHERE customer_id = ?', [id]);
  if (tags.length === 0) return;
  await tx.run(
    `INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES ${tags.map(() => '(?, ?)').join(', ')}`,
    tags.flatMap((tag) => [id, tag]),
  );
}

/** Inserts the row, its index entry and its tags; returns the new id. */
export async function insertCustomer(tx: Queryable, c: NormalisedCustomer, at: number): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO customers (${MUTABLE_COLUMNS}, created_at, updated_at)
     VALUES (${'?, '.repeat(MUTABLE_COLUMN_COUNT)}?, ?)`,
    [...customerValues(c), at, at],
  );
  await tx.run(FTS_REPLACE, [lastID, ...ftsValues(c)]);
  await replaceTags(tx, lastID, c.tags, false);
  return lastID;
}

/** Rewrites the row, re-indexes it and replaces its tags; false when there is no such customer. */
export async function updateCustomer(tx: Queryable, id: number, c: NormalisedCustomer, at: number): Promise<boolean> {
  const { changes } = await tx.run(
    `UPDATE customers
     SET name = ?, phone = ?, email = ?, address = ?, city = ?, notes = ?, tags = ?,
         birthday = ?, gender = ?, preferences = ?, custom = ?, updated_at = ?
     WHERE id = ?`,
    [...customerValues(c), at, id],
  );
  if (changes === 0) return false;
  await tx.run(FTS_REPLACE, [id, ...ftsValues(c)]);
  await replaceTags(tx, id, c.tags);
  return true;
}

/**
 * Deletes the row and its index entry (contentless_delete + secure-delete: the tokens go too);
 * its tags and purchases go by ON DELETE CASCADE.
 */
export async function deleteCustomer(tx: Queryable, id: number): Promise<boolean> {
  const { changes } = await tx.run('DELETE FROM customers WHERE id = ?', [id]);
  if (changes === 0) return false;
  await tx.run('DELETE FROM customers_fts WHERE rowid = ?', [id]);
  return true;
}

export async function getCustomer(db: Queryable, id: number): Promise<Customer | undefined> {
  const row = await db.get<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`, [id]);
  return row && rowToCustomer(row);
}

/** Records that staff confirmed the details with the customer; false when there is no such customer. */
export async function markCustomerVerified(tx: Queryable, id: number, at: number): Promise<boolean> {
  const { changes } = await tx.run('UPDATE customers SET last_verified_at = ? WHERE id = ?', [at, id]);
  return changes > 0;
}

/** U+10FFFF sorts after every character, so `[prefix, prefix + MAX)` is every text starting with prefix. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

/**
 * The most used tags starting with `prefix` (case-insensitive for ASCII, as the NOCASE column),
 * with how many customers carry each. A range on the tag index, not a LIKE scan.
 */
export async function tagCounts(q: Queryable, prefix: string, limit: number): Promise<TagCount[]> {
  const p = prefix.trim();
  const range = p === '' ? '' : 'WHERE tag >= ? AND tag < ?';
  return q.all<TagCount>(
    `SELECT tag, count(*) AS count FROM customer_tags ${range}
     GROUP BY tag ORDER BY count DESC, tag LIMIT ?`,
    p === '' ? [limit] : [p, p + MAX_CHAR, limit],
  );
}
