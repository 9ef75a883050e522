/**
 * The `requests.*` channels, spread into `channels`. Whoever adds customers may take a request and
 * hand over its receipt (the cashier at the counter); handling it — the register, its steps, the
 * letters — is for those with `privacy.handle` (Owner, Manager).
 */
import { def } from './channel-def';
import {
  CloseRequestInput,
  CorrectInput,
  IdentityInput,
  LinkCustomerInput,
  MoveRequestInput,
  NewRequestInput,
  RequestDocInput,
  RequestListInput,
  RequestNoteInput,
  RequestRef,
  RequestSettings,
  RestrictInput,
  UnrestrictInput,
  type Restriction,
  type RequestDetail,
  type RequestsOverview,
  type RequestSummary,
} from './requests';
import { EmptyInput } from './vault';

/** The register's filter, without the one customer (the CSV is the register, not one customer's file). */
export const RegisterExportInput = RequestListInput.omit({ customerId: true });

export const requestChannels = {
  /** Takes a request: the clock starts at `receivedAt` (default now). */
  'requests.create': def<RequestDetail>()(NewRequestInput, 'unlocked', 'customers.edit'),
  /** Counts and the clock for the badge and the banner (no customer named). */
  'requests.overview': def<RequestsOverview>()(EmptyInput, 'unlocked', 'privacy.handle'),
  /** The register, filtered; recorded (`request.view`): it names customers. */
  'requests.list': def<RequestSummary[]>()(RequestListInput, 'unlocked', 'privacy.handle'),
  'requests.get': def<RequestDetail>()(RequestRef, 'unlocked', 'privacy.handle'),
  /** One step along `transitions`. */
  'requests.move': def<RequestDetail>()(MoveRequestInput, 'unlocked', 'privacy.handle'),
  'requests.identity': def<RequestDetail>()(IdentityInput, 'unlocked', 'privacy.handle'),
  'requests.note': def<RequestDetail>()(RequestNoteInput, 'unlocked', 'privacy.handle'),
  'requests.link': def<RequestDetail>()(LinkCustomerInput, 'unlocked', 'privacy.handle'),
  /** Outcome, customer told, closed: each an allowed step, in one transaction. */
  'requests.close': def<RequestDetail>()(CloseRequestInput, 'unlocked', 'privacy.handle'),
  'requests.settings': def<RequestSettings>()(EmptyInput, 'unlocked', 'privacy.handle'),
  'requests.saveSettings': def<RequestSettings>()(RequestSettings, 'unlocked', 'privacy.handle'),
  /** The receipt (PDF) to print for the customer; null when the save was cancelled. */
  'requests.saveReceipt': def<{ fileName: string } | null>()(RequestDocInput, 'unlocked', 'customers.edit'),
  'requests.receiptText': def<string>()(RequestDocInput, 'unlocked', 'customers.edit'),
  /** The reply letter (done, partly, refused) once the request has an outcome. */
  'requests.saveReply': def<{ fileName: string } | null>()(RequestDocInput, 'unlocked', 'privacy.handle'),
  'requests.replyText': def<string>()(RequestDocInput, 'unlocked', 'privacy.handle'),
  /** The register as CSV for an inspection (customers by id only). */
  'requests.exportRegister': def<{ fileName: string; rows: number } | null>()(RegisterExportInput, 'unlocked', 'privacy.handle'),
  /** Corrects the customer's record from the request; before and after are kept on it. */
  'requests.correct': def<RequestDetail>()(CorrectInput, 'unlocked', 'privacy.handle'),
  /** Restricts a customer's processing (Pasal 11, 41): hidden from Cashier and View-only, in no export. */
  'requests.restrict': def<Restriction[]>()(RestrictInput, 'unlocked', 'privacy.handle'),
  'requests.unrestrict': def<Restriction[]>()(UnrestrictInput, 'unlocked', 'privacy.handle'),
  /** Who is restricted now, with why and since when. */
  'requests.restrictions': def<Restriction[]>()(EmptyInput, 'unlocked', 'privacy.handle'),
} as const;
