/**
 * The customers table and its contentless FTS index, kept in step by hand.
 * Write functions take the `tx` of a `db.transaction(...)`: the row and its index entry
 * land together or not at all. SQL sits beside the row mappers.
 */
import type { Customer } from '../../contract';
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
  created_at: number;
  updated_at: number;
}

export const CUSTOMER_COLUMNS = 'id, name, phone, email, address, city, notes, tags, created_at, updated_at';

const parseTags = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
};

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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The values of the mutable columns, in the order of `name, phone, email, address, city, notes, tags`. */
const customerValues = (c: NormalisedCustomer): Param[] => [
  c.name,
  c.phone,
  c.email,
  c.address,
  c.city,
  c.notes,
  JSON.stringify(c.tags),
];

/** The FTS columns `name, phone, email, city, tags, notes` for one customer. */
const ftsValues = (c: NormalisedCustomer): Param[] => [
  c.name,
  c.phone === null ? null : phoneSearchTokens(c.phone),
  c.email,
  c.city,
  c.tags.join(' '),
  c.notes,
];

const FTS_REPLACE = `INSERT OR REPLACE INTO customers_fts (rowid, name, phone, email, city, tags, notes)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** Inserts the row and its index entry; returns the new id. */
export async function insertCustomer(tx: Queryable, c: NormalisedCustomer, at: number): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO customers (name, phone, email, address, city, notes, tags, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...customerValues(c), at, at],
  );
  await tx.run(FTS_REPLACE, [lastID, ...ftsValues(c)]);
  return lastID;
}

/** Rewrites the row and re-indexes it; false when there is no such customer. */
export async function updateCustomer(tx: Queryable, id: number, c: NormalisedCustomer, at: number): Promise<boolean> {
  const { changes } = await tx.run(
    `UPDATE customers
     SET name = ?, phone = ?, email = ?, address = ?, city = ?, notes = ?, tags = ?, updated_at = ?
     WHERE id = ?`,
    [...customerValues(c), at, id],
  );
  if (changes === 0) return false;
  await tx.run(FTS_REPLACE, [id, ...ftsValues(c)]);
  return true;
}

/** Deletes the row and its index entry (contentless_delete + secure-delete: the tokens go too). */
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
