/**
 * Sets of customer ids for search: listed by SQLite in one `group_concat` (ids only, never personal
 * data), intersected here, and handed back to SQLite as a JSON list (to fetch by id) or as a bitmap
 * blob (to test an index entry with `substr(bitmap, id + 1, 1)` while walking a sort index).
 */
import type { Param, Queryable } from '../db/driver';

export interface Sql {
  sql: string;
  params: Param[];
}

export interface IdSet {
  count: number;
  /** Comma-separated ids. */
  list: string;
  /** One byte per id up to the largest: 1 for a member. */
  readonly bitmap: Buffer;
}

export const EMPTY_SET: IdSet = { count: 0, list: '', bitmap: Buffer.alloc(0) };

/** Calls `fn` with each id of a comma-separated list (a tight loop: lists run to hundreds of thousands). */
function eachId(list: string, fn: (id: number) => void): void {
  let v = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list.charCodeAt(i);
    if (ch === 44) {
      fn(v);
      v = 0;
    } else {
      v = v * 10 + ch - 48;
    }
  }
  if (list.length > 0) fn(v);
}

/** The bitmap is made on first use (a page taken from the name order never needs it). */
function idSet(list: string, count: number, top: number): IdSet {
  let bitmap: Buffer | undefined;
  return {
    count,
    list,
    get bitmap() {
      if (!bitmap) {
        const made = Buffer.alloc(top + 1);
        eachId(list, (id) => (made[id] = 1));
        bitmap = made;
      }
      return bitmap;
    },
  };
}

/** What `group_concat(id) AS list, count(*) AS n, max(id) AS top` over some ids returns. */
export interface ListedRow {
  list: string | null;
  n: number;
  top: number | null;
}

export const LIST_COLUMNS = 'group_concat(id) AS list, count(*) AS n, max(id) AS top';

export const toIdSet = (row: ListedRow | undefined): IdSet =>
  !row || row.n === 0 || row.list === null || row.top === null ? EMPTY_SET : idSet(row.list, row.n, row.top);

/**
 * The ids `source` (a SELECT with an integer `id` column) yields. With `cap`, `null` when there are
 * more than `cap` of them — found out after reading at most `cap + 1`.
 */
export async function listIds(db: Queryable, source: Sql, cap?: number): Promise<IdSet | null> {
  const limited = cap === undefined ? source.sql : `${source.sql} LIMIT ${cap + 1}`;
  const row = await db.get<ListedRow>(`SELECT ${LIST_COLUMNS} FROM (${limited})`, source.params);
  if (cap !== undefined && row && row.n > cap) return null;
  return toIdSet(row);
}

/** The set of ids listed as ASCII bytes (`1,5,9`, as `CAST(group_concat(id) AS BLOB)` gives them). */
export function idSetOf(ids: Uint8Array): IdSet {
  let count = 0;
  let top = 0;
  let v = 0;
  for (let i = 0; i <= ids.length; i++) {
    const ch = i < ids.length ? ids[i]! : 44;
    if (ch !== 44) {
      v = v * 10 + ch - 48;
      continue;
    }
    count++;
    if (v > top) top = v;
    v = 0;
  }
  return ids.length === 0 ? EMPTY_SET : idSet(Buffer.from(ids.buffer, ids.byteOffset, ids.length).toString('latin1'), count, top);
}

/** The ids in every set (empty for no sets). */
export function intersect(sets: readonly IdSet[]): IdSet {
  const [smallest, ...others] = [...sets].sort((a, b) => a.count - b.count);
  if (!smallest) return EMPTY_SET;
  if (others.length === 0) return smallest;
  const kept: number[] = [];
  let top = 0;
  eachId(smallest.list, (id) => {
    if (others.every((s) => s.bitmap[id] === 1)) {
      kept.push(id);
      if (id > top) top = id;
    }
  });
  return kept.length === 0 ? EMPTY_SET : idSet(kept.join(','), kept.length, top);
}

/** `column` is one of the set's ids (an index-only test while walking an index that holds the id). */
export const inBitmap = (set: IdSet, column = 'id'): Sql => ({ sql: `substr(?, ${column} + 1, 1) = x'01'`, params: [set.bitmap] });

/** `id` is one of the set's ids, as a list SQLite looks up by rowid. */
export const inList = (set: IdSet): Sql => ({ sql: 'id IN (SELECT value FROM json_each(?))', params: [`[${set.list}]`] });
