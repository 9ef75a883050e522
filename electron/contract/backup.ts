/**
 * Encrypted backups. A backup is one standard SQLCipher 4 file keyed by the shop's **backup
 * passphrase** (set once by the Owner, kept on paper): any SQLCipher 4 tool opens it with
 * `PRAGMA key = '<passphrase>'`. The vault keeps only the key derived from it (with the salt every
 * backup file carries), so scheduled backups never ask for it; restoring on a new PC needs
 * nothing but the file and the passphrase.
 */
import { z } from 'zod';

export const BACKUP_EXTENSION = 'brankas';
export const PASSPHRASE_MAX = 256;

export const SetupBackupInput = z
  .object({
    passphrase: z.string().min(1).max(PASSPHRASE_MAX),
    /** Typed twice on screen; checked again here. */
    confirm: z.string().min(1).max(PASSPHRASE_MAX),
  })
  .strict();
export type SetupBackupInput = z.infer<typeof SetupBackupInput>;

export const BACKUP_KEEP_MAX = 60;
export const BackupScheduleInput = z
  .object({
    /** A backup once a day (at the first chance after the last one is a day old). */
    daily: z.boolean(),
    /** A backup when the app closes. */
    onClose: z.boolean(),
    keepDaily: z.number().int().min(1).max(BACKUP_KEEP_MAX),
    keepWeekly: z.number().int().min(0).max(BACKUP_KEEP_MAX),
    /** Warn on the home screen when the last good backup is older than this. */
    warnAfterDays: z.number().int().min(1).max(90),
  })
  .strict();
export type BackupSchedule = z.infer<typeof BackupScheduleInput>;

/** Asks for a folder with the system dialog, then backs up there. */
export const BackupNowInput = z.object({ useScheduleFolder: z.boolean().default(false) }).strict();

/** Picks the scheduled backups' folder with the system dialog (null: cancelled). */
export const PickFolderInput = z.object({}).strict();

export const UnlockBackupInput = z
  .object({ fileId: z.string().uuid(), passphrase: z.string().min(1).max(PASSPHRASE_MAX) })
  .strict();
export type UnlockBackupInput = z.infer<typeof UnlockBackupInput>;

/** Restoring on a PC with no vault yet (first run): the same, before any sign-in. */
export const FirstRunRestoreInput = UnlockBackupInput;

export interface BackupCounts {
  customers: number;
  purchases: number;
  staff: number;
  auditEntries: number;
}

/** What a verified backup says about itself (its metadata table), shown before restoring. */
export interface BackupInfo {
  fileId: string;
  fileName: string;
  createdAt: number;
  appVersion: string;
  schemaVersion: number;
  vaultId: string;
  shopName: string | null;
  counts: BackupCounts;
  bytes: number;
  /**
   * Customers the backup still holds who have been erased since (the erasure register): a restore
   * erases them again before anyone can see them. 0 when nothing is known of erasures here.
   */
  erasedAgain: number;
}

export interface BackupResult {
  fileName: string;
  folder: string;
  bytes: number;
  durationMs: number;
  counts: BackupCounts;
}

export interface BackupStatus {
  /** The backup passphrase has been set up (the derived key is in the vault). */
  configured: boolean;
  schedule: BackupSchedule & { folder: string | null };
  lastSuccessAt: number | null;
  lastFileName: string | null;
  /** The last scheduled attempt failed (e.g. the USB stick was not plugged in): why, and when. */
  lastFailure: { at: number; code: string } | null;
  /** The last good backup is older than `warnAfterDays` (or there is none). */
  overdue: boolean;
  /** A restore replaced the vault; the previous one is kept until the Owner keeps or undoes it. */
  previousVault: { replacedAt: number; restoredFrom: string } | null;
}

/** After a restore: the previous vault is kept until the Owner confirms, and can be put back. */
export interface RestoreOutcome {
  /** The new vault's recovery code, shown once (as at first run). */
  recoveryGroups: string[];
  challenge: number[];
  previousKept: boolean;
}
