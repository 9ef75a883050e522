/**
 * `brankas request`: new, list, show and close in the documented JSON shapes, over the app's
 * requests service (the same audit entries); clear refusals; a cashier takes but does not handle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRestrictionService } from '../vault/restriction/service';
import { createStaffService } from '../vault/staff/service';
import { CliHarness, asOwner, seedCustomers } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await seedCustomers(cli.dataDir, [{ name: 'Ani Wijaya', phone: '0812 1111 2222' }]);
});
afterEach(() => cli.cleanup());

const json = <T>(r: { code: number; stdout: string; stderr: string }): T => {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
};
const H = 3_600_000;

describe('brankas request', () => {
  it('takes a request with its due time, lists it with the hours left, shows and closes it', async () => {
    const before = Date.now();
    const made = json<{ number: number; dueAt: string; hoursLeft: number; type: string }>(
      await cli.runAs(['request', 'new', '--type', 'access', '--channel', 'walk-in', '--customer', '1', '--note', 'Minta salinan data saya', '--json']),
    );
    expect(made).toMatchObject({ number: 1, type: 'access', hoursLeft: 71 });
    const due = Date.parse(made.dueAt);
    expect(made.dueAt).toBe(new Date(due).toISOString());
    expect(due - before).toBeGreaterThanOrEqual(72 * H);
    expect(due - Date.now()).toBeLessThanOrEqual(72 * H);

    const erase = await cli.runAs(['request', 'new', '--type', 'erase', '--channel', 'whatsapp', '--customer', '1']);
    expect(erase.stdout).toMatch(/^Request 2 \(PDP-0002\) recorded: erase, due .* \(167 hours; the shop's own target\)\./);

    const list = json<Record<string, unknown>[]>(await cli.runAs(['request', 'list', '--open', '--json']));
    expect(list.map((r) => r.number)).toEqual([1, 2]);
    for (const r of list) expect(Object.keys(r)).toEqual(expect.arrayContaining(['number', 'type', 'state', 'receivedAt', 'dueAt', 'hoursLeft']));
    expect(list[0]).toMatchObject({ number: 1, type: 'access', state: 'received', dueAt: made.dueAt, hoursLeft: 71 });

    const shown = json<{ asked: string; customers: { id: number; name: string }[]; history: { state: string }[] }>(await cli.runAs(['request', 'show', '1', '--json']));
    expect(shown).toMatchObject({ asked: 'Minta salinan data saya', customers: [{ id: 1, name: 'Ani Wijaya' }], history: [{ state: 'received' }] });

    const closed = json<{ state: string; outcome: string; hoursLeft: null; history: { state: string | null }[] }>(
      await cli.runAs(['request', 'close', '2', '--outcome', 'refused', '--reason', 'Data diminta penyidik', '--pasal15', 'law_enforcement', '--json']),
    );
    expect(closed).toMatchObject({ state: 'closed', outcome: 'refused', hoursLeft: null, pasal15: 'law_enforcement' });
    expect(closed.history.map((e) => e.state)).toEqual(['received', 'refused', 'told', 'closed']);
    expect(json<unknown[]>(await cli.runAs(['request', 'list', '--open', '--json'])).length).toBe(1);

    const actions = await asOwner(cli.dataDir, async (v) => (await v.db().all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'request.%' AND action <> 'request.view' ORDER BY id")).map((r) => r.action));
    expect(actions).toEqual(['request.create', 'request.create', 'request.update']);
  });

  it('refuses what cannot be done, in words, and changes nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [['request', 'new', '--type', 'access', '--channel', 'walk-in', '--customer', '9'], 2, /There is no customer 9/],
      [['request', 'new', '--type', 'gossip', '--channel', 'walk-in'], 1, /--type must be one of: access, correction/],
      [['request', 'new', '--type', 'access'], 1, /--channel is required/],
      [['request', 'show', '7'], 2, /There is no request 7/],
      [['request', 'close', '7', '--outcome', 'done'], 2, /There is no request 7 in this vault\. Nothing was changed\./],
      [['request', 'close', '1', '--outcome', 'refused'], 1, /a refusal says why/],
      [['request', 'close', 'x', '--outcome', 'done'], 1, /a request's number is a whole number/],
      [['request', 'maybe'], 1, /unknown action "maybe"/],
    ];
    for (const [argv, code, message] of cases) {
      const r = await cli.runAs(argv);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    expect(await asOwner(cli.dataDir, (v) => v.db().get('SELECT count(*) AS n FROM requests'))).toEqual({ n: 0 });
  });

  it('lets a cashier take a request but not list or close the register', async () => {
    const password = 'sepeda-tua-ke-pasar-77';
    await asOwner(cli.dataDir, (v) => createStaffService(v).create({ name: 'Dewi', role: 'staff', password, reason: 'kasir' }));
    const env = { BRANKAS_PASSWORD: password };
    expect((await cli.run(['request', 'new', '--type', 'withdraw', '--channel', 'walk-in', '--customer', '1', '--user', 'Dewi'], { env })).code).toBe(0);
    const listed = await cli.run(['request', 'list', '--user', 'Dewi'], { env });
    expect(listed.code).toBe(3);
    expect(listed.stderr).toMatch(/not allowed|permission|role/i);

    // Restricted (Pasal 11, 41): the cashier's search no longer finds her; the Owner's still does.
    await asOwner(cli.dataDir, (v) => createRestrictionService(v).restrict({ customerId: 1, reason: 'Diminta pelanggan' }));
    const theirs = json<{ total: number; items: unknown[] }>(await cli.run(['search', 'Ani', '--json', '--user', 'Dewi'], { env }));
    expect(theirs).toMatchObject({ total: 0, items: [] });
    expect(json<{ total: number }>(await cli.runAs(['search', 'Ani', '--json'])).total).toBe(1);
  });
});
