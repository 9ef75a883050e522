/** The `purposes.*` channels, spread into `channels` (one file per domain, like Actual's handler maps). */
import { def } from './channel-def';
import { PurposeRef, SavePurposeInput, type Purpose } from './purposes';
import { EmptyInput } from './vault';

export const purposeChannels = {
  /** Every purpose, active and retired. Staff who add customers see them (they record consent for them). */
  'purposes.list': def<Purpose[]>()(EmptyInput, 'unlocked', 'customers.view'),
  /** Creates or updates a purpose; returns them all. */
  'purposes.save': def<Purpose[]>()(SavePurposeInput, 'unlocked', 'settings.manage'),
  /** Retires a purpose no enabled field depends on alone; returns them all. */
  'purposes.retire': def<Purpose[]>()(PurposeRef, 'unlocked', 'settings.manage'),
} as const;
