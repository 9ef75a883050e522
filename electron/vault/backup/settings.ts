/**
 * What the vault remembers about backups, in its `meta` table (so inside the encrypted file):
 * the backup key derived from the Owner's passphrase (never the passphrase), the schedule and
 * folder, and how the last backup went.
 */
import type { BackupSchedule } from '../../contract';
import type { Queryable } from '../db/driver';
import { getMeta, setMeta } from '../meta';
import { decodeBackupKey, encodeBackupKey, type BackupKey } from './key';

export const DEFAULT_SCHEDULE: BackupSchedule & { folder: string | null } = {
  daily: false,
  onClose: false,
  keepDaily: 7,
  keepWeekly: 4,
  warnAfterDays: 7,
  folder: null,
};

export interface BackupRecord {
  at: number;
  fileName: string;
}
export interface BackupFailure {
  at: number;
  code: string;
}

function parse<T>(text: string | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export async function getBackupKey(db: Queryable): Promise<BackupKey | null> {
  const stored = await getMeta(db, 'backup_key');
  return stored ? decodeBackupKey(stored) : null;
}

export async function setBackupKey(db: Queryable, key: BackupKey): Promise<void> {
  await setMeta(db, 'backup_key', encodeBackupKey(key));
}

export async function getSchedule(db: Queryable): Promise<BackupSchedule & { folder: string | null }> {
  const s = parse<Partial<BackupSchedule & { folder: string | null }>>(await getMeta(db, 'backup_schedule')) ?? {};
  const int = (v: unknown, d: number, min: number, max: number) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : d);
  return {
    daily: s.daily === true,
    onClose: s.onClose === true,
    keepDaily: int(s.keepDaily, DEFAULT_SCHEDULE.keepDaily, 1, 60),
    keepWeekly: int(s.keepWeekly, DEFAULT_SCHEDULE.keepWeekly, 0, 60),
    warnAfterDays: int(s.warnAfterDays, DEFAULT_SCHEDULE.warnAfterDays, 1, 90),
    folder: typeof s.folder === 'string' && s.folder.length > 0 ? s.folder : null,
  };
}

export async function saveSchedule(db: Queryable, schedule: BackupSchedule & { folder: string | null }): Promise<void> {
  await setMeta(db, 'backup_schedule', JSON.stringify(schedule));
}

export async function lastSuccess(db: Queryable): Promise<BackupRecord | null> {
  return parse<BackupRecord>(await getMeta(db, 'backup_last_success'));
}

export async function lastFailure(db: Queryable): Promise<BackupFailure | null> {
  return parse<BackupFailure>(await getMeta(db, 'backup_last_failure'));
}

export async function recordSuccess(db: Queryable, record: BackupRecord): Promise<void> {
  await setMeta(db, 'backup_last_success', JSON.stringify(record));
  await setMeta(db, 'backup_last_failure', '');
}

export async function recordFailure(db: Queryable, failure: BackupFailure): Promise<void> {
  await setMeta(db, 'backup_last_failure', JSON.stringify(failure));
}
