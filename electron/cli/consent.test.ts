/**
 * `brankas consent`: give, withdraw, refuse and list in the documented JSON shapes, over the app's
 * consent service (the same audit entries), evidence kept inside the vault, clear refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultService } from '../vault/service';
import type { ConsentEntryJson } from './consent';
import { CliHarness, asOwner as openAsOwner, seedCustomers } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await seedCustomers(cli.dataDir, [{ name: 'Ani Wijaya', phone: '0812 1111 2222' }]);
});
afterEach(() => cli.cleanup());

const asOwner = <T>(fn: (vault: VaultService) => Promise<T>): Promise<T> => openAsOwner(cli.dataDir, fn);
const json = <T>(r: { code: number; stdout: string; stderr: string }): T => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};

describe('brankas consent', () => {
  it('gives with evidence, withdraws, and lists the history newest first with the current state', async () => {
    const scan = cli.file('formulir.pdf', Buffer.from('%PDF-1.4 tanda tangan Ani'));
    const given = json<{ entry: ConsentEntryJson; current: { purpose: string; state: string }[] }>(
      await cli.runAs(['consent', 'give', '--customer', '1', '--purpose', 'promotions_wa', '--method', 'paper', '--evidence', scan, '--json']),
    );
    expect(Object.keys(given.entry)).toEqual(['id', 'purpose', 'state', 'at', 'method', 'recordedBy', 'noticeVersion', 'evidence', 'evidenceRef', 'guardian']);
    expect(given.entry).toMatchObject({ purpose: 'promotions_wa', state: 'given', method: 'paper', recordedBy: 'Ibu Sari', evidence: { fileName: 'formulir.pdf', mediaType: 'application/pdf', size: 25 } });
    expect(given.current).toEqual([{ purpose: 'promotions_wa', state: 'given', since: given.entry.at, entry: given.entry.id }]);

    expect((await cli.runAs(['consent', 'withdraw', '--customer', '1', '--purpose', 'promotions_wa', '--method', 'whatsapp'])).stdout).toMatch(/^Recorded: customer 1 withdrawn promotions_wa \(whatsapp\), entry 2\./);
    const list = json<{ customer: number; current: { state: string }[]; history: ConsentEntryJson[] }>(await cli.runAs(['consent', 'list', '--customer', '1', '--json']));
    expect(list.customer).toBe(1);
    expect(list.current.map((c) => c.state)).toEqual(['withdrawn']);
    expect(list.history.map((e) => [e.id, e.state, e.method])).toEqual([
      [2, 'withdrawn', 'whatsapp'],
      [1, 'given', 'paper'],
    ]);
    const actions = await asOwner(async (v) => (await v.db().all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'consent.%' ORDER BY id")).map((r) => r.action));
    expect(actions).toEqual(['consent.give', 'consent.withdraw', 'consent.view']);
  });

  it('refuses what cannot be recorded, in words, and records nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [['consent', 'give', '--customer', '9', '--purpose', 'promotions_wa', '--method', 'paper'], 2, /There is no customer 9/],
      [['consent', 'give', '--customer', '1', '--purpose', 'order_updates', '--method', 'paper'], 2, /not an active purpose that rests on consent\. Those are: promotions_wa/],
      [['consent', 'give', '--customer', '1', '--purpose', 'promotions_wa', '--method', 'email'], 1, /--method must be one of paper, verbal, whatsapp, form, imported/],
      [['consent', 'give', '--customer', '1', '--purpose', 'promotions_wa', '--method', 'paper', '--minor'], 2, /parent or guardian/],
      [['consent', 'give', '--customer', '1', '--purpose', 'promotions_wa', '--method', 'paper', '--evidence', '/no/such/file.jpg'], 2, /The evidence file "\/no\/such\/file.jpg" cannot be read/],
      [['consent', 'maybe', '--customer', '1'], 1, /unknown action "maybe"/],
      [['consent', 'list'], 1, /--customer ID is required/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await cli.runAs(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    expect(await asOwner((v) => v.db().get('SELECT count(*) AS n FROM consent_events'))).toEqual({ n: 0 });
  });

  it('records a child’s consent with the guardian named', async () => {
    const r = json<{ entry: ConsentEntryJson }>(
      await cli.runAs(['consent', 'give', '--customer', '1', '--purpose', 'promotions_wa', '--method', 'form', '--minor', '--guardian', 'Ibu Rina', '--relation', 'Ibu', '--json']),
    );
    expect(r.entry.guardian).toEqual({ name: 'Ibu Rina', relation: 'Ibu' });
  });
});
