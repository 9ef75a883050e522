/** `brankas search` and `brankas stats` on a vault with a few customers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../contract';
import { CliHarness, OWNER, PASSWORD, seedCustomers } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await seedCustomers(cli.dataDir, [
    { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi@example.com', city: 'Surabaya', tags: ['grosir', 'vip'] },
    { name: 'Budiman', phone: '0813 1111 2222', city: 'Bandung', tags: ['vip'] },
    { name: 'José Wijaya', email: 'jose@example.com', city: 'Jakarta' },
  ]);
});
afterEach(() => cli.cleanup());

type Page = { total: number; capped: boolean; items: Customer[] };

describe('search', () => {
  it('finds by name prefix, as a table', async () => {
    const r = await cli.runAs(['search', 'bud']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +PHONE +EMAIL +CITY$/);
    expect(lines[1]).toMatch(/^\d+ +Budi Santoso +0812-3456-7890 +budi@example\.com +Surabaya$/);
    expect(lines[2]).toMatch(/^\d+ +Budiman +0813-1111-2222 +Bandung$/);
    expect(lines.at(-1)).toBe('2 customers');
  });

  it('finds by phone fragment and without accents, as JSON', async () => {
    const phone = JSON.parse((await cli.runAs(['search', '812 34', '--json'])).stdout) as Page;
    expect(phone.items.map((c) => c.name)).toEqual(['Budi Santoso']);
    expect(phone.items[0]).toMatchObject({ phone: '+6281234567890', phoneDisplay: '0812-3456-7890', tags: ['grosir', 'vip'] });
    const accent = JSON.parse((await cli.runAs(['search', 'jose', '--json'])).stdout) as Page;
    expect(accent).toMatchObject({ total: 1, capped: false, items: [{ name: 'José Wijaya' }] });
  });

  it('--limit caps the list and says how many more there are', async () => {
    const r = await cli.runAs(['search', '', '--limit', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 of 3 customers (use --limit to see more)');
    const json = JSON.parse((await cli.runAs(['search', '', '--limit', '1', '--json'])).stdout) as Page;
    expect(json.total).toBe(3);
    expect(json.items).toHaveLength(1);
  });

  it('says so when nothing matches; punctuation is no error', async () => {
    for (const q of ['zzz', '"*) OR (', '---']) {
      // A query that starts with "-" comes after "--", as with any command.
      const r = await cli.run(['search', '--user', OWNER, '--', q], { env: { BRANKAS_PASSWORD: PASSWORD } });
      expect(r.code, q).toBe(0);
      expect(r.stdout).toBe('No customers found.\n');
    }
  });

  it('refuses an over-long query as a usage error', async () => {
    const r = await cli.runAs(['search', 'x'.repeat(201)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('longer than 200');
  });
});

describe('stats', () => {
  it('counts customers, phones, emails, tags and purchases; the file size and the creation date', async () => {
    const now = Date.now();
    const r = await cli.runAs(['stats', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(s).toMatchObject({ customers: 3, withPhone: 2, withEmail: 2, tags: 2, purchases: 0, purchaseTotal: 0, dataDir: cli.dataDir });
    expect(s.vaultBytes).toBeGreaterThan(4096);
    expect(Math.abs(Date.parse(s.createdAt as string) - now)).toBeLessThan(60_000);
  });

  it('prints the same as text, and no customer data', async () => {
    const r = await cli.runAs(['stats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Customers: +3$/m);
    expect(r.stdout).toMatch(/^ {2}with phone: +2$/m);
    expect(r.stdout).toMatch(/^Tags: +2$/m);
    expect(r.stdout).toMatch(/^Purchases: +0 \(Rp 0\)$/m);
    expect(r.stdout).toMatch(/^Vault file: +\d+\.\d (KB|MB)$/m);
    expect(r.stdout).not.toMatch(/Budi|José|0812/);
  });
});
