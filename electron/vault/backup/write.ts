/**
 * Writing one backup: `ATTACH … KEY` a new file in the target folder under a name that is never
 * taken for a backup (`.Brankas-….brankas.<random>.partial`), `sqlcipher_export` the vault into it
 * together with the metadata table inside one transaction (so the counts are the exported rows'),
 * flush it and meanwhile open it again separately and check it (by default `quick`: every page's
 * HMAC, every table's b-trees, the file's size, the metadata and the counts; see verify.ts), and
 * only when both are done rename it to its `*.brankas` name. Any failure or a cancel removes the
 * partial file (best effort).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BackupCounts } from '../../contract';
import { DriverError, type Db } from '../db/driver';
import { APPLICATION_ID } from '../db/migrations';
import { VaultError } from '../errors';
import { fsError, fsyncDir } from '../files';
import { keyLiteral, type BackupKey } from './key';
import { BACKUP_EXTENSION, BACKUP_FORMAT, BACKUP_META_TABLE, countsOf, pragmaNumber, verifyBackupFile, type CheckLevel } from './verify';

export interface WriteBackupOptions {
  folder: string;
  key: BackupKey;
  appVersion: string;
  vaultId: string;
  shopName: string | null;
  now?: () => number;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number | null }) => void;
  /**
   * How the written file is checked before it gets its name (verify.ts, CheckLevel): `quick` (the
   * default) runs `quick_check` on each table and its indexes (every b-tree page, NOT NULL/CHECK per
   * row), checks the file is exactly its pages with none free, on two connections at once; `full`
   * runs `integrity_check` instead, which also reads every index against its table and re-checks
   * the full-text index (3–6× the export itself at 100k–1M customers, bench --backup); `pages`
   * neither. All check every page's HMAC (the bytes on the drive are exactly what SQLCipher wrote),
   * the metadata and the counts. `backup verify`, inspect and restore always run the full check.
   */
  check?: CheckLevel;
  /**
   * Called once the file is written, flushed and checked, just before it gets its name, with what
   * the backup will be. The audit entry goes here: if it throws, the partial file is removed, no
   * backup appears, and its error (audit_failed, disk_full) is what the caller gets.
   */
  beforeCommit?: (backup: Omit<WrittenBackup, 'path'>) => Promise<void>;
}

export interface WrittenBackup {
  path: string;
  fileName: string;
  bytes: number;
  durationMs: number;
  counts: BackupCounts;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** ASCII letters and digits joined by '-', at most 40 characters: safe on FAT32 and every OS. */
export function shopSlug(shop: string | null): string {
  const ascii = (shop ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 40).replace(/-+$/, '');
}

/** `Brankas-<shop>-YYYY-MM-DD-HHmm.brankas` in local time (`Brankas-YYYY-…` without a usable shop name). */
export function backupFileName(shop: string | null, at: Date): string {
  const slug = shopSlug(shop);
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `Brankas-${slug ? `${slug}-` : ''}${stamp}${BACKUP_EXTENSION}`;
}

/** The attached backup's schema name on the vault's connection. */
const ALIAS = 'brankas_backup_out';

/**
 * The export's settings for the attached output `alias`: no rollback journal (a failed backup is
 * deleted, never repaired), no flush (done once, by us, at the end) and a 16 MiB page cache. A
 * larger cache for the output (64 or 128 MiB) or for the vault (256 MiB) made no measurable
 * difference at 100k or 1M customers (bench, 2 cores); the bench's `raw tuned` row uses these too.
 */
export const exportPragmas = (alias: string): string =>
  `PRAGMA ${alias}.journal_mode = OFF; PRAGMA ${alias}.synchronous = OFF; PRAGMA ${alias}.cache_size = -16384;`;

function rmQuiet(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // best effort: the partial name is never taken for a backup anyway
  }
}

function folderError(folder: string, err: unknown): unknown {
  if (err instanceof VaultError && err.code !== 'read_only' && err.code !== 'disk_full' && err.code !== 'internal') return err;
  let folderThere = false;
  try {
    folderThere = statSync(folder).isDirectory();
  } catch {
    folderThere = false;
  }
  if (!folderThere) return new VaultError('folder_missing', undefined, String(err));
  if (err instanceof DriverError) {
    if (err.sqliteCode === 'SQLITE_FULL') return new VaultError('disk_full', undefined, err.message);
    if (err.sqliteCode === 'SQLITE_READONLY' || err.sqliteCode === 'SQLITE_CANTOPEN' || err.sqliteCode === 'SQLITE_PERM') {
      return new VaultError('read_only', undefined, err.message);
    }
    // An I/O error mid-write is most often the USB drive going away.
    if (err.sqliteCode === 'SQLITE_IOERR') return new VaultError('folder_missing', undefined, err.message);
    return err;
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') return new VaultError('folder_missing', undefined, code);
  return fsError(err);
}

/** fsync on the thread pool, so the check can run meanwhile. */
async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Carries the `beforeCommit` hook's error past the folder's error mapping. */
class NotRecorded extends Error {
  constructor(readonly reason: unknown) {
    super('the backup could not be recorded');
  }
}

const aborted = (signal?: AbortSignal): boolean => signal?.aborted === true;
const cancelled = (): VaultError => new VaultError('cancelled');

/**
 * Backs the vault up into `opts.folder`. Errors: folder_missing, read_only, disk_full, cancelled
 * (the partial file is gone in every case), corrupt_backup if the written file fails verification.
 * A cancel during the export itself takes effect when SQLite returns from it.
 */
export async function writeBackup(db: Db, opts: WriteBackupOptions): Promise<WrittenBackup> {
  const started = performance.now();
  const now = opts.now ?? Date.now;
  const { folder, signal } = opts;
  if (aborted(signal)) throw cancelled();
  try {
    if (!statSync(folder).isDirectory()) throw new VaultError('folder_missing', undefined, 'not a folder');
  } catch (err) {
    throw folderError(folder, err);
  }
  const createdAt = now();
  const fileName = backupFileName(opts.shopName, new Date(createdAt));
  const path = join(folder, fileName);
  const partial = join(folder, `.${fileName}.${randomBytes(4).toString('hex')}.partial`);
  const cleanup = () => ['', '-journal', '-wal', '-shm'].forEach((s) => rmQuiet(partial + s));
  let attached = false;
  let timer: NodeJS.Timeout | undefined;
  try {
    // Creating the file first tells a read-only or missing folder apart from a SQLite failure.
    closeSync(openSync(partial, 'wx', 0o600));
    const pageSize = (await pragmaNumber(db, 'main', 'page_size')) || 4096;
    const pages = await pragmaNumber(db, 'main', 'page_count');
    const total = pages > 0 ? pages : null;
    const userVersion = (await pragmaNumber(db, 'main', 'user_version')) || 0;
    opts.onProgress?.({ done: 0, total });
    await db.run(`ATTACH DATABASE ? AS ${ALIAS} KEY ${keyLiteral(opts.key)}`, [partial]);
    attached = true;
    await db.exec(exportPragmas(ALIAS));
    if (opts.onProgress && total !== null) {
      const report = opts.onProgress;
      // The export is one SQLite call: progress is the partial file's growth in pages.
      timer = setInterval(() => {
        try {
          report({ done: Math.min(total, Math.floor(statSync(partial).size / pageSize)), total });
        } catch {
          // the file may be gone already
        }
      }, 250);
    }
    const counts = await db.transaction(async (tx) => {
      // The counts and the export read the same snapshot: this transaction.
      const c = await countsOf(tx, 'main');
      await tx.get(`SELECT sqlcipher_export('${ALIAS}')`);
      await tx.exec(`CREATE TABLE ${ALIAS}.${BACKUP_META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`);
      const meta: [string, string | null][] = [
        ['format', String(BACKUP_FORMAT)],
        ['app_version', opts.appVersion],
        ['schema_version', String(userVersion)],
        ['created_at', String(createdAt)],
        ['vault_id', opts.vaultId],
        ['shop_name', opts.shopName],
        ['customers', String(c.customers)],
        ['purchases', String(c.purchases)],
        ['staff', String(c.staff)],
        ['audit_entries', String(c.auditEntries)],
      ];
      for (const [k, v] of meta) if (v !== null) await tx.run(`INSERT INTO ${ALIAS}.${BACKUP_META_TABLE} (key, value) VALUES (?, ?)`, [k, v]);
      await tx.exec(`PRAGMA ${ALIAS}.user_version = ${userVersion}; PRAGMA ${ALIAS}.application_id = ${APPLICATION_ID};`);
      return c;
    });
    if (timer) clearInterval(timer);
    timer = undefined;
    await db.run(`DETACH DATABASE ${ALIAS}`);
    attached = false;
    if (aborted(signal)) throw cancelled();
    // Flushed and verified at the same time, both before the rename: the check reads the bytes the
    // OS holds for the file, flushed yet or not (a USB stick's flush can take longer than the check).
    // Verified through connections of its own, as a restore would open it.
    const [flushed, verified] = await Promise.allSettled([
      fsyncFile(partial).then(() => fsyncDir(folder)),
      verifyBackupFile(partial, { key: opts.key }, opts.check ?? 'quick', { signal }),
    ]);
    if (flushed.status === 'rejected') throw flushed.reason;
    if (verified.status === 'rejected') throw verified.reason;
    const { info } = verified.value;
    if ((Object.keys(counts) as (keyof BackupCounts)[]).some((k) => counts[k] !== info.counts[k])) {
      throw new VaultError('corrupt_backup', undefined, 'counts differ after writing');
    }
    if (aborted(signal)) throw cancelled();
    // The rename keeps the size: what is recorded is the file that appears.
    const backup = { fileName, bytes: statSync(partial).size, durationMs: Math.round(performance.now() - started), counts };
    if (opts.beforeCommit) {
      try {
        await opts.beforeCommit(backup);
      } catch (err) {
        throw new NotRecorded(err);
      }
    }
    renameSync(partial, path);
    fsyncDir(folder);
    opts.onProgress?.({ done: total ?? 1, total: total ?? 1 });
    return { path, ...backup };
  } catch (err) {
    if (timer) clearInterval(timer);
    if (attached) await db.run(`DETACH DATABASE ${ALIAS}`).catch(() => undefined);
    cleanup();
    // The hook's error is about the vault (its audit trail), not the folder: passed on as it is.
    if (err instanceof NotRecorded) throw err.reason;
    throw folderError(folder, err);
  }
}
