/**
 * The field catalogue, purchases, tags and "last verified" through the real router (real vault,
 * SQLCipher and keychain): what the renderer sees, results not exceptions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { ChannelName, Customer, FieldDef, Purchase, Result, TagCount } from '../../contract';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { createRouter, type Router } from '../router';
import { testContext } from '../testing';

const ORIGIN = 'app://brankas';
let dir: string;
let vault: VaultService;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};

beforeEach(async () => {
  dir = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: { N: 2 ** 12, r: 8, p: 1 } });
  await vault.init();
  router = createRouter({ context: testContext(vault), trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: 'kopi-susu-gula-aren-42' }));
});

afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
});

describe('fields.* through the router', () => {
  it('lists, refuses a field without a purpose, switches on, creates and deletes a custom field', async () => {
    const list = await value<FieldDef[]>(call('fields.list'));
    expect(list.find((f) => f.key === 'birthday')).toMatchObject({ enabled: false });
    expect(await call('fields.update', { key: 'birthday', enabled: true, purpose: ' ' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', fields: { purpose: 'required' } },
    });
    expect(await call('customers.save', { customer: { name: 'Ani', birthday: '1990-07-17' } })).toEqual({
      ok: false,
      error: { code: 'invalid_input', fields: { birthday: 'field_disabled' } },
    });
    await value(call('fields.update', { key: 'birthday', enabled: true, purpose: 'Untuk ucapan ulang tahun.' }));
    const withField = await value<FieldDef[]>(
      call('fields.createCustom', { label: 'Ukuran baju', kind: 'choice', choices: ['S', 'M'], purpose: 'Stok.', sensitive: false }),
    );
    expect(withField.at(-1)).toMatchObject({ key: 'custom_1', enabled: true });
    const ani = await value<Customer>(call('customers.save', { customer: { name: 'Ani', birthday: '1990-07-17', custom: { custom_1: 'm' } } }));
    expect(ani).toMatchObject({ birthday: '1990-07-17', custom: { custom_1: 'M' } });
    expect(await value(call('fields.usage', { key: 'custom_1' }))).toEqual({ key: 'custom_1', count: 1 });
    await value(call('fields.deleteCustom', { key: 'custom_1' }));
    expect(await value(call('customers.get', { id: ani.id }))).toMatchObject({ custom: {} });
    expect(await call('fields.usage', { key: 'custom_1' })).toEqual({ ok: false, error: { code: 'not_found' } });
    expect(await call('fields.update', { key: 'name', enabled: false, purpose: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('purchases, tags and last verified through the router', () => {
  it('keeps the totals on the customer and answers not_found by code', async () => {
    const { id } = await value<Customer>(call('customers.save', { customer: { name: 'Budi', tags: ['VIP', 'Grosir'] } }));
    await value(call('customers.save', { customer: { name: 'Ani', tags: ['vip'] } }));
    const p = await value<Purchase>(
      call('purchases.save', { purchase: { customerId: id, date: '2026-01-02', description: 'Kopi', amount: 1_250_000, channel: 'store' } }),
    );
    expect(await value(call('purchases.list', { customerId: id }))).toEqual([p]);
    expect(await value(call('customers.get', { id }))).toMatchObject({ purchaseCount: 1, purchaseTotal: 1_250_000, lastPurchaseDate: '2026-01-02' });
    expect(await call('purchases.save', { purchase: { customerId: id, date: '2026-01-02', description: 'Kopi', amount: 1.5, channel: 'store' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await value(call('purchases.remove', { id: p.id }))).toEqual({ id: p.id });
    expect(await call('purchases.remove', { id: p.id })).toEqual({ ok: false, error: { code: 'not_found' } });

    const tags = await value<TagCount[]>(call('customers.tags', { prefix: 'V', limit: 5 }));
    expect(tags.map((t) => [t.tag.toLowerCase(), t.count])).toEqual([['vip', 2]]);
    expect(await value(call('customers.markVerified', { id }))).toMatchObject({ id, lastVerifiedAt: expect.any(Number) });
    expect(await call('customers.markVerified', { id: id + 100 })).toEqual({ ok: false, error: { code: 'not_found' } });
  });
});
