/**
 * Customers' requests under UU PDP Pasal 5–13 (GDPR Arts. 12–22): the register the rights desk
 * keeps. A request has a type, the way it came, the time it was received (the clock starts there)
 * and a due time fixed at that moment: 72 wall-clock hours where the law states hours, the shop's
 * own target otherwise (and it says so). Its states move along ONE table of transitions (below): the
 * service enforces it and the screen builds its buttons from it, as `rolePermissions` does for roles.
 * Every step is an entry on the request's history, written with its audit entry in one transaction.
 */
import { z } from 'zod';
import { CustomerInput } from './customers';

export const REQUEST_TYPES = ['access', 'correction', 'withdraw', 'restrict', 'erase', 'portability', 'object', 'information', 'complaint'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_CHANNELS = ['walk-in', 'whatsapp', 'phone', 'email', 'letter'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_STATES = ['received', 'verifying', 'in_progress', 'done', 'partly', 'refused', 'told', 'closed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** From each state, where it may go next. The one place the order of a request is said. */
export const transitions: Readonly<Record<RequestState, readonly RequestState[]>> = {
  received: ['verifying', 'in_progress', 'refused'],
  verifying: ['in_progress', 'refused'],
  in_progress: ['done', 'partly', 'refused'],
  done: ['told'],
  partly: ['told'],
  refused: ['told'],
  told: ['closed'],
  closed: [],
};

/** The clock runs until the request is answered (done, partly done or refused). */
/** The reference printed on request documents and quoted back by the customer: `PDP-0001`. */
export const requestRef = (number: number): string => `PDP-${String(number).padStart(4, '0')}`;

/** The clock runs until the request is answered (done, partly done or refused). */
export const OPEN_STATES: readonly RequestState[] = ['received', 'verifying', 'in_progress'];
export const OUTCOMES = ['done', 'partly', 'refused'] as const;
export type RequestOutcome = (typeof OUTCOMES)[number];
export const isOpen = (state: RequestState): boolean => OPEN_STATES.includes(state);

/** 3×24 hours, counted as wall-clock hours from receipt, weekends included (the law states hours). */
export const LAW_HOURS = 72;

/** What the law says about each type: its articles and, where it states them, the hours. */
export const REQUEST_LAW: Readonly<Record<RequestType, { pasal: string; gdpr: string; hours: number | null }>> = {
  access: { pasal: '7, 32', gdpr: '15', hours: LAW_HOURS },
  correction: { pasal: '6, 30', gdpr: '16', hours: LAW_HOURS },
  withdraw: { pasal: '9, 40', gdpr: '7(3)', hours: LAW_HOURS },
  restrict: { pasal: '11, 41', gdpr: '18', hours: LAW_HOURS },
  erase: { pasal: '8, 42–44', gdpr: '17', hours: null },
  portability: { pasal: '13', gdpr: '20', hours: null },
  object: { pasal: '10', gdpr: '22', hours: null },
  information: { pasal: '5', gdpr: '13–14', hours: null },
  complaint: { pasal: '14', gdpr: '12', hours: null },
};

/** Types without hours in the law get the shop's own target: 7 days unless the Owner sets another. */
export const DEFAULT_TARGET_DAYS = 7;
export const TARGET_DAYS_MAX = 30;

/** Pasal 15(1): the grounds on which a right may be set aside; a refusal names one when it applies. */
export const PASAL_15_GROUNDS = ['defence', 'law_enforcement', 'public_interest', 'financial_supervision', 'statistics'] as const;
export type Pasal15Ground = (typeof PASAL_15_GROUNDS)[number];

/** What staff may check, in proportion: never a photo of an ID card (there is nowhere to keep one). */
export const IDENTITY_CHECKS = ['knows_phone', 'recent_purchase', 'id_card_seen', 'known_in_person', 'from_registered_number', 'other'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

export const ASKED_MAX = 2000;
export const REQUEST_NOTE_MAX = 1000;
export const REQUEST_REASON_MAX = 600;
export const REQUESTER_MAX = 200;

export type RequestEventKind = 'state' | 'identity' | 'note' | 'correction' | 'consent' | 'restriction' | 'erasure' | 'document' | 'customer';

export interface RequestEvent {
  id: number;
  at: number;
  kind: RequestEventKind;
  /** The state entered (kind `state`). */
  state: RequestState | null;
  by: string;
  /** What was done or said; null once erased with the customer it was about. */
  detail: Record<string, unknown> | null;
}

export interface RequestCustomer {
  id: number;
  /** The customer's name as held now; null once erased. */
  name: string | null;
}

export interface RequestSummary {
  number: number;
  type: RequestType;
  channel: RequestChannel;
  state: RequestState;
  receivedAt: number;
  dueAt: number;
  /** `law`: hours the law states; `shop`: the shop's own target (the law names none). */
  dueBasis: 'law' | 'shop';
  /** Whole hours until `dueAt` while the clock runs (negative: overdue); null once answered. */
  hoursLeft: number | null;
  /** `due_soon`: within 24 h; `overdue`: past due, still open. */
  urgency: 'ok' | 'due_soon' | 'overdue' | 'answered';
  customers: RequestCustomer[];
  notCustomer: boolean;
  takenBy: string;
}

export interface RequestDetail extends RequestSummary {
  requester: string | null;
  /** What was asked, in the customer's words; null once erased with the customer. */
  asked: string | null;
  lang: 'id' | 'en';
  outcome: RequestOutcome | null;
  reason: string | null;
  pasal15: Pasal15Ground | null;
  history: RequestEvent[];
  /** The states it may move to now (from `transitions`). */
  next: RequestState[];
}

export interface RequestsOverview {
  /** Open and due within 24 h. */
  dueSoon: number;
  overdue: number;
  open: number;
  /** The most urgent open request, for the banner. */
  next: RequestSummary | null;
}

const asked = z.string().trim().max(ASKED_MAX);
const note = z.string().trim().min(1).max(REQUEST_NOTE_MAX);
const reason = z.string().trim().min(1).max(REQUEST_REASON_MAX);
export const RequestNumber = z.number().int().positive();

export const NewRequestInput = z
  .object({
    type: z.enum(REQUEST_TYPES),
    channel: z.enum(REQUEST_CHANNELS),
    customerIds: z.array(z.number().int().positive()).max(20).default([]),
    /** "Not a customer of ours": asked by someone the shop holds nothing about. */
    notCustomer: z.boolean().default(false),
    requester: z.string().trim().min(1).max(REQUESTER_MAX).optional(),
    asked: asked.default(''),
    lang: z.enum(['id', 'en']).default('id'),
    /** When it was received, if earlier than now (a letter opened late); never in the future. */
    receivedAt: z.number().int().nonnegative().optional(),
  })
  .strict();
export type NewRequestInput = z.input<typeof NewRequestInput>;
export type NewRequest = z.output<typeof NewRequestInput>;

export const RequestListInput = z
  .object({
    open: z.boolean().default(false),
    type: z.enum(REQUEST_TYPES).optional(),
    state: z.enum(REQUEST_STATES).optional(),
    /** Only those due within this many hours (overdue included). */
    dueWithinHours: z.number().int().min(0).max(24 * 365).optional(),
    customerId: z.number().int().positive().optional(),
  })
  .strict();
export type RequestListInput = z.input<typeof RequestListInput>;

export const RequestRef = z.object({ number: RequestNumber }).strict();

export const MoveRequestInput = z
  .object({
    number: RequestNumber,
    to: z.enum(REQUEST_STATES),
    reason: reason.optional(),
    pasal15: z.enum(PASAL_15_GROUNDS).optional(),
    /** For `told`: how the customer was told. */
    via: z.enum(REQUEST_CHANNELS).optional(),
    note: note.optional(),
  })
  .strict();
export type MoveRequestInput = z.input<typeof MoveRequestInput>;

export const CloseRequestInput = z
  .object({ number: RequestNumber, outcome: z.enum(OUTCOMES), reason: reason.optional(), pasal15: z.enum(PASAL_15_GROUNDS).optional() })
  .strict();
export type CloseRequestInput = z.input<typeof CloseRequestInput>;

export const IdentityInput = z
  .object({ number: RequestNumber, checks: z.array(z.enum(IDENTITY_CHECKS)).min(1).max(IDENTITY_CHECKS.length), note: note.optional() })
  .strict();
export type IdentityInput = z.input<typeof IdentityInput>;

export const RequestNoteInput = z.object({ number: RequestNumber, note }).strict();
export const LinkCustomerInput = z.object({ number: RequestNumber, customerId: z.number().int().positive() }).strict();

export const RequestSettings = z.object({ targetDays: z.number().int().min(1).max(TARGET_DAYS_MAX) }).strict();
export type RequestSettings = z.infer<typeof RequestSettings>;

export const RequestDocInput = z.object({ number: RequestNumber, lang: z.enum(['id', 'en']) }).strict();
export type RequestDocInput = z.infer<typeof RequestDocInput>;

export const RestrictInput = z
  .object({ customerId: z.number().int().positive(), reason: z.string().trim().min(1).max(REQUEST_REASON_MAX), requestNumber: RequestNumber.optional() })
  .strict();
export const UnrestrictInput = z.object({ customerId: z.number().int().positive(), requestNumber: RequestNumber.optional() }).strict();

export interface Restriction {
  customerId: number;
  name: string;
  since: number;
  reason: string;
  by: string;
  requestNumber: number | null;
}

/** A correction made from the request: the fields to change (an empty text clears one). */
export const CorrectInput = z.object({ number: RequestNumber, customerId: z.number().int().positive(), changes: CustomerInput.partial().strict() }).strict();
export type CorrectInput = z.infer<typeof CorrectInput>;
