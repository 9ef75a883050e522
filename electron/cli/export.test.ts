/** `brankas export`: JSON to stdout, CSV and XLSX to files, field choice, warnings and refusals. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput } from '../contract';
import { listAudit } from '../vault/audit/repository';
import { appendConsent } from '../vault/consent/repository';
import { asOwner, CliHarness, seedCustomers } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await seedCustomers(cli.dataDir, [
    { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi@example.com', city: 'Surabaya', tags: ['grosir'] },
    { name: '=HYPERLINK("http://x")', phone: '0813 1111 2222', city: 'Bandung', notes: '+62 catatan' },
  ]);
});
afterEach(() => cli.cleanup());

const WARNING = /^Warning: the export is not encrypted\./m;

describe('export', () => {
  it('writes JSON to stdout when there is no --out, with the warning on stderr', async () => {
    const r = await cli.runAs(['export', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(WARNING);
    expect(r.stderr).toContain('Exported 2 customers.');
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toEqual([
      { name: 'Budi Santoso', phone: '+6281234567890', email: 'budi@example.com', city: 'Surabaya', notes: null, tags: ['grosir'] },
      { name: '=HYPERLINK("http://x")', phone: '+6281311112222', email: null, city: 'Bandung', notes: '+62 catatan', tags: [] },
    ]);
  });

  it('--fields picks and orders the columns', async () => {
    const r = await cli.runAs(['export', '--format', 'json', '--fields', 'phone, NAME']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { phone: '+6281234567890', name: 'Budi Santoso' },
      { phone: '+6281311112222', name: '=HYPERLINK("http://x")' },
    ]);
  });

  it('writes CSV to a file: BOM, chosen delimiter, formula cells escaped, file readable by its owner only', async () => {
    const out = join(cli.dir(), 'pelanggan.csv');
    const r = await cli.runAs(['export', '--format', 'csv', '--delimiter', ',', '--fields', 'name,phone,notes', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Exported 2 customers to ${out}.\n`);
    expect(r.stderr).toMatch(WARNING);
    expect(r.stderr).toContain(out);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe('\ufeffNama,No HP,Catatan\r\nBudi Santoso,0812-3456-7890,\r\n"\'=HYPERLINK(""http://x"")",0813-1111-2222,\'+62 catatan\r\n');
    if (process.platform !== 'win32') expect((await import('node:fs')).statSync(out).mode & 0o077).toBe(0);
    expect(readdirSync(join(out, '..'))).toEqual(['pelanggan.csv']);
  });

  it('writes CSV to stdout with ";" by default', async () => {
    const r = await cli.runAs(['export', '--format', 'csv', '--fields', 'name,city']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('\ufeffNama;Kota\r\nBudi Santoso;Surabaya\r\n"\'=HYPERLINK(""http://x"")";Bandung\r\n');
  });

  it('--query exports only the customers the search finds', async () => {
    const r = await cli.runAs(['export', '--format', 'json', '--fields', 'name', '--query', '0812']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ name: 'Budi Santoso' }]);
  });

  it('--tag and --city export only the customers the list filter keeps', async () => {
    for (const [args, names] of [
      [['--tag', 'grosir'], ['Budi Santoso']],
      [['--city', 'bandung'], ['=HYPERLINK("http://x")']],
      [['--query', 'budi', '--city', 'bandung'], []],
    ] as const) {
      const r = await cli.runAs(['export', '--format', 'json', '--fields', 'name', ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { name: string }[]).map((c) => c.name)).toEqual(names);
    }
  });

  it('round-trips through CSV and XLSX into another vault', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const out = join(cli.dir(), `all.${format}`);
      expect((await cli.runAs(['export', '--format', format, '--out', out])).code).toBe(0);
      const other = cli.dir();
      await cli.init(other);
      const imported = await cli.runAs(['import', out, '--json', '--data-dir', other]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 2, invalid: [] });
      const a = await cli.runAs(['export', '--format', 'json']);
      const b = await cli.runAs(['export', '--format', 'json', '--data-dir', other]);
      expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
    }
  });

  it.each([
    [[], 1, '--format is required'],
    [['--format', 'pdf'], 1, '--format must be one of: csv, xlsx, json'],
    [['--format', 'xlsx'], 1, '--out FILE is required for xlsx'],
    [['--format', 'json', '--delimiter', ';'], 1, '--delimiter is for CSV only'],
    [['--format', 'csv', '--delimiter', '|'], 1, "--delimiter must be one of: ;, ,"],
    [['--format', 'json', '--fields', 'name,hobby'], 1, 'unknown field "hobby"'],
    [['--format', 'json', '--fields', ','], 1, '--fields needs at least one field'],
    [['--format', 'json', '--fields', 'name,birthday'], 2, 'switched off in the field catalogue'],
  ])('refuses %j with exit %i', async (args, code, message) => {
    const r = await cli.runAs(['export', ...args]);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('refuses to write an export into the data folder', async () => {
    const out = join(cli.dataDir, 'export.csv');
    const r = await cli.runAs(['export', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must stay encrypted');
    expect(existsSync(out)).toBe(false);
  });

  it('exit 2 when the file cannot be written, leaving nothing behind', async () => {
    const out = join(cli.dir(), 'no-such-folder', 'x.json');
    const r = await cli.runAs(['export', '--format', 'json', '--out', out]);
    expect(r.code, r.stderr).not.toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  describe('--purpose', () => {
    /** Records consent entries (customer id, state) for promotions_wa in one transaction, all in the same millisecond. */
    const consent = (entries: [number, 'given' | 'withdrawn' | 'refused'][], at = Date.now()) =>
      asOwner(cli.dataDir, (vault) =>
        vault.db().transaction(async (tx) => {
          for (const [customerId, state] of entries) {
            await appendConsent(tx, { customerId, purposeKey: 'promotions_wa', state, at, method: 'paper', recordedBy: { id: 1, name: 'Ibu Sari' }, noticeVersion: null });
          }
        }),
      );
    const exportAudit = () =>
      asOwner(cli.dataDir, async (vault) => (await listAudit(vault.db(), AuditQueryInput.parse({ limit: 50, action: 'data.export' }))).entries.map((e) => e.details));

    it('a consent-based purpose exports only customers whose consent is current, with the name and its fields by default', async () => {
      await consent([[1, 'given'], [2, 'given']]);
      await consent([[2, 'withdrawn']]);
      const r = await cli.runAs(['export', '--format', 'json', '--purpose', 'promotions_wa']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('"promotions_wa" needs consent');
      expect(JSON.parse(r.stdout)).toEqual([{ name: 'Budi Santoso', phone: '+6281234567890' }]);
      expect(r.stderr).toContain('Exported 1 customer.');
      expect((await exportAudit()).at(0)).toMatchObject({ via: 'cli', purpose: 'promotions_wa', count: 1, fields: ['name', 'phone'] });
    });

    it('a withdrawal in the same second as the consent, just before the export, leaves the customer out', async () => {
      const at = Date.now();
      await consent([[1, 'given'], [2, 'given']], at);
      await consent([[1, 'withdrawn']], at);
      const out = join(cli.dir(), 'promo.csv');
      const r = await cli.runAs(['export', '--format', 'csv', '--purpose', 'promotions_wa', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe('\ufeffNama;No HP\r\n"\'=HYPERLINK(""http://x"")";0813-1111-2222\r\n');
    });

    it('a purpose that is not consent-based exports everyone as before and is recorded; none recorded without it', async () => {
      const r = await cli.runAs(['export', '--format', 'json', '--fields', 'name', '--purpose', 'order_updates']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('needs consent');
      expect(JSON.parse(r.stdout)).toHaveLength(2);
      expect((await cli.runAs(['export', '--format', 'json', '--fields', 'name'])).code).toBe(0);
      expect((await exportAudit()).map((d) => d['purpose'])).toEqual([null, 'order_updates']);
    });

    it.each([
      [['--purpose', 'Promo WA!'], 1, 'is not a purpose key'],
      [['--purpose', 'no_such'], 2, 'no purpose "no_such" (purposes: order_updates, customer_service, promotions_wa, invoices_tax'],
      [['--purpose', 'promotions_wa', '--fields', 'name,email,city'], 2, 'Cannot export "email", "city" for "promotions_wa": that purpose uses only name, phone.'],
    ])('refuses %j with exit %i', async (args, code, message) => {
      const r = await cli.runAs(['export', '--format', 'json', ...args]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    });
  });
});
