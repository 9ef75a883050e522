/**
 * The demo vault through the router, as the app runs it: started from the first-run state, seeded,
 * signed in, served in place of the real vault; thrown away with its folder and keychain entry;
 * and never mixed with the real vault created afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChannelName, CustomerPage, DemoStatus, Purchase, Result, VaultStatus } from '../../contract';
import { createRouter, type Router, type Sender } from '../../ipc/router';
import { QueuedDialogs } from '../../ipc/testing';
import { tempDir } from '../db/testing';
import { VaultHost } from '../host';
import { systemKeychain } from '../keys/keychain';
import { readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { FAST_KDF, OWNER, PASSWORD } from '../testing';
import { DEMO_CUSTOMERS, demoCustomers } from './seed';
import { DEMO_MARKER, demoDataDir } from './paths';
import { createDemoService, DEMO_OWNER } from './service';

const ORIGIN = 'app://brankas';
const APP: Sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const keychain = systemKeychain();

let parent: string;
let realDir: string;
let demoDir: string;
let host: VaultHost;
let router: Router;
const ids = new Set<string>();

const call = async <T>(channel: ChannelName, input: unknown = {}): Promise<Result<T>> => (await router.handle(APP, channel, input)) as Result<T>;
async function value<T>(channel: ChannelName, input: unknown = {}): Promise<T> {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
  return r.value;
}
const vaultIdOf = (dir: string) => readRecoveryFile(vaultPaths(dir))?.vaultId ?? null;
const search = (query = '') => value<CustomerPage>('customers.search', { query, offset: 0, limit: 50 });

beforeEach(async () => {
  parent = tempDir('brankas-demo-');
  realDir = join(parent, 'Brankas');
  demoDir = demoDataDir(realDir);
  host = new VaultHost({ dataDir: realDir, keychain, passwordKdf: FAST_KDF });
  await host.real.init();
  router = createRouter({
    context: host.context({ dialogs: new QueuedDialogs(), emit: () => undefined, demo: createDemoService(host) }),
    trustedOrigins: [ORIGIN],
    onInternalError: (channel, err) => console.error(channel, err),
  });
});
afterEach(async () => {
  for (const dir of [realDir, demoDir]) {
    const id = vaultIdOf(dir);
    if (id) ids.add(id);
  }
  await host.close();
  for (const id of ids) await keychain.remove(id).catch(() => false);
  ids.clear();
  rmSync(parent, { recursive: true, force: true });
});

describe('the sample data', () => {
  it('is the same shop for the same seed and day: 300 synthetic customers, +62 8xx-0000 phones, example domains', () => {
    const a = demoCustomers({ today: '2026-12-03' });
    expect(demoCustomers({ today: '2026-12-03' })).toEqual(a);
    expect(demoCustomers({ today: '2026-12-03', seed: 7 })).not.toEqual(a);
    expect(a).toHaveLength(DEMO_CUSTOMERS);
    expect(new Set(a.map((c) => c.customer.name)).size).toBe(a.length);
    for (const { customer, purchases } of a) {
      expect(customer.phone).toMatch(/^\+62 8\d\d-0000-\d{4}$/);
      if (customer.email) expect(customer.email).toMatch(/@example\.(com|net|org)$/);
      for (const p of purchases) expect(p.date <= '2026-12-03' && p.date > '2025-12-03').toBe(true);
    }
    expect(a.filter((c) => c.purchases.length > 0).length).toBeGreaterThan(200);
    expect(a.filter((c) => (c.customer.tags ?? []).length > 0).length).toBeGreaterThan(100);
  });
});

describe('demo.start and demo.discard', () => {
  it('starts a seeded demo beside (never inside) the real folder, signed in; the real folder stays empty', async () => {
    expect(await value<DemoStatus>('demo.status')).toEqual({ active: false, leftover: false });
    const status = await value<VaultStatus>('demo.start');
    expect(status).toMatchObject({ state: 'unlocked', ownerName: DEMO_OWNER, recoveryConfirmed: true, user: { name: DEMO_OWNER, role: 'owner' } });
    const demo = await value<DemoStatus>('demo.status');
    expect(demo).toMatchObject({ active: true, ownerName: DEMO_OWNER });
    expect(demo.active && demo.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    expect(dirname(demoDir)).toBe(dirname(realDir));
    expect(demoDir.startsWith(realDir + '/')).toBe(false);
    expect(existsSync(vaultPaths(demoDir).vault)).toBe(true);
    expect(existsSync(realDir)).toBe(false);
    // A real encrypted vault with its own keychain entry.
    const demoId = vaultIdOf(demoDir);
    expect(demoId && (await keychain.get(demoId))).toMatch(/./);

    const page = await search();
    expect(page.total).toBe(DEMO_CUSTOMERS);
    const first = page.items[0]!;
    expect(first.address).toMatch(/^(Jl|Gg)\. /);
    const withPurchases = await Promise.all(page.items.map((c) => value<Purchase[]>('purchases.list', { customerId: c.id })));
    expect(withPurchases.flat().length).toBeGreaterThan(20);
    expect((await search('reseller')).total).toBeGreaterThan(0);
    // The real vault knows nothing of it.
    expect(host.real.status()).toEqual({ state: 'no_vault' });
  });

  it('discard deletes the demo folder and its keychain entry; a real vault created afterwards has none of it', async () => {
    await value('demo.start');
    const demoId = vaultIdOf(demoDir)!;
    expect(await value<VaultStatus>('demo.discard')).toEqual({ state: 'no_vault' });
    expect(existsSync(demoDir)).toBe(false);
    expect(await keychain.get(demoId)).toBeNull();
    expect(await value<DemoStatus>('demo.status')).toEqual({ active: false, leftover: false });
    expect(await call('customers.search', { query: '', offset: 0, limit: 10 })).toEqual({ ok: false, error: { code: 'no_vault' } });

    await value('vault.create', { ownerName: OWNER, password: PASSWORD });
    expect(existsSync(vaultPaths(realDir).vault)).toBe(true);
    expect(existsSync(demoDir)).toBe(false);
    expect((await search()).total).toBe(0);
    expect(vaultIdOf(realDir)).not.toBe(demoId);
    // With a real vault here the demo is not offered any more.
    expect(await call('demo.start')).toEqual({ ok: false, error: { code: 'vault_exists' } });
    expect(await call('demo.discard')).toEqual({ ok: false, error: { code: 'conflict' } });
  });

  it('discard works while the demo is locked, and a second start while one runs is refused', async () => {
    await value('demo.start');
    expect(await call('demo.start')).toEqual({ ok: false, error: { code: 'vault_exists' } });
    await value('vault.lock');
    expect(host.vault.status().state).toBe('locked');
    expect(await value<VaultStatus>('demo.discard')).toEqual({ state: 'no_vault' });
    expect(existsSync(demoDir)).toBe(false);
  });

  it('a demo left behind (app closed mid-demo) is reported, replaced by a fresh one on start, or discarded', async () => {
    await value('demo.start');
    const oldId = vaultIdOf(demoDir)!;
    // The app closes mid-demo; on the next start it serves the real vault (no vault here).
    await host.close();
    host = new VaultHost({ dataDir: realDir, keychain, passwordKdf: FAST_KDF });
    await host.real.init();
    router = createRouter({ context: host.context({ dialogs: new QueuedDialogs(), emit: () => undefined, demo: createDemoService(host) }), trustedOrigins: [ORIGIN] });
    expect(await value<VaultStatus>('vault.status')).toEqual({ state: 'no_vault' });
    expect(await value<DemoStatus>('demo.status')).toEqual({ active: false, leftover: true });
    await value('demo.start');
    expect(await keychain.get(oldId)).toBeNull();
    expect(vaultIdOf(demoDir)).not.toBe(oldId);
    expect((await search()).total).toBe(DEMO_CUSTOMERS);
  });

  it('never deletes a folder that is not a demo vault', async () => {
    mkdirSync(demoDir);
    writeFileSync(join(demoDir, 'someone-else.txt'), 'keep me');
    expect(await call('demo.start')).toEqual({ ok: false, error: { code: 'conflict' } });
    expect(readdirSync(demoDir)).toEqual(['someone-else.txt']);
    expect(existsSync(join(demoDir, DEMO_MARKER))).toBe(false);
    expect(host.vault).toBe(host.real);
  });
});
