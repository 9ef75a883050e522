import type { ConsentStatus } from '../../contract';
import type { MessageKey } from '../../i18n/id';

export const statusKey = (s: ConsentStatus): MessageKey => `consent.status.${s}`;
