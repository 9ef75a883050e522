import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { openTestDb, type TestDb } from '../db/testing';
import {
  customerColumns,
  deleteCustomer,
  getCustomer,
  insertCustomer,
  markCustomerVerified,
  rowToCustomer,
  tagCounts,
  updateCustomer,
} from './repository';
import type { NormalisedCustomer } from './validate';

let t: TestDb;
beforeEach(async () => {
  t = await openTestDb();
  // Every distinct token in the full-text index, per column.
  await t.db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, customers_fts, 'col')");
});
afterEach(() => t.cleanup());

const tokens = async (): Promise<Set<string>> =>
  new Set((await t.db.all<{ term: string; col: string }>('SELECT term, col FROM temp.v')).map((r) => `${r.col}:${r.term}`));

const budi: NormalisedCustomer = {
  name: 'Budi Xylofonius',
  phone: '+6281234567890',
  email: 'budi.quokka@gmail.com',
  address: 'Jl. Rahasia 7',
  city: 'Bandung',
  notes: 'suka kopi zanzibar',
  tags: ['VIP', 'grosir-besar'],
  birthday: '1990-07-17',
  gender: 'male',
  preferences: 'kopi tanpa gula',
  custom: { custom_1: 42, custom_2: 'XL' },
};

const tagRows = async (): Promise<[number, string][]> =>
  (await t.db.all<{ customer_id: number; tag: string }>('SELECT customer_id, tag FROM customer_tags ORDER BY customer_id, tag')).map(
    (r) => [r.customer_id, r.tag],
  );

describe('customers repository', () => {
  it('indexes every searchable column when inserting', async () => {
    const id = await t.db.transaction((tx) => insertCustomer(tx, budi, 1000));
    const index = await tokens();
    for (const token of [
      'name:xylofonius',
      'phone:6281234567890',
      'phone:081234567890',
      'phone:34567890',
      'email:quokka',
      'city:bandung',
      'tags:vip',
      'tags:grosir',
      'tags:besar',
      'notes:zanzibar',
    ]) {
      expect(index, token).toContain(token);
    }
    // The address is not searchable.
    expect([...index].some((tk) => tk.endsWith(':rahasia'))).toBe(false);
    const [row] = await t.db.all<{ rowid: number }>("SELECT rowid FROM customers_fts WHERE customers_fts MATCH 'xylofonius'");
    expect(row?.rowid).toBe(id);
  });

  it('re-indexes on update: the old tokens leave the index', async () => {
    const id = await t.db.transaction((tx) => insertCustomer(tx, budi, 1000));
    const changed = { ...budi, name: 'Bambang Wibisono', phone: null, notes: null, tags: [] };
    expect(await t.db.transaction((tx) => updateCustomer(tx, id, changed, 2000))).toBe(true);
    const index = await tokens();
    expect(index).toContain('name:wibisono');
    expect(index).not.toContain('name:xylofonius');
    expect(index).not.toContain('notes:zanzibar');
    expect([...index].some((tk) => tk.startsWith('phone:'))).toBe(false);
    expect(await getCustomer(t.db, id)).toMatchObject({ name: 'Bambang Wibisono', phone: null, createdAt: 1000, updatedAt: 2000 });
  });

  it('removes the index entry for real on delete', async () => {
    const id = await t.db.transaction((tx) => insertCustomer(tx, budi, 1000));
    const other = await t.db.transaction((tx) =>
      insertCustomer(tx, { ...budi, name: 'Citra', phone: null, email: null, notes: null, tags: [] }, 1000),
    );
    expect(await tokens()).toContain('name:xylofonius');
    expect(await t.db.transaction((tx) => deleteCustomer(tx, id))).toBe(true);
    const index = await tokens();
    for (const gone of ['name:xylofonius', 'email:quokka', 'phone:081234567890', 'notes:zanzibar', 'tags:vip']) {
      expect(index, gone).not.toContain(gone);
    }
    // Shared tokens stay for the customer who still has them.
    expect(index).toContain('city:bandung');
    expect(await getCustomer(t.db, id)).toBeUndefined();
    expect(await getCustomer(t.db, other)).toMatchObject({ name: 'Citra' });
  });

  it('reports missing rows instead of touching the index', async () => {
    expect(await t.db.transaction((tx) => updateCustomer(tx, 99, budi, 1))).toBe(false);
    expect(await t.db.transaction((tx) => deleteCustomer(tx, 99))).toBe(false);
    expect(await tokens()).toEqual(new Set());
  });

  it('round-trips every column', async () => {
    const id = await t.db.transaction((tx) => insertCustomer(tx, budi, 1000));
    expect(await getCustomer(t.db, id)).toEqual({
      id,
      ...budi,
      phoneDisplay: '0812-3456-7890',
      lastVerifiedAt: null,
      purchaseCount: 0,
      purchaseTotal: 0,
      lastPurchaseDate: null,
      createdAt: 1000,
      updatedAt: 1000,
      masked: [],
    });
  });

  it('keeps customer_tags in step on insert, update and delete', async () => {
    const a = await t.db.transaction((tx) => insertCustomer(tx, budi, 1));
    const b = await t.db.transaction((tx) => insertCustomer(tx, { ...budi, name: 'Citra', tags: ['vip', 'Reseller'] }, 1));
    expect(await tagRows()).toEqual([
      [a, 'grosir-besar'], // the tag column sorts without regard to case
      [a, 'VIP'],
      [b, 'Reseller'],
      [b, 'vip'],
    ]);
    await t.db.transaction((tx) => updateCustomer(tx, a, { ...budi, tags: ['Langganan'] }, 2));
    expect(await tagRows()).toEqual([
      [a, 'Langganan'],
      [b, 'Reseller'],
      [b, 'vip'],
    ]);
    await t.db.transaction((tx) => deleteCustomer(tx, b));
    expect(await tagRows()).toEqual([[a, 'Langganan']]);
    expect(await getCustomer(t.db, a)).toMatchObject({ tags: ['Langganan'] });
  });

  it('counts tags for autocomplete: most used first, prefix without regard to case', async () => {
    const tagged = [['VIP', 'Grosir'], ['vip', 'grosir'], ['VIP'], ['Giveaway', 'Grosir'], ['Reseller'], ['%', '_x']];
    for (const [i, tags] of tagged.entries()) {
      await t.db.transaction((tx) => insertCustomer(tx, { ...budi, name: `P${i}`, tags }, 1));
    }
    const lower = (list: { tag: string; count: number }[]) => list.map((c) => [c.tag.toLowerCase(), c.count]);
    expect(lower(await tagCounts(t.db, '', 10))).toEqual([
      ['grosir', 3],
      ['vip', 3],
      ['%', 1],
      ['_x', 1],
      ['giveaway', 1],
      ['reseller', 1],
    ]);
    expect(lower(await tagCounts(t.db, 'g', 10))).toEqual([
      ['grosir', 3],
      ['giveaway', 1],
    ]);
    expect(lower(await tagCounts(t.db, 'GR', 10))).toEqual([['grosir', 3]]);
    expect(lower(await tagCounts(t.db, ' vi', 1))).toEqual([['vip', 3]]);
    // LIKE wildcards are plain characters here.
    expect(lower(await tagCounts(t.db, '%', 10))).toEqual([['%', 1]]);
    expect(lower(await tagCounts(t.db, '_', 10))).toEqual([['_x', 1]]);
    expect(await tagCounts(t.db, 'zz', 10)).toEqual([]);
  });

  it('marks a customer verified without touching updated_at', async () => {
    const id = await t.db.transaction((tx) => insertCustomer(tx, budi, 1000));
    expect(await t.db.transaction((tx) => markCustomerVerified(tx, id, 5000))).toBe(true);
    expect(await getCustomer(t.db, id)).toMatchObject({ lastVerifiedAt: 5000, updatedAt: 1000 });
    expect(await t.db.transaction((tx) => markCustomerVerified(tx, id + 1, 5000))).toBe(false);
  });

  it('qualifies its columns for joins', async () => {
    expect(customerColumns('c')).toMatch(/^c\.id, c\.name, .*c\.updated_at$/);
    await t.db.transaction((tx) => insertCustomer(tx, budi, 1));
    const rows = await t.db.all(`SELECT ${customerColumns('c')} FROM customers c JOIN customer_tags t ON t.customer_id = c.id`);
    expect(rows).toHaveLength(2);
  });

  it('maps rows, tolerating damaged JSON columns and unknown genders', () => {
    const row = {
      id: 1,
      name: 'Ani',
      phone: '+62215551234',
      email: null,
      address: null,
      city: null,
      notes: null,
      tags: 'not json',
      birthday: null,
      gender: null,
      preferences: null,
      custom: 'not json',
      last_verified_at: null,
      purchase_count: 0,
      purchase_total: 0,
      last_purchase_date: null,
      created_at: 5,
      updated_at: 6,
    };
    expect(rowToCustomer(row)).toEqual({
      id: 1,
      name: 'Ani',
      phone: '+62215551234',
      phoneDisplay: '(021) 5551234',
      email: null,
      address: null,
      city: null,
      notes: null,
      tags: [],
      birthday: null,
      gender: null,
      preferences: null,
      custom: {},
      lastVerifiedAt: null,
      purchaseCount: 0,
      purchaseTotal: 0,
      lastPurchaseDate: null,
      createdAt: 5,
      updatedAt: 6,
      masked: [],
    });
    expect(rowToCustomer({ ...row, tags: '["a", 3, "b"]' }).tags).toEqual(['a', 'b']);
    expect(rowToCustomer({ ...row, custom: '{"custom_1": 2, "custom_2": "x", "custom_3": [1], "custom_4": null}' }).custom).toEqual({
      custom_1: 2,
      custom_2: 'x',
    });
    expect(rowToCustomer({ ...row, custom: '[1]' }).custom).toEqual({});
    expect(rowToCustomer({ ...row, gender: 'robot' }).gender).toBeNull();
    expect(rowToCustomer({ ...row, gender: 'female' }).gender).toBe('female');
  });
});
