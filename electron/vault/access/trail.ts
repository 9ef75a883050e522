/**
 * The processing trail of one customer, from the audit trail (read with its own paging function,
 * listAudit): every entry about them (viewed, changed, revealed, consent, purchases, documents,
 * earlier packs), the entries about their requests, and the copies made while they were held —
 * every backup (a backup holds the whole vault) and every customer export (which may have held them:
 * an export entry does not yet list which customers it held, and the pack says so). When, what, and
 * by which role; names only when asked. Only field names and a purpose key are taken from an entry's
 * details — never a file name, a count of other customers, or anything else.
 */
import type { AuditAction, AuditEntry } from '../../contract';
import { listAudit } from '../audit/repository';
import type { Queryable } from '../db/driver';
import type { PackTrailEntry, TrailKind } from '../documents/templates/access-pack-data';
import type { DoerOf } from './collect';

const PAGE = 500;

/** Every entry matching the filter, oldest first (the repository pages newest first). */
async function allOf(q: Queryable, filter: { customerId?: number; action?: AuditAction; from?: number }): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await listAudit(q, { ...filter, limit: PAGE, ...(before !== undefined ? { before } : {}) });
    out.push(...page.entries);
    const last = page.entries.at(-1);
    if (!page.more || !last) break;
    before = last.id;
  }
  return out.reverse();
}

const names = (v: unknown): string[] | undefined => {
  if (typeof v === 'string' && /^[a-z][a-zA-Z0-9_]{0,40}$/.test(v)) return [v];
  if (Array.isArray(v)) {
    const keys = v.filter((x): x is string => typeof x === 'string' && /^[a-z][a-zA-Z0-9_]{0,40}$/.test(x));
    return keys.length ? keys : undefined;
  }
  return undefined;
};

function toTrail(e: AuditEntry, kind: TrailKind, doer: DoerOf): PackTrailEntry {
  const fields = kind === 'customer' ? (names(e.details.fields) ?? names(e.details.field)) : undefined;
  const purpose = kind === 'customer' && e.action.startsWith('consent.') ? names(e.details.purpose)?.[0] : undefined;
  return {
    at: e.at,
    action: e.action,
    outcome: e.outcome,
    by: doer(e.actorId, e.actorName),
    kind,
    ...(fields ? { fields } : {}),
    ...(purpose ? { purpose } : {}),
  };
}

export interface TrailScope {
  customerId: number;
  /** When the customer was added: copies made before cannot hold them. */
  since: number;
  /** Their requests' numbers. */
  requests: readonly number[];
  doer: DoerOf;
}

export async function collectTrail(q: Queryable, s: TrailScope): Promise<PackTrailEntry[]> {
  const about = (await allOf(q, { customerId: s.customerId })).map((e) => toTrail(e, 'customer', s.doer));
  const backups = (await allOf(q, { action: 'backup.create', from: s.since })).filter((e) => e.outcome === 'ok').map((e) => toTrail(e, 'backup', s.doer));
  // Customer exports only (the audit trail's own export holds no customer data).
  const exports = (await allOf(q, { action: 'data.export', from: s.since }))
    .filter((e) => e.outcome === 'ok' && (e.details.what === undefined || e.details.what === 'customers'))
    .map((e) => toTrail(e, 'export', s.doer));
  // The requests' own entries (the register's steps), when the requests service targets them by number.
  const requests = s.requests.length
    ? (
        await q.all<{ at: number; actor_id: number | null; actor_name: string; action: string; outcome: string }>(
          "SELECT at, actor_id, actor_name, action, outcome FROM audit_log WHERE target_type = 'request' AND target_id IN (SELECT CAST(value AS TEXT) FROM json_each(?)) ORDER BY at, id",
          [JSON.stringify(s.requests)],
        )
      ).map((r): PackTrailEntry => ({ at: r.at, action: r.action, outcome: r.outcome as PackTrailEntry['outcome'], by: s.doer(r.actor_id, r.actor_name), kind: 'request' }))
    : [];
  return [...about, ...backups, ...exports, ...requests].sort((a, b) => a.at - b.at);
}
