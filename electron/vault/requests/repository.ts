/**
 * The register of customers' requests (migration 6): `requests`, `request_customers` and the
 * append-only `request_events`. Plain functions, the handle first, SQL beside its row mapper.
 * `appendRequestEvent` is the one way a step is written: the requests service, the consent ledger,
 * erasure, restriction and correction each call it inside the transaction of what they change.
 */
import type { OUTCOMES, RequestChannel, RequestEvent, RequestEventKind, RequestState, RequestType } from '../../contract';
import type { Actor } from '../context';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';

export interface RequestRow {
  number: number;
  type: RequestType;
  channel: RequestChannel;
  receivedAt: number;
  dueAt: number;
  dueBasis: 'law' | 'shop';
  takerName: string;
  requester: string | null;
  notCustomer: boolean;
  asked: string | null;
  lang: 'id' | 'en';
  state: RequestState;
  outcome: (typeof OUTCOMES)[number] | null;
  reason: string | null;
  pasal15: string | null;
  answeredAt: number | null;
  closedAt: number | null;
}

interface Row {
  number: number;
  type: string;
  channel: string;
  received_at: number;
  due_at: number;
  due_basis: string;
  taker_name: string;
  requester: string | null;
  not_customer: number;
  asked: string | null;
  lang: string;
  state: string;
  outcome: string | null;
  reason: string | null;
  pasal15: string | null;
  answered_at: number | null;
  closed_at: number | null;
}

const COLUMNS = 'number, type, channel, received_at, due_at, due_basis, taker_name, requester, not_customer, asked, lang, state, outcome, reason, pasal15, answered_at, closed_at';

const toRow = (r: Row): RequestRow => ({
  number: r.number,
  type: r.type as RequestType,
  channel: r.channel as RequestChannel,
  receivedAt: r.received_at,
  dueAt: r.due_at,
  dueBasis: r.due_basis as 'law' | 'shop',
  takerName: r.taker_name,
  requester: r.requester,
  notCustomer: r.not_customer === 1,
  asked: r.asked,
  lang: r.lang as 'id' | 'en',
  state: r.state as RequestState,
  outcome: r.outcome as RequestRow['outcome'],
  reason: r.reason,
  pasal15: r.pasal15,
  answeredAt: r.answered_at,
  closedAt: r.closed_at,
});

export interface NewRequestRow {
  type: RequestType;
  channel: RequestChannel;
  receivedAt: number;
  dueAt: number;
  dueBasis: 'law' | 'shop';
  takenBy: Actor;
  requester: string | null;
  notCustomer: boolean;
  asked: string;
  lang: 'id' | 'en';
}

export async function insertRequest(tx: Queryable, r: NewRequestRow): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO requests (type, channel, received_at, due_at, due_basis, taken_by, taker_name, requester, not_customer, asked, lang)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.type, r.channel, r.receivedAt, r.dueAt, r.dueBasis, r.takenBy?.id ?? null, r.takenBy?.name ?? 'system', r.requester, r.notCustomer ? 1 : 0, r.asked, r.lang],
  );
  return lastID;
}

export async function linkCustomer(tx: Queryable, number: number, customerId: number): Promise<boolean> {
  const { changes } = await tx.run('INSERT OR IGNORE INTO request_customers (request_number, customer_id) VALUES (?, ?)', [number, customerId]);
  return changes > 0;
}

export interface NewRequestEvent {
  at: number;
  kind: RequestEventKind;
  state?: RequestState;
  by: Actor;
  detail?: Record<string, unknown>;
}

/** Appends one step to the request's history (in the caller's transaction). */
export async function appendRequestEvent(tx: Queryable, number: number, e: NewRequestEvent): Promise<number> {
  const { lastID } = await tx.run(
    'INSERT INTO request_events (request_number, at, kind, state, by_id, by_name, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [number, e.at, e.kind, e.state ?? null, e.by?.id ?? null, e.by?.name ?? 'system', e.detail === undefined ? null : JSON.stringify(e.detail)],
  );
  return lastID;
}

export interface StateChange {
  state: RequestState;
  outcome?: RequestRow['outcome'];
  reason?: string | null;
  pasal15?: string | null;
  answeredAt?: number;
  closedAt?: number;
}

export async function setRequestState(tx: Queryable, number: number, c: StateChange): Promise<void> {
  await tx.run(
    `UPDATE requests SET state = ?, outcome = coalesce(?, outcome), reason = coalesce(?, reason), pasal15 = coalesce(?, pasal15),
       answered_at = coalesce(?, answered_at), closed_at = coalesce(?, closed_at) WHERE number = ?`,
    [c.state, c.outcome ?? null, c.reason ?? null, c.pasal15 ?? null, c.answeredAt ?? null, c.closedAt ?? null, number],
  );
}

export async function getRequestRow(q: Queryable, number: number): Promise<RequestRow | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM requests WHERE number = ?`, [number]);
  return row && toRow(row);
}

export interface RequestFilter {
  states?: readonly RequestState[];
  type?: RequestType;
  dueBefore?: number;
  customerId?: number;
}

/** Newest first; open ones by due time when filtered to open states. */
export async function listRequestRows(q: Queryable, f: RequestFilter = {}): Promise<RequestRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.states) {
    where.push(`state IN (${f.states.map(() => '?').join(', ')})`);
    params.push(...f.states);
  }
  if (f.type) {
    where.push('type = ?');
    params.push(f.type);
  }
  if (f.dueBefore !== undefined) {
    where.push('due_at <= ?');
    params.push(f.dueBefore);
  }
  if (f.customerId !== undefined) {
    where.push('number IN (SELECT request_number FROM request_customers WHERE customer_id = ?)');
    params.push(f.customerId);
  }
  const sql = `SELECT ${COLUMNS} FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY number DESC`;
  return (await q.all<Row>(sql, params)).map(toRow);
}

/** Whom each request concerns: the id always, the name while the customer is still held. */
export async function requestCustomers(q: Queryable, numbers: readonly number[]): Promise<Map<number, { id: number; name: string | null }[]>> {
  const out = new Map<number, { id: number; name: string | null }[]>();
  if (numbers.length === 0) return out;
  const rows = await q.all<{ request_number: number; customer_id: number; name: string | null }>(
    `SELECT rc.request_number, rc.customer_id, c.name FROM request_customers rc LEFT JOIN customers c ON c.id = rc.customer_id
     WHERE rc.request_number IN (SELECT value FROM json_each(?)) ORDER BY rc.customer_id`,
    [JSON.stringify(numbers)],
  );
  for (const r of rows) {
    const list = out.get(r.request_number) ?? [];
    list.push({ id: r.customer_id, name: r.name });
    out.set(r.request_number, list);
  }
  return out;
}

interface EventRow {
  id: number;
  at: number;
  kind: string;
  state: string | null;
  by_name: string;
  detail: string | null;
}

export async function requestEvents(q: Queryable, number: number): Promise<RequestEvent[]> {
  const rows = await q.all<EventRow>('SELECT id, at, kind, state, by_name, detail FROM request_events WHERE request_number = ? ORDER BY id', [number]);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind as RequestEventKind,
    state: r.state as RequestState | null,
    by: r.by_name,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
  }));
}

/**
 * Blanks what an erased customer said in their requests (their words, the name they gave, the
 * details of each step: identity checked, values corrected). The register keeps the rest: the type,
 * the times and states, who handled it, and the customer's id as a pseudonymous reference.
 */
export async function redactRequestsOf(tx: Queryable, customerId: number, at: number): Promise<number> {
  const numbers = (await tx.all<{ n: number }>('SELECT request_number AS n FROM request_customers WHERE customer_id = ?', [customerId])).map((r) => r.n);
  if (numbers.length === 0) return 0;
  const list = JSON.stringify(numbers);
  await tx.run('UPDATE requests SET asked = NULL, requester = NULL, redacted_at = ? WHERE number IN (SELECT value FROM json_each(?))', [at, list]);
  await tx.run('UPDATE request_events SET detail = NULL, redacted = 1 WHERE detail IS NOT NULL AND request_number IN (SELECT value FROM json_each(?))', [list]);
  return numbers.length;
}

/** Whether request `number` exists and names this customer. */
export async function requestConcerns(q: Queryable, number: number, customerId: number): Promise<boolean> {
  return (await q.get('SELECT 1 FROM request_customers WHERE request_number = ? AND customer_id = ?', [number, customerId])) !== undefined;
}

/**
 * For a step taken from a request (a correction, a withdrawal, a restriction, an access pack): the
 * request must exist (`not_found`) and concern that customer (`invalid_input` on `field`: the input
 * that named the one it does not concern).
 */
export async function assertConcerns(q: Queryable, number: number, customerId: number, field: 'customerId' | 'requestNumber' = 'customerId'): Promise<RequestRow> {
  const row = await getRequestRow(q, number);
  if (!row) throw new VaultError('not_found', undefined, `request ${number}`);
  if (!(await requestConcerns(q, number, customerId))) {
    throw new VaultError('invalid_input', { [field]: 'invalid_value' }, `request ${number} does not concern customer ${customerId}`);
  }
  return row;
}
