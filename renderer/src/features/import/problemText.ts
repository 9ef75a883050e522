import { isConflictCode, type ErrorCode, type ImportProblem } from '../../contract';
import type { MessageKey } from '../../i18n/translate';
import { errorKey, fieldErrorKey } from '../../i18n/useT';

/** The message for a problem of an imported row: a field error, or a conflict with a customer of another name. */
export const problemKey = (code: ImportProblem['code']): MessageKey =>
  isConflictCode(code) ? (`import.conflict.${code}` satisfies MessageKey) : fieldErrorKey(code);

/** Errors whose meaning during an import differs from the app-wide message (a full disk imported nothing). */
const IMPORT_ERRORS: Partial<Record<ErrorCode, MessageKey>> = {
  disk_full: 'import.error.disk_full',
  cancelled: 'import.cancelled',
};

export const importErrorKey = (code: ErrorCode): MessageKey => IMPORT_ERRORS[code] ?? errorKey(code);
