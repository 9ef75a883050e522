/**
 * Migration 5 (consent and notice): the consent ledger, its evidence, the published versions of the
 * privacy notice and the recipients it names. Kept in a file of its own (migrations.ts lists it) —
 * never edit it after release.
 *
 * - `consent_events` is the ledger: one row per thing a customer said about one consent purpose
 *   (given, withdrawn, refused), append-only. Triggers refuse UPDATE, and DELETE while the customer
 *   still exists: the rows go only with the customer (erasure, ON DELETE CASCADE).
 * - `consent_current` is the latest entry per customer × purpose, kept by a trigger on the ledger in
 *   the inserting transaction: a withdrawal is in force the moment it commits, and the purpose-bound
 *   export and the list filter read one indexed row instead of a history.
 * - `consent_evidence` holds the scanned form or screenshot (≤ 10 MB) inside the encrypted vault;
 *   nothing is written beside it.
 * - `notice_versions` freezes each published notice (number, date, full text id + en, SHA-256 of the
 *   text, and a digest of what it was made from, which tells when it is out of date), append-only.
 * - `notice_recipients`: who outside the shop receives data, and where they keep it; empty by default.
 */
import type { Migration } from './migrations';

const appendOnly = (table: string, guard = '') => `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} ${guard}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

export const consentMigration: Migration = {
  id: 5,
  name: 'consent',
  sql: `
    CREATE TABLE notice_versions (
      number         INTEGER PRIMARY KEY CHECK (number >= 1),
      effective_date TEXT NOT NULL CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      published_at   INTEGER NOT NULL,
      published_by   INTEGER REFERENCES staff (id),
      publisher_name TEXT NOT NULL,
      text_id        TEXT NOT NULL CHECK (length(text_id) > 0),
      text_en        TEXT NOT NULL CHECK (length(text_en) > 0),
      sha256         TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
      source_digest  TEXT NOT NULL CHECK (length(source_digest) = 64)
    ) STRICT;
    ${appendOnly('notice_versions')}

    CREATE TABLE notice_recipients (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      name       TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
      why_id     TEXT NOT NULL CHECK (length(trim(why_id)) BETWEEN 1 AND 600),
      why_en     TEXT NOT NULL CHECK (length(trim(why_en)) BETWEEN 1 AND 600),
      country_id TEXT NOT NULL CHECK (length(trim(country_id)) BETWEEN 1 AND 80),
      country_en TEXT NOT NULL CHECK (length(trim(country_en)) BETWEEN 1 AND 80),
      abroad     INTEGER NOT NULL CHECK (abroad IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE consent_evidence (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      file_name   TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      media_type  TEXT NOT NULL CHECK (length(media_type) BETWEEN 1 AND 100),
      size        INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
      sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
      content     BLOB NOT NULL CHECK (length(content) = size),
      created_at  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX consent_evidence_by_customer ON consent_evidence (customer_id);
    ${appendOnly('consent_evidence', 'WHEN EXISTS (SELECT 1 FROM customers WHERE id = OLD.customer_id)')}

    CREATE TABLE consent_events (
      id                INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id       INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      purpose_key       TEXT NOT NULL REFERENCES purposes (key),
      state             TEXT NOT NULL CHECK (state IN ('given', 'withdrawn', 'refused')),
      at                INTEGER NOT NULL,
      method            TEXT NOT NULL CHECK (method IN ('paper', 'verbal', 'whatsapp', 'form', 'imported')),
      recorded_by       INTEGER REFERENCES staff (id),
      recorder_name     TEXT NOT NULL,
      notice_version    INTEGER REFERENCES notice_versions (number),
      evidence_id       INTEGER REFERENCES consent_evidence (id),
      evidence_ref      TEXT CHECK (evidence_ref IS NULL OR length(evidence_ref) BETWEEN 1 AND 255),
      guardian_name     TEXT CHECK (guardian_name IS NULL OR length(trim(guardian_name)) BETWEEN 1 AND 200),
      guardian_relation TEXT CHECK (guardian_relation IS NULL OR length(trim(guardian_relation)) BETWEEN 1 AND 80),
      CHECK ((guardian_name IS NULL) = (guardian_relation IS NULL))
    ) STRICT;
    CREATE INDEX consent_events_by_customer ON consent_events (customer_id, purpose_key, id);
    CREATE INDEX consent_events_by_evidence ON consent_events (evidence_id) WHERE evidence_id IS NOT NULL;
    ${appendOnly('consent_events', 'WHEN EXISTS (SELECT 1 FROM customers WHERE id = OLD.customer_id)')}

    CREATE TABLE consent_current (
      purpose_key TEXT NOT NULL REFERENCES purposes (key),
      customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      state       TEXT NOT NULL CHECK (state IN ('given', 'withdrawn', 'refused')),
      event_id    INTEGER NOT NULL,
      at          INTEGER NOT NULL,
      PRIMARY KEY (purpose_key, customer_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX consent_current_by_customer ON consent_current (customer_id, purpose_key);

    -- The latest entry wins (by time, then by id for entries in the same millisecond).
    CREATE TRIGGER consent_events_current AFTER INSERT ON consent_events
    BEGIN
      INSERT INTO consent_current (purpose_key, customer_id, state, event_id, at)
      VALUES (NEW.purpose_key, NEW.customer_id, NEW.state, NEW.id, NEW.at)
      ON CONFLICT (purpose_key, customer_id) DO UPDATE SET state = excluded.state, event_id = excluded.event_id, at = excluded.at
      WHERE excluded.at > consent_current.at OR (excluded.at = consent_current.at AND excluded.event_id > consent_current.event_id);
    END;
  `,
};
