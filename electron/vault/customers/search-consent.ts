/**
 * The list's consent filter at a million customers: each (purpose, state) asked for becomes an exact
 * id set — read once in one `group_concat` (ids only, never personal data) and kept in memory while
 * nothing it depends on changes — so the search tests each full-text match against the set's bitmap
 * while it ranks the matches in the name order (search-order.ts), as it does with no filter. A third
 * of a million customers consenting is far past `setCap`; tested per row instead, every filtered
 * search cost two to four times the unfiltered one (bench/consent.ts).
 *
 * Current as the name order is: TEMP triggers on this connection (they live and die with it; nothing
 * is written to the vault file) mark every change of `consent_current` (which migration 5's trigger
 * writes in the transaction that appends an entry; a deleted customer's rows go with it by cascade)
 * and of `purposes` (whether the purpose is consent-based); the name order's version (search-order.ts)
 * adds inserts and deletes of `customers` (for `none`) and `PRAGMA data_version` (commits by any other
 * connection). A set is read with that version in the same statement, and used only in a statement
 * that reads the same version: a withdrawal recorded — through any path, on any connection — counts
 * from the next search on. Each change writes a new random number rather than a count, so a change
 * rolled back and another one after it never bring back a version a set was read at.
 *
 * For the list only: an export never uses these sets — its rows are read with `consent_current`
 * joined in the statement that reads them (export-rows.ts).
 */
import type { ConsentStatus } from '../../contract';
import type { Queryable } from '../db/driver';
import { perConnection } from '../db/per-connection';
import { consentIds, requireConsentPurpose } from '../consent/current';
import { invalid } from '../errors';
import { EMPTY_SET, idSetOf, type IdSet } from './search-ids';
import { trackNameOrder, VERSION_COLUMN } from './search-order';

const VERSION_TABLE = 'brankas_consent_version';
const TABLES = ['consent_current', 'purposes'];
const EVENTS = ['insert', 'update', 'delete'];

/**
 * A select-list expression: the version of the kept consent sets as the current statement sees it;
 * NULL (never current) if a trigger has gone or the name order is not tracked.
 */
export const CONSENT_VERSION = `CASE WHEN (SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name GLOB 'brankas_consent_*') = ${TABLES.length * EVENTS.length}
  THEN (SELECT n FROM temp.${VERSION_TABLE}) || '/' || (${VERSION_COLUMN}) END`;

// Qualified names are not allowed inside trigger bodies: the unqualified table resolves to temp first.
const TRACKING_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS ${VERSION_TABLE} (n INTEGER NOT NULL);
  INSERT INTO temp.${VERSION_TABLE} (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.${VERSION_TABLE});
  ${TABLES.flatMap((table) =>
    EVENTS.map(
      (event) =>
        `CREATE TEMP TRIGGER IF NOT EXISTS brankas_consent_${table}_${event} AFTER ${event.toUpperCase()} ON main.${table}
           BEGIN UPDATE ${VERSION_TABLE} SET n = random(); END;`,
    ),
  ).join('\n')}
`;

/** Sets kept per connection (the few purposes × states someone filtered by; at 1M each is ~3 MB). */
const KEPT = 4;

interface Kept {
  version: string;
  set: IdSet;
}

interface State {
  tracking: Promise<boolean>;
  sets: Map<string, Kept>;
}
// Per connection (its TEMP triggers), whichever handle the search came through; never made inside
// someone's transaction (db/per-connection.ts).
const states = perConnection<State>(
  (db) => ({
    tracking: Promise.all([db.exec(TRACKING_SQL), trackNameOrder(db)]).then(
      ([, order]) => order,
      () => false,
    ),
    sets: new Map(),
  }),
  (s) => s.tracking,
  () => ({ tracking: Promise.resolve(false), sets: new Map() }),
);
const stateOf = (db: Queryable): State => states.of(db);

const keyOf = (purpose: string, state: ConsentStatus) => `${purpose}\u0000${state}`;

/**
 * Checks that `purpose` is consent-based (invalid_input on `at` otherwise) and reads the set with its
 * version, in one statement; the set is kept when the version could be read.
 */
async function readConsentSet(db: Queryable, s: State, purpose: string, state: ConsentStatus, at: string): Promise<IdSet> {
  const tracked = await s.tracking;
  const ids = consentIds(purpose, state);
  // The check is a constant term of the WHERE: evaluated once, before any id is read.
  const needs = '(SELECT needs_consent FROM purposes WHERE key = ?1)';
  const row = await db.get<{ needs: number | null; ids: Buffer | null; version: string | null }>(
    `SELECT ${needs} AS needs, CAST(group_concat(id) AS BLOB) AS ids${tracked ? `, ${CONSENT_VERSION} AS version` : ''}
       FROM (${ids.sql}) WHERE ${needs} = 1`,
    [purpose, ...ids.params],
  );
  if (row?.needs !== 1) throw invalid({ [at]: 'invalid_choice' });
  const set = row.ids && row.ids.length > 0 ? idSetOf(row.ids) : EMPTY_SET;
  const key = keyOf(purpose, state);
  s.sets.delete(key);
  if (row.version != null) {
    s.sets.set(key, { version: row.version, set });
    for (const old of s.sets.keys()) if (s.sets.size > KEPT) s.sets.delete(old);
  }
  return set;
}

/** One search's consent filter (a purpose and a state), resolved to its id set at most once. */
export interface ConsentFilter {
  /**
   * A select-list expression for the statement that will use the set (its value goes to `set` and
   * `check`); null when there is no kept set to confirm.
   */
  readonly confirmWith: string | null;
  /**
   * The exact set of customers whose current consent to the purpose is the state: the kept one if
   * `seen` (the value of `confirmWith` read by the statement that uses it; when not given, read now)
   * is its version, otherwise read afresh (which checks the purpose).
   */
  set(seen?: string | null): Promise<IdSet>;
  /** For an answer that never needed the set: refuses a purpose that is not consent-based. */
  check(seen?: string | null): Promise<void>;
}

/** The consent filter of one search; nothing is read yet unless no set is kept. */
export async function consentFilter(db: Queryable, purpose: string, state: ConsentStatus, at: string): Promise<ConsentFilter> {
  const s = stateOf(db);
  const kept = (await s.tracking) ? (s.sets.get(keyOf(purpose, state)) ?? null) : null;
  let resolved: Promise<IdSet> | null = null;
  const current = (seen: string | null | undefined) => kept !== null && seen != null && seen === kept.version;
  const filter: ConsentFilter = {
    confirmWith: kept ? CONSENT_VERSION : null,
    set(seen) {
      resolved ??= (async () => {
        let version = seen;
        if (kept && version === undefined) version = (await db.get<{ v: string | null }>(`SELECT ${CONSENT_VERSION} AS v`))?.v;
        return kept && current(version) ? kept.set : readConsentSet(db, s, purpose, state, at);
      })();
      return resolved;
    },
    async check(seen) {
      if (resolved) await resolved;
      else if (!current(seen)) await requireConsentPurpose(db, purpose, at);
    },
  };
  return filter;
}
