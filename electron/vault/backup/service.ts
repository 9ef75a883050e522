/**
 * Backups as the app and the scheduler use them: set the passphrase once (only the derived key
 * is kept), choose the schedule and folder, back up now or on schedule, rotate old files, and
 * report how it went. Writing and verifying a file is write.ts's job.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupResult, BackupSchedule, BackupStatus, SetupBackupInput } from '../../contract';
import { DriverError } from '../db/driver';
import { VaultError } from '../errors';
import type { VaultService } from '../service';
import { assertStrongPassword } from '../staff/passwords';
import { deriveBackupKey } from './key';
import { filesToDelete, parseBackupName } from './rotation';
import { getBackupKey, getSchedule, lastFailure, lastSuccess, recordFailure, recordSuccess, saveSchedule, setBackupKey } from './settings';
import { backupFileName, writeBackup } from './write';

const DAY = 86_400_000;

/**
 * A backup's entry that could not be written because the vault's own disk is full (or read-only)
 * fails the backup with that code, so it is shown and remembered as such rather than `internal`.
 */
function storageCode(err: unknown): unknown {
  if (!(err instanceof DriverError)) return err;
  if (err.sqliteCode === 'SQLITE_FULL') return new VaultError('disk_full', undefined, err.message);
  if (err.sqliteCode === 'SQLITE_READONLY') return new VaultError('read_only', undefined, err.message);
  return err;
}

export interface BackupServiceDeps {
  appVersion: string;
  now?: () => number;
}

export interface RunOptions {
  folder: string;
  /** A scheduled backup: failures are remembered for the home screen, and old files are rotated. */
  scheduled?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number | null }) => void;
}

export function createBackupService(vault: VaultService, deps: BackupServiceDeps) {
  const now = deps.now ?? Date.now;
  const db = () => {
    const open = vault.backgroundDb();
    if (!open) throw new VaultError('locked');
    return open;
  };

  async function status(): Promise<BackupStatus> {
    const d = db();
    const schedule = await getSchedule(d);
    const success = await lastSuccess(d);
    const failure = await lastFailure(d);
    return {
      configured: (await getBackupKey(d)) !== null,
      schedule,
      lastSuccessAt: success?.at ?? null,
      lastFileName: success?.fileName ?? null,
      lastFailure: failure,
      overdue: !success || now() - success.at > schedule.warnAfterDays * DAY,
      previousVault: vault.previousVault(),
    };
  }

  async function run(opts: RunOptions): Promise<BackupResult> {
    const d = db();
    const info = vault.openVaultInfo();
    const key = await getBackupKey(d);
    // A scheduled backup is the app's own work: recorded as 'system', whoever is signed in.
    const actor = opts.scheduled ? null : undefined;
    try {
      if (!key || !info) throw new VaultError('backup_not_configured');
      if (!existsSync(opts.folder) || !statSync(opts.folder).isDirectory()) throw new VaultError('folder_missing');
      const written = await writeBackup(d, {
        folder: opts.folder,
        key,
        appVersion: deps.appVersion,
        vaultId: info.vaultId,
        shopName: info.ownerName,
        now,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        // Recorded before the file gets its name: a backup the trail cannot show never appears.
        beforeCommit: (b) =>
          d
            .transaction((tx) =>
              vault.recordIn(
                tx,
                {
                  action: 'backup.create',
                  targetType: 'file',
                  targetId: b.fileName,
                  details: { scheduled: opts.scheduled === true, bytes: b.bytes, customers: b.counts.customers, durationMs: b.durationMs },
                },
                actor,
              ),
            )
            .catch((err: unknown) => {
              throw storageCode(err);
            }),
      });
      // After the rename: "last backup" on the home screen names a file that is there.
      await recordSuccess(d, { at: now(), fileName: written.fileName });
      if (opts.scheduled) rotate(opts.folder, written.fileName, await getSchedule(d));
      return { fileName: written.fileName, folder: opts.folder, bytes: written.bytes, durationMs: written.durationMs, counts: written.counts };
    } catch (err) {
      const code = err instanceof VaultError ? err.code : 'internal';
      if (opts.scheduled && code !== 'cancelled') await recordFailure(d, { at: now(), code }).catch(() => undefined);
      // Nothing changed in the vault: the failure's entry is a transaction of its own (best effort).
      await vault.record({ action: 'backup.create', targetType: 'folder', outcome: 'failed', details: { scheduled: opts.scheduled === true, reason: code } }, actor).catch(() => undefined);
      throw err;
    }
  }

  /** Deletes this shop's older backups beyond the schedule's daily and weekly counts. */
  function rotate(folder: string, newest: string, schedule: BackupSchedule): void {
    const shop = parseBackupName(newest)?.shop;
    if (!shop) return;
    for (const name of filesToDelete(readdirSync(folder), shop, schedule.keepDaily, schedule.keepWeekly)) {
      if (name === newest) continue;
      try {
        rmSync(join(folder, name), { force: true });
      } catch {
        // a file that cannot be deleted now is tried again after the next backup
      }
    }
  }

  return {
    status,
    run,

    async setup(input: SetupBackupInput): Promise<BackupStatus> {
      if (input.confirm !== input.passphrase) throw new VaultError('invalid_input', { confirm: 'mismatch' });
      assertStrongPassword(input.passphrase, [vault.openVaultInfo()?.ownerName ?? ''], 'passphrase');
      const key = await deriveBackupKey(input.passphrase);
      try {
        // The key and its entry together: a passphrase is never set (or replaced) unrecorded.
        await db().transaction(async (tx) => {
          const changed = (await getBackupKey(tx)) !== null;
          await setBackupKey(tx, key);
          await vault.recordIn(tx, { action: 'security.update', details: { backupPassphrase: changed ? 'changed' : 'set' } });
        });
      } finally {
        key.key.fill(0);
      }
      return status();
    },

    async saveSchedule(input: BackupSchedule): Promise<BackupStatus> {
      await db().transaction(async (tx) => {
        const current = await getSchedule(tx);
        await saveSchedule(tx, { ...input, folder: current.folder });
        await vault.recordIn(tx, { action: 'settings.update', details: { backupDaily: input.daily, backupOnClose: input.onClose, keepDaily: input.keepDaily, keepWeekly: input.keepWeekly } });
      });
      return status();
    },

    async setFolder(folder: string): Promise<BackupStatus> {
      await db().transaction(async (tx) => {
        const current = await getSchedule(tx);
        await saveSchedule(tx, { ...current, folder });
        await vault.recordIn(tx, { action: 'settings.update', details: { backupFolder: 'changed' } });
      });
      return status();
    },

    /** The file name a backup made now would get (the dialog's default). */
    nextFileName(): string {
      return backupFileName(vault.openVaultInfo()?.ownerName ?? null, new Date(now()));
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
