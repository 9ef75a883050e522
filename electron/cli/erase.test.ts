/**
 * `brankas erase`: the app's erasure service from the command line — the documented JSON, no
 * question asked, refusals in words (no such customer, a request about someone else, a cashier),
 * and `brankas backup verify` saying how many of a backup's customers a restore would erase again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, testBackupKey } from '../vault/backup/testing';
import { writeBackup } from '../vault/backup/write';
import { canariesIn, seedCanary, type Seeded } from '../vault/erasure/testing';
import { createStaffService } from '../vault/staff/service';
import type { EraseJson } from './erase';
import { CliHarness, asOwner } from './testing';

const CASHIER = { name: 'Dewi Lestari', password: 'sepeda-tua-ke-pasar-77' };
let cli: CliHarness;
let seeded: Seeded;
let backup: string;

beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  const out = cli.dir();
  await asOwner(cli.dataDir, async (vault) => {
    seeded = await seedCanary(vault);
    await createStaffService(vault).create({ name: CASHIER.name, role: 'staff', password: CASHIER.password, reason: 'Kasir pagi' });
    backup = (await writeBackup(vault.db(), { folder: out, key: await testBackupKey(), appVersion: '0.1.0', vaultId: vault.openVaultInfo()!.vaultId, shopName: null })).path;
  });
});
afterEach(() => cli.cleanup());

describe('brankas erase', () => {
  it('erases as a step of the request, prints the documented JSON, and the backup preview counts the customer', async () => {
    const verify = (json = false) => cli.run(['backup', 'verify', backup, ...(json ? ['--json'] : [])], { env: { BRANKAS_BACKUP_PASSPHRASE: PASSPHRASE } });
    expect((await verify()).stdout).not.toMatch(/erased since/);

    const r = await cli.runAs(['erase', '--customer', String(seeded.id), '--request', String(seeded.request), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as EraseJson;
    expect(Object.keys(out)).toEqual(['customerId', 'erasedAt', 'keptPurchases', 'requestNumber']);
    expect(out).toMatchObject({ customerId: seeded.id, keptPurchases: 2, requestNumber: seeded.request });
    expect(new Date(out.erasedAt).toISOString()).toBe(out.erasedAt);

    const after = await asOwner(cli.dataDir, async (v) => ({
      customer: await v.db().get('SELECT 1 FROM customers WHERE id = ?', [seeded.id]),
      audit: await v.db().all<{ target_id: string; details: string }>("SELECT target_id, details FROM audit_log WHERE action = 'customer.erase'"),
      step: await v.db().get<{ n: number }>("SELECT count(*) AS n FROM request_events WHERE kind = 'erasure' AND request_number = ?", [seeded.request]),
    }));
    expect(after.customer).toBeUndefined();
    expect(after.audit.map((a) => a.target_id)).toEqual([String(seeded.id)]);
    expect(canariesIn(JSON.stringify(after.audit))).toEqual([]);
    expect(after.step).toEqual({ n: 1 });

    const text = await verify();
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/1 customer has been erased since: a restore erases them again/);
    expect(JSON.parse((await verify(true)).stdout)).toMatchObject({ erasedAgain: 1 });
  });

  it('says in words what it cannot erase, and erases nothing', async () => {
    const other = await asOwner(cli.dataDir, async (v) => (await v.db().run("INSERT INTO customers (name, created_at, updated_at) VALUES ('Lain', 1, 1)")).lastID);
    const cases: [string[], number, RegExp][] = [
      [['erase', '--customer', '999'], 2, /There is no customer 999 in this vault\. Nothing was erased\./],
      [['erase', '--customer', String(other), '--request', String(seeded.request)], 2, /does not concern customer/],
      [['erase'], 1, /--customer ID is required/],
      [['erase', '--customer', 'Budi'], 1, /--customer must be a customer's number/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await cli.runAs(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    const cashier = await cli.run(['erase', '--customer', String(seeded.id)], { env: { BRANKAS_PASSWORD: CASHIER.password, BRANKAS_USER: CASHIER.name } });
    expect(cashier.code).toBe(3);
    expect(cashier.stdout).toBe('');
    const left = await asOwner(cli.dataDir, async (v) => ({
      customers: await v.db().get('SELECT count(*) AS n FROM customers'),
      erasures: await v.db().get('SELECT count(*) AS n FROM erasures'),
      denied: await v.db().get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'access.denied'"),
    }));
    expect(left).toEqual({ customers: { n: 2 }, erasures: { n: 0 }, denied: { n: 1 } });
  });
});
