/**
 * Checking who is at the keyboard: account active → back-off → password (timing-safe, rehash
 * when the parameters changed) → second factor (authenticator code, or a one-time backup code).
 * Failures are counted per account; after 5 the next try waits, doubling each time (backoff.ts).
 */
import type { Settings } from '../../contract';
import type { Db } from '../db/driver';
import { tooManyAttempts, VaultError } from '../errors';
import { matchBackupCode } from '../keys/backup-codes';
import { hashPassword, needsRehash, verifyPassword } from '../keys/password';
import type { ScryptParams } from '../keys/recovery';
import { checkTotp, normaliseTotpInput } from '../keys/totp';
import { retryAfterMs } from './backoff';
import {
  getStaff,
  clearFailures,
  recordFailure,
  recordSignIn,
  setTotpLastStep,
  unusedBackupCodes,
  updatePasswordHash,
  useBackupCode,
  type StaffRow,
} from './repository';

export interface Attempts {
  failures: number;
  lastFailureAt: number | null;
}

export interface AuthInput {
  staffId: number;
  password: string;
  otp?: string | undefined;
  /** Re-confirming the password of someone already signed in (e.g. before a security change): no second factor. */
  passwordOnly?: boolean;
}

export interface AuthContext {
  now: number;
  kdf: ScryptParams;
  settings: Settings;
}

/** Returns the account, refreshed, when the password (and code) are right; throws a VaultError otherwise. */
export async function authenticate(db: Db, input: AuthInput, ctx: AuthContext): Promise<StaffRow> {
  const person = await getStaff(db, input.staffId);
  // An unknown id costs what a wrong password would (the same scrypt parameters), and says the same.
  if (!person) {
    await verifyPassword(input.password, `scrypt$${ctx.kdf.N}$${ctx.kdf.r}$${ctx.kdf.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`);
    throw new VaultError('wrong_password');
  }
  if (person.status !== 'active') throw new VaultError('account_disabled');
  const wait = retryAfterMs({ failures: person.failedAttempts, lastFailureAt: person.lastFailedAt }, ctx.now);
  if (wait > 0) throw tooManyAttempts(wait);

  if (!(await verifyPassword(input.password, person.passwordHash))) {
    await recordFailure(db, person.id, ctx.now);
    throw new VaultError('wrong_password');
  }
  if (!input.passwordOnly && person.totpSecret) {
    if (input.otp === undefined) throw new VaultError('otp_required');
    if (!(await secondFactor(db, person, input.otp, ctx.now))) {
      await recordFailure(db, person.id, ctx.now);
      throw new VaultError('wrong_otp');
    }
  }
  if (needsRehash(person.passwordHash, ctx.kdf)) {
    await updatePasswordHash(db, person.id, await hashPassword(input.password, ctx.kdf), ctx.now);
  }
  if (!input.passwordOnly) await recordSignIn(db, person.id, ctx.now);
  else if (person.failedAttempts > 0) await clearFailures(db, person.id);
  return (await getStaff(db, person.id)) as StaffRow;
}

/** Six digits: the authenticator (each code once). Anything else: one of the unused backup codes. */
async function secondFactor(db: Db, person: StaffRow, otp: string, now: number): Promise<boolean> {
  const token = normaliseTotpInput(otp);
  if (/^\d{6}$/.test(token)) {
    const check = checkTotp(person.totpSecret as string, token, now, person.totpLastStep);
    if (!check.ok) return false;
    await setTotpLastStep(db, person.id, check.step);
    return true;
  }
  const hashes = await unusedBackupCodes(db, person.id);
  const i = matchBackupCode(otp, hashes);
  if (i < 0) return false;
  await useBackupCode(db, person.id, hashes[i] as string, now);
  return true;
}
