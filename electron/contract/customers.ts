import { z } from 'zod';

export const CUSTOMER_LIMITS = {
  name: 200,
  phone: 40,
  email: 254,
  address: 500,
  city: 100,
  notes: 5000,
  tag: 40,
  tags: 20,
} as const;

const optionalText = (max: number) => z.string().max(max).optional();

/** What the customer form sends. Phone and email are normalised in the main process. */
export const CustomerInput = z
  .object({
    name: z.string().trim().min(1).max(CUSTOMER_LIMITS.name),
    phone: optionalText(CUSTOMER_LIMITS.phone),
    email: optionalText(CUSTOMER_LIMITS.email),
    address: optionalText(CUSTOMER_LIMITS.address),
    city: optionalText(CUSTOMER_LIMITS.city),
    notes: optionalText(CUSTOMER_LIMITS.notes),
    tags: z.array(z.string().trim().min(1).max(CUSTOMER_LIMITS.tag)).max(CUSTOMER_LIMITS.tags).optional(),
  })
  .strict();
export type CustomerInput = z.infer<typeof CustomerInput>;

export const CustomerId = z.number().int().positive();

export const SaveCustomerInput = z
  .object({
    /** Absent: create. Present: update that customer. */
    id: CustomerId.optional(),
    customer: CustomerInput,
  })
  .strict();
export type SaveCustomerInput = z.infer<typeof SaveCustomerInput>;

export const CustomerRef = z.object({ id: CustomerId }).strict();

export const SEARCH_PAGE_MAX = 200;
export const SearchCustomersInput = z
  .object({
    query: z.string().max(200),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(SEARCH_PAGE_MAX),
  })
  .strict();
export type SearchCustomersInput = z.infer<typeof SearchCustomersInput>;

export interface Customer {
  id: number;
  name: string;
  /** E.164, e.g. +6281234567890 */
  phone: string | null;
  /** Local display form, e.g. 0812-3456-7890 */
  phoneDisplay: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  notes: string | null;
  tags: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

export interface CustomerPage {
  items: Customer[];
  total: number;
  offset: number;
}
