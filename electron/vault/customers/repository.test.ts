import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { openTestDb, type TestDb } from '../db/testing';
import { deleteCustomer, getCustomer, insertCustomer, rowToCustomer, updateCustomer } from './repository';
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
};

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

  it('maps rows, tolerating a damaged tags column', () => {
    const row = {
      id: 1,
      name: 'Ani',
      phone: '+62215551234',
      email: null,
      address: null,
      city: null,
      notes: null,
      tags: 'not json',
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
      createdAt: 5,
      updatedAt: 6,
    });
    expect(rowToCustomer({ ...row, tags: '["a", 3, "b"]' }).tags).toEqual(['a', 'b']);
  });
});
