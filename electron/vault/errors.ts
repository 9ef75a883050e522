import type { ErrorCode, FieldErrorCode, FileProblem } from '../contract';

/**
 * The one error type services throw on purpose. The router turns it into
 * `{ ok: false, error: { code, fields } }`; anything else becomes `internal`.
 */
export class VaultError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, FieldErrorCode>,
    /** For logs and tests only; never sent across the bridge. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'VaultError';
  }

  /** For `too_many_attempts`: when the next try is allowed. */
  retryAfterSeconds?: number;

  /** For `file_unreadable` / `unsupported_file`: why, when known (a reason and a row number; may cross the bridge). */
  file?: FileProblem;
}

/** A file error that says why: `fileProblem('file_unreadable', { reason: 'quote_not_closed', row: 12 })`. */
export function fileProblem(code: 'file_unreadable' | 'unsupported_file', file: FileProblem, detail?: string): VaultError {
  const err = new VaultError(code, undefined, detail ?? file.reason);
  err.file = file;
  return err;
}

export function tooManyAttempts(waitMs: number): VaultError {
  const err = new VaultError('too_many_attempts');
  err.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  return err;
}

export const invalid = (fields: Record<string, FieldErrorCode>): VaultError => new VaultError('invalid_input', fields);

/**
 * What a failed audit append becomes: the change it was to record is rolled back with it. A full
 * disk or a read-only file keeps its own code (the person can act on it); anything else — a
 * refused insert, a broken table — is `audit_failed`.
 */
export function auditFailure(err: unknown): Error {
  if (err instanceof VaultError) return err;
  const code = (err as { sqliteCode?: unknown }).sqliteCode;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_READONLY') return err as Error;
  return new VaultError('audit_failed', undefined, err instanceof Error ? err.message : String(err));
}
