/**
 * What each vault error means to someone at a terminal, and what to do next. Same wording as the
 * app's English translations where the advice is the same; the CLI cannot take a recovery code,
 * so the way forward for a missing key is the app.
 */
import { isConflictCode, type ErrorCode, type FieldErrorCode, type FileProblem, type ImportConflictCode } from '../contract';
import { MAX_RECORD_CHARS } from '../vault/transfer/limits';
import type { VaultError } from '../vault/errors';

const RECOVER_IN_APP = 'Open the Brankas app on this computer and enter your recovery code there; the command line works again afterwards.';

const MESSAGES: Record<ErrorCode, string> = {
  invalid_input: 'Some values are not right.',
  unknown_channel: 'Something went wrong inside Brankas.',
  bad_sender: 'This request was refused for safety.',
  locked: 'The vault is locked. Sign in with --user and your password.',
  not_found: 'That record no longer exists.',
  conflict: 'That record just changed. Try again.',
  internal: 'Something unexpected went wrong. Try again; if it keeps happening, contact support.',
  no_vault: 'There is no vault in the data folder yet. Create one with `brankas init --owner NAME` or in the app.',
  vault_exists: 'A vault already exists in the data folder. Brankas never overwrites one.',
  wrong_password: 'Wrong user name or password.',
  forbidden: "Your role does not allow this. Ask the shop Owner or a Manager.",
  otp_required: 'This account uses two-step verification: give the code from the authenticator app with --otp CODE (or a backup code).',
  wrong_otp: 'The verification code is wrong or was already used. Wait for the next code and try again.',
  too_many_attempts: 'Too many failed sign-in attempts for this account. Wait and try again later.',
  account_disabled: 'This account is disabled. Contact the shop Owner.',
  totp_enrolment_required: 'The shop Owner requires two-step verification for your role. Turn it on in the app first.',
  weak_password: 'The password is too weak: use at least 10 characters that are hard to guess.',
  name_taken: 'Another account already uses this name.',
  last_owner: "The shop Owner's account cannot be disabled or given another role.",
  wrong_recovery_code: 'The recovery code does not match.',
  recovery_unavailable: 'The recovery file is missing, so a recovery code cannot be used. Restore from a backup or contact support.',
  keychain_unavailable: `This computer's key storage (keychain) cannot be used. On Linux, a Secret Service (GNOME Keyring or KWallet) must be running and unlocked. ${RECOVER_IN_APP}`,
  key_missing: `The vault key was not found in this computer's keychain. ${RECOVER_IN_APP}`,
  wrong_key: `The key stored on this computer does not fit this vault. ${RECOVER_IN_APP}`,
  corrupt_vault: 'The vault file is damaged and cannot be read. Restore it from a backup file.',
  not_a_vault: 'The file in the data folder is not a Brankas vault. Restore from a backup file or contact support.',
  vault_too_new: 'This vault was made by a newer version of Brankas. Update Brankas to the latest version.',
  migration_mismatch: "The vault's data layout does not match this version of Brankas. Update Brankas or contact support.",
  audit_failed: 'Nothing was changed: the action could not be written to the audit trail. Try again; if it keeps happening, check the disk, then restore from a backup.',
  disk_full: "The computer's storage is full. Free up some space, then try again.",
  read_only: 'Brankas cannot write to its data folder. Check the folder permissions.',
  file_unreadable: 'The file cannot be read. Check that it is a CSV or Excel (.xlsx) file and that you may open it.',
  file_empty: 'The file holds no customers: it is empty, or has a header row and no rows below it. Nothing was imported.',
  no_header: 'The file has no header row. The first row must name the columns (for example Nama, No HP, Email).',
  file_too_large: 'The file is too large to import.',
  sheet_not_found: 'The workbook has no sheet with that name.',
  unsupported_file: 'This kind of file cannot be imported. Use CSV (comma, semicolon or tab) or Excel (.xlsx).',
  file_expired: 'The file is no longer available. Start again.',
  cancelled: 'Cancelled. Nothing was changed.',
  busy: 'Brankas is busy with other work. Try again in a moment.',
  backup_not_configured: 'No backup passphrase has been set yet: run `brankas backup setup` (Owner) or set it in the app (Settings › Backups).',
  wrong_passphrase: 'Wrong backup passphrase.',
  not_a_backup: 'This file is not a Brankas backup.',
  backup_too_new: 'This backup was made by a newer version of Brankas. Update Brankas first.',
  corrupt_backup: 'This backup file is damaged and cannot be used.',
  folder_missing: 'The backup folder does not exist (is the USB drive plugged in?).',
  restore_pending: 'The last restore is still waiting for a decision in the app (keep it or put the previous vault back).',
};

const FIELD_MESSAGES: Record<FieldErrorCode, string> = {
  required: 'required',
  too_long: 'too long',
  too_short: 'too short',
  invalid_phone: 'not a valid phone number',
  invalid_email: 'not a valid email address',
  invalid_value: 'not a valid value',
  mismatch: 'does not match',
  too_many: 'too many values',
  invalid_date: 'not a valid date',
  invalid_number: 'not a valid number',
  invalid_choice: 'not one of the choices',
  field_disabled: 'this field is switched off in the field catalogue',
  not_for_purpose: 'not used by the purpose of this export',
  too_weak: 'too easy to guess (use at least 10 characters, e.g. a few random words)',
  too_common: 'a common password; choose another',
  contains_personal: "must not contain your name, the shop's name or 'brankas'",
  too_large: 'too large (at most 10 MB)',
  no_consent_needed: 'this purpose does not rest on consent',
  purpose_retired: 'this purpose is retired',
  guardian_required: 'a customer under 18 gives consent through a parent or guardian (--guardian NAME --relation RELATION)',
  not_allowed: 'the request cannot move there from the state it is in',
  in_future: 'that time is after the clock of this computer',
  not_customer: 'a request from someone who is not a customer names no customer',
};

export const fieldErrorMessage = (code: FieldErrorCode): string => FIELD_MESSAGES[code] ?? code;

const CONFLICT_MESSAGES: Record<ImportConflictCode, string> = {
  same_phone_other_name: 'same phone number as a customer with another name: not imported, nothing changed (check it and decide)',
  same_email_other_name: 'same email as a customer with another name: not imported, nothing changed (check it and decide)',
};

/** A problem of an imported row: a field error, or a conflict with a customer of another name. */
export const importProblemMessage = (code: FieldErrorCode | ImportConflictCode): string =>
  isConflictCode(code) ? CONFLICT_MESSAGES[code] : fieldErrorMessage(code);

export function vaultErrorMessage(err: VaultError, dataDir?: string): string {
  let base = MESSAGES[err.code] ?? MESSAGES.internal;
  if (err.code === 'too_many_attempts' && err.retryAfterSeconds) base = `Too many failed sign-in attempts for this account. Try again in ${err.retryAfterSeconds} seconds.`;
  const where = dataDir && (err.code === 'no_vault' || err.code === 'vault_exists' || err.code === 'read_only') ? ` (data folder: ${dataDir})` : '';
  const fields = err.fields
    ? ' ' + Object.entries(err.fields).map(([field, code]) => `${field}: ${fieldErrorMessage(code)}`).join('; ') + '.'
    : '';
  return base + where + fields + (err.file ? ` ${fileProblemMessage(err.file)}` : '');
}

/** Why a file cannot be read, when it is known: the row to look at, and what to do. */
export function fileProblemMessage({ reason, row }: FileProblem): string {
  const inRow = row !== undefined ? ` in row ${row}` : '';
  switch (reason) {
    case 'quote_not_closed':
      return `A quote (") opened${inRow} is never closed, so the rest of the file would be one cell. Close or remove that quote in the spreadsheet, save, and try again.`;
    case 'line_too_long':
      return `Row${row !== undefined ? ` ${row}` : ''} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters (often a quote that is never closed). Check that row, save, and try again.`;
    case 'not_text':
      return 'The file is not text: it holds binary data (a program, a picture, an archive). Export the list from the spreadsheet as CSV or Excel (.xlsx).';
  }
}
