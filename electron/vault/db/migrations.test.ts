import { describe, it, expect, afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DriverError, openDb, type Db } from './driver';
import { APPLICATION_ID, applyMigrations, checkMigrations, checksum, latestVersion, migrations, type Migration } from './migrations';
import { openTestDb, tempDir, type TestDb } from './testing';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function migrated(): Promise<TestDb> {
  const t = await openTestDb();
  cleanups.push(t.cleanup);
  return t;
}

/** A new, empty SQLCipher file (no migrations applied). */
async function emptyDb(): Promise<Db> {
  const dir = tempDir();
  const db = await openDb(join(dir, 'vault.db'), randomBytes(32).toString('hex'), { create: true });
  cleanups.push(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/** A vault at version 1 (only the foundation migration applied), as the previous release left it. */
async function v1Db(): Promise<Db> {
  const db = await emptyDb();
  await db.exec('PRAGMA foreign_keys = ON');
  await applyMigrations(db, [migrations[0]!]);
  return db;
}

const pragma = async (db: Db, name: string) => Object.values((await db.get<Record<string, number>>(`PRAGMA ${name}`)) ?? {})[0];
const tableNames = async (db: Db) =>
  (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((r) => r.name);

describe('the shipped list', () => {
  it('is numbered 1, 2, … without gaps, with distinct names', () => {
    expect(migrations.map((m) => m.id)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(latestVersion()).toBe(migrations.length);
  });

  it('brings a new file to the latest version, recording every migration', async () => {
    const { db } = await migrated();
    expect(await pragma(db, 'user_version')).toBe(latestVersion());
    expect(await db.all('SELECT id, name, checksum FROM schema_migrations ORDER BY id')).toEqual(
      migrations.map((m) => ({ id: m.id, name: m.name, checksum: checksum(m) })),
    );
  });
});

describe('migration 1 (foundation)', () => {
  it('creates the tables, marks the file as a Brankas vault and records itself', async () => {
    const db = await v1Db();
    const tables = await tableNames(db);
    for (const t of ['meta', 'staff', 'customers', 'customers_fts', 'schema_migrations']) expect(tables).toContain(t);
    expect(await pragma(db, 'application_id')).toBe(APPLICATION_ID);
    expect(await pragma(db, 'user_version')).toBe(1);
    const rows = await db.all('SELECT id, name, checksum, applied_at FROM schema_migrations');
    expect(rows).toEqual([{ id: 1, name: 'foundation', checksum: checksum(migrations[0]!), applied_at: expect.any(Number) }]);
    expect(checksum(migrations[0]!)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('makes the tables STRICT: a value of the wrong type is refused', async () => {
    const { db } = await migrated();
    const insertStaff = (createdAt: string | number) =>
      db.run("INSERT INTO staff (name, role, password_hash, created_at, updated_at) VALUES ('A', 'owner', 'h', ?, 1)", [createdAt]);
    const err = await insertStaff('yesterday').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriverError);
    expect((err as DriverError).sqliteCode).toBe('SQLITE_CONSTRAINT');
    expect((err as DriverError).message).toMatch(/cannot store TEXT value in INTEGER column/);
    await expect(db.run("INSERT INTO meta (key, value) VALUES ('k', ?)", [new Uint8Array([1, 2])])).rejects.toMatchObject({
      sqliteCode: 'SQLITE_CONSTRAINT',
    });
    await expect(insertStaff(1)).resolves.toMatchObject({ changes: 1 });
  });

  it('enforces the CHECK constraints on staff role and customer name', async () => {
    const { db } = await migrated();
    await expect(
      db.run("INSERT INTO staff (name, role, password_hash, created_at, updated_at) VALUES ('A', 'admin', 'h', 1, 1)"),
    ).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    await expect(db.run("INSERT INTO customers (name, created_at, updated_at) VALUES ('', 1, 1)")).rejects.toMatchObject({
      sqliteCode: 'SQLITE_CONSTRAINT',
    });
  });

  it('creates a contentless FTS5 index with secure-delete on, from which rows can be deleted', async () => {
    const { db } = await migrated();
    const sql = (await db.get<{ sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'customers_fts'"))?.sql;
    expect(sql).toMatch(/USING fts5/i);
    expect(sql).toMatch(/content\s*=\s*''/);
    expect(sql).toMatch(/contentless_delete\s*=\s*1/);
    expect(await db.get("SELECT v FROM customers_fts_config WHERE k = 'secure-delete'")).toEqual({ v: 1 });
    await db.run("INSERT INTO customers_fts (rowid, name) VALUES (7, 'Budi Santoso')");
    expect(await db.all("SELECT rowid FROM customers_fts WHERE customers_fts MATCH 'budi'")).toEqual([{ rowid: 7 }]);
    await db.run('DELETE FROM customers_fts WHERE rowid = 7');
    expect(await db.all("SELECT rowid FROM customers_fts WHERE customers_fts MATCH 'budi'")).toEqual([]);
  });
});

describe('checkMigrations', () => {
  it('lists every shipped migration as pending for an empty file, and writes nothing', async () => {
    const db = await emptyDb();
    expect(await checkMigrations(db)).toEqual({ kind: 'ok', pending: [...migrations] });
    expect(await tableNames(db)).toEqual([]);
    expect(await pragma(db, 'user_version')).toBe(0);
  });

  it('has nothing pending once applied, and applying again changes nothing', async () => {
    const { db } = await migrated();
    const check = await checkMigrations(db);
    expect(check).toEqual({ kind: 'ok', pending: [] });
    await applyMigrations(db, []);
    expect(await checkMigrations(db)).toEqual({ kind: 'ok', pending: [] });
    expect(await db.get('SELECT count(*) AS n FROM schema_migrations')).toEqual({ n: migrations.length });
  });

  it('says too_new when user_version is above the latest shipped migration', async () => {
    const { db } = await migrated();
    await db.exec(`PRAGMA user_version = ${latestVersion() + 1}`);
    expect(await checkMigrations(db)).toEqual({ kind: 'too_new', fileVersion: latestVersion() + 1 });
  });

  it('says mismatch when a recorded checksum differs from the shipped migration', async () => {
    const { db } = await migrated();
    await db.run("UPDATE schema_migrations SET checksum = ? WHERE id = 1", ['0'.repeat(64)]);
    expect(await checkMigrations(db)).toMatchObject({ kind: 'mismatch', detail: expect.stringContaining('migration 1') });
  });

  it('says mismatch when a recorded name differs', async () => {
    const { db } = await migrated();
    await db.run("UPDATE schema_migrations SET name = 'renamed' WHERE id = 1");
    expect((await checkMigrations(db)).kind).toBe('mismatch');
  });

  it('lists only the later migrations as pending for a file from an earlier version', async () => {
    const db = await v1Db();
    expect(await checkMigrations(db)).toEqual({ kind: 'ok', pending: migrations.slice(1) });
  });

  it('says mismatch when user_version and the recorded rows disagree', async () => {
    const db = await v1Db();
    await db.exec('PRAGMA user_version = 0');
    expect(await checkMigrations(db)).toMatchObject({ kind: 'mismatch', detail: 'user_version 0 but 1 recorded migrations' });
    await db.exec('PRAGMA user_version = 1');
    await db.run("INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (2, 'ghost', 'x', 1)");
    expect(await checkMigrations(db)).toMatchObject({ kind: 'mismatch', detail: 'user_version 1 but 2 recorded migrations' });
    await db.exec('PRAGMA user_version = 2');
    expect(await checkMigrations(db)).toMatchObject({ kind: 'mismatch', detail: 'migration 2 (ghost) differs from the shipped one' });
  });

  it('says mismatch when the file has a migration this list does not ship at that position', async () => {
    const db = await v1Db();
    const other: Migration[] = [{ id: 1, name: 'foundation', sql: `${migrations[0]!.sql}\n-- edited after release` }];
    expect((await checkMigrations(db, other)).kind).toBe('mismatch');
  });
});

describe('applyMigrations', () => {
  const next: Migration = { id: latestVersion() + 1, name: 'next', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' };

  it('applies a later migration on top of an existing file and records it', async () => {
    const { db } = await migrated();
    const list = [...migrations, next];
    const check = await checkMigrations(db, list);
    expect(check).toEqual({ kind: 'ok', pending: [next] });
    await applyMigrations(db, [next], () => 1234);
    expect(await pragma(db, 'user_version')).toBe(next.id);
    expect(await tableNames(db)).toContain('extra');
    expect(await db.get('SELECT id, name, checksum, applied_at FROM schema_migrations WHERE id = ?', [next.id])).toEqual({
      id: next.id,
      name: 'next',
      checksum: checksum(next),
      applied_at: 1234,
    });
    expect(await checkMigrations(db, list)).toEqual({ kind: 'ok', pending: [] });
    // The shipped list is now older than the file.
    expect(await checkMigrations(db)).toEqual({ kind: 'too_new', fileVersion: next.id });
  });

  it('rolls back a failing migration completely and keeps the ones before it', async () => {
    const db = await emptyDb();
    const broken: Migration = { id: 2, name: 'broken', sql: 'CREATE TABLE half (id INTEGER) STRICT; THIS IS NOT SQL;' };
    const list = [migrations[0]!, broken];
    const check = await checkMigrations(db, list);
    if (check.kind !== 'ok') throw new Error(check.kind);
    await expect(applyMigrations(db, check.pending)).rejects.toMatchObject({ sqliteCode: 'SQLITE_ERROR' });
    expect(await pragma(db, 'user_version')).toBe(1);
    expect(await tableNames(db)).not.toContain('half');
    expect(await db.all('SELECT id FROM schema_migrations')).toEqual([{ id: 1 }]);
    expect(await checkMigrations(db, list)).toEqual({ kind: 'ok', pending: [broken] });
  });
});
