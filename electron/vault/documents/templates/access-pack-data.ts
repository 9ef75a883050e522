/**
 * What an access pack is made from — typed input, not text. vault/access/collect.ts fills it from
 * one customer's records (and nobody else's); the PDF template, the JSON and the CSV all read it, so
 * the three files say the same. Times are milliseconds since the epoch; the outputs format them.
 */
import type { ConsentMethod, ConsentState, LawfulBasis, PurchaseChannel, RequestChannel, RequestEventKind, RequestOutcome, RequestState, RequestType, RetentionFrom, Role } from '../../../contract';
import type { Localized } from './notice-data';

/** Who did something: always the role; the person's name only when the Owner chose to name staff. */
export interface Doer {
  /** `system`: the app itself (a restore, a scheduled backup); `unknown`: no such account any more. */
  role: Role | 'system' | 'unknown';
  name?: string;
}

/** A core column of `customers` the person can hold a value in (the name always has one). */
export const CORE_FIELDS = ['name', 'phone', 'email', 'address', 'city', 'birthday', 'gender', 'notes', 'preferences'] as const;
export type CoreField = (typeof CORE_FIELDS)[number];

export interface PackCustomer {
  id: number;
  values: Readonly<Record<CoreField, string | null>>;
  createdAt: number;
  updatedAt: number;
  lastVerifiedAt: number | null;
  /** Kept by the vault from the purchases (count, total in rupiah, last date). */
  purchaseSummary: { count: number; total: number; lastDate: string | null };
  /** Processing restricted (UU PDP Pasal 11, 41), with why; null: not restricted. */
  restriction: { since: number; reason: string; by: Doer; request: number | null } | null;
}

export interface PackCustomField {
  key: string;
  /** The shop's label; null when the field was removed from the catalogue but a value is still held. */
  label: string | null;
  kind: string | null;
  value: string | number;
}

export interface PackPurchase {
  id: number;
  date: string;
  description: string;
  amount: number;
  channel: PurchaseChannel;
  recordedAt: number;
}

export interface PackConsent {
  id: number;
  purpose: string;
  state: ConsentState;
  at: number;
  method: ConsentMethod;
  recordedBy: Doer;
  noticeVersion: number | null;
  evidence: { fileName: string; mediaType: string; size: number } | null;
  evidenceRef: string | null;
  guardian: { name: string; relation: string } | null;
}

export interface PackRequest {
  number: number;
  type: RequestType;
  channel: RequestChannel;
  state: RequestState;
  receivedAt: number;
  dueAt: number;
  dueBasis: 'law' | 'shop';
  /** The name the requester gave, and what was asked in their words (null once blanked). */
  requester: string | null;
  asked: string | null;
  outcome: RequestOutcome | null;
  reason: string | null;
  answeredAt: number | null;
  closedAt: number | null;
  takenBy: Doer;
  /** Its history: when, what kind of step, which state, by whom. The details of a step stay in the register. */
  steps: readonly { at: number; kind: RequestEventKind; state: RequestState | null; by: Doer }[];
}

export interface PackPurpose {
  key: string;
  name: Localized;
  description: Localized;
  basis: LawfulBasis;
  needsConsent: boolean;
  retention: { months: number; from: RetentionFrom };
  status: 'active' | 'retired';
  /** The data it uses (the name always), each marked whether this customer has a value in it. */
  fields: readonly { key: string; label: Localized; held: boolean }[];
  /** For a purpose resting on consent: the customer's current answer (`none`: never asked). */
  consent: ConsentState | 'none' | null;
}

export interface PackAccess {
  role: Role;
  /** `all`: unmasked; `reveal`: masked, one value revealed at a time (recorded); `masked`: masked only. */
  sees: 'all' | 'reveal' | 'masked';
  canEdit: boolean;
  canExport: boolean;
  canSeeAudit: boolean;
  canHandleRequests: boolean;
  /** Active accounts with this role. */
  people: number;
  /** Their names, only when the Owner chose to name staff. */
  names?: readonly string[];
}

export type TrailKind = 'customer' | 'backup' | 'export' | 'request';

export interface PackTrailEntry {
  at: number;
  /** The audit trail's action (`customer.view`, `backup.create`, …). */
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  by: Doer;
  /** `customer`: an entry about this customer; `backup`/`export`: a copy made while the customer was held; `request`: one of their requests. */
  kind: TrailKind;
  /** Field names (never values) the entry names, e.g. which fields were changed or revealed. */
  fields?: readonly string[];
  /** The purpose a consent entry was about. */
  purpose?: string;
}

export interface AccessPackData {
  generatedAt: number;
  /** Customer-provided data only (portability): no purposes, access, requests or trail. */
  portable: boolean;
  shop: { name: string; address: string; whatsapp?: string; phone?: string; email?: string; authority: string };
  customer: PackCustomer;
  customFields: readonly PackCustomField[];
  purchases: readonly PackPurchase[];
  tags: readonly string[];
  consent: readonly PackConsent[];
  requests: readonly PackRequest[];
  purposes: readonly PackPurpose[];
  access: readonly PackAccess[];
  trail: readonly PackTrailEntry[];
  /** Staff are named (the Owner chose so); otherwise only roles appear. */
  staffNames: boolean;
}
