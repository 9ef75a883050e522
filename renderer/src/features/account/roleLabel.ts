import type { Role } from '../../contract';
import type { MessageKey } from '../../i18n/translate';

/** "Pemilik", "Kasir", … — the role names shown beside people's names. */
export const roleLabelKey = (role: Role): MessageKey => `role.${role}` satisfies MessageKey;
