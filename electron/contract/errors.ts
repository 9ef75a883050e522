/**
 * Error codes that may cross the bridge. The renderer translates each one
 * (renderer/src/i18n), so a code is the whole message: no stack, no SQL, no path.
 */
export const errorCodes = [
  // bridge and input
  'invalid_input',
  'unknown_channel',
  'bad_sender',
  'locked',
  'not_found',
  'conflict',
  'internal',
  /** The audit entry for a change could not be written: the change was rolled back (nothing happened). */
  'audit_failed',
  // vault lifecycle
  'no_vault',
  'vault_exists',
  'wrong_password',
  // people and sign-in
  'forbidden',
  'otp_required',
  'wrong_otp',
  'too_many_attempts',
  'account_disabled',
  'totp_enrolment_required',
  'weak_password',
  'name_taken',
  'last_owner',
  'wrong_recovery_code',
  'recovery_unavailable',
  'keychain_unavailable',
  'key_missing',
  'wrong_key',
  'corrupt_vault',
  'not_a_vault',
  'vault_too_new',
  'migration_mismatch',
  'disk_full',
  'read_only',
  // files and long work (import, export)
  'file_unreadable',
  'file_empty',
  'no_header',
  'file_too_large',
  'sheet_not_found',
  'unsupported_file',
  'file_expired',
  'cancelled',
  'busy',
  // backups and restore
  'backup_not_configured',
  'wrong_passphrase',
  'not_a_backup',
  'backup_too_new',
  'corrupt_backup',
  'folder_missing',
  'restore_pending',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Field-level validation problems, each translated in the renderer. */
export const fieldErrorCodes = [
  'required',
  'too_long',
  'too_short',
  'invalid_phone',
  'invalid_email',
  'invalid_value',
  'mismatch',
  'too_many',
  'invalid_date',
  'invalid_number',
  'invalid_choice',
  'field_disabled',
  /** An export for a consent-based purpose may hold only the fields that purpose uses (and the name). */
  'not_for_purpose',
  'too_weak',
  'too_common',
  'contains_personal',
  /** A file over its limit (consent evidence: 10 MB). */
  'too_large',
  /** A consent entry for a purpose whose basis is not consent. */
  'no_consent_needed',
  /** A retired purpose takes no new entries. */
  'purpose_retired',
  /** A child's consent needs a parent or guardian. */
  'guardian_required',
  /** A request cannot move there from where it is (contract/requests.ts `transitions`). */
  'not_allowed',
  /** A time after the vault's clock (a request said to be received tomorrow). */
  'in_future',
  /** A request marked "not a customer of ours" names no customer. */
  'not_customer',
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

/**
 * For `file_unreadable` / `unsupported_file`: why the file cannot be read, when that is known.
 * quote_not_closed: a quote opened in row `row` is never closed; line_too_long: row `row` is longer
 * than the limit (MAX_RECORD_CHARS, 1,000,000 characters); not_text: the file holds binary data.
 */
export const fileProblemReasons = ['quote_not_closed', 'line_too_long', 'not_text'] as const;
export type FileProblemReason = (typeof fileProblemReasons)[number];

/** What a file error may say beyond its code: a reason and a row number, nothing of the file's content. */
export interface FileProblem {
  reason: FileProblemReason;
  /** 1-based, as a spreadsheet numbers rows (the header is row 1). */
  row?: number;
}

export interface AppError {
  code: ErrorCode;
  /** For `invalid_input`: which field is wrong and why. */
  fields?: Record<string, FieldErrorCode>;
  /** For `too_many_attempts`: seconds until the next sign-in attempt is allowed. */
  retryAfterSeconds?: number;
  /** For `file_unreadable` / `unsupported_file`: why, when known. */
  file?: FileProblem;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, fields?: Record<string, FieldErrorCode>, retryAfterSeconds?: number, file?: FileProblem): Result<never> => ({
  ok: false,
  error: {
    code,
    ...(fields ? { fields } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(file ? { file: { reason: file.reason, ...(file.row !== undefined ? { row: file.row } : {}) } } : {}),
  },
});
