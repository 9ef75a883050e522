/**
 * Answering a request from the register: a correction keeps before and after on the request, a
 * withdrawal goes through the consent ledger linked to the request, each in one transaction with
 * its audit entries; a step for a customer the request does not concern is refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createConsentService } from '../consent/service';
import { VaultFixture, vaultErrorOf } from '../testing';
import { createCorrections } from './correction';
import { createRequestsService } from './service';
import { clockedOwner, customerIn } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());
const START = Date.UTC(2026, 11, 4, 10, 0);

describe('answering a request', () => {
  it('corrects the record from the request and keeps before and after on it', async () => {
    const c = await clockedOwner(fx, START);
    const ani = await customerIn(c.svc, 'Ani Lestari', '+6281211112222');
    const budi = await customerIn(c.svc, 'Budi');
    const r = await createRequestsService(c.ctx).create({ type: 'correction', channel: 'whatsapp', customerIds: [ani], notCustomer: false, asked: 'Nomor saya sudah ganti', lang: 'id' });
    const fixed = await createCorrections(c.ctx).correct({ number: r.number, customerId: ani, changes: { phone: '0813 9999 8888', name: 'Ani Lestari' } });
    expect(fixed).toMatchObject({ name: 'Ani Lestari', phone: '+6281399998888' });
    const detail = await createRequestsService(c.ctx).get(r.number);
    expect(detail.history.at(-1)).toMatchObject({ kind: 'correction', detail: { customerId: ani, changes: { phone: { before: '+6281211112222', after: '+6281399998888' } } } });
    const actions = await c.svc.db().all<{ action: string; target_id: string }>("SELECT action, target_id FROM audit_log WHERE action IN ('customer.update', 'request.update') ORDER BY id");
    expect(actions).toEqual([{ action: 'request.update', target_id: String(r.number) }, { action: 'customer.update', target_id: String(ani) }]);

    expect((await vaultErrorOf(createCorrections(c.ctx).correct({ number: r.number, customerId: budi, changes: { city: 'Solo' } }))).fields).toEqual({ customerId: 'invalid_value' });
    // A bad value is refused by the customers service's own validation, and nothing is written.
    const events = (await createRequestsService(c.ctx).get(r.number)).history.length;
    expect((await vaultErrorOf(createCorrections(c.ctx).correct({ number: r.number, customerId: ani, changes: { email: 'bukan-email' } }))).code).toBe('invalid_input');
    expect((await createRequestsService(c.ctx).get(r.number)).history.length).toBe(events);
  });

  it('withdraws consent through the ledger, linked to the request', async () => {
    const c = await clockedOwner(fx, START);
    const ani = await customerIn(c.svc, 'Ani Lestari');
    const consent = createConsentService(c.ctx);
    await consent.record({ customerId: ani, purposeKey: 'promotions_wa', state: 'given', method: 'paper' });
    const r = await createRequestsService(c.ctx).create({ type: 'withdraw', channel: 'whatsapp', customerIds: [ani], notCustomer: false, asked: 'Stop promo', lang: 'id' });
    const after = await consent.record({ customerId: ani, purposeKey: 'promotions_wa', state: 'withdrawn', method: 'whatsapp', requestNumber: r.number });
    expect(after.rows[0]?.status).toBe('withdrawn');
    const step = (await createRequestsService(c.ctx).get(r.number)).history.at(-1);
    expect(step).toMatchObject({ kind: 'consent', detail: { purpose: 'promotions_wa', state: 'withdrawn', entry: after.history[0]?.id } });
    expect((await vaultErrorOf(consent.record({ customerId: ani, purposeKey: 'promotions_wa', state: 'given', method: 'paper', requestNumber: 99 }))).code).toBe('not_found');
    expect((await consent.get(ani)).rows[0]?.status).toBe('withdrawn');
  });
});
