/**
 * Customers whose processing is restricted (UU PDP Pasal 11, 41; GDPR Art. 18): migration 6's
 * `customer_restrictions`, one row per restricted customer, gone when it is lifted (the history is
 * on the request and in the audit trail) or with the customer.
 */
import type { Queryable } from '../db/driver';

export interface RestrictionRow {
  customerId: number;
  since: number;
  reason: string;
  by: string;
  requestNumber: number | null;
}

export async function restrictCustomer(tx: Queryable, r: RestrictionRow): Promise<boolean> {
  const { changes } = await tx.run(
    'INSERT INTO customer_restrictions (customer_id, since, reason, by_name, request_number) VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO NOTHING',
    [r.customerId, r.since, r.reason, r.by, r.requestNumber],
  );
  return changes > 0;
}

export async function liftRestriction(tx: Queryable, customerId: number): Promise<RestrictionRow | undefined> {
  const row = await restrictionOf(tx, customerId);
  if (row) await tx.run('DELETE FROM customer_restrictions WHERE customer_id = ?', [customerId]);
  return row;
}

interface Row {
  customer_id: number;
  since: number;
  reason: string;
  by_name: string;
  request_number: number | null;
}
const toRow = (r: Row): RestrictionRow => ({ customerId: r.customer_id, since: r.since, reason: r.reason, by: r.by_name, requestNumber: r.request_number });

export async function restrictionOf(q: Queryable, customerId: number): Promise<RestrictionRow | undefined> {
  const row = await q.get<Row>('SELECT customer_id, since, reason, by_name, request_number FROM customer_restrictions WHERE customer_id = ?', [customerId]);
  return row && toRow(row);
}

export async function listRestrictions(q: Queryable): Promise<(RestrictionRow & { name: string })[]> {
  const rows = await q.all<Row & { name: string }>(
    'SELECT r.customer_id, r.since, r.reason, r.by_name, r.request_number, c.name FROM customer_restrictions r JOIN customers c ON c.id = r.customer_id ORDER BY r.since DESC',
  );
  return rows.map((r) => ({ ...toRow(r), name: r.name }));
}

/** The restricted customers' ids: few (a handful in a shop's lifetime), read whole. */
export async function restrictedIds(q: Queryable): Promise<Set<number>> {
  return new Set((await q.all<{ id: number }>('SELECT customer_id AS id FROM customer_restrictions')).map((r) => r.id));
}
