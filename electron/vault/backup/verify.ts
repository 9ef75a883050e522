/**
 * Opening and checking a backup file without changing anything: the salt from its header, the
 * backup key (given, or derived from the typed passphrase), then a separate connection that
 * attaches the file read-only in effect (nothing is written), `integrity_check`,
 * `cipher_integrity_check` (every page's HMAC), the metadata table and the counts it promises.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BackupCounts, BackupInfo } from '../../contract';
import { DriverError, openDb, type Db, type Queryable } from '../db/driver';
import { APPLICATION_ID, latestVersion } from '../db/migrations';
import { VaultError } from '../errors';
import { deriveBackupKey, keyLiteral, readBackupSalt, type BackupKey } from './key';

export const BACKUP_EXTENSION = '.brankas';
/** The metadata table every backup carries (dropped again in a restored vault). */
export const BACKUP_META_TABLE = 'brankas_backup';
/** Format of the metadata table; a newer one is `backup_too_new`. */
export const BACKUP_FORMAT = 1;
/** SQLCipher 4's page size: a backup is whole pages. */
const PAGE = 4096;

export type BackupSecret = { passphrase: string } | { key: BackupKey };

/** Only `*.brankas` files (not hidden, not partial) count as backups. */
export function isBackupFileName(name: string): boolean {
  return name.endsWith(BACKUP_EXTENSION) && !name.startsWith('.') && name.length > BACKUP_EXTENSION.length;
}

/** Customers, purchases, staff and audit entries in `schema` (tables an older vault lacks count 0). */
export async function countsOf(q: Queryable, schema: string): Promise<BackupCounts> {
  const tables = new Set(
    (await q.all<{ name: string }>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table'`)).map((r) => r.name),
  );
  const count = async (table: string): Promise<number> =>
    tables.has(table) ? ((await q.get<{ n: number }>(`SELECT count(*) AS n FROM ${schema}.${table}`))?.n ?? 0) : 0;
  return {
    customers: await count('customers'),
    purchases: await count('purchases'),
    staff: await count('staff'),
    auditEntries: await count('audit_log'),
  };
}

export interface VerifiedBackup {
  info: Omit<BackupInfo, 'fileId'>;
  key: BackupKey;
}

/**
 * Opens a scratch connection with `path` attached as `alias`, keyed by the backup key. The caller
 * closes the returned Db. Errors: not_found, not_a_backup, wrong_passphrase.
 */
export async function attachBackup(path: string, secret: BackupSecret, alias = 'bk', into?: Db): Promise<{ db: Db; key: BackupKey }> {
  const salt = readBackupSalt(path);
  const size = statSync(path).size;
  const looksLikeSqlcipher = size >= PAGE && size % PAGE === 0;
  let key: BackupKey;
  if ('passphrase' in secret) key = await deriveBackupKey(secret.passphrase, salt);
  else if (secret.key.salt.equals(salt)) key = secret.key;
  // Another salt: another passphrase made this file (or it is not a backup at all).
  else throw new VaultError(looksLikeSqlcipher ? 'wrong_passphrase' : 'not_a_backup', undefined, 'salt differs');
  const db = into ?? (await openDb(':memory:', randomBytes(32).toString('hex'), { create: true }));
  try {
    await db.run(`ATTACH DATABASE ? AS ${alias} KEY ${keyLiteral(key)}`, [path]);
    // Reading the schema reads (and authenticates) page 1: a wrong key fails here.
    await db.get(`SELECT count(*) AS n FROM ${alias}.sqlite_master`);
    // integrity_check walks every index against its table: with SQLCipher's 2 MiB default cache
    // each page is decrypted many times over (100k customers: ~6 s → ~2 s with 64 MiB).
    await db.exec(`PRAGMA ${alias}.cache_size = -65536`);
  } catch (err) {
    if (!into) await db.close().catch(() => undefined);
    else await db.run(`DETACH DATABASE ${alias}`).catch(() => undefined);
    if (err instanceof DriverError && err.sqliteCode === 'SQLITE_NOTADB') {
      // An encrypted file with another key looks exactly like random bytes; only the shape tells.
      throw new VaultError(looksLikeSqlcipher ? 'wrong_passphrase' : 'not_a_backup', undefined, err.message);
    }
    if (err instanceof DriverError && err.sqliteCode === 'SQLITE_CORRUPT') throw new VaultError('corrupt_backup', undefined, err.message);
    throw err;
  }
  return { db, key };
}

/**
 * How thoroughly to check. `full`: `integrity_check` (structure, and every index entry against its
 * row, FTS included). `quick`: `quick_check` (structure only). `pages`: neither. All three:
 * `cipher_integrity_check` (every page's HMAC, i.e. the bytes on disk are exactly the bytes
 * SQLCipher wrote), the metadata, and the counts it promises against the tables.
 */
export type CheckLevel = 'full' | 'quick' | 'pages';

/** Checks the attached backup `alias` on `db`: structure, page MACs, metadata, counts. Reads only. */
export async function checkAttached(db: Queryable, alias: string, path: string, level: CheckLevel = 'full'): Promise<Omit<BackupInfo, 'fileId'>> {
  try {
    const app = await db.get<{ application_id: number }>(`PRAGMA ${alias}.application_id`);
    const hasMeta = await db.get(`SELECT 1 FROM ${alias}.sqlite_master WHERE type = 'table' AND name = '${BACKUP_META_TABLE}'`);
    if (app?.application_id !== APPLICATION_ID || !hasMeta) throw new VaultError('not_a_backup', undefined, `application_id ${app?.application_id}`);
    const rows = await db.all<{ key: string; value: string }>(`SELECT key, value FROM ${alias}.${BACKUP_META_TABLE}`);
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const format = Number(meta.get('format'));
    const schemaVersion = Number(meta.get('schema_version'));
    const fileVersion = (await db.get<{ user_version: number }>(`PRAGMA ${alias}.user_version`))?.user_version ?? 0;
    if (format > BACKUP_FORMAT || schemaVersion > latestVersion() || fileVersion > latestVersion()) {
      throw new VaultError('backup_too_new', undefined, `format ${format}, schema ${schemaVersion}`);
    }
    if (level !== 'pages') {
      const pragma = level === 'full' ? 'integrity_check' : 'quick_check';
      const integrity = await db.all<Record<string, string>>(`PRAGMA ${alias}.${pragma}`);
      if (integrity.length !== 1 || integrity[0]?.[pragma] !== 'ok') throw new VaultError('corrupt_backup', undefined, pragma);
    }
    const cipher = await db.all<Record<string, unknown>>(`PRAGMA ${alias}.cipher_integrity_check`);
    if (cipher.length > 0) throw new VaultError('corrupt_backup', undefined, 'cipher_integrity_check');
    const promised: BackupCounts = {
      customers: Number(meta.get('customers')),
      purchases: Number(meta.get('purchases')),
      staff: Number(meta.get('staff')),
      auditEntries: Number(meta.get('audit_entries')),
    };
    const actual = await countsOf(db, alias);
    const createdAt = Number(meta.get('created_at'));
    const vaultId = meta.get('vault_id');
    if (
      format !== BACKUP_FORMAT ||
      schemaVersion !== fileVersion ||
      !Number.isSafeInteger(createdAt) ||
      !vaultId ||
      (Object.keys(actual) as (keyof BackupCounts)[]).some((k) => actual[k] !== promised[k])
    ) {
      throw new VaultError('corrupt_backup', undefined, `metadata ${JSON.stringify({ format, schemaVersion, fileVersion, promised, actual })}`);
    }
    return {
      fileName: basename(path),
      createdAt,
      appVersion: meta.get('app_version') ?? '',
      schemaVersion,
      vaultId,
      shopName: meta.get('shop_name') ?? null,
      counts: actual,
      bytes: statSync(path).size,
    };
  } catch (err) {
    // The first page opened with the key, so anything SQLite cannot read after it is damage.
    if (err instanceof DriverError) throw new VaultError('corrupt_backup', undefined, `${err.sqliteCode}: ${err.message}`);
    throw err;
  }
}

/** Opens and fully checks any file (whatever its name) with the backup key; returns what it says and the key. */
export async function verifyBackupFile(path: string, secret: BackupSecret, level: CheckLevel = 'full'): Promise<VerifiedBackup> {
  const { db, key } = await attachBackup(path, secret);
  try {
    return { info: await checkAttached(db, 'bk', path, level), key };
  } finally {
    await db.close();
  }
}

/**
 * What a backup file says about itself, after it has been verified in full. Nothing is written.
 * Errors: not_found, not_a_backup (not `*.brankas`, plain SQLite, not SQLCipher, another app),
 * wrong_passphrase, backup_too_new, corrupt_backup.
 */
export async function inspectBackup(path: string, secret: { passphrase: string } | { key: BackupKey }): Promise<Omit<BackupInfo, 'fileId'>> {
  if (!isBackupFileName(basename(path))) throw new VaultError('not_a_backup', undefined, 'not a *.brankas file');
  return (await verifyBackupFile(path, secret)).info;
}
