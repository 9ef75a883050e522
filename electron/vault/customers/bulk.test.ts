/** The importer's fast path on real SQLCipher: multi-row inserts, merge updates, duplicate lookup. */
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { openTestDb, type TestDb } from '../db/testing';
import { findExistingByPhoneOrEmail, insertCustomersBatch, updateCustomerFromImport } from './bulk';
import { getCustomer, insertCustomer } from './repository';
import { createCustomersService } from './service';
import type { NormalisedCustomer } from './validate';

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(() => t.cleanup());

const base: NormalisedCustomer = {
  name: 'x',
  phone: null,
  email: null,
  address: null,
  city: null,
  notes: null,
  tags: [],
  birthday: null,
  gender: null,
  preferences: null,
  custom: {},
};

/** A distinct word per number, so every name is its own search term. */
const word = (i: number): string => `Pel${i.toString(36).padStart(3, '0')}zz`;
const phoneOf = (i: number): string => `+62812${10_000_000 + i}`;

const row = (i: number): NormalisedCustomer => ({
  ...base,
  name: `${word(i)} Santoso`,
  phone: phoneOf(i),
  email: `p${i}@toko.id`,
  city: i % 2 ? 'Bandung' : 'Depok',
  tags: i % 3 ? ['Impor', `grup-${i % 7}`] : [],
  custom: i % 5 ? {} : { custom_1: i },
});

const count = async (table: string): Promise<number> =>
  (await t.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? -1;

describe('insertCustomersBatch', () => {
  it('inserts 1000 customers in one transaction; each is searchable by name and phone fragment, with its tags', async () => {
    const before = await t.db.transaction((tx) => insertCustomer(tx, { ...base, name: 'Sudah Ada' }, 1));
    const rows = Array.from({ length: 1000 }, (_, i) => row(i));
    const ids = await t.db.transaction((tx) => insertCustomersBatch(tx, rows, 777));
    expect(ids).toEqual(rows.map((_, i) => before + 1 + i));
    expect(await count('customers')).toBe(1001);

    const svc = createCustomersService(t.db);
    for (const [i, id] of ids.entries()) {
      const c = await getCustomer(t.db, id);
      expect(c, `row ${i}`).toMatchObject({ ...rows[i], createdAt: 777, updatedAt: 777 });
      const byName = await t.db.all<{ rowid: number }>('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?', [
        `name : "${word(i).toLowerCase()}"`,
      ]);
      expect(byName.map((r) => r.rowid), `name of row ${i}`).toEqual([id]);
      const fragment = phoneOf(i).slice(-7); // as typed: "000 1234"-style tail of the number
      const byPhone = await t.db.all<{ rowid: number }>('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?', [
        `phone : "${fragment}"*`,
      ]);
      expect(byPhone.map((r) => r.rowid), `phone of row ${i}`).toContain(id);
    }
    // Through the search the app uses.
    const page = await svc.search({ query: `${word(321)} santoso`, offset: 0, limit: 10 });
    expect(page.items.map((c) => c.id)).toEqual([ids[321]]);
    const tail = phoneOf(654).slice(-8);
    const byFragment = await svc.search({ query: `${tail.slice(0, 4)} ${tail.slice(4)}`, offset: 0, limit: 50 });
    expect(byFragment.items.map((c) => c.id)).toContain(ids[654]);

    const tagged = rows.reduce((n, r) => n + r.tags.length, 0);
    expect(await count('customer_tags')).toBe(tagged);
    expect(await t.db.all('SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag', [ids[1]!])).toEqual([
      { tag: 'grup-1' },
      { tag: 'Impor' },
    ]);
    expect(await svc.tags({ prefix: 'imp', limit: 5 })).toEqual([{ tag: 'Impor', count: rows.filter((r) => r.tags.length).length }]);

    // A later customer gets the next id.
    const after = await t.db.transaction((tx) => insertCustomer(tx, { ...base, name: 'Sesudah' }, 2));
    expect(after).toBe(ids.at(-1)! + 1);
  });

  it('never reuses the id of a deleted customer', async () => {
    const [, last] = await t.db.transaction((tx) => insertCustomersBatch(tx, [row(1), row(2)], 1));
    await createCustomersService(t.db).remove(last!);
    const [next] = await t.db.transaction((tx) => insertCustomersBatch(tx, [row(3)], 1));
    expect(next).toBe(last! + 1);
  });

  it('handles an empty batch and sizes that are not a multiple of the statement size', async () => {
    expect(await t.db.transaction((tx) => insertCustomersBatch(tx, [], 1))).toEqual([]);
    for (const n of [1, 199, 200, 201, 401]) {
      const ids = await t.db.transaction((tx) => insertCustomersBatch(tx, Array.from({ length: n }, (_, i) => row(i)), 1));
      expect(ids).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
    }
    expect(await count('customers')).toBe(1002);
    expect(await t.db.get<{ n: number }>('SELECT count(*) AS n FROM customers_fts')).toEqual({ n: 1002 });
  });

  it('leaves nothing behind when a row fails half-way through the transaction', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i));
    rows[450] = { ...rows[450]!, name: '' }; // the CHECK on name refuses it
    await expect(t.db.transaction((tx) => insertCustomersBatch(tx, rows, 1))).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    for (const table of ['customers', 'customer_tags']) expect(await count(table)).toBe(0);
    expect(await t.db.get<{ n: number }>('SELECT count(*) AS n FROM customers_fts')).toEqual({ n: 0 });
  });
});

describe('updateCustomerFromImport', () => {
  it('replaces what the row holds, keeps what it leaves empty and the stored name, adds tags, merges custom values', async () => {
    const id = await t.db.transaction((tx) =>
      insertCustomer(
        tx,
        { ...base, name: 'Budi Santoso', phone: '+6281234567890', notes: 'suka kopi', city: 'Bogor', tags: ['VIP'], custom: { custom_1: 1, custom_2: 'a' } },
        1,
      ),
    );
    const imported: NormalisedCustomer = { ...base, name: 'BUDI  SANTOSO', city: 'Bandung', tags: ['vip', 'Impor'], custom: { custom_2: 'b' } };
    expect(await t.db.transaction((tx) => updateCustomerFromImport(tx, id, imported, 9))).toBe(true);
    expect(await getCustomer(t.db, id)).toMatchObject({
      name: 'Budi Santoso',
      phone: '+6281234567890',
      notes: 'suka kopi',
      city: 'Bandung',
      tags: ['VIP', 'Impor'],
      custom: { custom_1: 1, custom_2: 'b' },
      createdAt: 1,
      updatedAt: 9,
    });
    expect((await createCustomersService(t.db).search({ query: 'bandung santoso', offset: 0, limit: 5 })).total).toBe(1);
    expect(await t.db.all('SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag', [id])).toEqual([{ tag: 'Impor' }, { tag: 'VIP' }]);
    expect(await t.db.transaction((tx) => updateCustomerFromImport(tx, id + 1, imported, 9))).toBe(false);
  });
});

describe('findExistingByPhoneOrEmail', () => {
  it('finds customers by phone and email in chunks, the lowest id for a shared value', async () => {
    const ids = await t.db.transaction((tx) => insertCustomersBatch(tx, Array.from({ length: 1200 }, (_, i) => row(i)), 1));
    const twin = await t.db.transaction((tx) => insertCustomer(tx, { ...row(5), name: 'Kembar' }, 1));
    expect(twin).toBeGreaterThan(ids[5]!);
    const phones = [...Array.from({ length: 1200 }, (_, i) => phoneOf(i)), '+6289999999999', ''];
    const emails = ['p7@toko.id', 'p1199@toko.id', 'nobody@toko.id', 'p7@toko.id'];
    const found = await findExistingByPhoneOrEmail(t.db, phones, emails);
    expect(found.size).toBe(1202);
    expect(found.get(`p:${phoneOf(0)}`)?.id).toBe(ids[0]);
    expect(found.get(`p:${phoneOf(1199)}`)?.id).toBe(ids[1199]);
    expect(found.get(`p:${phoneOf(5)}`)?.id).toBe(ids[5]);
    expect(found.get('e:p7@toko.id')?.id).toBe(ids[7]);
    expect(found.get('e:p1199@toko.id')?.id).toBe(ids[1199]);
    expect(found.get(`p:${phoneOf(5)}`)?.name).toBe(row(5).name);
    expect(found.has('p:+6289999999999')).toBe(false);
    expect(found.has('e:nobody@toko.id')).toBe(false);
    expect(await findExistingByPhoneOrEmail(t.db, [], [])).toEqual(new Map());
  });

  it('uses the phone and email indexes', async () => {
    for (const column of ['phone', 'email']) {
      const plan = await t.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT id, ${column} FROM customers WHERE ${column} IN (?, ?) ORDER BY id`, ['a', 'b']);
      expect(plan.map((p) => p.detail).join(' | ')).toMatch(new RegExp(`USING (COVERING )?INDEX customers_by_${column} `));
    }
  });
});
