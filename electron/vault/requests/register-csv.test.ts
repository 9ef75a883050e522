/** The register for an inspection: one row per request, times in ISO 8601, customers by id only. */
import { afterEach, describe, expect, it } from 'vitest';
import { VaultFixture } from '../testing';
import { registerCsv, REGISTER_CSV_HEADER } from './register-csv';
import { createRequestsService } from './service';
import { clockedOwner, customerIn } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

describe('the register as CSV', () => {
  it('lists each request with its clock and names no customer', async () => {
    const start = Date.UTC(2026, 11, 4, 10, 0);
    const c = await clockedOwner(fx, start);
    const requests = createRequestsService(c.ctx);
    const ani = await customerIn(c.svc, 'Ani Lestari', '+6281234567890');
    await requests.create({ type: 'access', channel: 'walk-in', customerIds: [ani], notCustomer: false, asked: 'Ani minta salinan', lang: 'id' });
    await requests.create({ type: 'complaint', channel: 'letter', customerIds: [], notCustomer: true, asked: '', lang: 'id' });
    c.at(start + 80 * 3_600_000);
    const csv = registerCsv(await requests.list({}));
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe(REGISTER_CSV_HEADER.join(';'));
    expect(lines[1]).toBe(`1;PDP-0001;access;walk-in;received;2026-12-04T10:00:00.000Z;2026-12-07T10:00:00.000Z;law;-8;yes;${ani};no;Ibu Sari`);
    expect(lines[2]).toMatch(/^2;PDP-0002;complaint;letter;received;.*;shop;88;no;;yes;Ibu Sari$/);
    expect(csv).not.toContain('Ani');
    expect(csv).not.toContain('812');
  });
});
