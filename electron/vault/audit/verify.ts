/**
 * Verification of the audit trail: walks every entry in id order, a page at a time (a million
 * entries need no more memory than a thousand), and checks that the ids run 1, 2, 3… with no gap,
 * that each MAC is HMAC(key, previous MAC ‖ entry), and that the head in `meta` names the last
 * entry. It reports the FIRST entry that does not fit:
 *
 * - `missing_or_reordered`: an id is missing (the missing id is reported) or out of place (an id
 *   ≤ 0), or the entry's MAC fails where it stands but an entry near it (within 16 places) would
 *   fit at another position (a swap, or entries shifted to make room for an insertion), or the
 *   entry comes after the last one the head vouches for (added behind the app's back).
 * - `altered`: the MAC fails and nothing nearby was moved: the entry was edited (or replaced by
 *   one written without the key, which cannot be told apart). A wrong key fails at entry 1.
 * - `truncated`: every entry fits but the head does not: it names more entries than there are
 *   (firstBrokenId = the id after the last one), or it is missing, malformed or not the MAC of
 *   the last entry (firstBrokenId = null).
 *
 * `entries` is the number of rows in the table. Limits of the design: anyone who holds the data key
 * (needed to open the file at all) and knows this scheme can re-compute a consistent chain, and a
 * copy of the whole trail and head taken earlier can be put back (a rollback) without a trace;
 * catching that needs a record of the head outside the vault.
 *
 * Safe to run next to writers: an entry appended during the walk arrives with its head in one
 * transaction, so the end check reads the head and then looks once more for entries behind it.
 */
import { createSecretKey } from 'node:crypto';
import type { AuditVerification } from '../../contract/audit';
import type { Queryable } from '../db/driver';
import { getMeta } from '../meta';
import { canonicalMac, entryMac, GENESIS_MAC, HEAD_META_KEY, headMatches, parseHead, sameMac } from './chain';
import { AUDIT_COLUMNS, chainEntryOf, type AuditRow } from './repository';

const PAGE = 1000;
/** How far from the first broken entry to look for moved entries. */
const NEAR = 16;

type Reason = Extract<AuditVerification, { ok: false }>['reason'];

/**
 * The walk reads each entry as one JSON array built by SQLite (three columns a row instead of ten:
 * node-sqlite3's per-column cost is most of the time at a million rows). The canonical text is
 * still JavaScript's: JSON.stringify of what JSON.parse gives back, exactly as `canonicalEntry`.
 */
interface WalkRow {
  id: number;
  c: string;
  mac: string;
}
const WALK = `SELECT id, json_array(id, at, actor_id, actor_name, action, target_type, target_id, outcome, details) AS c, mac FROM audit_log`;
const canonicalOf = (row: WalkRow): string => JSON.stringify(JSON.parse(row.c));

const nextRows = (db: Queryable, afterId: number): Promise<WalkRow[]> =>
  db.all<WalkRow>(`${WALK} WHERE id > ? ORDER BY id LIMIT ?`, [afterId, PAGE]);

/** Whether the head in `meta` is valid for the row it names (and so vouches for the trail up to it). */
async function validHead(db: Queryable, key: Buffer): Promise<number | null> {
  const head = parseHead(await getMeta(db, HEAD_META_KEY));
  if (!head) return null;
  const mac = head.lastId === 0 ? GENESIS_MAC : (await db.get<{ mac: string }>('SELECT mac FROM audit_log WHERE id = ?', [head.lastId]))?.mac;
  return mac !== undefined && headMatches(key, head, head.lastId, mac) ? head.lastId : null;
}

/** Why entry `id` fails its MAC (see the header): moved/added, or altered in place. */
async function mismatchReason(db: Queryable, key: Buffer, id: number, expectedPrev: string): Promise<Reason> {
  const headId = await validHead(db, key);
  if (headId !== null && id > headId) return 'missing_or_reordered';
  const near = await db.all<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id`, [id - NEAR - 1, id + NEAR]);
  const prevs = new Set([GENESIS_MAC, expectedPrev, ...near.map((r) => r.mac)]);
  for (const row of near) {
    if (row.id < id) continue;
    for (let pos = Math.max(1, id - NEAR); pos <= id + NEAR; pos++) {
      if (pos === row.id) continue;
      const moved = { ...chainEntryOf(row), id: pos };
      for (const prev of prevs) if (sameMac(entryMac(key, prev, moved), row.mac)) return 'missing_or_reordered';
    }
  }
  return 'altered';
}

export async function verifyAudit(db: Queryable, key: Buffer): Promise<AuditVerification> {
  const broken = async (firstBrokenId: number | null, reason: Reason): Promise<AuditVerification> => ({
    ok: false,
    entries: (await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))?.n ?? 0,
    firstBrokenId,
    reason,
  });
  const macKey = createSecretKey(key);
  let last = 0;
  let prevMac = GENESIS_MAC;
  // The first page has no lower bound, so an entry slipped in with an id of 0 or below is seen.
  let rows = await db.all<WalkRow>(`${WALK} ORDER BY id LIMIT ?`, [PAGE]);
  for (;;) {
    for (const row of rows) {
      const expected = last + 1;
      if (row.id !== expected) return broken(row.id < expected ? row.id : expected, 'missing_or_reordered');
      if (!sameMac(canonicalMac(macKey, prevMac, canonicalOf(row)), row.mac)) return broken(row.id, await mismatchReason(db, key, row.id, prevMac));
      last = row.id;
      prevMac = row.mac;
    }
    if (rows.length === PAGE) {
      rows = await nextRows(db, last);
      continue;
    }
    // The end of the trail: the head must name the last entry.
    const text = await getMeta(db, HEAD_META_KEY);
    const head = parseHead(text);
    if (head && head.lastId > last) {
      rows = await nextRows(db, last);
      if (rows.length > 0) continue; // appended while we walked
      return broken(last + 1, 'truncated');
    }
    if (text === undefined && last === 0) return { ok: true, entries: 0 };
    if (!head || !headMatches(key, head, last, prevMac)) return broken(null, 'truncated');
    return { ok: true, entries: last };
  }
}
