/**
 * Opening and checking a backup file without changing anything: the salt from its header, the
 * backup key (given, or derived from the typed passphrase), then a separate connection that
 * attaches the file read-only in effect (nothing is written), `integrity_check` and
 * `cipher_integrity_check` (every page's HMAC) — or, when a backup is written, `quick_check` table
 * by table (see CheckLevel) — then the metadata table and the counts it promises.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { BackupCounts, BackupInfo } from '../../contract';
import { DriverError, openDb, type Db, type Queryable } from '../db/driver';
import { APPLICATION_ID, latestVersion } from '../db/migrations';
import { VaultError } from '../errors';
import { matchRegister } from '../erasure/reerase';
import type { RegisterEntry } from '../erasure/repository';
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

/**
 * A numeric PRAGMA of `schema`, whatever its column is called (SQLCipher answers `page_size` in a
 * column named `cipher_page_size`, as text); NaN when there is no answer.
 */
export async function pragmaNumber(db: Queryable, schema: string, name: string): Promise<number> {
  return Number(Object.values((await db.get<Record<string, unknown>>(`PRAGMA ${schema}.${name}`)) ?? {})[0]);
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
 * How thoroughly to check. All three: every page's HMAC (the bytes on disk are exactly the bytes
 * SQLCipher wrote) — `full` and `pages` with `cipher_integrity_check`, `quick` by decrypting every
 * page of every b-tree — the metadata, and the counts it promises against the tables.
 * - `full`: `integrity_check` — every b-tree, the freelist, every page used exactly once, and every
 *   index entry against its row, FTS5's own re-check of the full-text index included.
 * - `quick` (what a backup is written with): `quick_check("<table>")` for every ordinary table
 *   (FTS5's shadow tables and the schema included, FTS5's virtual table not) — every b-tree page
 *   of the table and of each of its indexes, and NOT NULL / CHECK / STRICT types per row — plus,
 *   as the file is a fresh export, `page_count × page_size` = the file's size and no free pages.
 *   It leaves out what only `full` does: index entries against their rows, FTS5's semantic
 *   re-check of the full-text index (half of a whole-file `quick_check` at 100k customers), pages
 *   shared by two tables or used by none (there are none to hold data: no free pages, and every
 *   page the tables reach is decrypted, so its HMAC is checked).
 * - `pages`: neither b-tree check.
 */
export type CheckLevel = 'full' | 'quick' | 'pages';

/** One read-only check on the attached backup; `ok` says whether its answer means undamaged. */
interface CheckJob {
  sql: string;
  ok: (rows: Record<string, unknown>[]) => boolean;
}

const saysOk = (rows: Record<string, unknown>[]): boolean => rows.length === 1 && Object.values(rows[0] ?? {})[0] === 'ok';
/** The tables holding most of a vault's pages, checked first so that two connections finish together. */
const LARGEST_FIRST = ['customers', 'customers_fts_data', 'purchases', 'audit_log', 'customer_tags', 'customers_fts_idx', 'customers_fts_docsize'];

/** The structure checks of `level` on `alias`, largest first; any order gives the same verdict. */
async function checkJobs(db: Queryable, alias: string, level: CheckLevel): Promise<CheckJob[]> {
  const cipher: CheckJob = { sql: `PRAGMA ${alias}.cipher_integrity_check`, ok: (rows) => rows.length === 0 };
  if (level === 'pages') return [cipher];
  if (level === 'full') return [{ sql: `PRAGMA ${alias}.integrity_check`, ok: saysOk }, cipher];
  // The schema's own b-tree too (page 1 and any page it grew into).
  const tables = [
    ...(await db.all<{ name: string }>(`SELECT name FROM ${alias}.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`)).map((r) => r.name),
    'sqlite_schema',
  ];
  const rank = (name: string) => (LARGEST_FIRST.includes(name) ? LARGEST_FIRST.indexOf(name) : LARGEST_FIRST.length);
  const perTable = tables
    .sort((a, b) => rank(a) - rank(b))
    .map((name): CheckJob => ({ sql: `PRAGMA ${alias}.quick_check("${name.replaceAll('"', '""')}")`, ok: saysOk }));
  // No separate cipher_integrity_check: SQLCipher checks a page's HMAC whenever it decrypts it, and
  // these checks decrypt every page of every b-tree — which, in a file that is exactly its pages
  // with none free (checked before), is every page holding data. At a million customers it would
  // read all 450 MB once more (2.4 s, longer than the largest table's check beside it).
  return perTable;
}

/**
 * Runs `jobs` on the connections `dbs` (each with the backup attached under the same alias): each
 * connection takes the next job when its last one is done, so separate connections check at the
 * same time (node-sqlite3 runs each on the libuv thread pool). The first failure stops the others
 * taking new jobs and is what is thrown; a cancel is seen between jobs.
 */
async function runJobs(dbs: Queryable[], jobs: CheckJob[], signal?: AbortSignal): Promise<void> {
  let next = 0;
  let failed: { err: unknown } | undefined;
  const worker = async (db: Queryable) => {
    while (!failed && next < jobs.length) {
      const job = jobs[next++] as CheckJob;
      try {
        if (signal?.aborted) throw new VaultError('cancelled');
        const rows = await db.all<Record<string, unknown>>(job.sql);
        // The first problem SQLite names (pages, cells, rowids: never a value).
        if (!job.ok(rows)) throw new VaultError('corrupt_backup', undefined, `${job.sql}: ${JSON.stringify(rows[0] ?? null).slice(0, 200)}`);
      } catch (err) {
        failed ??= { err };
      }
    }
  };
  await Promise.all(dbs.map(worker));
  if (failed) throw failed.err;
}

export interface CheckOptions {
  /** More connections with the same file attached under the same alias, to check on at the same time. */
  helpers?: Queryable[];
  signal?: AbortSignal;
}

/** Checks the attached backup `alias` on `db`: structure, page MACs, metadata, counts. Reads only. */
export async function checkAttached(
  db: Queryable,
  alias: string,
  path: string,
  level: CheckLevel = 'full',
  opts: CheckOptions = {},
): Promise<Omit<BackupInfo, 'fileId'>> {
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
    if (level === 'quick') {
      // A fresh sqlcipher_export is exactly its pages, none of them free: nothing to check outside the b-trees but HMACs.
      // (SQLCipher answers `page_size` as a string in a column named `cipher_page_size`.)
      const pragma = (name: string) => pragmaNumber(db, alias, name);
      const pages = await pragma('page_count');
      const pageSize = await pragma('page_size');
      const free = await pragma('freelist_count');
      if (!(pages > 0) || pages * pageSize !== statSync(path).size || free !== 0) {
        throw new VaultError('corrupt_backup', undefined, `pages ${pages} × ${pageSize}, free ${free}, file ${statSync(path).size}`);
      }
    }
    await runJobs([db, ...(opts.helpers ?? [])], await checkJobs(db, alias, level), opts.signal);
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
      erasedAgain: 0,
    };
  } catch (err) {
    // The first page opened with the key, so anything SQLite cannot read after it is damage.
    if (err instanceof DriverError) throw new VaultError('corrupt_backup', undefined, `${err.sqliteCode}: ${err.message}`);
    throw err;
  }
}

/** How many connections check a backup at the same time: two where there are two cores. */
const checkConnections = (): number => Math.max(1, Math.min(2, availableParallelism()));

/**
 * Opens and checks any file (whatever its name) with the backup key at `level`, on up to two
 * connections at once; returns what it says and the key. Every connection is closed again. With
 * `register` (the erasure register), `erasedAgain` counts the customers a restore would erase again.
 */
export async function verifyBackupFile(
  path: string,
  secret: BackupSecret,
  level: CheckLevel = 'full',
  opts: { signal?: AbortSignal; register?: readonly RegisterEntry[] } = {},
): Promise<VerifiedBackup> {
  const { db, key } = await attachBackup(path, secret);
  const helpers: Db[] = [];
  try {
    for (let i = 1; i < checkConnections(); i++) helpers.push((await attachBackup(path, { key })).db);
    const info = await checkAttached(db, 'bk', path, level, { helpers, signal: opts.signal });
    // Who a restore of it would erase again (the same matches, counted without changing anything).
    const erasedAgain = opts.register?.length ? (await matchRegister(db, 'bk', opts.register)).length : 0;
    return { info: { ...info, erasedAgain }, key };
  } finally {
    await Promise.all([db, ...helpers].map((d) => d.close()));
  }
}

/**
 * What a backup file says about itself, after it has been verified in full. Nothing is written.
 * Errors: not_found, not_a_backup (not `*.brankas`, plain SQLite, not SQLCipher, another app),
 * wrong_passphrase, backup_too_new, corrupt_backup.
 */
export async function inspectBackup(
  path: string,
  secret: { passphrase: string } | { key: BackupKey },
  register: readonly RegisterEntry[] = [],
): Promise<Omit<BackupInfo, 'fileId'>> {
  if (!isBackupFileName(basename(path))) throw new VaultError('not_a_backup', undefined, 'not a *.brankas file');
  return (await verifyBackupFile(path, secret, 'full', { register })).info;
}
