/**
 * The `purchases` table and the purchase summary kept on each customer (count, total, last date),
 * recomputed from the purchases in the caller's transaction so it is always right.
 */
import { PURCHASE_CHANNELS, type Purchase, type PurchaseChannel, type PurchaseInput } from '../../contract';
import type { Param, Queryable } from '../db/driver';

/** A `purchases` row as SQLite returns it. */
export interface PurchaseRow {
  id: number;
  customer_id: number;
  date: string;
  description: string;
  amount: number;
  channel: string;
  created_at: number;
}

const PURCHASE_COLUMNS = 'id, customer_id, date, description, amount, channel, created_at';

export function rowToPurchase(row: PurchaseRow): Purchase {
  return {
    id: row.id,
    customerId: row.customer_id,
    date: row.date,
    description: row.description,
    amount: row.amount,
    channel: (PURCHASE_CHANNELS as readonly string[]).includes(row.channel) ? (row.channel as PurchaseChannel) : 'other',
    createdAt: row.created_at,
  };
}

const values = (p: PurchaseInput): Param[] => [p.customerId, p.date, p.description, p.amount, p.channel];

/** A customer's purchases, newest first. */
export async function listPurchases(q: Queryable, customerId: number): Promise<Purchase[]> {
  const rows = await q.all<PurchaseRow>(
    `SELECT ${PURCHASE_COLUMNS} FROM purchases WHERE customer_id = ? ORDER BY date DESC, id DESC`,
    [customerId],
  );
  return rows.map(rowToPurchase);
}

export async function getPurchase(q: Queryable, id: number): Promise<Purchase | undefined> {
  const row = await q.get<PurchaseRow>(`SELECT ${PURCHASE_COLUMNS} FROM purchases WHERE id = ?`, [id]);
  return row && rowToPurchase(row);
}

export async function insertPurchase(tx: Queryable, p: PurchaseInput, at: number): Promise<number> {
  const { lastID } = await tx.run(
    'INSERT INTO purchases (customer_id, date, description, amount, channel, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [...values(p), at],
  );
  return lastID;
}

/** False when there is no such purchase. */
export async function updatePurchase(tx: Queryable, id: number, p: PurchaseInput): Promise<boolean> {
  const { changes } = await tx.run(
    'UPDATE purchases SET customer_id = ?, date = ?, description = ?, amount = ?, channel = ? WHERE id = ?',
    [...values(p), id],
  );
  return changes > 0;
}

export async function deletePurchase(tx: Queryable, id: number): Promise<boolean> {
  const { changes } = await tx.run('DELETE FROM purchases WHERE id = ?', [id]);
  return changes > 0;
}

/** Recomputes the customer's purchase_count, purchase_total and last_purchase_date from its purchases. */
export async function refreshPurchaseSummary(tx: Queryable, customerId: number): Promise<void> {
  await tx.run(
    `UPDATE customers SET
       purchase_count = (SELECT count(*) FROM purchases WHERE customer_id = ?1),
       purchase_total = (SELECT coalesce(sum(amount), 0) FROM purchases WHERE customer_id = ?1),
       last_purchase_date = (SELECT max(date) FROM purchases WHERE customer_id = ?1)
     WHERE id = ?1`,
    [customerId],
  );
}
