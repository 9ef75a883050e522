import { z } from 'zod';
import { GENDERS, type Gender } from './fields';
import { IsoDate } from './purchases';
import { CONSENT_FILTERS } from './consent';
import { PurposeKey } from './purposes';

export const CUSTOMER_LIMITS = {
  name: 200,
  phone: 40,
  email: 254,
  address: 500,
  city: 100,
  notes: 5000,
  tag: 40,
  tags: 20,
  preferences: 2000,
  customText: 500,
} as const;

const optionalText = (max: number) => z.string().max(max).optional();

/** What a masked value hides behind (a phone keeps its first and last four digits: `0812****7890`). */
export const MASK = '****';

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
    /** An ISO date, or MASK sent back unchanged by a role that sees birthdays masked. */
    birthday: z.union([IsoDate, z.literal('****')]).optional(),
    gender: z.enum(GENDERS).optional(),
    preferences: optionalText(CUSTOMER_LIMITS.preferences),
    /** Custom field values by key (`custom_<n>`): text, number, ISO date or one of the choices. */
    custom: z
      .record(z.string().regex(/^custom_\d{1,6}$/), z.union([z.string().max(CUSTOMER_LIMITS.customText), z.number().finite()]))
      .optional(),
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

export const CUSTOMER_SORTS = ['name', 'last_purchase', 'recent'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const CustomerFilter = z
  .object({
    tag: z.string().trim().min(1).max(CUSTOMER_LIMITS.tag).optional(),
    city: z.string().trim().min(1).max(CUSTOMER_LIMITS.city).optional(),
    /** Customers whose details were not confirmed with them for this many months (or never). */
    notVerifiedMonths: z.number().int().min(1).max(120).optional(),
    /**
     * Customers whose current consent to this consent-based purpose is `state` (`none`: nothing
     * recorded yet). A purpose that is unknown or not consent-based is invalid_input
     * (`filter.consent.purpose`: invalid_choice).
     */
    consent: z.object({ purpose: PurposeKey, state: z.enum(CONSENT_FILTERS) }).strict().optional(),
  })
  .strict();
export type CustomerFilter = z.infer<typeof CustomerFilter>;

export const SEARCH_PAGE_MAX = 200;
export const SearchCustomersInput = z
  .object({
    query: z.string().max(200),
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(SEARCH_PAGE_MAX),
    /** Default 'name'. */
    sort: z.enum(CUSTOMER_SORTS).optional(),
    filter: CustomerFilter.optional(),
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
  birthday: string | null;
  gender: Gender | null;
  preferences: string | null;
  /** Custom field values by key. */
  custom: Record<string, string | number>;
  /** When staff last confirmed the details with the customer (ms since the epoch), or null. */
  lastVerifiedAt: number | null;
  purchaseCount: number;
  /** Whole rupiah. */
  purchaseTotal: number;
  /** ISO date of the latest purchase, or null. */
  lastPurchaseDate: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
  /**
   * Keys of the values shown masked (e.g. `0812****7890`) because the signed-in role may not see
   * them in full. Saving a form that sends a masked value back unchanged keeps the stored value.
   */
  masked: string[];
}

/** A field that may be shown masked: phone, email, address, birthday, or a custom field marked sensitive. */
export const SensitiveFieldKey = z.union([z.enum(['phone', 'email', 'address', 'birthday']), z.string().regex(/^custom_\d{1,6}$/)]);
export const RevealInput = z.object({ id: CustomerId, field: SensitiveFieldKey }).strict();
export type RevealInput = z.infer<typeof RevealInput>;
export interface RevealedValue {
  field: string;
  /** As stored (phone: E.164). */
  value: string | number | null;
  /** As shown (phone: local form). */
  display: string | null;
}

export interface CustomerPage {
  items: Customer[];
  /** Number of matches; when `capped`, at least this many (a very broad search is not counted to the end). */
  total: number;
  capped?: boolean;
  offset: number;
}

export const TagsInput = z.object({ prefix: z.string().max(CUSTOMER_LIMITS.tag), limit: z.number().int().min(1).max(50) }).strict();
export interface TagCount {
  tag: string;
  count: number;
}
