/**
 * Numbered, forward-only migrations. Never edit one after release: add the next number.
 * Each runs in its own transaction together with its bookkeeping row; `PRAGMA user_version`
 * is the highest applied id. The vault refuses to open when the file and this list disagree.
 */
import { createHash } from 'node:crypto';
import type { Db } from './driver';
import { purposesMigration } from './migration-4';
import { consentMigration } from './migration-5';
import { requestsMigration } from './migration-6';

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
  {
    id: 2,
    name: 'records',
    sql: `
      -- The field catalogue: what personal data the shop collects and why (seed principle 1).
      CREATE TABLE fields (
        key        TEXT PRIMARY KEY,
        builtin    INTEGER NOT NULL CHECK (builtin IN (0, 1)),
        kind       TEXT NOT NULL CHECK (kind IN ('phone', 'email', 'text', 'longtext', 'date', 'gender', 'number', 'choice')),
        label      TEXT,
        choices    TEXT NOT NULL DEFAULT '[]',
        enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        purpose    TEXT NOT NULL DEFAULT '',
        sensitive  INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
        position   INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (enabled = 0 OR length(trim(purpose)) > 0)
      ) STRICT;
      -- Fields a vault from the foundation version already used stay on, with a purpose to review.
      INSERT INTO fields (key, builtin, kind, enabled, purpose, sensitive, position, updated_at) VALUES
        ('phone',       1, 'phone',    1, 'Untuk menghubungi pelanggan tentang pesanan dan layanan.', 1, 1, 0),
        ('email',       1, 'email',    1, 'Untuk mengirim nota dan kabar pesanan lewat email.',       1, 2, 0),
        ('address',     1, 'longtext', EXISTS (SELECT 1 FROM customers WHERE address IS NOT NULL),
                                          CASE WHEN EXISTS (SELECT 1 FROM customers WHERE address IS NOT NULL)
                                               THEN 'Untuk mengantar pesanan ke rumah pelanggan.' ELSE '' END,  1, 3, 0),
        ('city',        1, 'text',     1, 'Untuk mengatur pengiriman dan melihat asal pelanggan.',     0, 4, 0),
        ('birthday',    1, 'date',     0, '', 1, 5, 0),
        ('gender',      1, 'gender',   0, '', 0, 6, 0),
        ('notes',       1, 'longtext', 1, 'Untuk mengingat permintaan khusus pelanggan.',              0, 7, 0),
        ('preferences', 1, 'longtext', 0, '', 0, 8, 0);

      ALTER TABLE customers ADD COLUMN birthday TEXT;
      ALTER TABLE customers ADD COLUMN gender TEXT CHECK (gender IN ('female', 'male', 'other'));
      ALTER TABLE customers ADD COLUMN preferences TEXT;
      ALTER TABLE customers ADD COLUMN custom TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE customers ADD COLUMN last_verified_at INTEGER;
      -- Kept in step with purchases in the same transaction, so the list can sort by them at 1M rows.
      ALTER TABLE customers ADD COLUMN purchase_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE customers ADD COLUMN purchase_total INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE customers ADD COLUMN last_purchase_date TEXT;
      CREATE INDEX customers_by_last_purchase ON customers (last_purchase_date DESC, id DESC);
      CREATE INDEX customers_by_created ON customers (created_at DESC, id DESC);
      CREATE INDEX customers_by_city ON customers (city COLLATE NOCASE, name COLLATE NOCASE, id) WHERE city IS NOT NULL;
      CREATE INDEX customers_by_verified ON customers (last_verified_at, id);

      CREATE TABLE purchases (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        description TEXT NOT NULL,
        amount      INTEGER NOT NULL CHECK (amount >= 0),
        channel     TEXT NOT NULL CHECK (channel IN ('store', 'whatsapp', 'marketplace', 'other')),
        created_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX purchases_by_customer ON purchases (customer_id, date DESC, id DESC);

      -- One row per customer and tag: filter by tag and tag autocomplete without scanning customers.
      CREATE TABLE customer_tags (
        customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        tag         TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (customer_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX customer_tags_by_tag ON customer_tags (tag, customer_id);
      INSERT OR IGNORE INTO customer_tags (customer_id, tag)
        SELECT c.id, trim(j.value) FROM customers c, json_each(c.tags) j
        WHERE j.type = 'text' AND trim(j.value) <> '';
    `,
  },
  {
    id: 3,
    name: 'staff',
    sql: `
      -- People on a shared PC: status, two-factor sign-in, back-off and the access review.
      ALTER TABLE staff ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled'));
      ALTER TABLE staff ADD COLUMN access_reason TEXT NOT NULL DEFAULT '';
      ALTER TABLE staff ADD COLUMN totp_secret TEXT;
      ALTER TABLE staff ADD COLUMN totp_last_step INTEGER;
      ALTER TABLE staff ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE staff ADD COLUMN last_failed_at INTEGER;
      ALTER TABLE staff ADD COLUMN last_sign_in_at INTEGER;
      ALTER TABLE staff ADD COLUMN last_reviewed_at INTEGER;
      CREATE UNIQUE INDEX staff_by_name ON staff (name COLLATE NOCASE);
      UPDATE staff SET access_reason = 'Pemilik toko' WHERE role = 'owner';

      -- One-time 2FA backup codes, stored hashed; a used code keeps its row with used_at set.
      CREATE TABLE staff_backup_codes (
        staff_id  INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        used_at   INTEGER,
        PRIMARY KEY (staff_id, code_hash)
      ) STRICT, WITHOUT ROWID;

      -- The audit trail. Append-only: each entry's mac is HMAC(key, previous mac || this entry)
      -- under a key derived from the vault key, so an edit, deletion, insertion or reordering
      -- done with raw SQL is found by verification. The triggers stop the app's own code (and
      -- honest mistakes) from rewriting history; the MAC chain is what detects a determined edit.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          INTEGER NOT NULL,
        actor_id    INTEGER,
        actor_name  TEXT NOT NULL,
        action      TEXT NOT NULL,
        target_type TEXT,
        target_id   TEXT,
        outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        details     TEXT NOT NULL DEFAULT '{}',
        mac         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_by_at ON audit_log (at, id);
      CREATE INDEX audit_by_actor ON audit_log (actor_id, at);
      CREATE INDEX audit_by_target ON audit_log (target_type, target_id, at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  purposesMigration,
  consentMigration,
  requestsMigration,
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
