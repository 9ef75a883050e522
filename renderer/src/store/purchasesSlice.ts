import { api } from '../api';
import type { ErrorCode, Purchase, PurchaseInput, Result } from '../contract';
import type { SliceCreator } from './types';

/** The purchase history of the customer open in the editor. */
export interface PurchasesSlice {
  purchases: { customerId: number; items: Purchase[] } | null;
  purchasesError: ErrorCode | null;
  loadPurchases(customerId: number): Promise<void>;
  savePurchase(id: number | undefined, purchase: PurchaseInput): Promise<Result<Purchase>>;
  removePurchase(id: number, customerId: number): Promise<Result<{ id: number }>>;
  clearPurchases(): void;
}

/** Newest first; the same day keeps the order of entry (newest entry first). */
export const newestFirst = (items: Purchase[]) =>
  [...items].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));

export const createPurchasesSlice: SliceCreator<PurchasesSlice> = (set, get) => {
  /** After a write: the history, the record's totals and the list columns all change. */
  const refresh = async (customerId: number) => {
    await Promise.all([get().loadPurchases(customerId), get().refreshCustomer(customerId)]);
  };

  return {
    purchases: null,
    purchasesError: null,

    async loadPurchases(customerId) {
      const res = await api.purchases.list({ customerId });
      if (res.ok) set({ purchases: { customerId, items: newestFirst(res.value) }, purchasesError: null });
      else {
        set({ purchasesError: res.error.code });
        get().noteError(res.error);
      }
    },

    async savePurchase(id, purchase) {
      const res = await api.purchases.save(id === undefined ? { purchase } : { id, purchase });
      if (res.ok) await refresh(purchase.customerId);
      else get().noteError(res.error);
      return res;
    },

    async removePurchase(id, customerId) {
      const res = await api.purchases.remove({ id });
      if (res.ok || res.error.code === 'not_found') await refresh(customerId);
      if (!res.ok) get().noteError(res.error);
      return res;
    },

    clearPurchases: () => set({ purchases: null, purchasesError: null }),
  };
};
