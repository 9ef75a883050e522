/**
 * What the request documents are made from — typed input, not text: the receipt (tanda terima) a
 * customer takes away with the number and the time it is due, and the reply letter (done, partly
 * done, refused). The requests service fills it from the register and the shop's notice profile.
 */
import type { Pasal15Ground, RequestChannel, RequestOutcome, RequestType } from '../../../contract/requests';
import type { ShopContact, ShopTimeZone } from './consent-data';

export interface RequestDocData {
  shop: ShopContact;
  /** The authority complaints go to (a setting; DEFAULT_AUTHORITY). */
  authority: string;
  request: {
    number: number;
    type: RequestType;
    channel: RequestChannel;
    receivedAt: number;
    dueAt: number;
    dueBasis: 'law' | 'shop';
    /** The shop's target in days, when `dueBasis` is `shop`. */
    targetDays: number;
    /** Who asked: the customer's name, the name they gave, or null (not given). */
    from: string | null;
    /** What was asked, in the customer's words (may be empty). */
    asked: string;
    takenBy: string;
  };
  /** For a reply: how it ended and when. */
  reply?: {
    outcome: RequestOutcome;
    answeredAt: number;
    reason: string | null;
    pasal15: Pasal15Ground | null;
    /** An erasure: how many purchases a legal duty keeps (without the name), and how long an older backup may still exist. */
    erasure?: { keptPurchases: number; backupDays: number };
  };
  timeZone?: ShopTimeZone;
}

export { requestRef } from '../../../contract/requests';
