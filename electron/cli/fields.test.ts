/**
 * `brankas fields`: a script switches a field on and imports into it; the list and its JSON; a
 * cashier is refused and recorded; unknown keys and bad purposes are clear; --erase erases for
 * real and says how many; a change whose audit entry cannot be written does not happen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput, type AuditEntry, type Customer } from '../contract';
import { listAudit } from '../vault/audit/repository';
import { openDb } from '../vault/db/driver';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import type { VaultService } from '../vault/service';
import { createStaffService } from '../vault/staff/service';
import type { FieldJson } from './fields';
import { CliHarness, OWNER, asOwner as openAsOwner } from './testing';

const CASHIER = { name: 'Dewi Lestari', role: 'staff', password: 'sepeda-tua-ke-pasar-77' } as const;
const ADDRESSES = 'Nama,No HP,Alamat\nBudi Santoso,0812-3456-7890,Jl. Kenanga 12 Surabaya\nSiti Rahma,0813 2222 3333,Jl. Melati 3 Bandung\n';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
});
afterEach(() => cli.cleanup());

const asOwner = <T>(fn: (vault: VaultService) => Promise<T>): Promise<T> => openAsOwner(cli.dataDir, fn);
const trail = (action: AuditEntry['action']) => asOwner(async (v) => (await listAudit(v.db(), AuditQueryInput.parse({ action }))).entries);

async function catalogue(): Promise<FieldJson[]> {
  const r = await cli.runAs(['fields', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { fields: FieldJson[] }).fields;
}
const field = async (key: string) => (await catalogue()).find((f) => f.key === key);

async function customers(): Promise<Customer[]> {
  const r = await cli.runAs(['search', '', '--json', '--limit', '1000']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { items: Customer[] }).items;
}

/** Raw SQL on the vault file with its key, as someone holding both could. */
async function rawDb<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const paths = vaultPaths(cli.dataDir);
  const keyHex = (await cli.keychain.get(readRecoveryFile(paths)?.vaultId ?? '')) ?? '';
  const db = await openDb(paths.vault, keyHex, { create: false });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('brankas fields', () => {
  it('lists the catalogue as a table and as {"fields":[…]}', async () => {
    const text = await cli.runAs(['fields']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^KEY +LABEL +ON +SENSITIVE +KIND +PURPOSE\n/);
    expect(text.stdout).toMatch(/\naddress +Address +no +yes +longtext/);
    const list = await catalogue();
    expect(list.map((f) => f.key)).toEqual(['phone', 'email', 'address', 'city', 'birthday', 'gender', 'notes', 'preferences']);
    expect(Object.keys(list[0]!).sort()).toEqual(['enabled', 'key', 'kind', 'label', 'purpose', 'purposes', 'sensitive']);
    expect(list.find((f) => f.key === 'phone')).toMatchObject({ label: 'Phone', enabled: true, kind: 'phone', purposes: ['order_updates', 'customer_service', 'promotions_wa'] });
    // Long cells are cut at 40 characters (table.ts); --json has them whole.
    expect(text.stdout).toMatch(/\nphone +Phone +yes +yes +phone +order_updates, customer_service, promot…\n/);
  });

  it('a script switches the address field on and imports addresses into a new vault', async () => {
    // Off in a new vault: the import leaves the Alamat column out.
    const before = await cli.runAs(['import', cli.file('a.csv', ADDRESSES), '--dry-run']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).not.toMatch(/Alamat +→ address/);

    const on = await cli.runAs(['fields', 'enable', 'address', '--purpose', 'Pengiriman pesanan', '--json']);
    expect(on.code, on.stderr).toBe(0);
    expect(JSON.parse(on.stdout)).toEqual({
      field: { key: 'address', label: 'Address', enabled: true, purposes: ['pengiriman_pesanan'], purpose: 'Pengiriman pesanan', sensitive: true, kind: 'longtext' },
      erased: 0,
    });
    const imported = await cli.runAs(['import', cli.file('b.csv', ADDRESSES)]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Alamat +→ address/);
    expect((await customers()).map((c) => [c.name, c.address])).toEqual([
      ['Budi Santoso', 'Jl. Kenanga 12 Surabaya'],
      ['Siti Rahma', 'Jl. Melati 3 Bandung'],
    ]);
    // Recorded like the app's change: action, target and details.
    const [entry] = await trail('fields.update');
    expect(entry).toMatchObject({ action: 'fields.update', targetType: 'field', targetId: 'address', outcome: 'ok', actorName: OWNER });
    expect(entry?.details).toEqual({ via: 'cli', enabled: true });
  });

  it('disable keeps the values; disable --erase erases them and says how many', async () => {
    await cli.runAs(['fields', 'enable', 'address', '--purpose', 'Pengiriman pesanan']);
    await cli.runAs(['import', cli.file('b.csv', ADDRESSES)]);
    const off = await cli.runAs(['fields', 'disable', 'address']);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain('Field "address" is off. Stored values are kept, not shown in the app');
    expect(await field('address')).toMatchObject({ enabled: false, purposes: ['pengiriman_pesanan'], purpose: 'Pengiriman pesanan' });
    const kept = await rawDb((db) => db.all<{ address: string | null }>('SELECT address FROM customers'));
    expect(kept.filter((r) => r.address !== null)).toHaveLength(2);

    const erased = await cli.runAs(['fields', 'disable', 'address', '--erase']);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toBe('Field "address" is off. Erased the values of 2 customers for real.\n');
    expect(await rawDb((db) => db.all('SELECT id FROM customers WHERE address IS NOT NULL'))).toEqual([]);
    const again = await cli.runAs(['fields', 'disable', 'address', '--erase', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ field: { key: 'address', enabled: false }, erased: 0 });
    expect((await trail('fields.update')).map((e) => e.details)).toEqual([
      { via: 'cli', enabled: false, erase: true },
      { via: 'cli', enabled: false, erase: true },
      { via: 'cli', enabled: false, erase: false },
      { via: 'cli', enabled: true },
    ]);
  });

  it('a cashier may list but not change: exit 3, recorded as access.denied', async () => {
    await asOwner((v) => createStaffService(v).create({ ...CASHIER, reason: 'Kasir' }));
    const as = (argv: string[]) => cli.run([...argv, '--user', CASHIER.name], { env: { BRANKAS_PASSWORD: CASHIER.password } });
    expect((await as(['fields'])).code).toBe(0);
    const r = await as(['fields', 'enable', 'address', '--purpose', 'Pengiriman pesanan']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('brankas: Your role does not allow this. Ask the shop Owner or a Manager.\n');
    expect((await field('address'))?.enabled).toBe(false);
    const [denied] = await trail('access.denied');
    expect(denied).toMatchObject({ actorName: CASHIER.name, outcome: 'denied', details: { command: 'cli fields', permission: 'settings.manage' } });
    expect(await trail('fields.update')).toEqual([]);
  });

  it('usage errors exit 1; an unknown KEY or an empty purpose exit 2 with a clear message', async () => {
    for (const argv of [
      ['fields', 'enable', 'address'],
      ['fields', 'enable'],
      ['fields', 'switch', 'address'],
      ['fields', 'disable', 'address', '--purpose', 'x'],
      ['fields', 'enable', 'address', '--purpose', 'x', '--erase'],
      ['fields', '--erase'],
    ]) {
      const r = await cli.runAs(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toContain("Run 'brankas fields --help' for usage.");
    }
    const unknown = await cli.runAs(['fields', 'enable', 'hobby', '--purpose', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'brankas: There is no field "hobby" in this vault\'s catalogue. Fields: phone, email, address, city, birthday, gender, notes, preferences. Nothing was changed.\n',
    );
    for (const purpose of ['   ', 'x'.repeat(301)]) {
      const r = await cli.runAs(['fields', 'enable', 'address', '--purpose', purpose]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('The purpose must be a purpose KEY or 1 to 300 characters');
    }
    expect(await trail('fields.update')).toEqual([]);
  });

  it('a change whose audit entry cannot be written does not happen (exit 3, field unchanged)', async () => {
    // The CLI opens its own connection, so the refusal is a trigger in the file (dropped afterwards).
    await rawDb((db) =>
      db.exec(`CREATE TRIGGER test_refuse_fields BEFORE INSERT ON audit_log WHEN NEW.action = 'fields.update'
               BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`),
    );
    const r = await cli.runAs(['fields', 'enable', 'address', '--purpose', 'Pengiriman pesanan']);
    await rawDb((db) => db.exec('DROP TRIGGER test_refuse_fields'));
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'brankas: Nothing was changed: the action could not be written to the audit trail. Try again; if it keeps happening, check the disk, then restore from a backup.\n',
    );
    expect(await field('address')).toMatchObject({ enabled: false, purposes: [], purpose: '' });
    expect(await trail('fields.update')).toEqual([]);
    // Nor is the purpose its words would have made.
    const listed = await cli.runAs(['purposes', '--json']);
    expect((JSON.parse(listed.stdout) as { purposes: { key: string }[] }).purposes.map((x) => x.key)).not.toContain('pengiriman_pesanan');
  });

  it('--purpose KEY serves an existing purpose (added to those the field has); an unknown KEY changes nothing', async () => {
    const on = await cli.runAs(['fields', 'enable', 'address', '--purpose', 'order_updates']);
    expect(on.code, on.stderr).toBe(0);
    expect(on.stdout).toBe('Field "address" is on. Purposes: order_updates (Kabar pesanan)\n');
    const more = await cli.runAs(['fields', 'enable', 'address', '--purpose', 'customer_service', '--json']);
    expect(JSON.parse(more.stdout)).toMatchObject({ field: { enabled: true, purposes: ['order_updates', 'customer_service'], purpose: 'Kabar pesanan; Layanan pelanggan' } });
    expect((await trail('fields.update')).map((e) => e.details)).toEqual([
      { via: 'cli', enabled: true, purposes: ['order_updates', 'customer_service'] },
      { via: 'cli', enabled: true, purposes: ['order_updates'] },
    ]);
    const typo = await cli.runAs(['fields', 'enable', 'birthday', '--purpose', 'order_update']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'brankas: There is no active purpose "order_update". Purposes: order_updates, customer_service, promotions_wa, invoices_tax. Nothing was changed.\n',
    );
    expect((await field('birthday'))?.enabled).toBe(false);
  });
});
