import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import type { Db, Queryable } from '../db/driver';
import { openTestDb, type TestDb } from '../db/testing';
import { VaultError } from '../errors';
import { createFieldsService } from '../fields/service';
import { enableFields } from '../fields/testing';
import { createCustomersService, type CustomersService } from './service';

let t: TestDb;
let clock: number;
let svc: CustomersService;

beforeEach(async () => {
  t = await openTestDb();
  clock = 1_700_000_000_000;
  svc = createCustomersService(t.db, () => clock);
});
afterEach(() => t.cleanup());

const codeOf = async (p: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string> }> => {
  const err = await p.then(
    () => expect.fail('expected a VaultError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VaultError);
  const { code, fields } = err as VaultError;
  return fields ? { code, fields } : { code };
};

const count = async (db: Queryable, table: string): Promise<number> =>
  (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? -1;

/** The db, except that inside transactions any statement matching `pattern` fails; `ran` lists what ran before. */
const failingOn = (db: Db, pattern: RegExp): Db & { ran: string[] } => {
  const ran: string[] = [];
  return {
    ...db,
    ran,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction((tx) =>
        fn({
          ...tx,
          run: async (sql, params) => {
            if (pattern.test(sql)) throw new Error('injected failure');
            const result = await tx.run(sql, params);
            ran.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
            return result;
          },
        }),
      ),
  };
};

describe('customers service', () => {
  it('creates a customer with normalised fields and reads it back', async () => {
    const saved = await svc.save({
      customer: { name: ' Budi Santoso ', phone: '0812-3456-7890', email: 'Budi@Gmail.com', tags: ['VIP', 'vip'] },
    });
    expect(saved).toEqual({
      id: saved.id,
      name: 'Budi Santoso',
      phone: '+6281234567890',
      phoneDisplay: '0812-3456-7890',
      email: 'budi@gmail.com',
      address: null,
      city: null,
      notes: null,
      tags: ['VIP'],
      birthday: null,
      gender: null,
      preferences: null,
      custom: {},
      lastVerifiedAt: null,
      purchaseCount: 0,
      purchaseTotal: 0,
      lastPurchaseDate: null,
      createdAt: clock,
      updatedAt: clock,
      masked: [],
    });
    expect(saved.id).toBeGreaterThan(0);
    expect(await svc.get(saved.id)).toEqual(saved);
  });

  it('updates an existing customer, keeping createdAt', async () => {
    const created = await svc.save({ customer: { name: 'Ani', city: 'Bandung', notes: 'lama' } });
    clock += 5_000;
    const updated = await svc.save({
      id: created.id,
      customer: { name: 'Ani Wijaya', phone: '(021) 555-1234', city: 'Jakarta' },
    });
    expect(updated).toMatchObject({
      id: created.id,
      name: 'Ani Wijaya',
      phone: '+62215551234',
      phoneDisplay: '(021) 5551234',
      city: 'Jakarta',
      notes: null,
      createdAt: created.createdAt,
      updatedAt: created.createdAt + 5_000,
    });
    expect(await svc.get(created.id)).toEqual(updated);
    expect(await count(t.db, 'customers')).toBe(1);
  });

  it('reports not_found for get, update and remove of a missing customer, creating nothing', async () => {
    expect(await codeOf(svc.get(42))).toEqual({ code: 'not_found' });
    expect(await codeOf(svc.save({ id: 42, customer: { name: 'Hantu' } }))).toEqual({ code: 'not_found' });
    expect(await codeOf(svc.remove(42))).toEqual({ code: 'not_found' });
    expect(await count(t.db, 'customers')).toBe(0);
  });

  it('removes a customer', async () => {
    const { id } = await svc.save({ customer: { name: 'Citra' } });
    expect(await svc.remove(id)).toEqual({ id });
    expect(await codeOf(svc.get(id))).toEqual({ code: 'not_found' });
    expect(await codeOf(svc.remove(id))).toEqual({ code: 'not_found' });
    expect((await svc.search({ query: 'citra', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('rejects invalid phone and email together and writes nothing', async () => {
    expect(await codeOf(svc.save({ customer: { name: 'Dedi', phone: '12345', email: 'dedi@' } }))).toEqual({
      code: 'invalid_input',
      fields: { phone: 'invalid_phone', email: 'invalid_email' },
    });
    expect(await count(t.db, 'customers')).toBe(0);
  });

  it('leaves nothing behind when a create fails after the row was inserted', async () => {
    const db = failingOn(t.db, /customers_fts/);
    const broken = createCustomersService(db, () => clock);
    await expect(broken.save({ customer: { name: 'Eko Prasetyo' } })).rejects.toThrow('injected failure');
    expect(db.ran).toEqual(['INSERT INTO customers']);
    expect(await count(t.db, 'customers')).toBe(0);
    expect((await svc.search({ query: 'eko', offset: 0, limit: 10 })).total).toBe(0);
    // The vault still works afterwards.
    const ok = await svc.save({ customer: { name: 'Eko Prasetyo' } });
    expect((await svc.search({ query: 'eko', offset: 0, limit: 10 })).items.map((c) => c.id)).toEqual([ok.id]);
  });

  it('keeps the old row and index entry when an update fails half-way', async () => {
    const before = await svc.save({ customer: { name: 'Fajar Nugroho', city: 'Medan' } });
    const db = failingOn(t.db, /customers_fts/);
    const broken = createCustomersService(db, () => clock + 1);
    await expect(broken.save({ id: before.id, customer: { name: 'Gilang', city: 'Solo' } })).rejects.toThrow(
      'injected failure',
    );
    expect(db.ran).toEqual(['UPDATE customers SET']);
    expect(await svc.get(before.id)).toEqual(before);
    expect((await svc.search({ query: 'fajar medan', offset: 0, limit: 10 })).total).toBe(1);
    expect((await svc.search({ query: 'gilang', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('keeps the customer when a remove fails half-way', async () => {
    const before = await svc.save({ customer: { name: 'Hadi' } });
    const db = failingOn(t.db, /customers_fts/);
    const broken = createCustomersService(db, () => clock);
    await expect(broken.remove(before.id)).rejects.toThrow('injected failure');
    expect(db.ran).toEqual(['DELETE FROM customers']);
    expect(await svc.get(before.id)).toEqual(before);
    expect((await svc.search({ query: 'hadi', offset: 0, limit: 10 })).total).toBe(1);
  });
});

describe('customers service and the field catalogue', () => {
  it('refuses values for fields a new vault has off, naming each field', async () => {
    expect(
      await codeOf(
        svc.save({ customer: { name: 'Budi', address: 'Jl. Mawar 3', birthday: '1990-01-02', gender: 'male', preferences: 'teh' } }),
      ),
    ).toEqual({
      code: 'invalid_input',
      fields: { address: 'field_disabled', birthday: 'field_disabled', gender: 'field_disabled', preferences: 'field_disabled' },
    });
    expect(await count(t.db, 'customers')).toBe(0);
  });

  it('stores and reads back the new fields once they are on', async () => {
    await enableFields(t.db, ['address', 'birthday', 'gender', 'preferences']);
    await createFieldsService(t.db).createCustom({ label: 'Ukuran baju', kind: 'choice', choices: ['S', 'M', 'L'], purpose: 'Untuk stok.', sensitive: false });
    const fresh = createCustomersService(t.db, () => clock); // the catalogue is read once per service
    const saved = await fresh.save({
      customer: {
        name: 'Ani',
        address: 'Jl. Mawar 3',
        birthday: '1990-07-17',
        gender: 'female',
        preferences: 'teh tawar',
        custom: { custom_1: 'm' },
        tags: ['Langganan'],
      },
    });
    expect(saved).toMatchObject({
      address: 'Jl. Mawar 3',
      birthday: '1990-07-17',
      gender: 'female',
      preferences: 'teh tawar',
      custom: { custom_1: 'M' },
      tags: ['Langganan'],
    });
    expect(await fresh.get(saved.id)).toEqual(saved);
    expect(await codeOf(fresh.save({ customer: { name: 'Ani', birthday: '2099-01-01', custom: { custom_1: 'XXL', custom_7: 'x' } } }))).toEqual({
      code: 'invalid_input',
      fields: { birthday: 'invalid_date', custom_1: 'invalid_choice', custom_7: 'field_disabled' },
    });
  });

  it('keeps the values of a field switched off without erasing when the customer is edited', async () => {
    await enableFields(t.db, ['address']);
    const fields = createFieldsService(t.db);
    await fields.createCustom({ label: 'Nomor member', kind: 'text', purpose: 'Untuk poin.', sensitive: false });
    const before = await createCustomersService(t.db, () => clock).save({
      customer: { name: 'Budi', phone: '0812-3456-7890', address: 'Jl. Mawar 3', custom: { custom_1: 'M-001' } },
    });
    await fields.update({ key: 'address', enabled: false, purpose: '' });
    await fields.update({ key: 'phone', enabled: false, purpose: '' });
    await fields.update({ key: 'custom_1', enabled: false, purpose: '' });

    const later = createCustomersService(t.db, () => clock + 1);
    expect(await codeOf(later.save({ id: before.id, customer: { name: 'Budi', phone: '0812-0000-1111' } }))).toEqual({
      code: 'invalid_input',
      fields: { phone: 'field_disabled' },
    });
    const edited = await later.save({ id: before.id, customer: { name: 'Budi Santoso', city: 'Bogor' } });
    expect(edited).toMatchObject({ name: 'Budi Santoso', city: 'Bogor', phone: '+6281234567890', address: 'Jl. Mawar 3', custom: { custom_1: 'M-001' } });
  });

  it('keeps customer_tags in step through save and remove', async () => {
    const a = await svc.save({ customer: { name: 'Ani', tags: ['VIP', 'Grosir'] } });
    await svc.save({ id: a.id, customer: { name: 'Ani', tags: ['Reseller'] } });
    expect(await t.db.all('SELECT tag FROM customer_tags WHERE customer_id = ?', [a.id])).toEqual([{ tag: 'Reseller' }]);
    await svc.remove(a.id);
    expect(await count(t.db, 'customer_tags')).toBe(0);
  });

  it('suggests the most used tags for a prefix', async () => {
    for (const tags of [['VIP', 'Grosir'], ['vip'], ['Vegan'], ['Reseller']]) await svc.save({ customer: { name: 'X', tags } });
    expect(await svc.tags({ prefix: 'v', limit: 5 })).toEqual([
      { tag: expect.stringMatching(/^vip$/i), count: 2 },
      { tag: 'Vegan', count: 1 },
    ]);
    expect(await svc.tags({ prefix: '', limit: 1 })).toEqual([{ tag: expect.stringMatching(/^vip$/i), count: 2 }]);
  });

  it('marks a customer verified now', async () => {
    const { id } = await svc.save({ customer: { name: 'Citra' } });
    clock += 60_000;
    expect(await svc.markVerified(id)).toMatchObject({ id, lastVerifiedAt: clock });
    expect(await codeOf(svc.markVerified(id + 1))).toEqual({ code: 'not_found' });
  });
});
