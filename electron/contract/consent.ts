/**
 * Consent: what each customer said about each purpose whose lawful basis is consent (UU PDP Pasal
 * 20(2)a, 22–25; GDPR Arts. 7–8). A ledger, append-only: given, withdrawn or refused, when, how, who
 * wrote it down, under which version of the privacy notice, with the evidence if there is one, and a
 * parent or guardian for a child. The current state per purpose is the latest entry; nothing is ever
 * assumed (a purpose nobody asked about is `none`, which counts as no consent).
 */
import { z } from 'zod';
import { PurposeKey, type Texts } from './purposes';

export const CONSENT_STATES = ['given', 'withdrawn', 'refused'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
/** The current state as shown and filtered on: `none` when nobody has recorded anything yet. */
export type ConsentStatus = ConsentState | 'none';
export const CONSENT_FILTERS = ['given', 'withdrawn', 'refused', 'none'] as const;

export const CONSENT_METHODS = ['paper', 'verbal', 'whatsapp', 'form', 'imported'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A scanned form or a screenshot of the chat: at most 10 MB, kept inside the encrypted vault. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const GUARDIAN_NAME_MAX = 200;
export const GUARDIAN_RELATION_MAX = 80;
/** UU PDP Pasal 25 (anak), GDPR Art. 8: under 18 a parent or guardian gives consent. */
export const ADULT_AGE = 18;

export interface EvidenceInfo {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface Guardian {
  name: string;
  relation: string;
}

export interface ConsentEntry {
  id: number;
  customerId: number;
  purposeKey: string;
  state: ConsentState;
  at: number;
  method: ConsentMethod;
  recordedBy: { id: number | null; name: string };
  /** The privacy notice in force when it was recorded; null before any was published. */
  noticeVersion: number | null;
  evidence: EvidenceInfo | null;
  /** Where the proof is when it is not a file in the vault (an import's file name). */
  evidenceRef: string | null;
  guardian: Guardian | null;
}

/** One row of the customer form: a consent purpose and where this customer stands on it. */
export interface ConsentRow {
  purposeKey: string;
  name: Texts;
  description: Texts;
  /** Retired purposes still show while they have history, but take no new entries. */
  active: boolean;
  status: ConsentStatus;
  /** The entry that made the status (null for `none`). */
  current: ConsentEntry | null;
}

export interface CustomerConsent {
  customerId: number;
  /** Under 18 by the birthday on file (null: no birthday on file). */
  minorByBirthday: boolean | null;
  rows: ConsentRow[];
  /** Every entry, newest first. */
  history: ConsentEntry[];
  /** The notice version new entries will point at (null: none published yet). */
  noticeVersion: number | null;
}

export const CustomerConsentRef = z.object({ customerId: z.number().int().positive() }).strict();

const guardian = z
  .object({
    name: z.string().trim().min(1).max(GUARDIAN_NAME_MAX),
    relation: z.string().trim().min(1).max(GUARDIAN_RELATION_MAX),
  })
  .strict();

/**
 * Records one entry. `evidence` is a file picked in the main process (`consent.pickEvidence`), named
 * by the ticket it returned — the renderer never names a path. `minor` is the "under 18" tick for a
 * customer whose birthday is not on file; a child's consent needs `guardian` (refused without one).
 */
export const RecordConsentInput = z
  .object({
    customerId: z.number().int().positive(),
    purposeKey: PurposeKey,
    state: z.enum(CONSENT_STATES),
    method: z.enum(CONSENT_METHODS),
    evidence: z.object({ ticket: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }).strict().optional(),
    minor: z.boolean().optional(),
    guardian: guardian.optional(),
    /** The customer's request this entry answers (a withdrawal asked for at the rights desk). */
    requestNumber: z.number().int().positive().optional(),
  })
  .strict();
export type RecordConsentInput = z.infer<typeof RecordConsentInput>;

export interface PickedEvidence {
  ticket: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export const EvidenceRef = z.object({ id: z.number().int().positive() }).strict();
export type EvidenceRef = z.infer<typeof EvidenceRef>;

/** Media types accepted as evidence, by file extension. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

/** The consent form to print: pre-filled with a customer's name and phone, or blank (no customerId). */
export const ConsentFormInput = z.object({ customerId: z.number().int().positive().optional() }).strict();
export type ConsentFormInput = z.infer<typeof ConsentFormInput>;

/** A receipt for one ledger entry, in the customer's language. */
export const ConsentReceiptInput = z.object({ entryId: z.number().int().positive(), lang: z.enum(['id', 'en']) }).strict();
export type ConsentReceiptInput = z.infer<typeof ConsentReceiptInput>;
