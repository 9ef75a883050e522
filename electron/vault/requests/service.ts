/**
 * The requests service (`requests.*`, `brankas request`): the one place the register is read and
 * written. Rules the vault holds, never the renderer:
 * - the due time is fixed at receipt (clock.ts); the time left is computed at each read;
 * - a request moves only along `transitions` (contract/requests.ts); a refusal says why (and the
 *   Pasal 15 ground when one applies); an outcome stops the clock;
 * - every step is an entry on the request's history AND the audit trail, in one transaction.
 */
import {
  OPEN_STATES,
  OUTCOMES,
  transitions,
  type CloseRequestInput,
  type IdentityInput,
  type MoveRequestInput,
  type NewRequest,
  type RequestDetail,
  type RequestListInput,
  type RequestOutcome,
  type RequestSettings,
  type RequestState,
  type RequestSummary,
  type RequestsOverview,
} from '../../contract';
import type { AuditRecord } from '../audit/record';
import type { Actor, VaultContext } from '../context';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { HOUR, dueFor } from './clock';
import { readDetail, readOverview, readSummaries } from './read';
import { appendRequestEvent, getRequestRow, insertRequest, linkCustomer, setRequestState } from './repository';
import { getRequestSettings, saveRequestSettings } from './settings';

export interface RequestsService {
  create(input: NewRequest): Promise<RequestDetail>;
  list(filter?: RequestListInput): Promise<RequestSummary[]>;
  /** One request with its history; records `request.view` (it holds what a customer said). */
  get(number: number): Promise<RequestDetail>;
  move(input: MoveRequestInput): Promise<RequestDetail>;
  /** Records what was checked to know the person is who they say (never a photo of an ID card). */
  identity(input: IdentityInput): Promise<RequestDetail>;
  note(number: number, note: string): Promise<RequestDetail>;
  link(number: number, customerId: number): Promise<RequestDetail>;
  /** Ends a request: its outcome, the customer told, closed — each an allowed step, one transaction. */
  close(input: CloseRequestInput): Promise<RequestDetail>;
  overview(): Promise<RequestsOverview>;
  settings(): Promise<RequestSettings>;
  saveSettings(s: RequestSettings): Promise<RequestSettings>;
}

/** A letter opened a little late may say it came earlier; a time ahead of the vault's clock is a mistake. */
const CLOCK_SLACK = 60_000;

async function customerExists(q: Queryable, id: number): Promise<boolean> {
  return (await q.get('SELECT 1 FROM customers WHERE id = ?', [id])) !== undefined;
}

export function createRequestsService(ctx: VaultContext): RequestsService {
  const who = (): Actor => {
    const u = ctx.user();
    if (!u) throw new VaultError('locked');
    return { id: u.id, name: u.name };
  };
  const audit = (tx: Queryable, number: number, action: AuditRecord['action'], details: AuditRecord['details']) =>
    ctx.recordIn(tx, { action, targetType: 'request', targetId: String(number), details });
  const detail = async (q: Queryable, number: number): Promise<RequestDetail> => {
    const d = await readDetail(q, number, ctx.now());
    if (!d) throw new VaultError('not_found', undefined, `request ${number}`);
    return d;
  };

  /** One allowed step, written with its history entry; the caller writes the audit entry. */
  async function step(tx: Queryable, number: number, to: RequestState, by: Actor, extra: Omit<MoveRequestInput, 'number' | 'to'>): Promise<RequestState> {
    const row = await getRequestRow(tx, number);
    if (!row) throw new VaultError('not_found', undefined, `request ${number}`);
    if (!transitions[row.state].includes(to)) throw new VaultError('invalid_input', { to: 'not_allowed' }, `${row.state} → ${to}`);
    if (to === 'refused' && !extra.reason) throw new VaultError('invalid_input', { reason: 'required' });
    const at = ctx.now();
    const outcome = (OUTCOMES as readonly string[]).includes(to) ? (to as RequestOutcome) : undefined;
    const via = to === 'told' ? (extra.via ?? row.channel) : undefined;
    await appendRequestEvent(tx, number, {
      at,
      kind: 'state',
      state: to,
      by,
      detail: {
        ...(extra.reason ? { reason: extra.reason } : {}),
        ...(extra.pasal15 ? { pasal15: extra.pasal15 } : {}),
        ...(via ? { via } : {}),
        ...(extra.note ? { note: extra.note } : {}),
      },
    });
    await setRequestState(tx, number, {
      state: to,
      ...(outcome ? { outcome, answeredAt: at, reason: extra.reason ?? null, pasal15: extra.pasal15 ?? null } : {}),
      ...(to === 'closed' ? { closedAt: at } : {}),
    });
    return row.state;
  }

  return {
    async create(input) {
      const by = who();
      const now = ctx.now();
      const receivedAt = input.receivedAt ?? now;
      if (receivedAt > now + CLOCK_SLACK) throw new VaultError('invalid_input', { receivedAt: 'in_future' });
      if (input.notCustomer && input.customerIds.length > 0) throw new VaultError('invalid_input', { customerIds: 'not_customer' });
      return ctx.db().transaction(async (tx) => {
        for (const id of input.customerIds) if (!(await customerExists(tx, id))) throw new VaultError('not_found', undefined, `customer ${id}`);
        const { dueAt, dueBasis } = dueFor(input.type, receivedAt, (await getRequestSettings(tx)).targetDays);
        const number = await insertRequest(tx, {
          type: input.type,
          channel: input.channel,
          receivedAt,
          dueAt,
          dueBasis,
          takenBy: by,
          requester: input.requester ?? null,
          notCustomer: input.notCustomer,
          asked: input.asked,
          lang: input.lang,
        });
        for (const id of input.customerIds) await linkCustomer(tx, number, id);
        await appendRequestEvent(tx, number, { at: now, kind: 'state', state: 'received', by, detail: { channel: input.channel } });
        await audit(tx, number, 'request.create', { type: input.type, channel: input.channel, customers: input.customerIds.map(String), dueBasis, dueHours: Math.round((dueAt - receivedAt) / HOUR) });
        return detail(tx, number);
      });
    },

    async list(filter = {}) {
      const now = ctx.now();
      const states = filter.state ? [filter.state] : filter.open ? OPEN_STATES : undefined;
      return ctx.db().transaction(async (tx) => {
        const rows = await readSummaries(
          tx,
          {
            ...(states ? { states } : {}),
            ...(filter.type ? { type: filter.type } : {}),
            ...(filter.dueWithinHours !== undefined ? { dueBefore: now + filter.dueWithinHours * HOUR, states: states ?? OPEN_STATES } : {}),
            ...(filter.customerId !== undefined ? { customerId: filter.customerId } : {}),
          },
          now,
        );
        // The list names customers: reading it is recorded like a search.
        await ctx.recordIn(tx, { action: 'request.view', targetType: 'request', details: { results: rows.length, open: filter.open ?? false } });
        return rows;
      });
    },

    get(number) {
      return ctx.db().transaction(async (tx) => {
        const d = await detail(tx, number);
        await audit(tx, number, 'request.view', { events: d.history.length });
        return d;
      });
    },

    async move(input) {
      const by = who();
      return ctx.db().transaction(async (tx) => {
        const from = await step(tx, input.number, input.to, by, input);
        await audit(tx, input.number, 'request.update', { from, to: input.to, ...(input.pasal15 ? { pasal15: input.pasal15 } : {}) });
        return detail(tx, input.number);
      });
    },

    async identity(input) {
      const by = who();
      return ctx.db().transaction(async (tx) => {
        const row = await getRequestRow(tx, input.number);
        if (!row) throw new VaultError('not_found', undefined, `request ${input.number}`);
        await appendRequestEvent(tx, input.number, { at: ctx.now(), kind: 'identity', by, detail: { checks: input.checks, ...(input.note ? { note: input.note } : {}) } });
        await audit(tx, input.number, 'request.update', { identity: input.checks });
        return detail(tx, input.number);
      });
    },

    async note(number, note) {
      const by = who();
      return ctx.db().transaction(async (tx) => {
        if (!(await getRequestRow(tx, number))) throw new VaultError('not_found', undefined, `request ${number}`);
        await appendRequestEvent(tx, number, { at: ctx.now(), kind: 'note', by, detail: { note } });
        await audit(tx, number, 'request.update', { note: true });
        return detail(tx, number);
      });
    },

    async link(number, customerId) {
      const by = who();
      return ctx.db().transaction(async (tx) => {
        const row = await getRequestRow(tx, number);
        if (!row) throw new VaultError('not_found', undefined, `request ${number}`);
        if (row.notCustomer) throw new VaultError('invalid_input', { customerId: 'not_customer' });
        if (!(await customerExists(tx, customerId))) throw new VaultError('not_found', undefined, `customer ${customerId}`);
        const added = await linkCustomer(tx, number, customerId);
        if (added) await appendRequestEvent(tx, number, { at: ctx.now(), kind: 'customer', by, detail: { customerId } });
        // Recorded either way: the answer names the request's customers.
        await audit(tx, number, 'request.update', { customer: String(customerId), added });
        return detail(tx, number);
      });
    },

    async close(input) {
      const by = who();
      return ctx.db().transaction(async (tx) => {
        const row = await getRequestRow(tx, input.number);
        if (!row) throw new VaultError('not_found', undefined, `request ${input.number}`);
        // The shortest allowed path from where it is to the outcome, then told and closed.
        const path: RequestState[] = [];
        if (row.state === 'received' || row.state === 'verifying') {
          if (input.outcome !== 'refused') path.push('in_progress');
          path.push(input.outcome, 'told', 'closed');
        } else if (row.state === 'in_progress') path.push(input.outcome, 'told', 'closed');
        else if (row.state === input.outcome) path.push('told', 'closed');
        else if (row.state === 'told') path.push('closed');
        else throw new VaultError('invalid_input', { outcome: 'not_allowed' }, `${row.state} → ${input.outcome}`);
        const extra = { ...(input.reason ? { reason: input.reason } : {}), ...(input.pasal15 ? { pasal15: input.pasal15 } : {}) };
        for (const to of path) await step(tx, input.number, to, by, extra);
        await audit(tx, input.number, 'request.update', { from: row.state, to: 'closed', outcome: input.outcome, steps: path });
        return detail(tx, input.number);
      });
    },

    overview() {
      return readOverview(ctx.db(), ctx.now());
    },

    settings() {
      return getRequestSettings(ctx.db());
    },

    saveSettings(s) {
      return ctx.db().transaction(async (tx) => {
        await saveRequestSettings(tx, s);
        await ctx.recordIn(tx, { action: 'request.settings', details: { targetDays: s.targetDays } });
        return getRequestSettings(tx);
      });
    },
  };
}
