/** The field catalogue on a real vault: purposes, switching off, erasing for real, custom fields. */
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { statSync } from 'node:fs';
import { CUSTOM_FIELDS_MAX, type FieldDef } from '../../contract';
import { insertCustomersBatch } from '../customers/bulk';
import { createCustomersService, type CustomersService } from '../customers/service';
import type { NormalisedCustomer } from '../customers/validate';
import type { Queryable } from '../db/driver';
import { openTestDb, type TestDb } from '../db/testing';
import { VaultError } from '../errors';
import { createFieldsService, type FieldsService } from './service';

let t: TestDb;
let clock: number;
let fields: FieldsService;
/** A fresh customers service reads the catalogue as it is now. */
const customers = (): CustomersService => createCustomersService(t.db, () => clock);

beforeEach(async () => {
  t = await openTestDb();
  clock = 1_700_000_000_000;
  fields = createFieldsService(t.db, () => clock);
  await t.db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, customers_fts, 'col')");
});
afterEach(() => t.cleanup());

const codeOf = async (p: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string> }> => {
  const err = await p.then(
    () => expect.fail('expected a VaultError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VaultError);
  const { code, fields: f } = err as VaultError;
  return f ? { code, fields: f } : { code };
};
const tokens = async (): Promise<Set<string>> =>
  new Set((await t.db.all<{ term: string; col: string }>('SELECT term, col FROM temp.v')).map((r) => `${r.col}:${r.term}`));
const EMPTY: NormalisedCustomer = {
  name: '',
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
const field = (list: FieldDef[], key: string): FieldDef | undefined => list.find((f) => f.key === key);
const updatedAt = async (key: string) => (await t.db.get<{ u: number }>('SELECT updated_at AS u FROM fields WHERE key = ?', [key]))?.u;
/** Every stored customer row, raw (so hidden values show). */
const rows = () => t.db.all<Record<string, unknown>>('SELECT * FROM customers ORDER BY id');

describe('the catalogue', () => {
  it('lists the built-in fields in order; a new vault has phone, email, city and notes on, each with a purpose', async () => {
    const list = await fields.list();
    expect(list.map((f) => f.key)).toEqual(['phone', 'email', 'address', 'city', 'birthday', 'gender', 'notes', 'preferences']);
    expect(list.filter((f) => f.enabled).map((f) => f.key)).toEqual(['phone', 'email', 'city', 'notes']);
    for (const f of list) expect(f.enabled ? f.purpose.trim().length > 0 : true, f.key).toBe(true);
    expect(field(list, 'birthday')).toMatchObject({ builtin: true, kind: 'date', sensitive: true, label: null, choices: [] });
  });

  it('will not switch a field on without a purpose — and neither will the database', async () => {
    for (const purpose of ['', '   ']) {
      expect(await codeOf(fields.update({ key: 'birthday', enabled: true, purpose }))).toEqual({
        code: 'invalid_input',
        fields: { purpose: 'required' },
      });
    }
    expect(field(await fields.list(), 'birthday')?.enabled).toBe(false);
    await expect(t.db.run("UPDATE fields SET enabled = 1, purpose = '  ' WHERE key = 'birthday'")).rejects.toMatchObject({
      sqliteCode: 'SQLITE_CONSTRAINT',
    });
    await expect(t.db.run("UPDATE fields SET purpose = '' WHERE key = 'phone'")).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
  });

  it('switches a field on and off, trimming the purpose and bumping updated_at', async () => {
    clock += 10;
    const on = await fields.update({ key: 'birthday', enabled: true, purpose: '  Untuk ucapan selamat ulang tahun.  ' });
    expect(field(on, 'birthday')).toMatchObject({ enabled: true, purpose: 'Untuk ucapan selamat ulang tahun.' });
    expect(await updatedAt('birthday')).toBe(clock);
    clock += 10;
    const off = await fields.update({ key: 'birthday', enabled: false, purpose: 'Untuk ucapan selamat ulang tahun.' });
    expect(field(off, 'birthday')).toMatchObject({ enabled: false });
    expect(await updatedAt('birthday')).toBe(clock);
  });

  it('refuses label, choices and a sensitivity change for built-in fields, and unknown keys', async () => {
    expect(
      await codeOf(fields.update({ key: 'birthday', enabled: false, purpose: '', label: 'Ultah', choices: ['a'], sensitive: false })),
    ).toEqual({ code: 'invalid_input', fields: { label: 'invalid_value', choices: 'invalid_value', sensitive: 'invalid_value' } });
    await fields.update({ key: 'birthday', enabled: false, purpose: '', sensitive: true }); // unchanged is fine
    expect(await codeOf(fields.update({ key: 'custom_9', enabled: false, purpose: '' }))).toEqual({ code: 'not_found' });
    expect(await codeOf(fields.usage('custom_9'))).toEqual({ code: 'not_found' });
    expect(await codeOf(fields.update({ key: 'phone', enabled: true, purpose: 'x', erase: true }))).toEqual({
      code: 'invalid_input',
      fields: { erase: 'invalid_value' },
    });
  });
});

describe('switching a field off', () => {
  const seed = async () => {
    await fields.update({ key: 'birthday', enabled: true, purpose: 'Untuk ucapan ulang tahun.' });
    const svc = customers();
    const budi = await svc.save({
      customer: { name: 'Budi Xylofonius', phone: '0812-3456-7890', email: 'budi.quokka@gmail.com', city: 'Wonosobo', notes: 'suka zanzibar', birthday: '1990-07-17' },
    });
    const ani = await svc.save({ customer: { name: 'Ani Wijaya', phone: '0857-1111-2222', city: 'Wonosobo' } });
    const citra = await svc.save({ customer: { name: 'Citra Lestari' } });
    return { budi, ani, citra };
  };

  it('keeps the values, hidden, when not asked to erase', async () => {
    const { budi } = await seed();
    expect(await fields.usage('phone')).toEqual({ key: 'phone', count: 2 });
    await fields.update({ key: 'phone', enabled: false, purpose: '' });
    expect(await fields.usage('phone')).toEqual({ key: 'phone', count: 2 });
    expect(await customers().get(budi.id)).toMatchObject({ phone: '+6281234567890' });
    // Switched back on, the values are there again.
    await fields.update({ key: 'phone', enabled: true, purpose: 'Untuk kabar pesanan.' });
    expect((await customers().search({ query: '812 345', offset: 0, limit: 5 })).items.map((c) => c.id)).toEqual([budi.id]);
  });

  it('erases phone, email, city and notes for real, index tokens included, and leaves the rest', async () => {
    const { budi, ani, citra } = await seed();
    const before = await tokens();
    for (const tk of ['phone:081234567890', 'email:quokka', 'city:wonosobo', 'notes:zanzibar', 'name:xylofonius']) expect(before).toContain(tk);
    clock += 1000;
    for (const key of ['phone', 'email', 'city', 'notes']) {
      await fields.update({ key, enabled: false, purpose: 'tetap tersimpan', erase: true });
      expect(await fields.usage(key)).toEqual({ key, count: 0 });
    }
    const after = await tokens();
    for (const col of ['phone', 'email', 'city', 'notes']) {
      expect([...after].filter((tk) => tk.startsWith(`${col}:`)), col).toEqual([]);
    }
    expect(after).toContain('name:xylofonius');
    expect(after).toContain('name:ani');
    for (const r of await rows()) expect(r).toMatchObject({ phone: null, email: null, city: null, notes: null });
    expect(await customers().get(budi.id)).toMatchObject({ name: 'Budi Xylofonius', birthday: '1990-07-17', updatedAt: clock });
    expect(await customers().get(citra.id)).toMatchObject({ updatedAt: citra.updatedAt }); // held nothing, not touched
    expect((await customers().search({ query: 'ani', offset: 0, limit: 5 })).items.map((c) => c.id)).toEqual([ani.id]);
    expect((await customers().search({ query: 'wonosobo', offset: 0, limit: 5 })).total).toBe(0);
    // Switched off, a field keeps the purposes it served (words for a field going off make none).
    expect(field(await fields.list(), 'city')).toMatchObject({ enabled: false, purposes: ['order_updates'], purpose: 'Kabar pesanan' });
    // The old page images left the write-ahead log too (checkpointed and truncated after the erase).
    expect(statSync(`${t.path}-wal`).size).toBe(0);
  });

  it('changes nothing when the erase fails half-way', async () => {
    const { budi } = await seed();
    const failing = {
      ...t.db,
      transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
        t.db.transaction((tx) =>
          fn({
            ...tx,
            run: (sql, params) => (/customers_fts/.test(sql) ? Promise.reject(new Error('injected failure')) : tx.run(sql, params)),
          }),
        ),
    };
    await expect(createFieldsService(failing).update({ key: 'phone', enabled: false, purpose: '', erase: true })).rejects.toThrow('injected failure');
    expect(field(await fields.list(), 'phone')).toMatchObject({ enabled: true });
    expect(await customers().get(budi.id)).toMatchObject({ phone: '+6281234567890' });
    expect(await tokens()).toContain('phone:081234567890');
  });

  it('erases a column outside the index (birthday)', async () => {
    const { budi } = await seed();
    await fields.update({ key: 'birthday', enabled: false, purpose: '', erase: true });
    expect(await customers().get(budi.id)).toMatchObject({ birthday: null });
    expect(await fields.usage('birthday')).toEqual({ key: 'birthday', count: 0 });
  });

  it('erases an already switched-off field later on', async () => {
    await seed();
    await fields.update({ key: 'notes', enabled: false, purpose: '' });
    expect(await fields.usage('notes')).toEqual({ key: 'notes', count: 1 });
    await fields.update({ key: 'notes', enabled: false, purpose: '', erase: true });
    expect(await fields.usage('notes')).toEqual({ key: 'notes', count: 0 });
    expect([...(await tokens())].some((tk) => tk.startsWith('notes:'))).toBe(false);
  });

  it('switches a field off while unlinking all its purposes (found by the fuzz suite: seed -839341054)', async () => {
    await seed();
    const list = await fields.update({ key: 'notes', enabled: false, purpose: 'apa saja', purposes: [], erase: true });
    expect(list.find((f) => f.key === 'notes')?.enabled).toBe(false);
    expect(await fields.usage('notes')).toEqual({ key: 'notes', count: 0 });
  });

  it('erases across many customers (more than one chunk) in one go', async () => {
    const svc = customers();
    const many = Array.from({ length: 1100 }, (_, i) => ({ ...EMPTY, name: `Pelanggan ${i}`, phone: `+62812${10_000_000 + i}` }));
    await t.db.transaction((tx) => insertCustomersBatch(tx, many, clock));
    expect(await fields.usage('phone')).toEqual({ key: 'phone', count: 1100 });
    await fields.update({ key: 'phone', enabled: false, purpose: '', erase: true });
    expect(await fields.usage('phone')).toEqual({ key: 'phone', count: 0 });
    expect([...(await tokens())].some((tk) => tk.startsWith('phone:'))).toBe(false);
    expect((await svc.search({ query: 'pelanggan', offset: 0, limit: 1 })).total).toBe(1100);
  });
});

describe('custom fields', () => {
  const shoe = { label: 'Ukuran sepatu', kind: 'number', purpose: 'Untuk menyiapkan stok.', sensitive: false } as const;

  it('creates switched-on fields custom_1, custom_2 … after the built-ins', async () => {
    clock += 5;
    const list = await fields.createCustom(shoe);
    expect(list.at(-1)).toEqual({
      key: 'custom_1',
      builtin: false,
      kind: 'number',
      label: 'Ukuran sepatu',
      choices: [],
      enabled: true,
      purposes: ['untuk_menyiapkan_stok'],
      purpose: 'Untuk menyiapkan stok.',
      sensitive: false,
      position: 9,
    });
    expect(await updatedAt('custom_1')).toBe(clock);
    const next = await fields.createCustom({ label: 'Ukuran baju', kind: 'choice', choices: [' S ', 'M', 'm', 'XL'], purpose: 'Stok.', sensitive: true });
    expect(next.at(-1)).toMatchObject({ key: 'custom_2', kind: 'choice', choices: ['S', 'M', 'XL'], sensitive: true, position: 10 });
  });

  it('checks kinds, choices, labels and the limit', async () => {
    expect(await codeOf(fields.createCustom({ ...shoe, kind: 'choice' }))).toEqual({ code: 'invalid_input', fields: { choices: 'required' } });
    expect(await codeOf(fields.createCustom({ ...shoe, kind: 'choice', choices: [' '] }))).toEqual({
      code: 'invalid_input',
      fields: { choices: 'required' },
    });
    expect(await codeOf(fields.createCustom({ ...shoe, choices: ['a'] }))).toEqual({ code: 'invalid_input', fields: { choices: 'invalid_value' } });
    expect(await codeOf(fields.createCustom({ ...shoe, purpose: '  ' }))).toEqual({ code: 'invalid_input', fields: { purpose: 'required' } });
    await fields.createCustom(shoe);
    expect(await codeOf(fields.createCustom({ ...shoe, label: 'UKURAN SEPATU' }))).toEqual({ code: 'invalid_input', fields: { label: 'invalid_value' } });
    for (let i = 2; i <= CUSTOM_FIELDS_MAX; i++) await fields.createCustom({ ...shoe, label: `Field ${i}` });
    expect(await codeOf(fields.createCustom({ ...shoe, label: 'Satu lagi' }))).toEqual({ code: 'invalid_input', fields: { label: 'too_many' } });
    expect((await fields.list()).filter((f) => !f.builtin)).toHaveLength(CUSTOM_FIELDS_MAX);
  });

  it('changes label, choices and sensitivity of a custom field', async () => {
    await fields.createCustom({ label: 'Ukuran baju', kind: 'choice', choices: ['S'], purpose: 'Stok.', sensitive: false });
    const list = await fields.update({ key: 'custom_1', enabled: true, purpose: 'Stok.', label: 'Baju', choices: ['S', 'M'], sensitive: true });
    expect(field(list, 'custom_1')).toMatchObject({ label: 'Baju', choices: ['S', 'M'], sensitive: true });
    expect(await codeOf(fields.update({ key: 'custom_1', enabled: true, purpose: 'Stok.', choices: [] }))).toEqual({
      code: 'invalid_input',
      fields: { choices: 'required' },
    });
    await fields.createCustom(shoe);
    expect(await codeOf(fields.update({ key: 'custom_2', enabled: true, purpose: 'Stok.', choices: ['1'] }))).toEqual({
      code: 'invalid_input',
      fields: { choices: 'invalid_value' },
    });
  });

  it("erases a custom field's values when it is switched off with erase, or deleted; keys are never reused", async () => {
    await fields.createCustom(shoe);
    await fields.createCustom({ label: 'Nomor member', kind: 'text', purpose: 'Poin.', sensitive: false });
    const svc = customers();
    const a = await svc.save({ customer: { name: 'Ani', custom: { custom_1: 38, custom_2: 'M-01' } } });
    const b = await svc.save({ customer: { name: 'Budi', custom: { custom_2: 'M-02' } } });
    expect(await fields.usage('custom_1')).toEqual({ key: 'custom_1', count: 1 });
    expect(await fields.usage('custom_2')).toEqual({ key: 'custom_2', count: 2 });

    await fields.update({ key: 'custom_1', enabled: false, purpose: '', erase: true });
    expect(await customers().get(a.id)).toMatchObject({ custom: { custom_2: 'M-01' } });

    const list = await fields.deleteCustom('custom_2');
    expect(list.map((f) => f.key)).not.toContain('custom_2');
    for (const r of await rows()) expect(r.custom).toBe('{}');
    expect(await customers().get(b.id)).toMatchObject({ custom: {} });
    expect(await codeOf(fields.deleteCustom('custom_2'))).toEqual({ code: 'not_found' });
    expect(await codeOf(fields.deleteCustom('phone'))).toEqual({ code: 'invalid_input', fields: { key: 'invalid_value' } });
    expect((await fields.list()).some((f) => f.key === 'phone')).toBe(true);

    const again = await fields.createCustom({ ...shoe, label: 'Baru' });
    expect(again.at(-1)?.key).toBe('custom_3');
    // The erased value does not come back under the new key.
    expect(await fields.usage('custom_3')).toEqual({ key: 'custom_3', count: 0 });
  });
});
