/**
 * The audit trail's table: append (inside the caller's transaction, so an entry lands together
 * with the change it records or not at all), list with filters and keyset paging, and a CSV export
 * that streams page by page. Rows are never updated or deleted (triggers refuse it); `verify.ts`
 * checks the MAC chain that `appendAudit` extends.
 *
 * Order is newest first by (at, id), which every index ends in (an index's implicit last column is
 * the rowid), so a page is an index range scan whichever filter picks the index.
 */
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { AuditAction, AuditDetails, AuditEntry, AuditExportInput, AuditOutcome, AuditPage, AuditQueryInput } from '../../contract/audit';
import type { Db, Param, Queryable } from '../db/driver';
import { getMeta, setMeta } from '../meta';
import { escapeFormula } from '../transfer/formula';
import { openAtomic, outputError } from '../transfer/output';
import { entryMac, GENESIS_MAC, HEAD_META_KEY, headValue, parseHead, type ChainEntry } from './chain';
import { detailsJson, looksSensitive, REDACTED } from './details';

const safeTarget = (target: string): string => (looksSensitive(target) ? REDACTED : target);

export type AuditQuery = z.output<typeof AuditQueryInput>;
export type AuditFilter = z.output<typeof AuditExportInput>;

export interface NewAuditEntry {
  at: number;
  actorId: number | null;
  actorName: string;
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | number | null;
  outcome: AuditOutcome;
  details?: AuditDetails;
}

/** A row as stored. */
export interface AuditRow {
  id: number;
  at: number;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: string;
  mac: string;
}

export const AUDIT_COLUMNS = 'id, at, actor_id, actor_name, action, target_type, target_id, outcome, details, mac';

export const chainEntryOf = (r: AuditRow): ChainEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  outcome: r.outcome,
  detailsJson: r.details,
});

function parseDetails(text: string): AuditDetails {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as AuditDetails) : {};
  } catch {
    return {};
  }
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action as AuditAction,
  targetType: r.target_type,
  targetId: r.target_id,
  outcome: r.outcome as AuditOutcome,
  details: parseDetails(r.details),
});

/**
 * Appends one entry and moves the head; returns its id. Call it with the `tx` of a transaction
 * the caller holds. The id follows the head (or the last row, if that is further on), so entries
 * cut off the end or added behind the app's back stay visible to verification after new appends.
 */
export async function appendAudit(db: Queryable, key: Buffer, entry: NewAuditEntry): Promise<number> {
  if (!Number.isSafeInteger(entry.at) || entry.at < 0) throw new TypeError('audit entry time must be whole milliseconds');
  const head = parseHead(await getMeta(db, HEAD_META_KEY));
  const last = await db.get<{ id: number; mac: string }>('SELECT id, mac FROM audit_log ORDER BY id DESC LIMIT 1');
  const id = Math.max(head?.lastId ?? 0, last?.id ?? 0) + 1;
  const prevMac = last && last.id === id - 1 ? last.mac : GENESIS_MAC;
  const e: ChainEntry = {
    id,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    targetType: entry.targetType ?? null,
    // A file name can be anything ("0812 3456 7890.csv"): the target gets the same screening as the details.
    targetId: entry.targetId === undefined || entry.targetId === null ? null : typeof entry.targetId === 'number' ? String(entry.targetId) : safeTarget(entry.targetId),
    outcome: entry.outcome,
    detailsJson: detailsJson(entry.details),
  };
  const mac = entryMac(key, prevMac, e);
  await db.run(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    e.id,
    e.at,
    e.actorId,
    e.actorName,
    e.action,
    e.targetType,
    e.targetId,
    e.outcome,
    e.detailsJson,
    mac,
  ]);
  await setMeta(db, HEAD_META_KEY, headValue(key, id, mac));
  return id;
}

/** For events that change nothing else (sign-in, reveal, denied): an entry in a transaction of its own. */
export function appendAuditTx(db: Db, key: Buffer, entry: NewAuditEntry): Promise<number> {
  return db.transaction((tx) => appendAudit(tx, key, entry));
}

export interface AuditCursor {
  at: number;
  id: number;
}

function where(f: AuditFilter, cursor: AuditCursor | null): { sql: string; params: Param[] } {
  const conds: string[] = [];
  const params: Param[] = [];
  const add = (cond: string, ...values: Param[]) => {
    conds.push(cond);
    params.push(...values);
  };
  if (f.actorId !== undefined) add('actor_id = ?', f.actorId);
  if (f.action !== undefined) add('action = ?', f.action);
  if (f.customerId !== undefined) add("target_type = 'customer' AND target_id = ?", String(f.customerId));
  if (f.from !== undefined) add('at >= ?', f.from);
  if (f.to !== undefined) add('at <= ?', f.to);
  if (cursor) add('(at, id) < (?, ?)', cursor.at, cursor.id);
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

/** The SQL of a page: up to `limit` rows older than `cursor`, newest first (exported for the query-plan test). */
export function auditPageQuery(f: AuditFilter, cursor: AuditCursor | null, limit: number): { sql: string; params: Param[] } {
  const w = where(f, cursor);
  return { sql: `SELECT ${AUDIT_COLUMNS} FROM audit_log ${w.sql} ORDER BY at DESC, id DESC LIMIT ?`, params: [...w.params, limit] };
}

function page(db: Queryable, f: AuditFilter, cursor: AuditCursor | null, limit: number): Promise<AuditRow[]> {
  const { sql, params } = auditPageQuery(f, cursor, limit);
  return db.all<AuditRow>(sql, params);
}

/** A page of the trail, newest first; `before` is the id of the last entry of the previous page. */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditPage> {
  let cursor: AuditCursor | null = null;
  if (q.before !== undefined) {
    const at = (await db.get<{ at: number }>('SELECT at FROM audit_log WHERE id = ?', [q.before]))?.at;
    if (at === undefined) return { entries: [], more: false };
    cursor = { at, id: q.before };
  }
  const rows = await page(db, q, cursor, q.limit + 1);
  return { entries: rows.slice(0, q.limit).map(toEntry), more: rows.length > q.limit };
}

export const AUDIT_CSV_HEADER = ['id', 'time', 'actor_id', 'actor', 'action', 'target_type', 'target_id', 'outcome', 'details'] as const;
const EXPORT_PAGE = 500;

const csvRow = (r: AuditRow): (string | number)[] => [
  r.id,
  new Date(r.at).toISOString(),
  r.actor_id ?? '',
  escapeFormula(r.actor_name),
  escapeFormula(r.action),
  escapeFormula(r.target_type ?? ''),
  escapeFormula(r.target_id ?? ''),
  escapeFormula(r.outcome),
  escapeFormula(r.details),
];

export interface AuditCsvOptions {
  /** `;` (the default, as for customer exports: what Excel expects in Indonesia) or `,`. */
  delimiter?: ';' | ',';
  /** Called with the row count once every row is written, before the file is put in place: if it throws, no file appears. */
  beforeCommit?: (rows: number) => Promise<void>;
}

/**
 * Writes the filtered trail (newest first) to `filePath` as CSV: UTF-8 with a BOM, CRLF, an
 * English header, every text cell escaped against formula injection. Streams page by page under
 * a temporary name beside the target and renames it when complete.
 */
export async function exportAuditCsv(db: Queryable, q: AuditFilter, filePath: string, opts: AuditCsvOptions = {}): Promise<{ rows: number }> {
  const csv = (records: (string | number)[][]) => stringify(records, { delimiter: opts.delimiter ?? ';', record_delimiter: 'windows' });
  const file = openAtomic(filePath);
  try {
    await file.write(`\ufeff${csv([[...AUDIT_CSV_HEADER]])}`);
    let rows = 0;
    let cursor: AuditCursor | null = null;
    for (;;) {
      const batch = await page(db, q, cursor, EXPORT_PAGE);
      if (batch.length === 0) break;
      await file.write(csv(batch.map(csvRow)));
      rows += batch.length;
      const last = batch[batch.length - 1] as AuditRow;
      cursor = { at: last.at, id: last.id };
      if (batch.length < EXPORT_PAGE) break;
    }
    await opts.beforeCommit?.(rows);
    await file.commit();
    return { rows };
  } catch (err) {
    await file.abort();
    throw outputError(err);
  }
}
