/**
 * Restoring a backup into a **new** vault file with a **new** data key, next to the live vault:
 * `vault.restored.db` is made the way `createVault` makes a vault (keyed file, the vault's pragmas),
 * filled with `sqlcipher_export` from the attached backup, given its own vault id, its metadata table
 * dropped and its audit trail re-sealed under the new key, then opened and checked like any vault
 * (older schemas are migrated forward here). Its key goes to this machine's keychain and a new
 * recovery sidecar beside it. Nothing of the live vault is touched; `swap.ts` does the swap.
 *
 * A restored vault starts in normal mode, even if the backed-up one used strict mode: the keychain
 * holds the data key, and the Owner switches strict mode on again (key slots are per machine and
 * per data key, so the old ones could not open the new key anyway).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import type { BackupInfo } from '../../contract';
import { auditKey } from '../audit/key';
import { GENESIS_MAC, headValue, entryMac, parseHead, HEAD_META_KEY } from '../audit/chain';
import { AUDIT_COLUMNS, chainEntryOf, type AuditRow } from '../audit/repository';
import { openDb, type Db, type Queryable } from '../db/driver';
import { APPLICATION_ID } from '../db/migrations';
import { VaultError } from '../errors';
import { fsyncDir, writeFileAtomic } from '../files';
import type { Keychain } from '../keys/keychain';
import { wrapKey, type ScryptParams } from '../keys/recovery';
import { getMeta, setMeta } from '../meta';
import { openVerified } from '../open';
import { slotsPath, vaultPaths } from '../paths';
import { appendEntry } from '../context';
import { eraseAgain } from '../erasure/reerase';
import { readRegisterFile, unionEntries } from '../erasure/register-file';
import type { RegisterEntry } from '../erasure/repository';
import { keyLiteral } from './key';
import { lastSuccess, recordSuccess } from './settings';
import { discardStaged, journalExists, restoredPaths, writeJournal, type RestoreJournal } from './swap';
import { BACKUP_META_TABLE, checkAttached, attachBackup, isBackupFileName, type BackupSecret } from './verify';

export interface StageOptions {
  dataDir: string;
  backupPath: string;
  secret: BackupSecret;
  keychain: Keychain;
  recoveryCode: string;
  /** The live vault's id (null on a first run). */
  previousVaultId: string | null;
  now: () => number;
  recoveryKdf?: ScryptParams;
  signal?: AbortSignal;
  /**
   * The live vault's erasure register, when it is open (the copy beside it is read here too). Read
   * only once the backup has been checked and copied: a refused or cancelled restore touches nothing.
   */
  register?: () => Promise<readonly RegisterEntry[]>;
  /** Progress in percent: the full check of the backup (to 30), the copy into the new vault (to 90), the rest. */
  onProgress?: (p: { done: number; total: number | null }) => void;
}

export interface StagedRestore {
  journal: RestoreJournal;
  info: Omit<BackupInfo, 'fileId'>;
}

/**
 * Re-seals the audit trail under the new vault's MAC key: same entries, same ids, same links
 * (an entry after a gap still starts from genesis, as the appender would), new MACs and head.
 * The trail was sealed by the backed-up vault's key, which never leaves that machine.
 */
export async function resealAudit(tx: Queryable, key: Buffer): Promise<number> {
  const hasTable = await tx.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'");
  if (!hasTable) return 0;
  const update = await tx.prepare('UPDATE audit_log SET mac = ? WHERE id = ?');
  let prev: { id: number; mac: string } | null = null;
  let n = 0;
  let last = 0;
  const PAGE = 2000;
  try {
    for (;;) {
      const rows = await tx.all<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, [last, PAGE]);
      for (const row of rows) {
        const prevMac = prev && prev.id === row.id - 1 ? prev.mac : GENESIS_MAC;
        const mac = entryMac(key, prevMac, chainEntryOf(row));
        await update.run([mac, row.id]);
        prev = { id: row.id, mac };
        n++;
        last = row.id;
      }
      if (rows.length < PAGE) break;
    }
  } finally {
    await update.finalize();
  }
  const head = parseHead(await getMeta(tx, HEAD_META_KEY));
  // A head that names an entry that is not there (a cut trail) is left as it is: verification says so.
  if (head && prev && head.lastId === prev.id) await setMeta(tx, HEAD_META_KEY, headValue(key, prev.id, prev.mac));
  return n;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Erases again, in the restored file's own transaction with its one audit entry, everyone the
 * register (the live vault's and the copy beside it) names; then nothing of them stays in the WAL.
 */
async function reErase(db: Db, opts: StageOptions, key: Buffer, fileName: string): Promise<number> {
  const entries = unionEntries((await opts.register?.()) ?? [], readRegisterFile(opts.dataDir));
  if (entries.length === 0) return 0;
  try {
    const done = await db.transaction(async (tx) => {
      const at = opts.now();
      const again = await eraseAgain(tx, entries, at);
      if (again.customers > 0) {
        await appendEntry(tx, key, null, {
          action: 'customer.erase',
          targetType: 'file',
          targetId: fileName,
          details: { erasedAgain: again.customers, purchasesKept: again.keptPurchases, consentEntries: again.consentEntries, requestsRedacted: again.requestsRedacted, registerRows: again.registerRows },
        }, at);
      }
      return again.customers;
    });
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return done;
  } finally {
    key.fill(0);
  }
}

/**
 * Verifies the backup, then builds and checks the new vault beside the live one and stores its
 * key; returns the journal (phase `staging`, written) for `swap.ts`. On any failure everything
 * staged is removed again and the live vault is as it was.
 */
export async function stageRestore(opts: StageOptions): Promise<StagedRestore> {
  const dir = opts.dataDir;
  if (journalExists(dir)) throw new VaultError('restore_pending');
  if (!isBackupFileName(basename(opts.backupPath))) throw new VaultError('not_a_backup', undefined, 'not a *.brankas file');
  const r = restoredPaths(dir);
  const newVaultId = randomUUID();
  const key = randomBytes(32);
  const keyHex = key.toString('hex');
  const journal: RestoreJournal = {
    format: 1,
    phase: 'staging',
    newVaultId,
    previousVaultId: opts.previousVaultId,
    previousHadSlots: existsSync(slotsPath(dir)),
    restoredFrom: basename(opts.backupPath),
    replacedAt: opts.now(),
  };
  // Opened (and fully verified) before anything is written in the data folder.
  const { db, key: backupKey } = await attachBackup(opts.backupPath, opts.secret);
  let info: Omit<BackupInfo, 'fileId'>;
  let journalWritten = false;
  const report = (done: number) => opts.onProgress?.({ done: Math.round(done), total: 100 });
  report(0);
  try {
    info = await checkAttached(db, 'bk', opts.backupPath);
    await db.run('DETACH DATABASE bk');
    report(30);
    if (opts.signal?.aborted) throw new VaultError('cancelled');
    // On a new PC the data folder may not exist yet (as at createVault).
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeJournal(dir, journal);
    journalWritten = true;
    const target = await openDb(r.db, keyHex, { create: true });
    try {
      // Filled without a journal (a failed restore is deleted, never repaired), WAL afterwards like every vault.
      await target.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;');
      await target.run(`ATTACH DATABASE ? AS bk KEY ${keyLiteral(backupKey)}`, [opts.backupPath]);
      const version = (await target.get<{ user_version: number }>('PRAGMA bk.user_version'))?.user_version ?? 0;
      // The copy is one statement: its progress is the new file's growth against the backup's size.
      const backupBytes = Math.max(1, statSync(opts.backupPath).size);
      const timer = opts.onProgress
        ? setInterval(() => {
            try {
              report(30 + 60 * Math.min(1, statSync(r.db).size / backupBytes));
            } catch {
              // not there yet
            }
          }, 250)
        : null;
      try {
        await target.get("SELECT sqlcipher_export('main', 'bk')");
      } finally {
        if (timer) clearInterval(timer);
      }
      report(90);
      await target.run('DETACH DATABASE bk');
      await target.exec(`PRAGMA user_version = ${version}; PRAGMA application_id = ${APPLICATION_ID};`);
    } finally {
      await target.close();
    }
    if (opts.signal?.aborted) throw new VaultError('cancelled');
    // A new connection: the exporting one still has the empty file's schema cached (its triggers
    // would not fire), so the rest runs against the schema as it is on disk.
    const fresh = await openDb(r.db, keyHex, { create: false });
    try {
      await fresh.exec('PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;');
      await fresh.transaction(async (tx) => {
        await tx.exec(`DROP TABLE ${BACKUP_META_TABLE}`);
        await setMeta(tx, 'vault_id', newVaultId);
        await setMeta(tx, 'recovery_confirmed', '0');
        await setMeta(tx, 'restored_at', String(opts.now()));
        // The backup was written before its own success was recorded: the restored vault's last good
        // backup is the file it came from (else the home screen would say there has never been one).
        const known = await lastSuccess(tx);
        if (!known || known.at < info.createdAt) await recordSuccess(tx, { at: info.createdAt, fileName: basename(opts.backupPath) });
        // The trail is append-only (triggers): lifted for the re-seal only, inside this transaction.
        const triggers = await tx.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'");
        for (const t of triggers) await tx.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
        await resealAudit(tx, auditKey(key));
        for (const t of triggers) await tx.exec(t.sql);
      });
      await fresh.exec('PRAGMA journal_mode = WAL');
    } finally {
      await fresh.close();
    }
    fsyncFile(r.db);
    // Opened as the app opens a vault: verification, then pending migrations for an older backup.
    const check = await openVerified(r.db, keyHex, true);
    try {
      // The backup passed integrity_check above and the indexes were rebuilt by the export: the
      // structure check of the new file is enough here (a full one costs as much again).
      const integrity = await check.all<{ quick_check: string }>('PRAGMA quick_check');
      if (integrity.length !== 1 || integrity[0]?.quick_check !== 'ok') throw new VaultError('corrupt_backup', undefined, 'restored file fails quick_check');
      if ((await getMeta(check, 'vault_id')) !== newVaultId) throw new VaultError('internal', undefined, 'vault id not set');
      info = { ...info, erasedAgain: await reErase(check, opts, auditKey(key), basename(opts.backupPath)) };
    } finally {
      await check.close();
    }
    fsyncFile(r.db);
    await opts.keychain.set(newVaultId, keyHex);
    writeFileAtomic(r.recovery, JSON.stringify(await wrapKey(key, opts.recoveryCode, newVaultId, opts.recoveryKdf), null, 2) + '\n');
    fsyncDir(dir);
    report(100);
    return { journal, info };
  } catch (err) {
    await db.close().catch(() => undefined);
    if (journalWritten) await discardStaged(dir, journal, opts.keychain).catch(() => undefined);
    throw err;
  } finally {
    await db.close().catch(() => undefined);
    key.fill(0);
  }
}

/** The live vault's files (for the no-vault check of a first-run restore). */
export const hasVault = (dir: string): boolean => existsSync(vaultPaths(dir).vault);
