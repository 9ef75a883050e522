/**
 * The purchases service (`purchases.list/save/remove`): purchase history per customer, amounts in
 * whole rupiah. Every change updates the customer's totals in the same transaction.
 */
import type { FieldErrorCode, Purchase, PurchaseInput } from '../../contract';
import type { Db, Queryable } from '../db/driver';
import { VaultError, invalid } from '../errors';
import { isRealIsoDate, localIsoDate } from '../customers/validate';
import {
  deletePurchase,
  getPurchase,
  insertPurchase,
  listPurchases,
  refreshPurchaseSummary,
  updatePurchase,
} from './repository';

/** Whole rupiah, as the contract allows. */
export const AMOUNT_MAX = 1_000_000_000_000;
export const DESCRIPTION_MAX = 500;
/** A day of slack for "not in the future": the machine's clock may sit in another time zone than the shop. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

export interface PurchasesService {
  /** The customer's purchases, newest first; `not_found` if there is no such customer. */
  list(customerId: number): Promise<Purchase[]>;
  /** Creates when `id` is absent, otherwise updates; `not_found` for a missing customer or purchase. */
  save(input: { id?: number; purchase: PurchaseInput }): Promise<Purchase>;
  /** `not_found` if there is no such purchase. */
  remove(id: number): Promise<{ id: number }>;
}

const notFound = (what: string): VaultError => new VaultError('not_found', undefined, what);

/** Re-checks what the schema checked (services are also called from tools) and that the date is real. */
function normalise(p: PurchaseInput, now: number): PurchaseInput {
  const errors: Record<string, FieldErrorCode> = {};
  const description = p.description.trim();
  if (description === '') errors.description = 'required';
  else if (description.length > DESCRIPTION_MAX) errors.description = 'too_long';
  if (!Number.isSafeInteger(p.amount) || p.amount < 0 || p.amount > AMOUNT_MAX) errors.amount = 'invalid_number';
  if (!isRealIsoDate(p.date) || p.date < '1900-01-01' || p.date > localIsoDate(now + FUTURE_SLACK_MS)) {
    errors.date = 'invalid_date';
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return { ...p, description };
}

export function createPurchasesService(db: Db, now: () => number = Date.now): PurchasesService {
  const customerExists = async (q: Queryable, id: number): Promise<boolean> =>
    (await q.get('SELECT 1 AS x FROM customers WHERE id = ?', [id])) !== undefined;

  return {
    async list(customerId) {
      if (!(await customerExists(db, customerId))) throw notFound(`customer ${customerId}`);
      return listPurchases(db, customerId);
    },

    async save({ id, purchase: input }) {
      const purchase = normalise(input, now());
      return db.transaction(async (tx) => {
        if (!(await customerExists(tx, purchase.customerId))) throw notFound(`customer ${purchase.customerId}`);
        let savedId: number;
        if (id === undefined) {
          savedId = await insertPurchase(tx, purchase, now());
        } else {
          const before = await getPurchase(tx, id);
          if (!before || !(await updatePurchase(tx, id, purchase))) throw notFound(`purchase ${id}`);
          // Moved to another customer: the old one's totals change too.
          if (before.customerId !== purchase.customerId) await refreshPurchaseSummary(tx, before.customerId);
          savedId = id;
        }
        await refreshPurchaseSummary(tx, purchase.customerId);
        const saved = await getPurchase(tx, savedId);
        if (!saved) throw new VaultError('internal', undefined, `purchase ${savedId} vanished while saving`);
        return saved;
      });
    },

    async remove(id) {
      await db.transaction(async (tx) => {
        const before = await getPurchase(tx, id);
        if (!before) throw notFound(`purchase ${id}`);
        await deletePurchase(tx, id);
        await refreshPurchaseSummary(tx, before.customerId);
      });
      return { id };
    },
  };
}
