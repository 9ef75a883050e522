/** The erasure channel, spread into `channels` (one file per domain). */
import { def } from './channel-def';
import { EraseCustomerInput, type EraseResult } from './erasure';

export const erasureChannels = {
  /**
   * Erases a customer for real (row, search tokens, consent, evidence; purchases a legal duty keeps
   * stay without the person), optionally as a step of request `requestNumber`. Owner and Manager.
   */
  'customers.erase': def<EraseResult>()(EraseCustomerInput, 'unlocked', 'privacy.handle'),
} as const;
