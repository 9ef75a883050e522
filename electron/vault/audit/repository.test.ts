/** Appending, the append-only triggers, listing with filters and paging, and the CSV export. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput, type AuditQueryInput as AuditQueryIn } from '../../contract/audit';
import { getMeta } from '../meta';
import { HEAD_META_KEY } from './chain';
import { REDACTED } from './details';
import { appendAudit, appendAuditTx, AUDIT_CSV_HEADER, auditPageQuery, exportAuditCsv, listAudit, type AuditRow } from './repository';
import { openAuditTestDb, sampleEntry, seed, T0, type AuditTestDb } from './testing';
import { verifyAudit } from './verify';

let t: AuditTestDb;
beforeEach(async () => {
  t = await openAuditTestDb();
});
afterEach(() => t.cleanup());

const list = (q: AuditQueryIn) => listAudit(t.db, AuditQueryInput.parse(q));

describe('appendAudit', () => {
  it('numbers entries 1, 2, 3… and moves the head with each', async () => {
    expect(await appendAuditTx(t.db, t.key, sampleEntry(1))).toBe(1);
    expect(await appendAuditTx(t.db, t.key, sampleEntry(2))).toBe(2);
    const id = await t.db.transaction((tx) => appendAudit(tx, t.key, sampleEntry(3)));
    expect(id).toBe(3);
    expect(await getMeta(t.db, HEAD_META_KEY)).toMatch(/^3:[0-9a-f]{64}$/);
    expect(await verifyAudit(t.db, t.key)).toEqual({ ok: true, entries: 3 });
  });

  it('stores the entry as given, the target id as text and the details redacted', async () => {
    await appendAuditTx(t.db, t.key, {
      at: T0,
      actorId: 2,
      actorName: 'Budi',
      action: 'customer.update',
      targetType: 'customer',
      targetId: 42,
      outcome: 'ok',
      details: { fields: ['phone'], phone: '0812 3456 7890', password: 'x' },
    });
    const row = await t.db.get<AuditRow>('SELECT * FROM audit_log');
    expect(row).toMatchObject({ id: 1, at: T0, actor_id: 2, actor_name: 'Budi', action: 'customer.update', target_type: 'customer', target_id: '42', outcome: 'ok' });
    expect(JSON.parse(row!.details)).toEqual({ fields: ['phone'], phone: REDACTED });
    expect(row!.mac).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a time that is not whole milliseconds', async () => {
    await expect(appendAuditTx(t.db, t.key, { ...sampleEntry(1), at: 1.5 })).rejects.toThrow(TypeError);
    expect((await list({})).entries).toEqual([]);
  });

  it('leaves nothing when the transaction rolls back, and the chain stays valid', async () => {
    await seed(t, 3);
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, t.key, sampleEntry(4));
        await tx.run("INSERT INTO meta (key, value) VALUES ('x', 'y')");
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 3 });
    expect(await getMeta(t.db, 'x')).toBeUndefined();
    expect(await getMeta(t.db, HEAD_META_KEY)).toMatch(/^3:/);
    expect(await verifyAudit(t.db, t.key)).toEqual({ ok: true, entries: 3 });
    expect(await appendAuditTx(t.db, t.key, sampleEntry(4))).toBe(4);
    expect(await verifyAudit(t.db, t.key)).toEqual({ ok: true, entries: 4 });
  });

  it('is append-only for normal code: the triggers refuse UPDATE and DELETE', async () => {
    await seed(t, 2);
    await expect(t.db.run("UPDATE audit_log SET outcome = 'failed' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(t.db.run('DELETE FROM audit_log WHERE id = 2')).rejects.toThrow(/append-only/);
    await expect(t.db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAudit(t.db, t.key)).toEqual({ ok: true, entries: 2 });
  });
});

describe('listAudit', () => {
  beforeEach(() => seed(t, 60));

  it('lists newest first, a page at a time, with a more flag', async () => {
    const first = await list({ limit: 25 });
    expect(first.entries.map((e) => e.id)).toEqual(Array.from({ length: 25 }, (_, i) => 60 - i));
    expect(first.more).toBe(true);
    expect(first.entries[0]).toEqual({
      id: 60,
      at: T0 + 60 * 60_000,
      actorId: null,
      actorName: 'system',
      action: 'auth.signIn',
      targetType: null,
      targetId: null,
      outcome: 'ok',
      details: { n: 60 },
    });
    const second = await list({ limit: 25, before: 36 });
    expect(second.entries.map((e) => e.id)).toEqual(Array.from({ length: 25 }, (_, i) => 35 - i));
    const third = await list({ limit: 25, before: 11 });
    expect(third).toMatchObject({ more: false });
    expect(third.entries.map((e) => e.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(await list({ limit: 10, before: 1 })).toEqual({ entries: [], more: false });
    expect(await list({ limit: 10, before: 999 })).toEqual({ entries: [], more: false });
  });

  it('filters by actor, action, customer and time range, and pages within the filter', async () => {
    const byActor = await list({ actorId: 2, limit: 500 });
    expect(byActor.entries.length).toBe(20);
    expect(byActor.entries.every((e) => e.actorId === 2 && e.actorName === 'Budi')).toBe(true);

    const reveals = await list({ action: 'customer.reveal', limit: 500 });
    expect(reveals.entries.map((e) => e.id)).toEqual([58, 53, 48, 43, 38, 33, 28, 23, 18, 13, 8, 3]);

    const customer3 = await list({ customerId: 3, limit: 500 });
    expect(customer3.entries.length).toBeGreaterThan(0);
    expect(customer3.entries.every((e) => e.targetType === 'customer' && e.targetId === '3')).toBe(true);
    const expected = Array.from({ length: 60 }, (_, k) => 60 - k).filter((i) => [1, 2, 3].includes(i % 5) && i % 4 === 2);
    expect(customer3.entries.map((e) => e.id)).toEqual(expected);

    const range = await list({ from: T0 + 10 * 60_000, to: T0 + 20 * 60_000, limit: 500 });
    expect(range.entries.map((e) => e.id)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);

    const both = await list({ actorId: 1, action: 'customer.view', limit: 2 });
    expect(both.entries.map((e) => e.id)).toEqual([46, 31]);
    expect(both.more).toBe(true);
    const rest = await list({ actorId: 1, action: 'customer.view', limit: 2, before: 31 });
    expect(rest.entries.map((e) => e.id)).toEqual([16, 1]);
    expect(rest.more).toBe(false);
  });

  it('orders by time, then id, when the clock went back', async () => {
    await appendAuditTx(t.db, t.key, { ...sampleEntry(61), at: T0 + 30 * 60_000 });
    const page = await list({ from: T0 + 29 * 60_000, to: T0 + 31 * 60_000 });
    expect(page.entries.map((e) => e.id)).toEqual([31, 61, 30, 29]);
    expect((await list({ from: T0 + 29 * 60_000, to: T0 + 31 * 60_000, before: 61 })).entries.map((e) => e.id)).toEqual([30, 29]);
  });

  it.each([
    [{}, 'audit_by_at'],
    [{ actorId: 1 }, 'audit_by_actor'],
    [{ customerId: 3 }, 'audit_by_target'],
    [{ from: T0, to: T0 + 1 }, 'audit_by_at'],
  ])('reads %j through an index without sorting', async (filter, index) => {
    for (const cursor of [null, { at: T0 + 30 * 60_000, id: 30 }]) {
      const { sql, params } = auditPageQuery(filter, cursor, 101);
      const plan = (await t.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail).join('\n');
      expect(plan).toContain(index);
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });
});

describe('exportAuditCsv', () => {
  const read = (path: string) => readFileSync(path, 'utf8');

  it('writes UTF-8 with a BOM, an English header and every matching entry, newest first', async () => {
    await seed(t, 1200);
    const path = join(t.dir, 'audit.csv');
    expect(await exportAuditCsv(t.db, {}, path)).toEqual({ rows: 1200 });
    const text = read(path);
    expect(text.startsWith('\ufeffid;time;actor_id;actor;action;target_type;target_id;outcome;details\r\n')).toBe(true);
    const rows = parse(text.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual([...AUDIT_CSV_HEADER]);
    expect(rows).toHaveLength(1201);
    expect(rows[1]).toEqual(['1200', new Date(T0 + 1200 * 60_000).toISOString(), '', 'system', 'auth.signIn', '', '', 'ok', '{"n":1200}']);
    expect(rows.at(-1)?.[0]).toBe('1');
    expect(readdirSync(t.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('applies the filters, and "," on request', async () => {
    await seed(t, 60);
    const path = join(t.dir, 'budi.csv');
    expect(await exportAuditCsv(t.db, { actorId: 2, action: 'customer.update' }, path, { delimiter: ',' })).toEqual({ rows: 4 });
    const rows = parse(read(path).slice(1)) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(['47', '32', '17', '2']);
    expect(rows.slice(1).every((r) => r[3] === 'Budi' && r[4] === 'customer.update')).toBe(true);
  });

  it('escapes cells that a spreadsheet would run as a formula', async () => {
    await appendAuditTx(t.db, t.key, {
      at: T0,
      actorId: 1,
      actorName: '=HYPERLINK("http://evil","x")',
      action: 'data.import',
      targetType: '+file',
      targetId: '@SUM(A1)',
      outcome: 'ok',
      details: { file: '=cmd|\' /C calc\'!A0', rows: 3 },
    });
    const path = join(t.dir, 'evil.csv');
    await exportAuditCsv(t.db, {}, path);
    const text = read(path);
    const [, row] = parse(text.slice(1), { delimiter: ';' }) as string[][];
    expect(row?.slice(3, 7)).toEqual(['\'=HYPERLINK("http://evil","x")', 'data.import', "'+file", "'@SUM(A1)"]);
    expect(JSON.parse(row?.[8] ?? '')).toEqual({ file: "=cmd|' /C calc'!A0", rows: 3 });
    for (const cell of row ?? []) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes only a header for an empty trail', async () => {
    const path = join(t.dir, 'empty.csv');
    expect(await exportAuditCsv(t.db, {}, path)).toEqual({ rows: 0 });
    expect(read(path)).toBe(`\ufeff${AUDIT_CSV_HEADER.join(';')}\r\n`);
  });
});
