/** Rows of the register as the app and the CLI see them: the clock applied at the moment of reading. */
import { isOpen, OPEN_STATES, transitions, type Pasal15Ground, type RequestDetail, type RequestSummary, type RequestsOverview } from '../../contract';
import type { Queryable } from '../db/driver';
import { hoursLeft, urgency } from './clock';
import { getRequestRow, listRequestRows, requestCustomers, requestEvents, type RequestFilter, type RequestRow } from './repository';

function summary(r: RequestRow, customers: RequestSummary['customers'], now: number): RequestSummary {
  return {
    number: r.number,
    type: r.type,
    channel: r.channel,
    state: r.state,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    dueBasis: r.dueBasis,
    hoursLeft: hoursLeft(r.state, r.dueAt, now),
    urgency: urgency(r.state, r.dueAt, now),
    customers,
    notCustomer: r.notCustomer,
    takenBy: r.takerName,
  };
}

export async function readSummaries(q: Queryable, filter: RequestFilter, now: number): Promise<RequestSummary[]> {
  const rows = await listRequestRows(q, filter);
  const customers = await requestCustomers(q, rows.map((r) => r.number));
  return rows.map((r) => summary(r, customers.get(r.number) ?? [], now)).sort(byUrgency);
}

/** Open requests first, the most urgent on top; answered ones after, newest first. */
const byUrgency = (a: RequestSummary, b: RequestSummary): number =>
  Number(isOpen(b.state)) - Number(isOpen(a.state)) || (isOpen(a.state) ? a.dueAt - b.dueAt : b.number - a.number);

export async function readDetail(q: Queryable, number: number, now: number): Promise<RequestDetail | undefined> {
  const r = await getRequestRow(q, number);
  if (!r) return undefined;
  const customers = (await requestCustomers(q, [number])).get(number) ?? [];
  return {
    ...summary(r, customers, now),
    requester: r.requester,
    asked: r.asked,
    lang: r.lang,
    outcome: r.outcome,
    reason: r.reason,
    pasal15: r.pasal15 as Pasal15Ground | null,
    history: await requestEvents(q, number),
    next: [...transitions[r.state]],
  };
}

export async function readOverview(q: Queryable, now: number): Promise<RequestsOverview> {
  // Counts and the clock only: the banner names the request, never the customer (none are read).
  const open = (await listRequestRows(q, { states: OPEN_STATES })).map((r) => summary(r, [], now)).sort(byUrgency);
  return {
    open: open.length,
    overdue: open.filter((s) => s.urgency === 'overdue').length,
    dueSoon: open.filter((s) => s.urgency === 'due_soon').length,
    next: open[0] ? { ...open[0], takenBy: '' } : null,
  };
}
