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
  // vault lifecycle
  'no_vault',
  'vault_exists',
  'wrong_password',
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
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** For `invalid_input`: which field is wrong and why. */
  fields?: Record<string, FieldErrorCode>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, fields?: Record<string, FieldErrorCode>): Result<never> =>
  fields ? { ok: false, error: { code, fields } } : { ok: false, error: { code } };
