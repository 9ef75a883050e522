import { isConflictCode, MAX_RECORD_CHARS, type ErrorCode, type FileProblem, type ImportProblem } from '../../contract';
import { formatNumber, type Locale, type MessageKey, type Translate } from '../../i18n/translate';
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

/** Why a file cannot be read, in words, with the row to look at when it is known. */
export function fileProblemText(t: Translate, locale: Locale, file: FileProblem): string {
  const row = file.row !== undefined ? formatNumber(locale, file.row) : null;
  switch (file.reason) {
    case 'quote_not_closed':
      return row ? t('import.file.reason.quote_not_closed_row', { row }) : t('import.file.reason.quote_not_closed');
    case 'line_too_long':
      return row
        ? t('import.file.reason.line_too_long_row', { row, limit: formatNumber(locale, MAX_RECORD_CHARS) })
        : t('import.file.reason.line_too_long', { limit: formatNumber(locale, MAX_RECORD_CHARS) });
    case 'not_text':
      return t('import.file.reason.not_text');
  }
}
