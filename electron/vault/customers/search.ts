/**
 * Customer search, sort and filter, built for a million customers.
 *
 * What the user typed: every word is a prefix that must match somewhere (name, phone, email, city,
 * tags, notes); a phone-like query matches phone fragments. The text only ever reaches SQLite as a
 * bound MATCH string built from quoted terms.
 *
 * How a page is found at a million customers (the costs are measured in bench/):
 * - The full-text match becomes a set of customer ids, listed in one `group_concat` (ids only): the
 *   FTS index is read exactly once per call (for a broad prefix that read is most of the cost), and
 *   the total comes with it, exact. A filter (tag, city, not verified, consent) matching at most `setCap`
 *   customers becomes a set too, read from its index; the sets are intersected here. A broader filter
 *   stays a per-row test, and the total is then counted along that filter's index only up to
 *   `countCap`, reported as `capped` (a lower bound: the renderer shows "10.000+").
 * - Sorted by name (the default), the page comes from the name order in memory (search-order.ts:
 *   every customer's position, ids only, kept current by change tracking): the matching ids are ranked
 *   there and only the page's rows are read — one statement for the matches, one for the page.
 * - Otherwise (another sort, or the name order is stale and being rebuilt) the page comes from one of
 *   two plans, chosen by a cost model: few matches are looked up by id and only their sort keys sorted
 *   ("direct"); many are found by walking the sort index and testing each entry against a bitmap of
 *   the set ("walk"), so a broad prefix never sorts all its matches. Either way whole rows are read for
 *   the page alone.
 * - The blank list by name is the name order itself (the total is its length); by another sort, or
 *   while the order is stale, it counts the customers (`count(*)`) and walks the sort index.
 * Every plan orders by the sort key and then the id, so pages never repeat or skip a customer.
 */
import type { CustomerFilter, CustomerPage, CustomerSort, SearchCustomersInput } from '../../contract';
import { consentIds, consentTest } from '../consent/current';
import { connectionOf, type Queryable } from '../db/driver';
import { CUSTOMER_COLUMNS, customerColumns, rowToCustomer, type CustomerRow } from './repository';
import { consentFilter } from './search-consent';
import { idSetOf, inBitmap, inList, intersect, listIds, type IdSet, type Sql } from './search-ids';
import { planSearch } from './search-plan';
import { buildNameOrder, nameOrderAt, pageInNameOrder, scheduleNameOrder, trackNameOrder, VERSION_COLUMN, type NameOrder } from './search-order';

export { planSearch, type SearchPlan } from './search-plan';

export interface SearchOptions {
  /** Totals that must be counted row by row stop here and are reported as `capped` ("10.000+"). */
  countCap: number;
  /** A filter matching more customers than this is tested per row rather than listed up front. */
  setCap: number;
  /**
   * Cost of one step along an index relative to fetching one customer by id (the plans' cost model):
   * about 1/60–1/100 with SQLite's default 2 MB page cache at a million customers, where a lookup
   * decrypts a page; about 1/40 with a 64 MB cache (bench/).
   */
  walkCostRatio: number;
  /**
   * Forces a page plan (tests compare them). 'auto' takes a page sorted by name from the name order
   * in memory when it is current (search-order.ts; a stale one is rebuilt in the background, shortly
   * after) and otherwise lets the cost model choose; 'order' waits for the name order to be built if needed.
   */
  plan: 'auto' | 'walk' | 'direct' | 'order';
  now: () => number;
  /** Only customers whose current consent to this purpose is `given` (the export for a consent-based purpose). */
  consentGiven?: string;
  /** Only these customers (a handful: which restricted customers a search matches, restriction/visibility.ts). */
  onlyIds?: readonly number[];
}

export const SEARCH_DEFAULTS: Readonly<SearchOptions> = {
  countCap: 10_000,
  setCap: 10_000,
  walkCostRatio: 1 / 60,
  plan: 'auto',
  now: Date.now,
};

/** Each sort with the index that yields it, ties broken by id so paging is stable. */
const SORTS: Record<CustomerSort, { index: string; order: string }> = {
  name: { index: 'customers_by_name', order: 'name COLLATE NOCASE, id' },
  last_purchase: { index: 'customers_by_last_purchase', order: 'last_purchase_date DESC, id DESC' },
  recent: { index: 'customers_by_created', order: 'created_at DESC, id DESC' },
};

/** A filter as a SELECT of its customers' ids (an index range), and as a test of one `customers` row. */
interface Restriction {
  ids: Sql;
  test: Sql;
}

/** Milliseconds since the epoch, `months` calendar months before `now`. */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  d.setMonth(d.getMonth() - months);
  return d.getTime();
}

function restrictionsOf(filter: CustomerFilter | undefined, now: number, consentGiven?: string, onlyIds?: readonly number[]): Restriction[] {
  const out: Restriction[] = [];
  if (onlyIds !== undefined) {
    const p = [JSON.stringify(onlyIds)];
    out.push({ ids: { sql: 'SELECT value AS id FROM json_each(?)', params: p }, test: { sql: 'customers.id IN (SELECT value FROM json_each(?))', params: p } });
  }
  if (filter?.tag !== undefined) {
    const p = [filter.tag];
    out.push({
      ids: { sql: 'SELECT customer_id AS id FROM customer_tags WHERE tag = ?', params: p },
      test: { sql: 'EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = customers.id AND t.tag = ?)', params: p },
    });
  }
  if (filter?.city !== undefined) {
    const p = [filter.city];
    out.push({
      ids: { sql: 'SELECT id FROM customers WHERE city = ? COLLATE NOCASE', params: p },
      test: { sql: 'city = ? COLLATE NOCASE', params: p },
    });
  }
  if (filter?.notVerifiedMonths !== undefined) {
    const p = [monthsBefore(now, filter.notVerifiedMonths)];
    out.push({
      // Two ranges of customers_by_verified: never verified (NULL sorts first), and verified before the cutoff.
      ids: {
        sql: 'SELECT id FROM customers WHERE last_verified_at IS NULL UNION ALL SELECT id FROM customers WHERE last_verified_at < ?',
        params: p,
      },
      test: { sql: '(last_verified_at IS NULL OR last_verified_at < ?)', params: p },
    });
  }
  if (consentGiven !== undefined) out.push({ ids: consentIds(consentGiven, 'given'), test: consentTest(consentGiven, 'given') });
  return out;
}

/**
 * The statement listMatches runs (exported so bench/ can run the very same text on the raw driver);
 * `consent`: a consent filter's version column (search-consent.ts), read with the matches.
 */
export const matchListSql = (withVersion: boolean, consent: string | null = null): string =>
  `SELECT CAST(group_concat(id) AS BLOB) AS ids${withVersion ? `, ${VERSION_COLUMN} AS version` : ''}${consent ? `, ${consent} AS consent` : ''}
     FROM (SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ?)`;

/**
 * The full-text matches, read once: their ids as ASCII bytes (`1,5,9`; a blob skips the text
 * conversion on the way out, null for none) and, when asked, the version of the name order in the
 * same statement (so it is the version the matches were read at). Nothing else is aggregated: each
 * extra aggregate costs a step per match.
 */
async function listMatches(
  db: Queryable,
  expression: string,
  withVersion: boolean,
  consent: string | null,
): Promise<{ ids: Buffer | null; version: string | null; consent: string | null }> {
  const row = await db.get<{ ids: Buffer | null; version?: string | null; consent?: string | null }>(matchListSql(withVersion, consent), [expression]);
  const ids = row?.ids;
  return { ids: ids && ids.length > 0 ? ids : null, version: row?.version ?? null, consent: row?.consent ?? null };
}

const where = (conditions: readonly Sql[]): Sql =>
  conditions.length === 0
    ? { sql: '', params: [] }
    : { sql: `WHERE ${conditions.map((c) => c.sql).join(' AND ')}`, params: conditions.flatMap((c) => c.params) };

const count = async (db: Queryable, q: Sql): Promise<number> => (await db.get<{ n: number }>(q.sql, q.params))?.n ?? 0;

export async function searchCustomers(
  db: Queryable,
  input: SearchCustomersInput,
  options: Partial<SearchOptions> = {},
): Promise<CustomerPage> {
  const o: SearchOptions = { ...SEARCH_DEFAULTS, ...options };
  const { offset } = input;
  const plan = planSearch(input.query);
  const page = (rows: CustomerRow[], total: number, capped = false): CustomerPage => {
    const items = rows.map(rowToCustomer);
    return capped ? { items, total, capped, offset } : { items, total, offset };
  };
  // The list's consent filter is an id set kept in memory while current (search-consent.ts).
  const wanted = input.filter?.consent;
  const consent = wanted ? await consentFilter(db, wanted.purpose, wanted.state, 'filter.consent.purpose') : null;
  const nothing = async (seen?: string | null) => {
    await consent?.check(seen);
    return page([], 0);
  };
  if (plan.kind === 'none') return nothing();
  const restrictions = restrictionsOf(input.filter, o.now(), o.consentGiven, o.onlyIds);

  // The name order in memory serves pages sorted by name (its version comes with the matches).
  const byName = (input.sort ?? 'name') === 'name' && (o.plan === 'auto' || o.plan === 'order');

  if (plan.kind === 'all' && restrictions.length === 0 && !consent) {
    if (byName && (await trackNameOrder(db))) {
      // Everyone by name: the order is the answer (no count, no walk to a deep offset).
      const version = (await db.get<{ version: string | null }>(`SELECT ${VERSION_COLUMN} AS version`))?.version;
      const order = await currentNameOrder(db, o, version ?? null);
      if (order) {
        const ids = Array.from(order.order.subarray(offset, offset + input.limit));
        return page(await rowsInOrder(db, ids), order.order.length);
      }
    }
    const total = await count(db, { sql: 'SELECT count(*) AS n FROM customers', params: [] });
    return page(offset < total ? await walkSortIndex(db, input, []) : [], total);
  }

  // Filters small enough become id sets (an empty one ends the search before the full-text read);
  // the others stay per-row tests. The full-text match is always listed: it is read once either way.
  const sets: IdSet[] = [];
  const broad: Restriction[] = [];
  for (const r of restrictions) {
    const set = await listIds(db, r.ids, o.setCap);
    if (set === null) broad.push(r);
    else if (set.count === 0) return nothing();
    else sets.push(set);
  }
  let version: string | null = null;
  if (plan.kind === 'match') {
    const listing = await listMatches(db, plan.expression, byName && (await trackNameOrder(db)), consent?.confirmWith ?? null);
    if (!listing.ids) return nothing(listing.consent);
    version = listing.version;
    const chosen = consent ? await consent.set(listing.consent) : null;
    if (chosen?.count === 0) return page([], 0);
    if (sets.length === 0 && broad.length === 0 && version !== null) {
      // The common case — words typed, sorted by name, no filter but consent: the page and the exact
      // total from the ids alone (each tested against the consent set's bitmap on the way).
      const found = await orderedPage(db, o, input, listing.ids, version, chosen?.bitmap);
      if (found) return page(found.rows, found.total);
    }
    sets.push(idSetOf(listing.ids));
    if (chosen) sets.push(chosen);
  } else if (consent) {
    const given = await consent.set();
    if (given.count === 0) return page([], 0);
    sets.push(given);
  }
  const listed = sets.length > 0 ? intersect(sets) : null;
  if (listed?.count === 0) return page([], 0);
  const customers = customerCount(db);

  const { set, total, capped } = await resolve(db, o, listed, broad, customers);
  if (total === 0 || (!capped && offset >= total)) return page([], total, capped);
  if (set && version !== null) {
    const found = await orderedPage(db, o, input, Buffer.from(set.list, 'latin1'), version);
    if (found) return page(found.rows, total, capped);
  }
  if (set) return page(await pageOfSet(db, o, input, set, customers), total, capped);
  // More than `countCap` matches, so at least one every N / countCap entries on average: walk.
  const tests = [...(listed ? [inBitmap(listed)] : []), ...broad.map((r) => r.test)];
  return page(await walkSortIndex(db, input, tests), total, capped);
}

/**
 * The page, sorted by name, of the customers listed in `ids` (ASCII, comma-separated) — with `keep`,
 * those of them it marks — from the name order in memory: only the page's rows are read. Null when the order is not current at `version`
 * (a rebuild then starts in the background, or — with plan 'order' — is waited for).
 */
async function orderedPage(
  db: Queryable,
  o: SearchOptions,
  input: SearchCustomersInput,
  ids: Uint8Array,
  version: string,
  keep?: Uint8Array,
): Promise<{ rows: CustomerRow[]; total: number } | null> {
  const order = await currentNameOrder(db, o, version);
  const found = order && pageInNameOrder(order, ids, input.offset, input.limit, keep);
  if (!found) return null;
  return { rows: await rowsInOrder(db, found.ids), total: found.total };
}

/**
 * The name order if it is current at `version`. Otherwise null, and a rebuild is scheduled — or, with
 * plan 'order', waited for (and used if nothing changed meanwhile).
 */
async function currentNameOrder(db: Queryable, o: SearchOptions, version: string | null): Promise<NameOrder | null> {
  if (version === null) return null;
  const order = nameOrderAt(db, version);
  if (order) return order;
  // Never waited for through a handle inside someone's transaction: the build runs on the
  // connection's own Db, which waits for that transaction to end.
  if (o.plan !== 'order' || connectionOf(db) !== db) {
    scheduleNameOrder(db);
    return null;
  }
  return (await buildNameOrder(db))?.version === version ? nameOrderAt(db, version) : null;
}

/** Whole rows for ids listed as a JSON array, in that order (bench/ runs the same text). */
export const ROWS_IN_ORDER_SQL = `SELECT ${customerColumns('c')} FROM json_each(?) AS j CROSS JOIN customers AS c ON c.id = j.value ORDER BY j.key`;

/** Whole rows for the given ids, in the given order (one statement; none for no ids). */
async function rowsInOrder(db: Queryable, ids: readonly number[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return db.all<CustomerRow>(ROWS_IN_ORDER_SQL, [`[${ids.join(',')}]`]);
}

/**
 * The page of a known set of ids: few are fetched by id and only their sort keys sorted; many are
 * found by walking the sort index (see chooseDirect).
 */
async function pageOfSet(
  db: Queryable,
  o: SearchOptions,
  input: SearchCustomersInput,
  set: IdSet,
  customers: () => Promise<number>,
): Promise<CustomerRow[]> {
  const direct =
    o.plan === 'auto' ? chooseDirect(o, set.count, input.offset + input.limit, await customers()) : o.plan === 'direct';
  return direct ? fetchAndSort(db, input, set) : walkSortIndex(db, input, [inBitmap(set)]);
}

/** Looks the ids up, sorts only their ids and sort keys, and reads whole rows for the page alone. */
function fetchAndSort(db: Queryable, input: SearchCustomersInput, set: IdSet): Promise<CustomerRow[]> {
  const sort = SORTS[input.sort ?? 'name'];
  const ids = inList(set);
  return db.all<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers NOT INDEXED WHERE id IN (
       SELECT id FROM customers NOT INDEXED WHERE ${ids.sql} ORDER BY ${sort.order} LIMIT ? OFFSET ?
     ) ORDER BY ${sort.order}`,
    [...ids.params, input.limit, input.offset],
  );
}

/**
 * Walks the sort index in order, testing each entry, and stops at the end of the page: nothing is
 * sorted. Only ids come out of the walk (a bitmap test needs nothing else from the row, so the index
 * alone serves it); whole rows are read for the page alone.
 */
function walkSortIndex(db: Queryable, input: SearchCustomersInput, conditions: readonly Sql[]): Promise<CustomerRow[]> {
  const sort = SORTS[input.sort ?? 'name'];
  const w = where(conditions);
  return db.all<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers NOT INDEXED WHERE id IN (
       SELECT id FROM customers INDEXED BY ${sort.index} ${w.sql} ORDER BY ${sort.order} LIMIT ? OFFSET ?
     ) ORDER BY ${sort.order}`,
    [...w.params, input.limit, input.offset],
  );
}

/** max(id): about the number of customers, for the cost model (asked at most once per search). */
function customerCount(db: Queryable): () => Promise<number> {
  let n: Promise<number> | undefined;
  return () => (n ??= db.get<{ n: number | null }>('SELECT max(id) AS n FROM customers').then((r) => r?.n ?? 0));
}

interface Resolved {
  /** Every matching id, when there are at most `countCap` (or no per-row tests were needed). */
  set: IdSet | null;
  total: number;
  capped: boolean;
}

/**
 * Applies the broad filters' per-row tests to the listed ids (or, with none listed, to the first
 * broad filter's index range), stopping after `countCap + 1` matches: up to there the result is an
 * exact id set; past it the total is `capped`.
 */
async function resolve(
  db: Queryable,
  o: SearchOptions,
  listed: IdSet | null,
  broad: readonly Restriction[],
  customers: () => Promise<number>,
): Promise<Resolved> {
  const [first, ...rest] = broad;
  if (!first) return listed ? { set: listed, total: listed.count, capped: false } : { set: null, total: 0, capped: false };
  const capped: Resolved = { set: null, total: o.countCap, capped: true };
  // One broad filter alone: listing it already found more than setCap ≥ countCap customers.
  if (!listed && rest.length === 0 && o.setCap >= o.countCap) return capped;

  let source: Sql;
  if (listed && (await driveByList(o, listed.count, customers))) {
    const w = where([inList(listed), ...broad.map((r) => r.test)]);
    source = { sql: `SELECT id FROM customers NOT INDEXED ${w.sql}`, params: w.params };
  } else {
    const w = where([
      ...(listed ? [inBitmap(listed, 'd.id')] : []),
      ...rest.map((r) => ({ sql: `EXISTS (SELECT 1 FROM customers WHERE customers.id = d.id AND ${r.test.sql})`, params: r.test.params })),
    ]);
    source = { sql: `SELECT d.id AS id FROM (${first.ids.sql}) AS d ${w.sql}`, params: [...first.ids.params, ...w.params] };
  }
  const set = await listIds(db, source, o.countCap);
  return set ? { set, total: set.count, capped: false } : capped;
}

/**
 * Testing the listed ids one by one costs a row lookup each; walking a broad filter's index instead
 * meets a listed id about every N / listed entries and stops after `countCap + 1` matches.
 */
async function driveByList(o: SearchOptions, listed: number, customers: () => Promise<number>): Promise<boolean> {
  const n = await customers();
  const steps = Math.min(n, ((o.countCap + 1) * n) / listed);
  return listed <= steps * o.walkCostRatio;
}

/**
 * Fetching `n` customers by id and sorting their keys costs about `n` lookups (random pages); walking
 * the sort index to the end of the page about `needed / density` steps, each `walkCostRatio` of one.
 */
function chooseDirect(o: SearchOptions, n: number, needed: number, customers: number): boolean {
  return n <= needed || n * n <= needed * customers * o.walkCostRatio;
}
