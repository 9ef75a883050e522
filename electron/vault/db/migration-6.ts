/**
 * Migration 6 (requests): the rights desk's register, restriction, and the erasure register. Kept in
 * a file of its own (migrations.ts lists it) — never edit it after release.
 *
 * - `requests`: one row per request; its due time is fixed when it is received. The state is the
 *   latest step of `request_events`, written by the service in the step's transaction.
 * - `request_customers`: whom it concerns, by id with no foreign key, so the register still says
 *   "customer #42" after #42 is erased (the id is a pseudonymous reference; the name went).
 * - `request_events`: the history, append-only, except the one update erasure needs: blanking the
 *   detail (what the customer said, the values corrected) of a request about an erased customer.
 * - `customer_restrictions`: a customer whose processing is restricted (Pasal 11, 41), with why.
 * - `erasures`: the erasure register. Nothing readable: the erased record's id and creation time
 *   (which name it in any backup of this vault) and a keyed hash of its contact values under the
 *   vault's own `erasure_key`. A restore of an older backup erases these customers again.
 * - `retained_purchases`: purchases a legal duty keeps (tax records), without the person.
 */
import type { Migration } from './migrations';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const TYPES = list(['access', 'correction', 'withdraw', 'restrict', 'erase', 'portability', 'object', 'information', 'complaint']);
const CHANNELS = list(['walk-in', 'whatsapp', 'phone', 'email', 'letter']);
const STATES = list(['received', 'verifying', 'in_progress', 'done', 'partly', 'refused', 'told', 'closed']);
const KINDS = list(['state', 'identity', 'note', 'correction', 'consent', 'restriction', 'erasure', 'document', 'customer']);

export const requestsMigration: Migration = {
  id: 6,
  name: 'requests',
  sql: `
    CREATE TABLE requests (
      number       INTEGER PRIMARY KEY AUTOINCREMENT,
      type         TEXT NOT NULL CHECK (type IN (${TYPES})),
      channel      TEXT NOT NULL CHECK (channel IN (${CHANNELS})),
      received_at  INTEGER NOT NULL,
      due_at       INTEGER NOT NULL CHECK (due_at > received_at),
      due_basis    TEXT NOT NULL CHECK (due_basis IN ('law', 'shop')),
      taken_by     INTEGER REFERENCES staff (id),
      taker_name   TEXT NOT NULL,
      requester    TEXT CHECK (requester IS NULL OR length(trim(requester)) BETWEEN 1 AND 200),
      not_customer INTEGER NOT NULL DEFAULT 0 CHECK (not_customer IN (0, 1)),
      asked        TEXT CHECK (asked IS NULL OR length(asked) <= 2000),
      lang         TEXT NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en')),
      state        TEXT NOT NULL DEFAULT 'received' CHECK (state IN (${STATES})),
      outcome      TEXT CHECK (outcome IS NULL OR outcome IN ('done', 'partly', 'refused')),
      reason       TEXT CHECK (reason IS NULL OR length(reason) <= 600),
      pasal15      TEXT,
      answered_at  INTEGER,
      closed_at    INTEGER,
      redacted_at  INTEGER
    ) STRICT;
    CREATE INDEX requests_by_due ON requests (state, due_at);

    CREATE TABLE request_customers (
      request_number INTEGER NOT NULL REFERENCES requests (number),
      customer_id    INTEGER NOT NULL,
      PRIMARY KEY (request_number, customer_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX request_customers_by_customer ON request_customers (customer_id, request_number);

    CREATE TABLE request_events (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      request_number INTEGER NOT NULL REFERENCES requests (number),
      at             INTEGER NOT NULL,
      kind           TEXT NOT NULL CHECK (kind IN (${KINDS})),
      state          TEXT CHECK (state IS NULL OR state IN (${STATES})),
      by_id          INTEGER REFERENCES staff (id),
      by_name        TEXT NOT NULL,
      detail         TEXT CHECK (detail IS NULL OR json_valid(detail)),
      redacted       INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1)),
      CHECK ((kind = 'state') = (state IS NOT NULL))
    ) STRICT;
    CREATE INDEX request_events_by_request ON request_events (request_number, id);
    CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
      WHEN NOT (NEW.redacted = 1 AND NEW.detail IS NULL AND NEW.id = OLD.id AND NEW.request_number = OLD.request_number
                AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.state IS OLD.state AND NEW.by_id IS OLD.by_id AND NEW.by_name = OLD.by_name)
    BEGIN SELECT RAISE(ABORT, 'request_events is append-only'); END;
    CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events
    BEGIN SELECT RAISE(ABORT, 'request_events is append-only'); END;

    CREATE TABLE customer_restrictions (
      customer_id    INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
      since          INTEGER NOT NULL,
      reason         TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 600),
      by_name        TEXT NOT NULL,
      request_number INTEGER REFERENCES requests (number)
    ) STRICT;

    CREATE TABLE erasures (
      id             INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id    INTEGER NOT NULL UNIQUE,
      created_at     INTEGER NOT NULL,
      digest         TEXT NOT NULL CHECK (length(digest) = 64 AND digest NOT GLOB '*[^0-9a-f]*'),
      erased_at      INTEGER NOT NULL,
      request_number INTEGER,
      kept_purchases INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TRIGGER erasures_no_update BEFORE UPDATE ON erasures
    BEGIN SELECT RAISE(ABORT, 'erasures is append-only'); END;
    CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
    BEGIN SELECT RAISE(ABORT, 'erasures is append-only'); END;

    CREATE TABLE retained_purchases (
      id          INTEGER PRIMARY KEY,
      erasure_id  INTEGER NOT NULL REFERENCES erasures (id),
      date        TEXT NOT NULL,
      description TEXT NOT NULL,
      amount      INTEGER NOT NULL CHECK (amount >= 0),
      channel     TEXT NOT NULL,
      purpose_key TEXT NOT NULL REFERENCES purposes (key),
      keep_until  TEXT NOT NULL CHECK (keep_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
    ) STRICT;

    INSERT INTO meta (key, value) VALUES ('erasure_key', lower(hex(randomblob(32))));
  `,
};
