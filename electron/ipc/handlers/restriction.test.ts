/**
 * A restricted customer (Pasal 11, 41) through the real router: gone for a Cashier and View-only
 * (search, list total, open by number, purchases, consent, edit), seen and editable by the Owner and a
 * Manager, in no export whoever runs it — and back once the restriction is lifted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelName, Customer, CustomerPage, Restriction, Result, StaffMember } from '../../contract';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { FAST_KDF } from '../../vault/testing';
import { createRouter, type Router } from '../router';
import { testContext, type TestContext } from '../testing';

const ORIGIN = 'app://brankas';
const OWNER_PASSWORD = 'kopi-susu-gula-aren-42';
const CASHIER_PASSWORD = 'sepeda-tua-ke-pasar-77';
let dir: string;
let out: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;
let cashier: number;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const errorOf = async (p: Promise<Result<unknown>>) => {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error.code;
};
async function as(who: 'owner' | 'cashier') {
  await value(call('vault.lock'));
  await value(call('vault.signIn', who === 'owner' ? { staffId: 1, password: OWNER_PASSWORD } : { staffId: cashier, password: CASHIER_PASSWORD }));
}
const names = async (query = '') => {
  const page = await value<CustomerPage>(call('customers.search', { query, offset: 0, limit: 50 }));
  return { names: page.items.map((c) => c.name), total: page.total };
};

beforeEach(async () => {
  dir = tempDir();
  out = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: OWNER_PASSWORD }));
  cashier = (await value<StaffMember>(call('staff.create', { name: 'Dewi', role: 'staff', password: CASHIER_PASSWORD, reason: 'Kasir' }))).id;
});
afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('a restricted customer', () => {
  it('is hidden from a cashier, left out of exports, and back when the restriction is lifted', async () => {
    const ani = await value<Customer>(call('customers.save', { customer: { name: 'Ani Lestari', phone: '0812 1111 2222' } }));
    await value(call('customers.save', { customer: { name: 'Budi Santoso', phone: '0813 3333 4444' } }));
    await value(call('customers.save', { customer: { name: 'Ani Wulandari' } }));
    const request = await value<{ number: number }>(call('requests.create', { type: 'restrict', channel: 'walk-in', customerIds: [ani.id], asked: 'Tolong jangan pakai data saya dulu' }));
    const list = await value<Restriction[]>(call('requests.restrict', { customerId: ani.id, reason: 'Data sedang diperiksa', requestNumber: request.number }));
    expect(list).toMatchObject([{ customerId: ani.id, name: 'Ani Lestari', reason: 'Data sedang diperiksa', requestNumber: request.number }]);
    expect(await errorOf(call('requests.restrict', { customerId: ani.id, reason: 'lagi' }))).toBe('conflict');

    // The Owner still sees and edits the customer.
    expect(await names('ani')).toEqual({ names: ['Ani Lestari', 'Ani Wulandari'], total: 2 });
    await value(call('customers.save', { id: ani.id, customer: { name: 'Ani Lestari', phone: '0812 1111 2222', city: 'Bandung' } }));

    // Every export leaves her out, the Owner's included.
    ctx.dialogs.saves.push(join(out, 'semua.json'));
    await value(call('export.run', { format: 'json', fields: ['name'], scope: { kind: 'all' }, purpose: 'order_updates' }));
    expect(readFileSync(join(out, 'semua.json'), 'utf8')).not.toContain('Ani Lestari');
    ctx.dialogs.saves.push(join(out, 'cari.json'));
    await value(call('export.run', { format: 'json', fields: ['name'], scope: { kind: 'filter', query: 'ani', filter: {} }, purpose: 'order_updates' }));
    expect(JSON.parse(readFileSync(join(out, 'cari.json'), 'utf8').replace(/^\ufeff/, ''))).toEqual([{ name: 'Ani Wulandari' }]);

    await as('cashier');
    expect(await names()).toEqual({ names: ['Ani Wulandari', 'Budi Santoso'], total: 2 });
    expect(await names('ani')).toEqual({ names: ['Ani Wulandari'], total: 1 });
    expect(await names('0812')).toEqual({ names: [], total: 0 });
    for (const [channel, input] of [
      ['customers.get', { id: ani.id }],
      ['customers.reveal', { id: ani.id, field: 'phone' }],
      ['customers.save', { id: ani.id, customer: { name: 'Ani Diubah' } }],
      ['purchases.list', { customerId: ani.id }],
      ['consent.get', { customerId: ani.id }],
    ] as const) {
      expect(await errorOf(call(channel, input)), channel).toBe('not_found');
    }

    await as('owner');
    await value(call('requests.unrestrict', { customerId: ani.id, requestNumber: request.number }));
    await as('cashier');
    expect(await names('ani')).toEqual({ names: ['Ani Lestari', 'Ani Wulandari'], total: 2 });
    await as('owner');
    const detail = await value<{ history: { kind: string; detail: Record<string, unknown> }[] }>(call('requests.get', { number: request.number }));
    expect(detail.history.filter((e) => e.kind === 'restriction').map((e) => e.detail.restricted)).toEqual([true, false]);
  });
});
