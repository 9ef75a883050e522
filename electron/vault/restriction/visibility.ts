/**
 * Who sees a restricted customer: only those who handle customers' requests (Owner, Manager —
 * `privacy.handle`). For everyone else (Cashier, View-only) the customer is not there: absent from
 * the list and the search, and "not found" when asked for by number. Every export and every
 * purpose-bound use leaves restricted customers out, whoever runs it.
 */
import { can, type CustomerPage, type Role } from '../../contract';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { restrictedIds } from './repository';

export const seesRestricted = (role: Role | undefined): boolean => role !== undefined && can(role, 'privacy.handle');

/** Throws `not_found` (as for a customer who does not exist) when `role` may not see this customer. */
export async function assertVisible(q: Queryable, role: Role | undefined, customerId: number): Promise<void> {
  if (seesRestricted(role)) return;
  if (await q.get('SELECT 1 FROM customer_restrictions WHERE customer_id = ?', [customerId])) {
    throw new VaultError('not_found', undefined, `customer ${customerId}`);
  }
}

/**
 * A search page without the restricted customers: `search` is asked for the page and as many rows
 * again as there are restricted customers, and `matching` for how many of them the search matches
 * (so the total is exact). With none restricted — nearly always — the search runs as it would.
 */
export async function withoutRestricted(
  q: Queryable,
  limit: number,
  search: (extra: number) => Promise<CustomerPage>,
  matching: (ids: readonly number[]) => Promise<number>,
): Promise<CustomerPage> {
  const hidden = await restrictedIds(q);
  if (hidden.size === 0) return search(0);
  const page = await search(hidden.size);
  const items = page.items.filter((c) => !hidden.has(c.id)).slice(0, limit);
  const total = Math.max(0, page.total - (await matching([...hidden])));
  return { ...page, items, total };
}
