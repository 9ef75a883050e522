/**
 * The purposes rules, held by the vault: a field is switched on only with an active purpose; a
 * purpose serving an enabled field alone cannot be retired; needsConsent follows the basis; keys are
 * made from names; free text becomes (or finds) a purpose. Real SQLCipher files throughout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldDef, Purpose, SavePurposeInput } from '../../contract';
import { openTestDb, type TestDb } from '../db/testing';
import { VaultError } from '../errors';
import { createFieldsService, type FieldsService } from '../fields/service';
import { createPurposesService, slug, type PurposesService } from './service';

let t: TestDb;
let purposes: PurposesService;
let fields: FieldsService;
let clock: number;
beforeEach(async () => {
  t = await openTestDb();
  clock = 1_700_000_000_000;
  purposes = createPurposesService(t.db, () => clock);
  fields = createFieldsService(t.db, () => clock);
});
afterEach(() => t.cleanup());

const fail = async (p: Promise<unknown>) => {
  const err: unknown = await p.then(
    () => expect.fail('expected a VaultError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VaultError);
  const { code, fields: f } = err as VaultError;
  return f ? { code, fields: f } : { code };
};
const one = (list: Purpose[], key: string) => list.find((p) => p.key === key);
const field = (list: FieldDef[], key: string) => list.find((f) => f.key === key);
const member: SavePurposeInput = {
  name: { id: 'Kartu member', en: 'Membership card' },
  description: { id: 'Mencatat poin belanja Anda.', en: 'To keep your shopping points.' },
  basis: 'contract',
  retention: { months: 24, from: 'contract_end' },
};

describe('purposes', () => {
  it('lists the seeded purposes in id and en with their fields; needsConsent exactly for consent', async () => {
    const list = await purposes.list();
    expect(list.map((p) => p.key)).toEqual(['order_updates', 'customer_service', 'promotions_wa', 'invoices_tax']);
    expect(one(list, 'promotions_wa')).toMatchObject({ basis: 'consent', needsConsent: true, fields: ['phone'], status: 'active' });
    expect(one(list, 'order_updates')).toMatchObject({ name: { id: 'Kabar pesanan', en: 'Order updates' }, fields: ['phone', 'email', 'city'] });
    expect(one(list, 'invoices_tax')).toMatchObject({ basis: 'legal_obligation', retention: { months: 120, from: 'last_purchase' } });
    for (const p of list) expect(p.needsConsent, p.key).toBe(p.basis === 'consent');
  });

  it('creates with a key from the English name (never reused), updates, and re-derives needsConsent', async () => {
    clock += 1;
    let list = await purposes.save(member);
    expect(one(list, 'membership_card')).toMatchObject({ ...member, needsConsent: false, fields: [], status: 'active', updatedAt: clock });
    list = await purposes.save({ ...member, name: { id: 'Kartu member 2', en: 'Membership card' } });
    expect(list.map((p) => p.key)).toContain('membership_card_2');
    list = await purposes.save({ ...member, key: 'membership_card', basis: 'consent', retention: { months: 6, from: 'consent_withdrawn' } });
    expect(one(list, 'membership_card')).toMatchObject({ basis: 'consent', needsConsent: true, retention: { months: 6, from: 'consent_withdrawn' } });
    expect(await fail(purposes.save({ ...member, key: 'no_such' }))).toEqual({ code: 'not_found' });
  });

  it('renaming a purpose renames it under every field serving it', async () => {
    await purposes.save({ ...member, key: 'order_updates', name: { id: 'Info pesanan', en: 'Order news' } });
    expect(field(await fields.list(), 'city')?.purpose).toBe('Info pesanan');
    expect(field(await fields.list(), 'phone')?.purpose).toBe('Info pesanan; Layanan pelanggan; Promo lewat WhatsApp');
  });

  it('makes keys from any name', () => {
    expect(slug('Promo WhatsApp!')).toBe('promo_whatsapp');
    expect(slug('  Ulang-tahun Ának  ')).toBe('ulang_tahun_anak');
    expect(slug('10 tahun')).toBe('p_10_tahun');
    expect(slug('?')).toBe('purpose');
    expect(slug('x'.repeat(80))).toHaveLength(32);
  });
});

describe('a field and its purposes', () => {
  it('switches a field on only with an active purpose, named by key', async () => {
    expect(await fail(fields.update({ key: 'birthday', enabled: true, purpose: '' }))).toEqual({ code: 'invalid_input', fields: { purpose: 'required' } });
    expect(await fail(fields.update({ key: 'birthday', enabled: true, purpose: '', purposes: [] }))).toEqual({ code: 'invalid_input', fields: { purpose: 'required' } });
    expect(await fail(fields.update({ key: 'birthday', enabled: true, purpose: '', purposes: ['no_such'] }))).toEqual({
      code: 'invalid_input',
      fields: { purposes: 'invalid_value' },
    });
    await purposes.save(member);
    await purposes.retire('membership_card');
    expect(await fail(fields.update({ key: 'birthday', enabled: true, purpose: '', purposes: ['membership_card'] }))).toEqual({
      code: 'invalid_input',
      fields: { purposes: 'invalid_value' },
    });
    expect(field(await fields.list(), 'birthday')).toMatchObject({ enabled: false, purposes: [] });

    const on = await fields.update({ key: 'birthday', enabled: true, purpose: '', purposes: ['customer_service', 'promotions_wa'] });
    expect(field(on, 'birthday')).toMatchObject({ enabled: true, purposes: ['customer_service', 'promotions_wa'], purpose: 'Layanan pelanggan; Promo lewat WhatsApp' });
    expect(one(await purposes.list(), 'promotions_wa')?.fields).toEqual(['phone', 'birthday']);
    // Off keeps them linked; on again without keys serves the same purposes.
    await fields.update({ key: 'birthday', enabled: false, purpose: '' });
    expect(field(await fields.update({ key: 'birthday', enabled: true, purpose: '' }), 'birthday')?.purposes).toEqual(['customer_service', 'promotions_wa']);
  });

  it('turns new words into a purpose (legitimate interest, to review), or finds the one with those words', async () => {
    const list = await fields.update({ key: 'address', enabled: true, purpose: 'Pengiriman pesanan' });
    expect(field(list, 'address')).toMatchObject({ enabled: true, purposes: ['pengiriman_pesanan'], purpose: 'Pengiriman pesanan' });
    expect(one(await purposes.list(), 'pengiriman_pesanan')).toMatchObject({
      name: { id: 'Pengiriman pesanan', en: 'Pengiriman pesanan' },
      basis: 'legitimate_interest',
      needsConsent: false,
      retention: { months: 24, from: 'last_contact' },
      fields: ['address'],
    });
    await fields.update({ key: 'gender', enabled: true, purpose: 'Kabar pesanan' });
    expect(field(await fields.list(), 'gender')?.purposes).toEqual(['order_updates']);
    // A caller handing the summary back (switching off, or on again) creates nothing.
    const before = (await purposes.list()).length;
    await fields.update({ key: 'address', enabled: false, purpose: 'Pengiriman pesanan' });
    await fields.update({ key: 'address', enabled: true, purpose: 'Pengiriman pesanan' });
    expect((await purposes.list()).length).toBe(before);
  });

  it('a custom field is created serving the purposes named', async () => {
    const list = await fields.createCustom({ label: 'Nomor member', kind: 'text', purpose: '', purposes: ['customer_service'], sensitive: false });
    expect(field(list, 'custom_1')).toMatchObject({ enabled: true, purposes: ['customer_service'], purpose: 'Layanan pelanggan' });
    expect(await fail(fields.createCustom({ label: 'Poin', kind: 'number', purpose: '', sensitive: false }))).toEqual({ code: 'invalid_input', fields: { purpose: 'required' } });
  });

  it('refuses to retire a purpose an enabled field serves alone, naming the fields; retires it otherwise', async () => {
    expect(await fail(purposes.retire('order_updates'))).toEqual({ code: 'conflict', fields: { city: 'required' } });
    expect(await fail(purposes.retire('no_such'))).toEqual({ code: 'not_found' });
    // Phone also serves customer service and order updates: promotions can go.
    const list = await purposes.retire('promotions_wa');
    expect(one(list, 'promotions_wa')).toMatchObject({ status: 'retired' });
    expect(list.at(-1)?.key).toBe('promotions_wa');
    expect(field(await fields.list(), 'phone')).toMatchObject({ purposes: ['order_updates', 'customer_service'], purpose: 'Kabar pesanan; Layanan pelanggan' });
    expect(await purposes.retire('promotions_wa')).toEqual(list);
    // A switched-off field does not hold a purpose back.
    await fields.update({ key: 'city', enabled: false, purpose: '' });
    await fields.update({ key: 'email', enabled: false, purpose: '' });
    await fields.update({ key: 'phone', enabled: true, purpose: '', purposes: ['customer_service'] });
    expect(one(await purposes.retire('order_updates'), 'order_updates')?.status).toBe('retired');
    expect(field(await fields.list(), 'city')).toMatchObject({ enabled: false, purposes: [], purpose: '' });
  });

  it('leaves everything as it was when a rule refuses (one transaction)', async () => {
    const before = JSON.stringify([await purposes.list(), await fields.list()]);
    await fail(fields.update({ key: 'birthday', enabled: true, purpose: 'Ucapan ulang tahun', purposes: ['no_such'] }));
    await fail(purposes.retire('order_updates'));
    expect(JSON.stringify([await purposes.list(), await fields.list()])).toBe(before);
  });
});
