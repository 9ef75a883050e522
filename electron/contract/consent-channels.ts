/** The `consent.*` channels, spread into `channels` (one file per domain). */
import { def } from './channel-def';
import { ConsentFormInput, ConsentReceiptInput, CustomerConsentRef, EvidenceRef, RecordConsentInput, type CustomerConsent, type PickedEvidence } from './consent';
import { EmptyInput } from './vault';

export const consentChannels = {
  /** A customer's consent rows and history. Recorded (`consent.view`). */
  'consent.get': def<CustomerConsent>()(CustomerConsentRef, 'unlocked', 'customers.view'),
  /** Asks for a scan or screenshot in the system's dialog; returns its ticket (null: cancelled). */
  'consent.pickEvidence': def<PickedEvidence | null>()(EmptyInput, 'unlocked', 'customers.edit'),
  /** Appends one entry (given, withdrawn, refused); whoever adds customers records what they said. */
  'consent.record': def<CustomerConsent>()(RecordConsentInput, 'unlocked', 'customers.edit'),
  /**
   * Saves a copy of an evidence file where the person chooses (the system's dialog). The file holds
   * whatever the customer wrote: those who see unmasked data only, and recorded.
   */
  'consent.saveEvidence': def<{ saved: boolean }>()(EvidenceRef, 'unlocked', 'customers.viewSensitive'),
  /** Saves the consent form to print (PDF, id then en), pre-filled for a customer or blank; recorded. */
  'consent.saveForm': def<{ fileName: string } | null>()(ConsentFormInput, 'unlocked', 'customers.edit'),
  /** Saves the receipt of one ledger entry (PDF) in the customer's language; recorded. */
  'consent.saveReceipt': def<{ fileName: string } | null>()(ConsentReceiptInput, 'unlocked', 'customers.edit'),
  /** The receipt as a short text to send by WhatsApp; recorded. */
  'consent.receiptText': def<string>()(ConsentReceiptInput, 'unlocked', 'customers.edit'),
} as const;
