/**
 * The access pack from a real vault (SQLCipher, keychain) holding two customers with a value in every
 * field: every stored value of A is in the JSON (walking the stored rows, not a list written here),
 * none of B's is in any of the three files (the PDF read back with pdftotext), the roles and the trail
 * by role — names only when the Owner asks — and the PDF's key facts in id and en.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../db/testing';
import { pdfPages } from '../documents/testing';
import { createNoticeService } from '../notice/service';
import { noticeVault, PROFILE, type NoticeVault } from '../notice/testing';
import { vaultErrorOf } from '../testing';
import { CASHIER, seedTwo, type Seeded } from './testing';
import { createAccessPacks, writePackFiles, type AccessPack } from './service';

let nv: NoticeVault;
let s: Seeded;
beforeEach(async () => {
  nv = await noticeVault();
  await createNoticeService(nv.ctx).saveProfile(PROFILE);
  s = await seedTwo(nv.ctx);
});
afterEach(() => nv.cleanup());

const file = (p: AccessPack, ext: string): Buffer => {
  const f = p.files.find((x) => x.name.endsWith(`.${ext}`));
  if (!f) throw new Error(`no .${ext} in ${p.files.map((x) => x.name).join(', ')}`);
  return f.content;
};
const texts = (p: AccessPack): Record<string, string> =>
  Object.fromEntries(p.files.map((f) => [f.name, f.name.endsWith('.pdf') ? pdfPages(f.content).join('\n') : f.content.toString('utf8')]));
const iso = (ms: number) => new Date(ms).toISOString();
const TIME_COLUMNS = new Set(['created_at', 'updated_at', 'last_verified_at', 'at']);

/** Every value stored about a customer, as the JSON writes it (times as ISO, JSON columns opened up). */
async function storedValues(customerId: number): Promise<string[]> {
  const db = nv.vault.db();
  const out: string[] = [];
  const add = (column: string, v: unknown) => {
    if (v === null || v === undefined) return;
    if (typeof v === 'number') out.push(TIME_COLUMNS.has(column) ? JSON.stringify(iso(v)) : String(v));
    else out.push(JSON.stringify(v));
  };
  const row = await db.get<Record<string, unknown>>('SELECT * FROM customers WHERE id = ?', [customerId]);
  for (const [column, v] of Object.entries(row ?? {})) {
    if (column === 'tags') for (const t of JSON.parse(v as string) as string[]) add(column, t);
    else if (column === 'custom') for (const x of Object.values(JSON.parse(v as string) as Record<string, unknown>)) add(column, x);
    else add(column, v);
  }
  for (const p of await db.all<Record<string, unknown>>('SELECT * FROM purchases WHERE customer_id = ?', [customerId])) for (const [c, v] of Object.entries(p)) add(c, v);
  for (const t of await db.all<{ tag: string }>('SELECT tag FROM customer_tags WHERE customer_id = ?', [customerId])) add('tag', t.tag);
  // The ledger's own columns (who recorded it is staff data, given by role).
  for (const e of await db.all<Record<string, unknown>>('SELECT id, customer_id, purpose_key, state, at, method, notice_version FROM consent_events WHERE customer_id = ?', [customerId])) {
    for (const [c, v] of Object.entries(e)) add(c, v);
  }
  for (const r of await db.all<Record<string, unknown>>('SELECT asked, requester, received_at AS at FROM requests WHERE number IN (SELECT request_number FROM request_customers WHERE customer_id = ?)', [customerId])) {
    for (const [c, v] of Object.entries(r)) add(c, v);
  }
  const restriction = await db.get<{ reason: string }>('SELECT reason FROM customer_restrictions WHERE customer_id = ?', [customerId]);
  if (restriction) add('reason', restriction.reason);
  return out;
}

/** B's text values (numbers such as an id or an amount could appear by chance). */
async function textValues(customerId: number): Promise<string[]> {
  return (await storedValues(customerId)).filter((v) => v.startsWith('"') && v.length > 8 && !/^"\d{4}-/.test(v) && !['"female"', '"male"', '"promotions_wa"'].includes(v)).map((v) => JSON.parse(v) as string).filter((v) => !['given', 'withdrawn', 'paper', 'verbal', 'whatsapp', 'store', 'marketplace'].includes(v));
}

describe('the access pack', () => {
  it('holds every stored value of the customer in the JSON, and nothing of the other customer in any file', async () => {
    const pack = await createAccessPacks(nv.ctx).make(s.a, { lang: 'id', staffNames: false, requestNumber: s.requestA });
    expect(pack.files.map((f) => f.name)).toEqual([`akses-data-${s.a}-2026-12-04.pdf`, `akses-data-${s.a}-2026-12-04.json`, `akses-data-${s.a}-2026-12-04.csv`]);
    const json = file(pack, 'json').toString('utf8');
    const values = await storedValues(s.a);
    expect(values.length).toBeGreaterThan(30);
    for (const v of values) expect(json, v).toContain(v);

    const other = await textValues(s.b);
    expect(other).toEqual(expect.arrayContaining(['Bravo Kanari Kedua', 'Kota Bravoraya', 'ukuran-S-bravo', 'Kain tenun bravo', 'minta-salinan-bravo']));
    for (const [name, text] of Object.entries(texts(pack))) for (const v of [...other, CASHIER, 'Ibu Sari', 'pelanggan-bravo.csv', 'brankas-cadangan.bkp', 'langkah-']) expect(text, `${name}: ${v}`).not.toContain(v);
  });

  it('follows the documented schema: the sections, the roles, the purposes with what is held, the trail by role', async () => {
    const pack = await createAccessPacks(nv.ctx).make(s.a, { lang: 'en', staffNames: false });
    const doc = JSON.parse(file(pack, 'json').toString('utf8'));
    expect(Object.keys(doc)).toEqual(['schema', 'generatedAt', 'shop', 'customer', 'customFields', 'purchases', 'tags', 'consent', 'requests', 'purposes', 'access', 'trail']);
    expect(doc.schema).toBe('brankas.access-pack/1');
    expect(doc.shop.name).toBe(PROFILE.name);
    expect(doc.customFields).toEqual([{ key: 'custom_1', label: 'Ukuran baju', kind: 'text', value: 'ukuran-XL-alfa' }]);
    expect(doc.customer.restriction).toMatchObject({ reason: 'alasan-batas-alfa', by: { role: 'owner' } });
    expect(doc.consent.map((e: { state: string; recordedBy: unknown }) => [e.state, e.recordedBy])).toEqual([
      ['given', { role: 'owner' }],
      ['withdrawn', { role: 'owner' }],
    ]);
    expect(doc.requests).toHaveLength(1);
    expect(doc.requests[0]).toMatchObject({ number: s.requestA, type: 'access', state: 'received', asked: 'minta-salinan-alfa', takenBy: { role: 'owner' } });
    const promo = doc.purposes.find((p: { key: string }) => p.key === 'promotions_wa');
    expect(promo).toMatchObject({ basis: 'consent', needsConsent: true, consent: 'withdrawn', retention: { months: expect.any(Number), from: expect.any(String) } });
    expect(promo.fields).toEqual(expect.arrayContaining([{ key: 'name', label: { id: 'Nama', en: 'Name' }, held: true }, expect.objectContaining({ key: 'phone', held: true })]));
    expect(doc.access.map((a: { role: string; sees: string; canEdit: boolean; canExport: boolean; people: number }) => [a.role, a.sees, a.canEdit, a.canExport, a.people])).toEqual([
      ['owner', 'all', true, true, 1],
      ['manager', 'all', true, true, 0],
      ['staff', 'reveal', true, false, 1],
      ['viewer', 'masked', false, false, 0],
    ]);
    expect(doc.access[0].names).toBeUndefined();
    const trail = doc.trail as { action: string; kind: string; scope: string; by: { role: string; name?: string }; fields?: string[]; note?: string }[];
    expect(trail.filter((e) => e.action === 'customer.view' || e.action === 'customer.reveal').map((e) => [e.action, e.by, e.fields])).toEqual([
      ['customer.view', { role: 'staff' }, undefined],
      ['customer.reveal', { role: 'staff' }, ['phone']],
    ]);
    expect(trail.filter((e) => e.kind === 'backup').map((e) => [e.scope, e.by])).toEqual([['whole_vault', { role: 'system' }]]);
    expect(trail.filter((e) => e.kind === 'export')).toEqual([expect.objectContaining({ action: 'data.export', scope: 'maybe', note: expect.stringContaining('does not yet list which customers') })]);
    expect(trail.some((e) => e.action === 'consent.give' && e.kind === 'customer')).toBe(true);
    expect(trail.filter((e) => e.kind === 'request').map((e) => [e.action, e.scope, e.by])).toEqual([['request.view', 'this_customer', { role: 'staff' }]]);
    expect(JSON.stringify(doc)).not.toContain('"name":"Ibu Sari"');
  });

  it('names staff only when the Owner asks, and refuses anyone else who asks', async () => {
    const pack = await createAccessPacks(nv.ctx).make(s.a, { lang: 'id', staffNames: true });
    const doc = JSON.parse(file(pack, 'json').toString('utf8'));
    expect(doc.access.find((a: { role: string }) => a.role === 'staff').names).toEqual([CASHIER]);
    expect(doc.trail.find((e: { action: string }) => e.action === 'customer.view').by).toEqual({ role: 'staff', name: CASHIER });
    expect(pdfPages(file(pack, 'pdf')).join(' ')).toContain(CASHIER);
    const manager = { ...nv.ctx, user: () => ({ ...nv.ctx.user()!, role: 'manager' as const }) };
    expect((await vaultErrorOf(createAccessPacks(manager).make(s.a, { lang: 'id', staffNames: true }))).code).toBe('forbidden');
  });

  it('says the key facts in the PDF, in Indonesian and in English', async () => {
    const packs = createAccessPacks(nv.ctx);
    const id = pdfPages(file(await packs.make(s.a, { lang: 'id', staffNames: false }), 'pdf')).join(' ');
    for (const fact of ['Salinan Data Pribadi', PROFILE.name, 'Alfa Kanari Pertama', '+6281211110001', 'alfa.kanari@contoh-a.id', 'Ukuran baju', 'ukuran-XL-alfa', 'Kain batik alfa', 'Rp 125.000', 'label-alfa', 'Promo lewat WhatsApp', 'Ditarik', 'Persetujuan Anda (Pasal 20 ayat (2) huruf a)', 'Kasir / staf', 'nilai tersamar dibuka: Nomor telepon / WhatsApp', 'cadangan terenkripsi', 'minta-salinan-alfa', 'alasan-batas-alfa', 'Pemilik toko']) {
      expect(id, fact).toContain(fact);
    }
    expect(id).not.toContain(CASHIER);
    const en = pdfPages(file(await packs.make(s.a, { lang: 'en', staffNames: false }), 'pdf')).join(' ');
    for (const fact of ['Copy of Your Personal Data', 'Alfa Kanari Pertama', 'Customer number', 'Promotions by WhatsApp', 'Withdrawn', 'Who in the shop can see your data', 'Record of processing', 'a masked value revealed: Phone / WhatsApp number', 'customer export (may hold your data)', 'does not yet list which customers']) {
      expect(en, fact).toContain(fact);
    }
  });

  it('gives the portable copy: what the customer provided, as JSON and CSV', async () => {
    const pack = await createAccessPacks(nv.ctx).make(s.a, { lang: 'en', staffNames: false, portable: true });
    expect(pack.files.map((f) => f.name)).toEqual([`portable-data-${s.a}-2026-12-04.json`, `portable-data-${s.a}-2026-12-04.csv`]);
    const doc = JSON.parse(file(pack, 'json').toString('utf8'));
    expect(Object.keys(doc)).toEqual(['schema', 'generatedAt', 'shop', 'customer', 'customFields', 'purchases', 'tags', 'consent']);
    expect(doc.schema).toBe('brankas.portable/1');
    expect(doc.customer.restriction).toBeUndefined();
    expect(doc.customer).toMatchObject({ name: 'Alfa Kanari Pertama', city: 'Kota Alfaraya', birthday: '1990-01-11', gender: 'female' });
    expect((await createAccessPacks(nv.ctx).make(s.a, { lang: 'id', staffNames: false, portable: true })).baseName).toBe(`data-portabel-${s.a}-2026-12-04`);
  });

  it('writes the CSV as section,item,field,value rows, BOM first, formula starts escaped', async () => {
    await nv.vault.db().run("UPDATE customers SET notes = '=HYPERLINK(\"x\")' WHERE id = ?", [s.a]);
    const pack = await createAccessPacks(nv.ctx).make(s.a, { lang: 'id', staffNames: false });
    const raw = file(pack, 'csv').toString('utf8');
    expect(raw.startsWith('\ufeffsection,item,field,value\r\n')).toBe(true);
    const rows = parse(raw.slice(1), { columns: true }) as { section: string; item: string; field: string; value: string }[];
    expect(rows).toContainEqual({ section: 'customer', item: '', field: 'name', value: 'Alfa Kanari Pertama' });
    expect(rows).toContainEqual({ section: 'customer', item: '', field: 'notes', value: `'=HYPERLINK("x")` });
    expect(rows).toContainEqual({ section: 'customFields', item: 'custom_1', field: 'value', value: 'ukuran-XL-alfa' });
    expect(rows).toContainEqual({ section: 'tags', item: '2', field: 'value', value: 'grosir-alfa' });
    expect(rows).toContainEqual({ section: 'access', item: 'staff', field: 'sees', value: 'reveal' });
    expect(rows.filter((r) => r.section === 'purchases' && r.field === 'description').map((r) => r.value)).toEqual(['Kain batik alfa', 'Benang sutra alfa']);
  });

  it('records the entry and the request step in one transaction, and nothing for a customer or request that is not there', async () => {
    const db = nv.vault.db();
    const packs = createAccessPacks(nv.ctx);
    const pack = await packs.make(s.a, { lang: 'id', staffNames: false, requestNumber: s.requestA });
    const before = (await db.get<{ n: number }>('SELECT max(id) AS n FROM audit_log'))!.n;
    await pack.record();
    const entries = await db.all<{ action: string; target_type: string; target_id: string; details: string }>('SELECT action, target_type, target_id, details FROM audit_log WHERE id > ?', [before]);
    expect(entries.map((e) => [e.action, e.target_type, e.target_id])).toEqual([['customer.accessPack', 'customer', String(s.a)]]);
    expect(JSON.parse(entries[0]!.details)).toEqual({ lang: 'id', portable: false, staffNames: false, files: 3, request: s.requestA, schema: 'brankas.access-pack/1' });
    const step = await db.get<{ kind: string; by_name: string; detail: string }>('SELECT kind, by_name, detail FROM request_events WHERE request_number = ? ORDER BY id DESC LIMIT 1', [s.requestA]);
    expect(step).toMatchObject({ kind: 'document', by_name: 'Ibu Sari' });
    expect(JSON.parse(step!.detail)).toEqual({ document: 'access_pack', files: pack.files.map((f) => f.name) });

    // The step cannot be written (the request is gone from under it): the entry is rolled back with it.
    const doomed = await packs.make(s.a, { lang: 'id', staffNames: false, requestNumber: s.requestA });
    const mark = (await db.get<{ n: number }>('SELECT max(id) AS n FROM audit_log'))!.n;
    await db.run('DELETE FROM request_customers WHERE request_number = ?', [s.requestA]);
    expect((await vaultErrorOf(doomed.record())).code).toBe('invalid_input');
    expect(await db.get('SELECT count(*) AS n FROM audit_log WHERE id > ?', [mark])).toEqual({ n: 0 });

    expect((await vaultErrorOf(packs.make(99_999, { lang: 'id', staffNames: false }))).code).toBe('not_found');
    expect((await vaultErrorOf(packs.make(s.a, { lang: 'id', staffNames: false, requestNumber: 99_999 }))).code).toBe('not_found');
    expect((await vaultErrorOf(packs.make(s.a, { lang: 'id', staffNames: false, requestNumber: s.requestB }))).code).toBe('invalid_input');
    expect(await db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'customer.accessPack'")).toEqual({ n: 1 });
  });

  it('writes a pack whole or not at all: a file that cannot be written takes the others with it', async () => {
    const pack = await createAccessPacks(nv.ctx).make(s.a, { lang: 'id', staffNames: false });
    const dir = tempDir('brankas-pack-');
    try {
      mkdirSync(join(dir, pack.files[1]!.name));
      expect(() => writePackFiles(dir, pack.files)).toThrow();
      expect(readdirSync(dir)).toEqual([pack.files[1]!.name]);
      rmSync(join(dir, pack.files[1]!.name), { recursive: true });
      expect(writePackFiles(dir, pack.files)).toEqual(pack.files.map((f) => join(dir, f.name)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
