/**
 * Purposes: why the shop processes personal data, each with its lawful basis (UU PDP Pasal 20(2),
 * GDPR Art. 6) and retention. Every enabled field serves at least one active purpose; the vault
 * enforces it (vault/purposes, vault/fields). Names and descriptions are the shop's words for
 * customers, in Bahasa Indonesia and English.
 */
import { z } from 'zod';

/** Pasal 20(2) a–f, in the law's order. */
export const LAWFUL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** What a retention period counts from. */
export const RETENTION_FROM = ['last_purchase', 'last_contact', 'consent_withdrawn', 'contract_end'] as const;
export type RetentionFrom = (typeof RETENTION_FROM)[number];

export const PURPOSE_STATUSES = ['active', 'retired'] as const;
export type PurposeStatus = (typeof PURPOSE_STATUSES)[number];

export const PURPOSE_NAME_MAX = 120;
export const PURPOSE_DESCRIPTION_MAX = 600;
/** 100 years: long enough for any record-keeping duty, short enough to catch a typo of extra zeros. */
export const RETENTION_MONTHS_MAX = 1200;
export const PURPOSES_PER_FIELD_MAX = 20;

/** Consent is needed exactly when the basis is consent: derived, never stored on its own. */
export const needsConsent = (basis: LawfulBasis): boolean => basis === 'consent';

export interface Texts {
  id: string;
  en: string;
}

export interface Purpose {
  /** Stable key for scripts (`brankas consent --purpose KEY`): lower-case letters, digits, `_`. */
  key: string;
  name: Texts;
  description: Texts;
  basis: LawfulBasis;
  retention: { months: number; from: RetentionFrom };
  needsConsent: boolean;
  /** Keys of the fields that serve this purpose, in catalogue order. */
  fields: string[];
  status: PurposeStatus;
  updatedAt: number;
}

export const PurposeKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

const texts = (max: number) =>
  z.object({ id: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict();

/** Creates a purpose (no `key`: one is made from the English name) or updates one (`key`). */
export const SavePurposeInput = z
  .object({
    key: PurposeKey.optional(),
    name: texts(PURPOSE_NAME_MAX),
    description: texts(PURPOSE_DESCRIPTION_MAX),
    basis: z.enum(LAWFUL_BASES),
    retention: z.object({ months: z.number().int().min(1).max(RETENTION_MONTHS_MAX), from: z.enum(RETENTION_FROM) }).strict(),
  })
  .strict();
export type SavePurposeInput = z.infer<typeof SavePurposeInput>;

export const PurposeRef = z.object({ key: PurposeKey }).strict();
