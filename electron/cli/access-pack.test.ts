/**
 * `brankas access-pack`: the three files written into a folder it makes, signed in and recorded like
 * the app (the entry and the request's step), `--json` with absolute paths, the portable copy, and
 * clear refusals that write nothing (a missing customer, a request not theirs, a manager naming
 * staff, a folder inside the data folder).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { seedTwo, type Seeded } from '../vault/access/testing';
import { pdfPages } from '../vault/documents/testing';
import { CliHarness, asOwner } from './testing';

let cli: CliHarness;
let s: Seeded;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  s = await asOwner(cli.dataDir, (vault) => seedTwo(vault));
});
afterEach(() => cli.cleanup());

const entries = () => asOwner(cli.dataDir, (v) => v.db().all<{ action: string; details: string }>("SELECT action, details FROM audit_log WHERE action = 'customer.accessPack' ORDER BY id"));

describe('brankas access-pack', () => {
  it('writes the PDF, JSON and CSV into a new folder, records it with the request step, and prints the paths', async () => {
    const out = join(cli.dir(), 'permintaan', 'baru');
    const r = await cli.runAs(['access-pack', '--customer', String(s.a), '--out', out, '--request', String(s.requestA), '--lang', 'en', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as { customerId: number; files: string[] };
    expect(printed.customerId).toBe(s.a);
    expect(printed.files.map((f) => f.slice(out.length + 1).replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual(['pdf', 'json', 'csv'].map((ext) => `access-pack-${s.a}-DATE.${ext}`));
    expect(printed.files.every((f) => isAbsolute(f) && existsSync(f))).toBe(true);
    expect(printed.files.map((f) => f.split('.').pop())).toEqual(['pdf', 'json', 'csv']);
    expect(readdirSync(out)).toHaveLength(3);
    const [pdf, json, csv] = printed.files as [string, string, string];
    expect(pdfPages(readFileSync(pdf)).join(' ')).toContain('Copy of Your Personal Data');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ schema: 'brankas.access-pack/1', customer: { id: s.a, name: 'Alfa Kanari Pertama' } });
    expect(readFileSync(csv, 'utf8').startsWith('\ufeffsection,item,field,value')).toBe(true);
    for (const f of printed.files) expect(readFileSync(f, 'utf8')).not.toContain('Bravo Kanari Kedua');
    expect(r.stderr).toMatch(/not encrypted/);

    const recorded = await entries();
    expect(recorded.map((e) => JSON.parse(e.details) as Record<string, unknown>)).toEqual([expect.objectContaining({ lang: 'en', portable: false, files: 3, request: s.requestA })]);
    const step = await asOwner(cli.dataDir, (v) => v.db().get<{ detail: string }>("SELECT detail FROM request_events WHERE request_number = ? AND kind = 'document'", [s.requestA]));
    expect(JSON.parse(step!.detail)).toMatchObject({ document: 'access_pack' });
  });

  it('writes the portable copy as JSON and CSV, listed one path a line', async () => {
    const out = cli.dir();
    const r = await cli.runAs(['access-pack', '--customer', String(s.a), '--out', out, '--portable']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.slice(out.length + 1).replace(/\d{4}-\d{2}-\d{2}/, 'DATE'))).toEqual([`data-portabel-${s.a}-DATE.json`, `data-portabel-${s.a}-DATE.csv`]);
    expect(JSON.parse(readFileSync(lines[0]!, 'utf8')).schema).toBe('brankas.portable/1');
  });

  it('refuses clearly and writes nothing', async () => {
    const out = join(cli.dir(), 'tidak-dibuat');
    const cases: [string[], number, RegExp][] = [
      [['access-pack', '--customer', '99999', '--out', out], 2, /There is no customer 99999 in this vault\. Nothing was written\./],
      [['access-pack', '--customer', String(s.a), '--out', out, '--request', '999'], 2, /There is no request 999/],
      [['access-pack', '--customer', String(s.a), '--out', out, '--request', String(s.requestB)], 2, new RegExp(`Request ${s.requestB} does not concern customer ${s.a}`)],
      [['access-pack', '--customer', String(s.a), '--out', join(cli.dataDir, 'pack')], 2, /Do not put an access pack in the vault's data folder/],
      [['access-pack', '--customer', 'abc', '--out', out], 1, /--customer must be a customer's number/],
      [['access-pack', '--customer', String(s.a)], 1, /--out DIR is required/],
      [['access-pack', '--customer', String(s.a), '--out', out, '--lang', 'fr'], 1, /--lang must be one of: id, en/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await cli.runAs(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(cli.dataDir, 'pack'))).toBe(false);
    expect(await entries()).toEqual([]);
  });

  it('shows its help', async () => {
    const r = await cli.run(['access-pack', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: brankas access-pack --customer ID --out DIR/);
    expect((await cli.run(['--help'])).stdout).toMatch(/access-pack +save a customer's access pack/);
  });
});
