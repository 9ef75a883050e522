/**
 * Erasure (UU PDP Pasal 8, 42–44; GDPR Art. 17): a real delete of a customer, with the purchases a
 * legal duty keeps held without the person, and a register (ids and keyed hashes, nothing readable)
 * that makes a restore of an older backup erase them again. See vault/erasure.
 */
import { z } from 'zod';
import { CustomerId } from './customers';
import { RequestNumber } from './requests';

export const EraseCustomerInput = z.object({ customerId: CustomerId, requestNumber: RequestNumber.optional() }).strict();
export type EraseCustomerInput = z.infer<typeof EraseCustomerInput>;

export interface EraseResult {
  customerId: number;
  erasedAt: number;
  /** Purchases kept without the person for a legal duty (tax records). */
  keptPurchases: number;
  /**
   * How long an older backup that still holds the customer may exist: the schedule's rotation
   * (daily and weekly backups kept) in days. Restoring one erases the customer again.
   */
  backupsRotateAfterDays: number;
  requestNumber: number | null;
}
