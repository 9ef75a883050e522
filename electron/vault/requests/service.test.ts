/**
 * The register with a clock the test moves: 72 wall-clock hours across a weekend, time left in
 * whole hours, overdue, the shop's own target for types the law gives no hours; states only along
 * `transitions`; every step on the history and the audit trail in one transaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { transitions, REQUEST_STATES } from '../../contract';
import { VaultFixture, vaultErrorOf } from '../testing';
import { createRequestsService } from './service';
import { clockedOwner, customerIn } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

const H = 3_600_000;
// Friday 4 December 2026, 17:00 in Jakarta (UTC+7).
const FRIDAY_5PM_WIB = Date.UTC(2026, 11, 4, 10, 0);

describe('the requests register', () => {
  it('gives an access request 72 hours across the weekend and counts them down in whole hours', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const requests = createRequestsService(c.ctx);
    const ani = await customerIn(c.svc, 'Ani Lestari');
    const r = await requests.create({ type: 'access', channel: 'walk-in', customerIds: [ani], notCustomer: false, asked: 'Apa saja data saya?', lang: 'id' });
    expect(r).toMatchObject({ number: 1, state: 'received', dueBasis: 'law', hoursLeft: 72, urgency: 'ok', customers: [{ id: ani, name: 'Ani Lestari' }] });
    // Monday 7 December, 17:00 WIB: the weekend counts (the law states hours).
    expect(new Date(r.dueAt).toISOString()).toBe('2026-12-07T10:00:00.000Z');

    c.at(FRIDAY_5PM_WIB + 24 * H + 1); // Saturday, a minute past 17:00 → 47 h 59 min left
    expect((await requests.get(1)).hoursLeft).toBe(47);
    c.at(FRIDAY_5PM_WIB + 49 * H); // Sunday 18:00: within a day
    expect(await requests.get(1)).toMatchObject({ hoursLeft: 23, urgency: 'due_soon' });
    c.at(FRIDAY_5PM_WIB + 72.5 * H); // Monday 17:30: overdue
    expect(await requests.get(1)).toMatchObject({ hoursLeft: -1, urgency: 'overdue' });
    expect(await requests.overview()).toMatchObject({ open: 1, overdue: 1, dueSoon: 0, next: { number: 1 } });

    // Answering stops the clock.
    await requests.move({ number: 1, to: 'in_progress' });
    const done = await requests.move({ number: 1, to: 'done' });
    expect(done).toMatchObject({ state: 'done', outcome: 'done', hoursLeft: null, urgency: 'answered' });
    expect(await requests.overview()).toMatchObject({ open: 0, overdue: 0, next: null });
  });

  it('gives types without hours in the law the shop’s own target, and says so', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const requests = createRequestsService(c.ctx);
    const erase = await requests.create({ type: 'erase', channel: 'whatsapp', customerIds: [], notCustomer: false, asked: '', lang: 'id' });
    expect(erase).toMatchObject({ dueBasis: 'shop', hoursLeft: 7 * 24 });
    expect(await requests.saveSettings({ targetDays: 3 })).toEqual({ targetDays: 3 });
    const complaint = await requests.create({ type: 'complaint', channel: 'letter', customerIds: [], notCustomer: true, asked: '', lang: 'en' });
    expect(complaint).toMatchObject({ dueBasis: 'shop', hoursLeft: 72, notCustomer: true });
    // The due time was fixed at receipt: changing the target later does not move it.
    expect((await requests.get(erase.number)).hoursLeft).toBe(7 * 24);
  });

  it('moves only along the transitions table, asks a refusal for its reason, and records every step', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const requests = createRequestsService(c.ctx);
    const r = await requests.create({ type: 'correction', channel: 'phone', customerIds: [], notCustomer: false, asked: 'Alamat saya salah', lang: 'id' });
    expect(r.next).toEqual([...transitions.received]);
    expect((await vaultErrorOf(requests.move({ number: r.number, to: 'done' }))).fields).toEqual({ to: 'not_allowed' });
    expect((await vaultErrorOf(requests.move({ number: r.number, to: 'refused' }))).fields).toEqual({ reason: 'required' });
    await requests.identity({ number: r.number, checks: ['knows_phone', 'recent_purchase'] });
    await requests.move({ number: r.number, to: 'verifying' });
    const refused = await requests.move({ number: r.number, to: 'refused', reason: 'Permintaan dari penegak hukum', pasal15: 'law_enforcement' });
    expect(refused).toMatchObject({ outcome: 'refused', pasal15: 'law_enforcement', next: ['told'] });
    await requests.move({ number: r.number, to: 'told', via: 'whatsapp' });
    const closed = await requests.move({ number: r.number, to: 'closed' });
    expect(closed.next).toEqual([]);
    expect(closed.history.map((e) => e.state ?? e.kind)).toEqual(['received', 'identity', 'verifying', 'refused', 'told', 'closed']);
    expect(closed.history[4]?.detail).toEqual({ via: 'whatsapp' });
    const audit = await c.svc.db().all<{ action: string; details: string }>("SELECT action FROM audit_log WHERE target_type = 'request' AND action <> 'request.view' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['request.create', ...Array(5).fill('request.update')]);
  });

  it('writes no step when its audit entry cannot be written (one transaction)', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const requests = createRequestsService({ ...c.ctx, recordIn: () => Promise.reject(new Error('disk full')) });
    await expect(requests.create({ type: 'access', channel: 'walk-in', customerIds: [], notCustomer: false, asked: '', lang: 'id' })).rejects.toThrow('disk full');
    expect(await c.svc.db().get('SELECT count(*) AS n FROM requests')).toEqual({ n: 0 });
    expect(await c.svc.db().get('SELECT count(*) AS n FROM request_events')).toEqual({ n: 0 });
  });

  it('closes along the allowed path, and refuses unknown customers and times ahead of the clock', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const requests = createRequestsService(c.ctx);
    expect((await vaultErrorOf(requests.create({ type: 'access', channel: 'walk-in', customerIds: [999], notCustomer: false, asked: '', lang: 'id' }))).code).toBe('not_found');
    expect((await vaultErrorOf(requests.create({ type: 'access', channel: 'walk-in', customerIds: [], notCustomer: false, asked: '', lang: 'id', receivedAt: FRIDAY_5PM_WIB + H }))).fields).toEqual({ receivedAt: 'in_future' });
    const late = await requests.create({ type: 'access', channel: 'letter', customerIds: [], notCustomer: false, asked: '', lang: 'id', receivedAt: FRIDAY_5PM_WIB - 70 * H });
    expect(late.hoursLeft).toBe(2);
    const closed = await requests.close({ number: late.number, outcome: 'done' });
    expect(closed.history.map((e) => e.state)).toEqual(['received', 'in_progress', 'done', 'told', 'closed']);
    expect((await vaultErrorOf(requests.close({ number: late.number, outcome: 'done' }))).fields).toEqual({ outcome: 'not_allowed' });
    expect((await vaultErrorOf(requests.get(42))).code).toBe('not_found');
    expect(REQUEST_STATES.every((s) => transitions[s].every((t) => REQUEST_STATES.includes(t)))).toBe(true);
  });

  it('lists open requests most urgent first and by customer', async () => {
    const c = await clockedOwner(fx, FRIDAY_5PM_WIB);
    const requests = createRequestsService(c.ctx);
    const budi = await customerIn(c.svc, 'Budi');
    await requests.create({ type: 'erase', channel: 'walk-in', customerIds: [budi], notCustomer: false, asked: '', lang: 'id' });
    await requests.create({ type: 'access', channel: 'walk-in', customerIds: [], notCustomer: false, asked: '', lang: 'id' });
    const third = await requests.create({ type: 'information', channel: 'email', customerIds: [], notCustomer: false, asked: '', lang: 'id' });
    await requests.close({ number: third.number, outcome: 'done' });
    expect((await requests.list({ open: true })).map((r) => r.number)).toEqual([2, 1]);
    expect((await requests.list({})).map((r) => r.number)).toEqual([2, 1, 3]);
    expect((await requests.list({ customerId: budi })).map((r) => r.number)).toEqual([1]);
    expect((await requests.list({ dueWithinHours: 72 })).map((r) => r.number)).toEqual([2]);
  });
});
