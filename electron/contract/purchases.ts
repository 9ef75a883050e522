import { z } from 'zod';

export const PURCHASE_CHANNELS = ['store', 'whatsapp', 'marketplace', 'other'] as const;
export type PurchaseChannel = (typeof PURCHASE_CHANNELS)[number];

/** ISO calendar date, e.g. 2026-11-29. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PurchaseInput = z
  .object({
    customerId: z.number().int().positive(),
    date: IsoDate,
    description: z.string().trim().min(1).max(500),
    /** Whole rupiah. */
    amount: z.number().int().min(0).max(1_000_000_000_000),
    channel: z.enum(PURCHASE_CHANNELS),
  })
  .strict();
export type PurchaseInput = z.infer<typeof PurchaseInput>;

export const SavePurchaseInput = z.object({ id: z.number().int().positive().optional(), purchase: PurchaseInput }).strict();
export const PurchaseRef = z.object({ id: z.number().int().positive() }).strict();
export const ListPurchasesInput = z.object({ customerId: z.number().int().positive() }).strict();

export interface Purchase {
  id: number;
  customerId: number;
  date: string;
  description: string;
  amount: number;
  channel: PurchaseChannel;
  createdAt: number;
}
