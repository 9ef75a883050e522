/**
 * The name order in memory: the page it picks from a set of matching ids, and that it is used only
 * while current — any insert, delete or rename (and nothing else) makes it stale, and a stale order
 * never changes an answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Queryable } from '../db/driver';
import { openDb } from '../db/driver';
import { openTestDb, type TestDb } from '../db/testing';
import { searchCustomers, type SearchOptions } from './search';
import { buildNameOrder, forgetNameOrder, nameOrderAt, nameOrderOf, pageInNameOrder, REBUILD_DELAY_MS, trackNameOrder, VERSION_COLUMN, type NameOrder } from './search-order';
import { createCustomersService, type CustomersService } from './service';

/** A seeded shuffle of ids 1..n (some left out, as deleted customers are) as a name order. */
function syntheticOrder(n: number, seed: number): NameOrder {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const ids = Array.from({ length: n }, (_, i) => i + 1).filter((id) => id % 7 !== 3);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  return nameOrderOf('v', Int32Array.from(ids), n);
}

const bytes = (ids: readonly number[]) => Buffer.from(ids.join(','), 'latin1');

describe('pageInNameOrder', () => {
  const o = syntheticOrder(5000, 42);
  const customers = Array.from(o.order);

  it('gives the page of the matches in name order, and how many matched, for any offset', () => {
    for (const every of [1, 2, 3, 17, 400]) {
      const matches = customers.filter((id) => id % every === 0).sort((a, b) => a - b);
      const inOrder = [...matches].sort((a, b) => (o.rank[a] as number) - (o.rank[b] as number));
      for (const [offset, limit] of [
        [0, 50],
        [0, 1],
        [37, 50],
        [1024, 100],
        [matches.length - 3, 50],
        [matches.length, 50],
        [matches.length + 10, 50],
      ] as const) {
        const page = pageInNameOrder(o, bytes(matches), offset, limit);
        expect(page, `every ${every}, offset ${offset}`).toEqual({
          ids: inOrder.slice(offset, offset + limit),
          total: matches.length,
        });
      }
    }
  });

  it('handles one match, none, and ids listed in any order', () => {
    const one = customers[10] as number;
    expect(pageInNameOrder(o, bytes([one]), 0, 50)).toEqual({ ids: [one], total: 1 });
    expect(pageInNameOrder(o, Buffer.alloc(0), 0, 50)).toEqual({ ids: [], total: 0 });
    const some = customers.slice(0, 300);
    const want = [...some].sort((a, b) => (o.rank[a] as number) - (o.rank[b] as number)).slice(0, 20);
    expect(pageInNameOrder(o, bytes([...some].reverse()), 0, 20)?.ids).toEqual(want);
  });

  it('refuses an id the order does not know (it is then not current)', () => {
    expect(pageInNameOrder(o, bytes([1, 3]), 0, 50)).toBeNull(); // 3 is left out of the order
    expect(pageInNameOrder(o, bytes([1, 5001]), 0, 50)).toBeNull(); // beyond the largest id
  });
});

describe('freshness', () => {
  let t: TestDb;
  let svc: CustomersService;
  beforeEach(async () => {
    t = await openTestDb();
    svc = createCustomersService(t.db);
    for (const name of ['Budi', 'ani', 'Citra', 'budi', 'Dedi']) await svc.save({ customer: { name, city: 'Bandung' } });
  });
  afterEach(() => t.cleanup());

  const version = async (db: Queryable) => (await db.get<{ v: string }>(`SELECT ${VERSION_COLUMN} AS v`))?.v;
  const bandung = async (options: Partial<SearchOptions> = {}) =>
    (await searchCustomers(t.db, { query: 'bandung', offset: 0, limit: 50 }, options)).items.map((c) => c.name);

  it('reads the order of every customer by name, ids only', async () => {
    expect(await trackNameOrder(t.db)).toBe(true);
    const o = await buildNameOrder(t.db);
    const byName = await t.db.all<{ id: number }>('SELECT id FROM customers ORDER BY name COLLATE NOCASE, id');
    expect(Array.from(o?.order ?? [])).toEqual(byName.map((r) => r.id));
    expect(o?.version).toBe(await version(t.db));
    expect(nameOrderAt(t.db, o?.version)).toBe(o);
  });

  it('reads the order in chunks along the name index, ties and case included, the same as in one go', async () => {
    // Names equal but for case and equal outright: the cursor between chunks must neither skip nor repeat them.
    for (const name of ['BUDI', 'Budi', 'ani', 'Ani', 'Zed', 'émile', 'Émile', 'citra']) await svc.save({ customer: { name, city: 'Bandung' } });
    await trackNameOrder(t.db);
    const byName = (await t.db.all<{ id: number }>('SELECT id FROM customers ORDER BY name COLLATE NOCASE, id')).map((r) => r.id);
    for (const chunk of [1, 2, 3, 5, 13, 14, 1000]) {
      forgetNameOrder(t.db);
      const o = await buildNameOrder(t.db, { chunk });
      expect(Array.from(o?.order ?? []), `chunk ${chunk}`).toEqual(byName);
      expect(o?.version).toBe(await version(t.db));
    }
  });

  it('gives up (null, nothing kept) when the vault changes between chunks, and lets statements run between them', async () => {
    await trackNameOrder(t.db);
    let between = 0;
    const o = await buildNameOrder(t.db, {
      chunk: 2,
      afterChunk: async () => {
        if (between++ === 1) await svc.save({ customer: { name: 'Eka', city: 'Bandung' } });
      },
    });
    expect(between).toBeGreaterThanOrEqual(2);
    expect(o).toBeNull();
    expect(nameOrderAt(t.db, await version(t.db))).toBeNull();
    // The next build, with nothing changing, is current and has the new customer.
    const again = await buildNameOrder(t.db, { chunk: 2 });
    expect(again?.order.length).toBe(6);
    expect(nameOrderAt(t.db, await version(t.db))).toBe(again);
  });

  it('goes stale on insert, delete and rename only; a rolled-back change leaves it current', async () => {
    await trackNameOrder(t.db);
    const at = async () => nameOrderAt(t.db, await version(t.db));
    const rebuilt = async () => {
      await buildNameOrder(t.db);
      expect(await at()).not.toBeNull();
    };
    await rebuilt();

    const ani = (await svc.search({ query: 'ani', offset: 0, limit: 1 })).items[0];
    if (!ani) throw new Error('no Ani');
    await svc.save({ id: ani.id, customer: { name: 'ani', city: 'Bogor' } }); // same name: still current
    await svc.markVerified(ani.id);
    expect(await at()).not.toBeNull();

    await svc.save({ id: ani.id, customer: { name: 'Zaenab', city: 'Bogor' } });
    expect(await at()).toBeNull();
    await rebuilt();

    const { id } = await svc.save({ customer: { name: 'Eka' } });
    expect(await at()).toBeNull();
    await rebuilt();

    await svc.remove(id);
    expect(await at()).toBeNull();
    await rebuilt();

    await expect(
      t.db.transaction(async (tx) => {
        await tx.run("INSERT INTO customers (name, created_at, updated_at) VALUES ('Fajar', 0, 0)");
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await at()).not.toBeNull();
  });

  it('never answers from a stale order: right after each change the page is right, with or without a rebuild', async () => {
    expect(await bandung({ plan: 'order' })).toEqual(['ani', 'Budi', 'budi', 'Citra', 'Dedi']);
    const citra = (await svc.search({ query: 'citra', offset: 0, limit: 1 })).items[0];
    if (!citra) throw new Error('no Citra');
    await svc.save({ id: citra.id, customer: { name: 'Adi', city: 'Bandung' } });
    expect(await bandung()).toEqual(['Adi', 'ani', 'Budi', 'budi', 'Dedi']); // stale: the plans answer
    expect(await bandung({ plan: 'order' })).toEqual(['Adi', 'ani', 'Budi', 'budi', 'Dedi']); // rebuilt
    await svc.save({ customer: { name: 'Aan', city: 'Bandung' } });
    expect(await bandung()).toEqual(['Aan', 'Adi', 'ani', 'Budi', 'budi', 'Dedi']);
    await svc.remove(citra.id);
    expect(await bandung()).toEqual(['Aan', 'ani', 'Budi', 'budi', 'Dedi']);
    expect(await bandung({ plan: 'order' })).toEqual(['Aan', 'ani', 'Budi', 'budi', 'Dedi']);
  });

  it('serves the blank list by name from the order, with its length as the total, only while current', async () => {
    const everyone = async (options: Partial<SearchOptions> = {}, offset = 0) => {
      const page = await searchCustomers(t.db, { query: '', offset, limit: 3 }, options);
      return [page.total, ...page.items.map((c) => c.name)];
    };
    expect(await everyone({ plan: 'order' })).toEqual([5, 'ani', 'Budi', 'budi']);
    expect(await everyone({ plan: 'order' }, 3)).toEqual([5, 'Citra', 'Dedi']);
    expect(await everyone({ plan: 'order' }, 9)).toEqual([5]);
    const { id } = await svc.save({ customer: { name: 'Aan' } });
    expect(await everyone()).toEqual([6, 'Aan', 'ani', 'Budi']); // stale: counted and walked
    expect(await everyone({ plan: 'order' })).toEqual([6, 'Aan', 'ani', 'Budi']);
    await svc.remove(id);
    expect(await everyone()).toEqual([5, 'ani', 'Budi', 'budi']);
    expect(await everyone({ plan: 'order' }, 2)).toEqual([5, 'budi', 'Citra', 'Dedi']);
  });

  it('is rebuilt in the background once searches pause', async () => {
    await bandung(); // first search: no order yet, the plans answer and a build is scheduled
    expect(nameOrderAt(t.db, await version(t.db))).toBeNull();
    await new Promise((r) => setTimeout(r, REBUILD_DELAY_MS / 2));
    await bandung(); // still typing: the wait starts again
    await new Promise((r) => setTimeout(r, REBUILD_DELAY_MS / 2 + 20));
    expect(nameOrderAt(t.db, await version(t.db))).toBeNull();
    const v = await version(t.db);
    for (let waited = 0; !nameOrderAt(t.db, v) && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(nameOrderAt(t.db, v)).not.toBeNull();
  });

  it('is forgotten on lock, also when a build was under way', async () => {
    await trackNameOrder(t.db);
    const o = await buildNameOrder(t.db);
    expect(nameOrderAt(t.db, o?.version)).toBe(o);
    forgetNameOrder(t.db);
    expect(nameOrderAt(t.db, o?.version)).toBeNull();
    const building = buildNameOrder(t.db);
    forgetNameOrder(t.db);
    expect(await building).toBeNull();
    expect(nameOrderAt(t.db, o?.version)).toBeNull();
  });

  it('is never current once its triggers are gone', async () => {
    await trackNameOrder(t.db);
    expect(await version(t.db)).toMatch(/^\d+\.\d+$/);
    await t.db.exec('DROP TRIGGER temp.brankas_customer_order_rename');
    expect(await version(t.db)).toBeNull();
    expect(await buildNameOrder(t.db)).toBeNull();
    expect(await bandung({ plan: 'order' })).toEqual(['ani', 'Budi', 'budi', 'Citra', 'Dedi']); // the plans answer
  });

  it('sees commits by another connection to the same file', async () => {
    await trackNameOrder(t.db);
    const o = await buildNameOrder(t.db);
    const other = await openDb(t.path, t.keyHex, { create: false });
    try {
      await other.run("INSERT INTO customers (name, created_at, updated_at) VALUES ('Ahmad', 0, 0)");
    } finally {
      await other.close();
    }
    expect(await version(t.db)).not.toBe(o?.version);
  });
});
