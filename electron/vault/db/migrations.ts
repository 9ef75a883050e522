/**
 * Numbered, forward-only migrations. Never edit one after release: add the next number.
 * Each runs in its own transaction together with its bookkeeping row; `PRAGMA user_version`
 * is the highest applied id. The vault refuses to open when the file and this list disagree.
 */
import { createHash } from 'node:crypto';
import type { Db } from './driver';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** 'BRKS': marks a SQLite file as a Brankas vault (PRAGMA application_id). */
export const APPLICATION_ID = 0x42524b53;

export const migrations: readonly Migration[] = [
  {
    id: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        name          TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff', 'viewer')),
        password_hash TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE customers (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        phone      TEXT,
        email      TEXT,
        address    TEXT,
        city       TEXT,
        notes      TEXT,
        tags       TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE, id);
      CREATE INDEX customers_by_phone ON customers (phone) WHERE phone IS NOT NULL;
      CREATE INDEX customers_by_email ON customers (email) WHERE email IS NOT NULL;

      -- Contentless full-text index kept in step by the customers repository in the same
      -- transaction (the phone column holds digit suffixes so fragments like "812 34" match).
      -- contentless_delete + secure-delete: a deleted customer's tokens leave the index for real.
      CREATE VIRTUAL TABLE customers_fts USING fts5 (
        name, phone, email, city, tags, notes,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO customers_fts (customers_fts, rank) VALUES ('secure-delete', 1);
    `,
  },
];

export const checksum = (m: Migration): string =>
  createHash('sha256').update(`${m.id}\n${m.name}\n${m.sql}`).digest('hex');

export const latestVersion = (list: readonly Migration[] = migrations): number => list.at(-1)?.id ?? 0;

export type MigrationCheck =
  | { kind: 'ok'; pending: Migration[] }
  | { kind: 'too_new'; fileVersion: number }
  | { kind: 'mismatch'; detail: string };

interface AppliedRow {
  id: number;
  name: string;
  checksum: string;
}

/** Reads what the file says was applied and compares it with `list`. Writes nothing. */
export async function checkMigrations(db: Db, list: readonly Migration[] = migrations): Promise<MigrationCheck> {
  const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  if (version > latestVersion(list)) return { kind: 'too_new', fileVersion: version };
  const hasTable = await db.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  const applied = hasTable ? await db.all<AppliedRow>('SELECT id, name, checksum FROM schema_migrations ORDER BY id') : [];
  if (applied.length !== version) {
    return { kind: 'mismatch', detail: `user_version ${version} but ${applied.length} recorded migrations` };
  }
  for (const [i, row] of applied.entries()) {
    const shipped = list[i];
    if (!shipped || shipped.id !== row.id || shipped.name !== row.name || checksum(shipped) !== row.checksum) {
      return { kind: 'mismatch', detail: `migration ${row.id} (${row.name}) differs from the shipped one` };
    }
  }
  return { kind: 'ok', pending: list.slice(applied.length) };
}

/** Applies each pending migration in its own transaction. */
export async function applyMigrations(db: Db, pending: readonly Migration[], now: () => number = Date.now): Promise<void> {
  for (const m of pending) {
    await db.transaction(async (tx) => {
      if (m.id === 1) {
        await tx.exec(`
          CREATE TABLE schema_migrations (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at INTEGER NOT NULL
          ) STRICT;
          PRAGMA application_id = ${APPLICATION_ID};
        `);
      }
      await tx.exec(m.sql);
      await tx.run('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
        m.id,
        m.name,
        checksum(m),
        now(),
      ]);
      await tx.exec(`PRAGMA user_version = ${m.id}`);
    });
  }
}
