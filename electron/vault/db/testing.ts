/** Test helpers: a real SQLCipher file in a fresh temp folder with a random key. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from './driver';
import { applyMigrations, checkMigrations, migrations } from './migrations';

export interface TestDb {
  db: Db;
  dir: string;
  path: string;
  keyHex: string;
  cleanup(): Promise<void>;
}

export function tempDir(prefix = 'brankas-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Opens a new migrated vault database. Call `cleanup` in afterEach. */
export async function openTestDb(): Promise<TestDb> {
  const dir = tempDir();
  const path = join(dir, 'vault.db');
  const keyHex = randomBytes(32).toString('hex');
  const db = await openDb(path, keyHex, { create: true });
  await db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;');
  const check = await checkMigrations(db);
  if (check.kind !== 'ok') throw new Error(`unexpected migration state ${check.kind}`);
  await applyMigrations(db, check.pending);
  return {
    db,
    dir,
    path,
    keyHex,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A vault file with only the first `n` migrations applied, as an older release left it: seed rows
 * the way that release wrote them, then apply the next migration and assert on the rows.
 */
export async function dbAtVersion(n: number): Promise<TestDb> {
  const dir = tempDir();
  const path = join(dir, 'vault.db');
  const keyHex = randomBytes(32).toString('hex');
  const db = await openDb(path, keyHex, { create: true });
  await db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;');
  await applyMigrations(db, migrations.slice(0, n));
  return {
    db,
    dir,
    path,
    keyHex,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Applies migration `n` (the next one) to a database at version n − 1. */
export async function migrateTo(db: Db, n: number): Promise<void> {
  const check = await checkMigrations(db, migrations.slice(0, n));
  if (check.kind !== 'ok' || check.pending.length !== 1 || check.pending[0]?.id !== n) throw new Error(`not at version ${n - 1}`);
  await applyMigrations(db, check.pending);
}
