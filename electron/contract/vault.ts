import { z } from 'zod';
import type { ErrorCode } from './errors';
import { roles, type Person, type SessionUser } from './staff';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const OWNER_NAME_MAX = 80;

export const CreateVaultInput = z
  .object({
    ownerName: z.string().trim().min(1).max(OWNER_NAME_MAX),
    password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  })
  .strict();
export type CreateVaultInput = z.infer<typeof CreateVaultInput>;

export const SignInInput = z
  .object({
    staffId: z.number().int().positive(),
    password: z.string().min(1).max(PASSWORD_MAX),
    /** The authenticator's 6 digits or a one-time backup code, for accounts with 2FA. */
    otp: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const RecoverInput = z.object({ recoveryCode: z.string().min(1).max(200) }).strict();
export type RecoverInput = z.infer<typeof RecoverInput>;

export const ConfirmRecoveryInput = z
  .object({ answers: z.array(z.string().max(20)).min(1).max(8) })
  .strict();
export type ConfirmRecoveryInput = z.infer<typeof ConfirmRecoveryInput>;

export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 240;
export const SettingsInput = z
  .object({
    idleLockMinutes: z.number().int().min(IDLE_LOCK_MIN).max(IDLE_LOCK_MAX),
    /** Roles whose accounts must sign in with two-factor authentication. */
    require2faRoles: z.array(z.enum(roles)).max(roles.length).default([]),
  })
  .strict();
export type Settings = z.output<typeof SettingsInput>;

export const EmptyInput = z.object({}).strict();

/**
 * Why the renderer locks: the person pressed Lock or Switch person ('user', recorded as a sign-out)
 * or its idle timer ran out ('idle', recorded as a lock). 'system' locks come from the main process only.
 */
export const LockInput = z.object({ reason: z.enum(['user', 'idle']).optional() }).strict();

/**
 * Where the vault stands, as the renderer needs to know it to pick a screen.
 * - no_vault: first run (or an empty data folder)
 * - needs_recovery: the vault exists but this machine's keychain cannot open it
 *   (`reason` says why); the recovery code opens it and re-stores the key
 * - unavailable: the file cannot be opened at all (`reason` says why); nothing was changed
 * - locked: nobody signed in (open underneath, or in strict mode closed until a password opens it)
 * - unlocked: signed in as `user`
 */
export type VaultStatus =
  | { state: 'no_vault' }
  | { state: 'needs_recovery'; reason: ErrorCode; recoveryAvailable: boolean }
  | { state: 'unavailable'; reason: ErrorCode }
  | {
      state: 'locked';
      ownerName: string;
      /** Active accounts, for the sign-in screen's list. */
      people: Person[];
      /** Strict mode with the vault still closed: only people with a key slot can open it. */
      strict: boolean;
    }
  | {
      state: 'unlocked';
      ownerName: string;
      user: SessionUser;
      recoveryConfirmed: boolean;
      settings: Settings;
      strictMode: boolean;
      /** The Owner's periodic access review is due (shown to those who manage staff). */
      accessReviewDue: boolean;
    };

/** A freshly generated recovery code: shown once, then only its confirmation is asked. */
export interface RecoveryCodeIssue {
  /** Groups of characters, e.g. ["7KQ2M", "XW93A", …]. */
  groups: string[];
  /** 0-based indexes of the groups the user must type back. */
  challenge: number[];
}
