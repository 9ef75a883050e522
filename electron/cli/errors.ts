/**
 * Exit codes and the one error type commands throw on purpose. Everything a command prints as
 * an error goes through `CliError`, so the exit code always says what kind of failure it was.
 */
import { VaultError } from '../vault/errors';
import { vaultErrorMessage } from './messages';

export const EXIT = {
  ok: 0,
  /** Wrong command line: unknown command or option, missing argument, bad option value. */
  usage: 1,
  /** The input was rejected: a file that cannot be read, invalid rows, a value the vault refuses. */
  rejected: 2,
  /** The vault cannot be used: none there, locked (no or wrong password), key missing, unreadable. */
  vault: 3,
  /** Something unexpected went wrong (a bug, or the disk failed mid-way). */
  internal: 4,
  /** A check found a problem: `audit verify` found the trail altered, cut or reordered. */
  checkFailed: 5,
  /** Interrupted (Ctrl-C); an import is rolled back and leaves the vault as it was. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** For usage errors: the command whose help to point at. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string, command?: string): CliError => new CliError(EXIT.usage, message, command);
export const rejected = (message: string): CliError => new CliError(EXIT.rejected, message);

/** Vault error codes that mean "the vault cannot be used right now". */
const VAULT_CODES = new Set<VaultError['code']>([
  'no_vault',
  'locked',
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
  'read_only',
  'forbidden',
  'otp_required',
  'wrong_otp',
  'too_many_attempts',
  'account_disabled',
  'totp_enrolment_required',
  'backup_not_configured',
  'restore_pending',
  'audit_failed',
]);

/** Codes that mean "what you gave me was refused". */
const REJECTED_CODES = new Set<VaultError['code']>([
  'invalid_input',
  'weak_password',
  'vault_exists',
  'not_found',
  'conflict',
  'file_unreadable',
  'file_empty',
  'no_header',
  'file_too_large',
  'sheet_not_found',
  'unsupported_file',
  'file_expired',
  'wrong_passphrase',
  'not_a_backup',
  'backup_too_new',
  'corrupt_backup',
  'folder_missing',
]);

/** Turns anything a command threw into an exit code and a message for stderr. */
export function classify(err: unknown, dataDir?: string): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof VaultError) {
    const message = vaultErrorMessage(err, dataDir);
    if (err.code === 'cancelled') return new CliError(EXIT.interrupted, message);
    if (VAULT_CODES.has(err.code)) return new CliError(EXIT.vault, message);
    if (REJECTED_CODES.has(err.code)) return new CliError(EXIT.rejected, message);
    return new CliError(EXIT.internal, message);
  }
  const text = err instanceof Error ? err.message : String(err);
  return new CliError(EXIT.internal, `Something unexpected went wrong: ${text}`);
}
