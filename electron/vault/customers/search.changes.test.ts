/** Search over a vault that changes: paging, re-indexing on update, forgetting on delete. */
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { openTestDb, type TestDb } from '../db/testing';
import { createCustomersService, type CustomersService } from './service';

let t: TestDb;
let svc: CustomersService;
beforeEach(async () => {
  t = await openTestDb();
  svc = createCustomersService(t.db);
});
afterEach(() => t.cleanup());

const names = async (query: string): Promise<string[]> =>
  (await svc.search({ query, offset: 0, limit: 200 })).items.map((c) => c.name);

describe('paging', () => {
  it('pages 120 customers by name with a stable total, for blank and matching queries', async () => {
    const numbers = Array.from({ length: 120 }, (_, i) => i + 1);
    // Inserted out of order, so the order comes from the query, not from the ids.
    for (const n of [...numbers].sort((a, b) => ((a * 37) % 120) - ((b * 37) % 120))) {
      await svc.save({ customer: { name: `Pelanggan ${String(n).padStart(3, '0')}`, city: n % 2 ? 'Bogor' : 'Depok' } });
    }
    await svc.save({ customer: { name: 'Zaenal' } });
    const expected = numbers.map((n) => `Pelanggan ${String(n).padStart(3, '0')}`);

    const all: string[] = [];
    for (let offset = 0; offset < 121; offset += 50) {
      const page = await svc.search({ query: 'pelanggan', offset, limit: 50 });
      expect(page.total).toBe(120);
      expect(page.offset).toBe(offset);
      all.push(...page.items.map((c) => c.name));
    }
    expect(all).toEqual(expected);

    const blank = await svc.search({ query: '', offset: 100, limit: 50 });
    expect(blank.total).toBe(121);
    expect(blank.items.map((c) => c.name)).toEqual([...expected.slice(100), 'Zaenal']);

    const bogor = await svc.search({ query: 'pelanggan bogor', offset: 10, limit: 5 });
    expect(bogor.total).toBe(60);
    expect(bogor.items.map((c) => c.name)).toEqual(['021', '023', '025', '027', '029'].map((n) => `Pelanggan ${n}`));

    const past = await svc.search({ query: 'pelanggan', offset: 500, limit: 50 });
    expect(past).toEqual({ items: [], total: 120, offset: 500 });
  });
});

describe('index follows changes', () => {
  it('re-indexes a renamed customer: old name gone, new name found', async () => {
    const { id } = await svc.save({ customer: { name: 'Dewi Lestari', phone: '0812-1111-2222', tags: ['baru'] } });
    expect(await names('dewi')).toEqual(['Dewi Lestari']);
    await svc.save({ id, customer: { name: 'Ratna Sari', phone: '0813-9999-8888', tags: ['lama'] } });
    expect(await names('dewi')).toEqual([]);
    expect(await names('lestari')).toEqual([]);
    expect(await names('0812 1111')).toEqual([]);
    expect(await names('baru')).toEqual([]);
    expect(await names('ratna')).toEqual(['Ratna Sari']);
    expect(await names('0813 9999')).toEqual(['Ratna Sari']);
    expect(await names('lama')).toEqual(['Ratna Sari']);
  });

  it('forgets a removed customer, down to the index tokens', async () => {
    await t.db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, customers_fts, 'row')");
    const vocab = async (): Promise<string[]> => (await t.db.all<{ term: string }>('SELECT term FROM temp.v')).map((r) => r.term);
    const keep = await svc.save({ customer: { name: 'Eka Putri', city: 'Malang' } });
    const gone = await svc.save({
      customer: { name: 'Wahyu Quirinus', phone: '0877 1234 5678', email: 'wahyu@zulumail.id', city: 'Malang', notes: 'Pelanggan xenotim' },
    });
    expect(await vocab()).toEqual(expect.arrayContaining(['quirinus', 'zulumail', 'xenotim', '087712345678']));
    await svc.remove(gone.id);
    const left = await vocab();
    for (const token of ['quirinus', 'wahyu', 'zulumail', 'xenotim', '087712345678', '6287712345678', '12345678']) {
      expect(left, token).not.toContain(token);
    }
    expect(left).toEqual(expect.arrayContaining(['eka', 'putri', 'malang']));
    expect(await names('malang')).toEqual(['Eka Putri']);
    expect(await names('0877')).toEqual([]);
    expect((await svc.search({ query: '', offset: 0, limit: 10 })).items.map((c) => c.id)).toEqual([keep.id]);
  });
});
