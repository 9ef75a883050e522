/** The `consent.*` channels, spread into `channels` (one file per domain). */
import { def } from './channel-def';
import { CustomerConsentRef, EvidenceRef, RecordConsentInput, type CustomerConsent, type PickedEvidence } from './consent';
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
} as const;
