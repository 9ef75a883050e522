import { z } from 'zod';
import type { ErrorCode } from './errors';

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

export const SignInInput = z.object({ password: z.string().min(1).max(PASSWORD_MAX) }).strict();
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
  .object({ idleLockMinutes: z.number().int().min(IDLE_LOCK_MIN).max(IDLE_LOCK_MAX) })
  .strict();
export type Settings = z.infer<typeof SettingsInput>;

export const EmptyInput = z.object({}).strict();

/**
 * Where the vault stands, as the renderer needs to know it to pick a screen.
 * - no_vault: first run (or an empty data folder)
 * - needs_recovery: the vault exists but this machine's keychain cannot open it
 *   (`reason` says why); the recovery code opens it and re-stores the key
 * - unavailable: the file cannot be opened at all (`reason` says why); nothing was changed
 * - locked: open underneath, nobody signed in
 * - unlocked: signed in
 */
export type VaultStatus =
  | { state: 'no_vault' }
  | { state: 'needs_recovery'; reason: ErrorCode; recoveryAvailable: boolean }
  | { state: 'unavailable'; reason: ErrorCode }
  | { state: 'locked'; ownerName: string }
  | { state: 'unlocked'; ownerName: string; recoveryConfirmed: boolean; settings: Settings };

/** A freshly generated recovery code: shown once, then only its confirmation is asked. */
export interface RecoveryCodeIssue {
  /** Groups of characters, e.g. ["7KQ2M", "XW93A", …]. */
  groups: string[];
  /** 0-based indexes of the groups the user must type back. */
  challenge: number[];
}
