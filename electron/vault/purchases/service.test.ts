/** Purchase history on a real vault: totals kept on the customer in the same transaction, cascade on delete. */
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import type { PurchaseInput } from '../../contract';
import { createCustomersService, type CustomersService } from '../customers/service';
import type { Queryable } from '../db/driver';
import { openTestDb, type TestDb } from '../db/testing';
import { VaultError } from '../errors';
import { createPurchasesService, type PurchasesService } from './service';

let t: TestDb;
let clock: number;
let purchases: PurchasesService;
let customers: CustomersService;

beforeEach(async () => {
  t = await openTestDb();
  clock = new Date(2026, 10, 29, 12).getTime();
  purchases = createPurchasesService(t.db, () => clock);
  customers = createCustomersService(t.db, () => clock);
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
const summary = async (id: number) => {
  const { purchaseCount, purchaseTotal, lastPurchaseDate } = await customers.get(id);
  return { purchaseCount, purchaseTotal, lastPurchaseDate };
};
const buy = (customerId: number, date: string, amount: number, extra: Partial<PurchaseInput> = {}): PurchaseInput => ({
  customerId,
  date,
  description: 'Kopi Gayo 250 g',
  amount,
  channel: 'store',
  ...extra,
});

describe('purchases', () => {
  it('adds purchases, newest first, and keeps count, total and last date on the customer', async () => {
    const { id } = await customers.save({ customer: { name: 'Budi' } });
    expect(await summary(id)).toEqual({ purchaseCount: 0, purchaseTotal: 0, lastPurchaseDate: null });
    const first = await purchases.save({ purchase: buy(id, '2026-03-01', 1_250_000, { description: '  Kopi  ', channel: 'whatsapp' }) });
    expect(first).toEqual({
      id: first.id,
      customerId: id,
      date: '2026-03-01',
      description: 'Kopi',
      amount: 1_250_000,
      channel: 'whatsapp',
      createdAt: clock,
    });
    const second = await purchases.save({ purchase: buy(id, '2026-05-10', 50_000) });
    const third = await purchases.save({ purchase: buy(id, '2026-01-20', 0, { channel: 'marketplace' }) });
    expect((await purchases.list(id)).map((p) => p.id)).toEqual([second.id, first.id, third.id]);
    expect(await summary(id)).toEqual({ purchaseCount: 3, purchaseTotal: 1_300_000, lastPurchaseDate: '2026-05-10' });
  });

  it('recomputes the totals on edit and remove, for both customers when a purchase moves', async () => {
    const a = (await customers.save({ customer: { name: 'Ani' } })).id;
    const b = (await customers.save({ customer: { name: 'Budi' } })).id;
    const p1 = await purchases.save({ purchase: buy(a, '2026-02-01', 100_000) });
    const p2 = await purchases.save({ purchase: buy(a, '2026-04-01', 200_000) });
    const edited = await purchases.save({ id: p2.id, purchase: buy(a, '2026-01-15', 250_000, { channel: 'other' }) });
    expect(edited).toMatchObject({ id: p2.id, date: '2026-01-15', amount: 250_000, channel: 'other', createdAt: p2.createdAt });
    expect(await summary(a)).toEqual({ purchaseCount: 2, purchaseTotal: 350_000, lastPurchaseDate: '2026-02-01' });

    await purchases.save({ id: p1.id, purchase: buy(b, '2026-02-01', 100_000) });
    expect(await summary(a)).toEqual({ purchaseCount: 1, purchaseTotal: 250_000, lastPurchaseDate: '2026-01-15' });
    expect(await summary(b)).toEqual({ purchaseCount: 1, purchaseTotal: 100_000, lastPurchaseDate: '2026-02-01' });

    expect(await purchases.remove(p2.id)).toEqual({ id: p2.id });
    expect(await summary(a)).toEqual({ purchaseCount: 0, purchaseTotal: 0, lastPurchaseDate: null });
    expect(await purchases.list(a)).toEqual([]);
  });

  it('goes with the customer when the customer is deleted', async () => {
    expect(await t.db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    const a = (await customers.save({ customer: { name: 'Ani' } })).id;
    const b = (await customers.save({ customer: { name: 'Budi' } })).id;
    await purchases.save({ purchase: buy(a, '2026-02-01', 1) });
    await purchases.save({ purchase: buy(a, '2026-02-02', 2) });
    const kept = await purchases.save({ purchase: buy(b, '2026-02-03', 3) });
    await customers.remove(a);
    expect(await t.db.all('SELECT id FROM purchases')).toEqual([{ id: kept.id }]);
    expect(await codeOf(purchases.list(a))).toEqual({ code: 'not_found' });
  });

  it('checks amount, date and description', async () => {
    const { id } = await customers.save({ customer: { name: 'Ani' } });
    for (const amount of [-1, 1.5, 1_000_000_000_001, Number.NaN]) {
      expect(await codeOf(purchases.save({ purchase: buy(id, '2026-02-01', amount) })), String(amount)).toEqual({
        code: 'invalid_input',
        fields: { amount: 'invalid_number' },
      });
    }
    await purchases.save({ purchase: buy(id, '2026-02-01', 1_000_000_000_000) });
    for (const date of ['2026-02-30', '2026-13-01', '1899-12-31', '2026-12-01']) {
      expect(await codeOf(purchases.save({ purchase: buy(id, date, 1) })), date).toEqual({ code: 'invalid_input', fields: { date: 'invalid_date' } });
    }
    await purchases.save({ purchase: buy(id, '2026-11-30', 1) }); // tomorrow: within a day of slack for the clock's time zone
    expect(await codeOf(purchases.save({ purchase: buy(id, '2026-02-01', 1, { description: '   ' }) }))).toEqual({
      code: 'invalid_input',
      fields: { description: 'required' },
    });
    expect(await summary(id)).toEqual({ purchaseCount: 2, purchaseTotal: 1_000_000_000_001, lastPurchaseDate: '2026-11-30' });
  });

  it('answers not_found for a missing customer or purchase, writing nothing', async () => {
    const { id } = await customers.save({ customer: { name: 'Ani' } });
    const p = await purchases.save({ purchase: buy(id, '2026-02-01', 5) });
    expect(await codeOf(purchases.save({ purchase: buy(id + 1, '2026-02-01', 5) }))).toEqual({ code: 'not_found' });
    expect(await codeOf(purchases.save({ id: p.id + 1, purchase: buy(id, '2026-02-01', 5) }))).toEqual({ code: 'not_found' });
    expect(await codeOf(purchases.save({ id: p.id, purchase: buy(id + 1, '2026-02-01', 5) }))).toEqual({ code: 'not_found' });
    expect(await codeOf(purchases.remove(p.id + 1))).toEqual({ code: 'not_found' });
    expect(await codeOf(purchases.list(id + 1))).toEqual({ code: 'not_found' });
    expect(await purchases.list(id)).toEqual([p]);
    expect(await summary(id)).toEqual({ purchaseCount: 1, purchaseTotal: 5, lastPurchaseDate: '2026-02-01' });
  });

  it('keeps purchase and totals together: a failure after the insert leaves neither', async () => {
    const { id } = await customers.save({ customer: { name: 'Ani' } });
    const failing = {
      ...t.db,
      transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
        t.db.transaction((tx) =>
          fn({ ...tx, run: (sql, params) => (/UPDATE customers/.test(sql) ? Promise.reject(new Error('injected failure')) : tx.run(sql, params)) }),
        ),
    };
    await expect(createPurchasesService(failing, () => clock).save({ purchase: buy(id, '2026-02-01', 5) })).rejects.toThrow('injected failure');
    expect(await purchases.list(id)).toEqual([]);
    expect(await summary(id)).toEqual({ purchaseCount: 0, purchaseTotal: 0, lastPurchaseDate: null });
  });
});
