/**
 * Every customer's place in the list's name order (`name COLLATE NOCASE, id`), held in memory as ids
 * only — never names — so a search sorted by name can pick its page from the matching ids alone:
 * no walk along the name index testing each entry, no lookup of every match's row to sort it. Only
 * the page's rows are read.
 *
 * Freshness: on first use the connection gets TEMP triggers (they live and die with the connection;
 * nothing is written to the vault file) that count inserts, deletes and name changes of `customers`;
 * with `PRAGMA data_version` (commits by any other connection) that makes a version string. The
 * order is read together with the version, and a search reads the version in the
 * same statement as its matches: the order is used only when the two agree. A stale order is
 * rebuilt in the background once searches pause — one walk of the name index in chunks, every chunk
 * at the same version or the build is dropped — and until then searches use the plans in search.ts.
 * It is dropped on lock.
 */
import { connectionOf, type Queryable } from '../db/driver';
import { perConnection } from '../db/per-connection';

export interface NameOrder {
  /** The version the order was read at (compare with a search's `VERSION_COLUMN`). */
  version: string;
  /** rank[id]: the customer's position in name order; -1 for an id that is not a customer. */
  rank: Int32Array;
  /** order[position]: the customer id at that position. */
  order: Int32Array;
  /**
   * coarse[id] = rank[id] >> shift (under 255), 255 for an id that is not a customer: a quarter of
   * `rank`'s size, so the pass over every match reads memory that stays in the CPU cache.
   */
  coarse: Uint8Array;
  shift: number;
}

/** Marks an id that is not a customer in `coarse`. */
const NOT_A_CUSTOMER = 255;

/** The name order from the ids in name order (`top`: the largest id). */
export function nameOrderOf(version: string, order: Int32Array, top: number): NameOrder {
  let shift = 0;
  while ((Math.max(order.length - 1, 0) >> shift) >= NOT_A_CUSTOMER) shift++;
  const rank = new Int32Array(top + 1).fill(-1);
  const coarse = new Uint8Array(top + 1).fill(NOT_A_CUSTOMER);
  for (let at = 0; at < order.length; at++) {
    const id = order[at]!;
    rank[id] = at;
    coarse[id] = at >> shift;
  }
  return { version, rank, order, coarse, shift };
}

const VERSION_TABLE = 'brankas_customer_order_version';

/**
 * A select-list expression: the version of the name order as the current statement sees it; NULL
 * (never current) if a trigger has gone — dropping `customers` drops its TEMP triggers too.
 */
export const VERSION_COLUMN = `CASE WHEN (SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name GLOB 'brankas_customer_order_*') = 3
  THEN (SELECT n FROM temp.${VERSION_TABLE}) || '.' || (SELECT data_version FROM pragma_data_version) END`;

// Qualified names are not allowed inside trigger bodies: the unqualified table resolves to temp first.
const TRACKING_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS ${VERSION_TABLE} (n INTEGER NOT NULL);
  INSERT INTO temp.${VERSION_TABLE} (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.${VERSION_TABLE});
  CREATE TEMP TRIGGER IF NOT EXISTS brankas_customer_order_insert AFTER INSERT ON main.customers
    BEGIN UPDATE ${VERSION_TABLE} SET n = n + 1; END;
  CREATE TEMP TRIGGER IF NOT EXISTS brankas_customer_order_delete AFTER DELETE ON main.customers
    BEGIN UPDATE ${VERSION_TABLE} SET n = n + 1; END;
  CREATE TEMP TRIGGER IF NOT EXISTS brankas_customer_order_rename AFTER UPDATE OF name ON main.customers
    WHEN old.name IS NOT new.name BEGIN UPDATE ${VERSION_TABLE} SET n = n + 1; END;
`;

interface State {
  /** Resolves true once the triggers are in place; false if they could not be made (then never used). */
  tracking: Promise<boolean>;
  order: NameOrder | null;
  building: Promise<NameOrder | null> | null;
  scheduled: ReturnType<typeof setTimeout> | null;
  /** Bumped by forgetNameOrder: a build that started before does not keep its result. */
  epoch: number;
}

const newState = (tracking: Promise<boolean>): State => ({ tracking, order: null, building: null, scheduled: null, epoch: 0 });

// Keyed by the connection, not the handle: a search inside the router's view transaction comes
// through a new handle each time, and must still find the order (the triggers are the connection's).
const states = perConnection(
  (db) =>
    newState(
      db.exec(TRACKING_SQL).then(
        () => true,
        () => false,
      ),
    ),
  (s) => s.tracking,
  () => newState(Promise.resolve(false)),
);
const stateOf = (db: Queryable): State => states.of(db);

/** Makes sure the connection tracks changes; false when it cannot (the name order is then not used). */
export const trackNameOrder = (db: Queryable): Promise<boolean> => stateOf(db).tracking;

/** The order built at `version`, if there is one. */
export function nameOrderAt(db: Queryable, version: string | null | undefined): NameOrder | null {
  const order = states.peek(db)?.order ?? null;
  return order && version != null && order.version === version ? order : null;
}

/**
 * How many ids one statement of the read takes. The read walks the name index in chunks, so it never
 * holds the connection for long (a million customers: about 16 chunks of a few tens of ms, where one
 * statement over all of them held it for 1–2 s); other statements run between chunks.
 */
export const ORDER_CHUNK = 65_536;

export interface ReadOptions {
  /** Ids per statement (tests use a few). */
  chunk?: number;
  /** Awaited between chunks (tests change the vault there). */
  afterChunk?: () => Promise<void>;
}

/** Appends the ids in `ascii` (`1,5,9`) to `into` from `at`; returns the new length. */
function appendIds(into: Int32Array, at: number, ascii: Buffer): number {
  let v = 0;
  for (let i = 0; i < ascii.length; i++) {
    const ch = ascii[i]!;
    if (ch === 44) {
      into[at++] = v;
      v = 0;
    } else {
      v = v * 10 + ch - 48;
    }
  }
  if (ascii.length > 0) into[at++] = v;
  return at;
}

/**
 * Reads the whole name order (ids only) in chunks along the name index, each statement with the
 * version it read at: null if any chunk saw another version than the first (something changed
 * between chunks — the build is then simply scheduled again) or the triggers are gone. The cursor
 * between chunks is the last entry read (its name and id); it is not kept.
 */
async function readNameOrder(db: Queryable, { chunk = ORDER_CHUNK, afterChunk }: ReadOptions): Promise<NameOrder | null> {
  // The largest id bounds how many customers there are (ids are positive and unique); no count(*),
  // which reads a whole index — a second or so when the file is not in the OS cache yet.
  const head = await db.get<{ top: number | null; version: string | null }>(`SELECT (SELECT max(id) FROM customers) AS top, ${VERSION_COLUMN} AS version`);
  if (!head || head.version == null) return null;
  const { version } = head;
  const top = head.top ?? 0;
  // As blobs: no text conversion on the way out, and a byte loop to read them.
  const order = new Int32Array(top);
  let at = 0;
  let cursor: { name: string; id: number } | null = null;
  for (;;) {
    const row: { ids: Buffer | null; version: string | null } | undefined = await db.get(
      `SELECT CAST(group_concat(id) AS BLOB) AS ids, ${VERSION_COLUMN} AS version
       FROM (SELECT id FROM customers INDEXED BY customers_by_name
             ${cursor ? 'WHERE name >= ?1 COLLATE NOCASE AND (name > ?1 COLLATE NOCASE OR id > ?2)' : ''}
             ORDER BY name COLLATE NOCASE, id LIMIT ${Math.max(1, Math.floor(chunk))})`,
      cursor ? [cursor.name, cursor.id] : [],
    );
    if (!row || row.version !== version) return null;
    if (!row.ids || row.ids.length === 0) break;
    const before = at;
    at = appendIds(order, at, row.ids);
    const last = order[at - 1]!;
    const named = await db.get<{ name: string }>('SELECT name FROM customers WHERE id = ?', [last]);
    if (!named) return null;
    cursor = { name: named.name, id: last };
    if (at - before < chunk) break;
    await afterChunk?.();
  }
  // More ids than the largest allows: the index and the table disagree (never, short of damage).
  if (at > order.length) return null;
  return nameOrderOf(version, at === order.length ? order : order.slice(0, at), top);
}

/** Drops the order from memory (the vault is locked); the next search after signing in rebuilds it. */
export function forgetNameOrder(db: Queryable): void {
  const s = states.peek(db);
  if (!s) return;
  s.epoch++;
  s.order = null;
  if (s.scheduled) clearTimeout(s.scheduled);
  s.scheduled = null;
}

/**
 * How long searches must pause before a stale order is rebuilt: while someone types, each search
 * re-arms the wait (they keep the index plans, as fast as before), so the build — a walk of the whole
 * name index, which holds the connection for a moment at a million customers — runs in a pause. A
 * one-off search (the command line) has closed its connection before then and never pays for it.
 */
export const REBUILD_DELAY_MS = 300;

/** Rebuilds the order in the background once searches pause for `REBUILD_DELAY_MS` (unless a build is under way). */
export function scheduleNameOrder(db: Queryable): void {
  const s = stateOf(db);
  if (s.building) return;
  if (s.scheduled) clearTimeout(s.scheduled);
  // After the caller's transaction has ended: through the connection's own Db, which waits its turn.
  const later = connectionOf(db);
  s.scheduled = setTimeout(() => {
    s.scheduled = null;
    void buildNameOrder(later);
  }, REBUILD_DELAY_MS);
  s.scheduled.unref?.();
}

/**
 * (Re)reads the name order — once at a time per connection — and keeps it. Resolves null when the
 * connection cannot track changes or the read fails (the searches then keep using their plans).
 */
export function buildNameOrder(db: Queryable, read: ReadOptions = {}): Promise<NameOrder | null> {
  const s = stateOf(db);
  s.building ??= (async () => {
    const epoch = s.epoch;
    try {
      if (!(await s.tracking)) return null;
      const order = await readNameOrder(db, read);
      if (epoch !== s.epoch) return null;
      s.order = order;
      return order;
    } catch {
      return null;
    } finally {
      s.building = null;
    }
  })();
  return s.building;
}

/** Up to this many matches reuse one buffer for their ids (fewer young-generation collections per search). */
const SCRATCH_MAX = 1 << 18;
let idScratch = new Int32Array(1 << 14);
let coarseScratch = new Uint8Array(1 << 14);

/** What a page taken from the name order holds: the ids in order and how many matched in all. */
export interface OrderedPage {
  ids: number[];
  total: number;
}

/**
 * The ids at positions `offset … offset + limit - 1`, in name order, of the customers listed in `ids`
 * (ASCII, comma-separated, each id once, as `group_concat` makes them), and their number. Null when
 * an id has no place in `o` (the order is then not current). With `keep` (a bitmap, one byte per id),
 * only the ids it marks with 1 count: a filter's set, tested in the same pass.
 *
 * The pass over every match reads only `coarse` (which bucket of positions each id falls in) and
 * counts per bucket; the bucket holding the page's last entry bounds the matches worth ranking
 * exactly and sorting — about `offset + limit` of them, not every match.
 */
export function pageInNameOrder(o: NameOrder, ids: Uint8Array, offset: number, limit: number, keep?: Uint8Array): OrderedPage | null {
  const length = ids.length;
  if (length === 0) return { ids: [], total: 0 };
  const most = (length + 1) >> 1;
  if (most > SCRATCH_MAX) return rankedPage(o, ids, offset, limit, new Int32Array(most), new Uint8Array(most), keep);
  if (idScratch.length < most) {
    const size = Math.min(SCRATCH_MAX, Math.max(most, idScratch.length * 2));
    idScratch = new Int32Array(size);
    coarseScratch = new Uint8Array(size);
  }
  return rankedPage(o, ids, offset, limit, idScratch, coarseScratch, keep);
}

/** pageInNameOrder with buffers for the matched ids and their buckets (at least one entry per two bytes of `ids`). */
function rankedPage(
  o: NameOrder,
  ids: Uint8Array,
  offset: number,
  limit: number,
  matched: Int32Array,
  bucketOf: Uint8Array,
  keep: Uint8Array | undefined,
): OrderedPage | null {
  const { coarse, rank, order } = o;
  const length = ids.length;
  const size = coarse.length;
  const buckets = new Int32Array(NOT_A_CUSTOMER + 1);
  let n = 0;
  let v = 0;
  // A tight loop (matches run to hundreds of thousands); the last id has no comma after it.
  for (let i = 0; i < length; i++) {
    const ch = ids[i]!;
    if (ch !== 44) {
      v = v * 10 + ch - 48;
    } else {
      const b = v < size ? coarse[v]! : NOT_A_CUSTOMER;
      // An id with no place in the order counts whatever `keep` says: the order is then not current.
      if (keep === undefined || keep[v] === 1 || b === NOT_A_CUSTOMER) {
        matched[n] = v;
        bucketOf[n++] = b;
        buckets[b]!++;
      }
      v = 0;
    }
  }
  const b = v < size ? coarse[v]! : NOT_A_CUSTOMER;
  if (keep === undefined || keep[v] === 1 || b === NOT_A_CUSTOMER) {
    matched[n] = v;
    bucketOf[n++] = b;
    buckets[b]!++;
  }
  if (buckets[NOT_A_CUSTOMER]! > 0) return null;

  const end = Math.min(n, offset + limit);
  if (offset >= end) return { ids: [], total: n };
  let cut = 0;
  for (let seen = buckets[0]!; seen < end; ) seen += buckets[++cut]!;
  const head = new Int32Array(buckets.subarray(0, cut + 1).reduce((a, c) => a + c, 0));
  let kept = 0;
  for (let i = 0; i < n; i++) if (bucketOf[i]! <= cut) head[kept++] = rank[matched[i]!]!;
  head.sort();
  const page: number[] = new Array<number>(end - offset);
  for (let i = offset; i < end; i++) page[i - offset] = order[head[i]!]!;
  return { ids: page, total: n };
}
