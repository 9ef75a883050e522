/**
 * customers.erase through the real router (real vault, SQLCipher, keychain): Owner and Manager
 * erase, a Cashier is refused before anything happens, a refused audit entry erases nothing, and
 * the answer says how long older backups may still hold the customer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { ChannelName, EraseResult, Result, StaffMember } from '../../contract';
import { refuseAudit } from '../../vault/audit/testing';
import { tempDir } from '../../vault/db/testing';
import { seedCanary } from '../../vault/erasure/testing';
import { readRegisterFile } from '../../vault/erasure/register-file';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { FAST_KDF } from '../../vault/testing';
import { createRouter, type Router } from '../router';
import { testContext } from '../testing';

const ORIGIN = 'app://brankas';
const PASSWORD = 'kopi-susu-gula-aren-42';
const CASHIER_PASSWORD = 'sepeda-tua-ke-pasar-77';
let dir: string;
let vault: VaultService;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle({ url: `${ORIGIN}/index.html`, isMainFrame: true }, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const customers = async () => (await vault.db().get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n;

beforeEach(async () => {
  dir = tempDir();
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  await vault.init();
  router = createRouter({ context: testContext(vault), trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }));
});
afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
});

describe('customers.erase through the router', () => {
  it('erases as a step of the request and answers with the rotation of older backups', async () => {
    const seeded = await seedCanary(vault);
    const out = await value<EraseResult>(call('customers.erase', { customerId: seeded.id, requestNumber: seeded.request }));
    expect(out).toEqual({ customerId: seeded.id, erasedAt: expect.any(Number), keptPurchases: 2, backupsRotateAfterDays: 35, requestNumber: seeded.request });
    expect(await customers()).toBe(0);
    expect(readRegisterFile(dir).map((e) => e.customerId)).toEqual([seeded.id]);
    expect(await call('customers.erase', { customerId: seeded.id })).toEqual({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a Cashier (forbidden, recorded), erasing nothing', async () => {
    const seeded = await seedCanary(vault);
    const cashier = await value<StaffMember>(call('staff.create', { name: 'Dewi Lestari', role: 'staff', password: CASHIER_PASSWORD, reason: 'Kasir pagi' }));
    await value(call('vault.lock', { reason: 'user' }));
    await value(call('vault.signIn', { staffId: cashier.id, password: CASHIER_PASSWORD }));
    expect(await call('customers.erase', { customerId: seeded.id })).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await customers()).toBe(1);
    expect(await vault.db().get("SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied'")).toEqual({ n: 1 });
  });

  it('a refused audit entry erases nothing; bad input is a typed error', async () => {
    const seeded = await seedCanary(vault);
    const allow = await refuseAudit(vault.db(), 'customer.erase');
    expect(await call('customers.erase', { customerId: seeded.id })).toMatchObject({ ok: false, error: { code: 'audit_failed' } });
    await allow();
    expect(await customers()).toBe(1);
    expect(await vault.db().get('SELECT count(*) AS n FROM erasures')).toEqual({ n: 0 });
    expect(await vault.db().get('SELECT asked FROM requests WHERE number = ?', [seeded.request])).not.toEqual({ asked: null });
    expect(await call('customers.erase', { customerId: 'Budi' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('customers.erase', { customerId: seeded.id, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('customers.erase', { customerId: seeded.id, requestNumber: 999 })).toEqual({ ok: false, error: { code: 'invalid_input', fields: { requestNumber: 'invalid_value' } } });
  });
});
