/**
 * Migration 4 (purposes): seeded purposes in id and en; today's per-field text becomes purposes, so
 * every enabled field serves ≥ 1 purpose; the tables check basis, retention and keys themselves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from './driver';
import { dbAtVersion, migrateTo, openTestDb, type TestDb } from './testing';

const opened: TestDb[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.cleanup();
});
const at3 = async (): Promise<Db> => {
  const t = await dbAtVersion(3);
  opened.push(t);
  return t.db;
};

const links = (db: Db) =>
  db.all<{ field: string; purpose: string }>('SELECT field_key AS field, purpose_key AS purpose FROM field_purposes ORDER BY field_key, purpose_key');
const purposeRows = (db: Db) =>
  db.all<Record<string, unknown>>(
    'SELECT key, name_id, name_en, description_id, description_en, basis, needs_consent, retention_months, retention_from, status FROM purposes ORDER BY position, key',
  );

describe('migration 4 (purposes)', () => {
  it('seeds four purposes in id and en, and links the fields still carrying the seeded words', async () => {
    const db = await at3();
    await migrateTo(db, 4);
    const purposes = await purposeRows(db);
    expect(purposes.map((p) => [p.key, p.basis, p.needs_consent, p.retention_months, p.retention_from])).toEqual([
      ['order_updates', 'contract', 0, 12, 'last_purchase'],
      ['customer_service', 'legitimate_interest', 0, 24, 'last_contact'],
      ['promotions_wa', 'consent', 1, 1, 'consent_withdrawn'],
      ['invoices_tax', 'legal_obligation', 0, 120, 'last_purchase'],
    ]);
    for (const p of purposes) {
      expect(p.name_id, String(p.key)).not.toBe(p.name_en);
      expect(p.description_id, String(p.key)).not.toBe(p.description_en);
    }
    expect(await links(db)).toEqual([
      { field: 'city', purpose: 'order_updates' },
      { field: 'email', purpose: 'invoices_tax' },
      { field: 'email', purpose: 'order_updates' },
      { field: 'notes', purpose: 'customer_service' },
      { field: 'phone', purpose: 'customer_service' },
      { field: 'phone', purpose: 'order_updates' },
      { field: 'phone', purpose: 'promotions_wa' },
    ]);
    // The old column now summarises the purposes' Indonesian names, in the shop's order.
    expect(await db.get("SELECT purpose FROM fields WHERE key = 'phone'")).toEqual({ purpose: 'Kabar pesanan; Layanan pelanggan; Promo lewat WhatsApp' });
  });

  it("turns each distinct text the shop wrote into one purpose (legitimate interest, words kept) so every enabled field serves one", async () => {
    const db = await at3();
    const long = `Untuk ${'mengirim kabar '.repeat(12)}ke pelanggan.`;
    await db.exec(`
      UPDATE fields SET purpose = 'Untuk kirim kartu ucapan.' WHERE key IN ('phone', 'birthday');
      UPDATE fields SET enabled = 1 WHERE key = 'birthday';
      UPDATE fields SET purpose = '  Untuk kirim kartu ucapan.  ', enabled = 1 WHERE key = 'address';
      UPDATE fields SET purpose = '${long}' WHERE key = 'city';
      UPDATE fields SET purpose = 'Dulu dipakai untuk survei.', enabled = 0 WHERE key = 'gender';
      INSERT INTO fields (key, builtin, kind, label, enabled, purpose, sensitive, position, updated_at)
        VALUES ('custom_1', 0, 'text', 'Nomor member', 1, 'Untuk kirim kartu ucapan.', 0, 9, 1);
    `);
    await migrateTo(db, 4);
    const legacy = (await purposeRows(db)).filter((p) => String(p.key).startsWith('field_'));
    expect(legacy.map((p) => p.key)).toEqual(['field_address', 'field_city', 'field_gender']);
    expect(legacy[0]).toMatchObject({
      name_id: 'Untuk kirim kartu ucapan.',
      name_en: 'Untuk kirim kartu ucapan.',
      description_id: 'Untuk kirim kartu ucapan.',
      basis: 'legitimate_interest',
      needs_consent: 0,
      retention_months: 24,
      retention_from: 'last_contact',
      status: 'active',
    });
    expect(legacy[1]).toMatchObject({ description_id: long, name_id: `${long.slice(0, 119)}…` });
    const byField = new Map<string, string[]>();
    for (const l of await links(db)) byField.set(l.field, [...(byField.get(l.field) ?? []), l.purpose]);
    expect(Object.fromEntries(byField)).toEqual({
      address: ['field_address'],
      birthday: ['field_address'],
      city: ['field_city'],
      custom_1: ['field_address'],
      email: ['invoices_tax', 'order_updates'],
      gender: ['field_gender'],
      notes: ['customer_service'],
      phone: ['field_address'],
    });
    const unserved = await db.all(
      "SELECT key FROM fields f WHERE enabled = 1 AND NOT EXISTS (SELECT 1 FROM field_purposes fp JOIN purposes p ON p.key = fp.purpose_key WHERE fp.field_key = f.key AND p.status = 'active')",
    );
    expect(unserved).toEqual([]);
  });

  it('checks basis, retention, status and keys in the database, and derives needs_consent', async () => {
    const { db } = await openTestDb().then((t) => (opened.push(t), t));
    const insert = (key: string, basis: string, months: number, from: string, status = 'active') =>
      db.run(
        "INSERT INTO purposes (key, name_id, name_en, description_id, description_en, basis, retention_months, retention_from, status, position, created_at, updated_at) VALUES (?, 'n', 'n', 'd', 'd', ?, ?, ?, ?, 9, 1, 1)",
        [key, basis, months, from, status],
      );
    await insert('member_card', 'contract', 24, 'contract_end');
    const bads: [string, string, number, string][] = [
      ['member_x', 'because', 24, 'contract_end'],
      ['member_y', 'contract', 0, 'contract_end'],
      ['member_z', 'contract', 24, 'forever'],
      ['Member', 'contract', 24, 'contract_end'],
      ['9lives', 'contract', 24, 'contract_end'],
    ];
    for (const [key, basis, months, from] of bads) {
      await expect(insert(key, basis, months, from), key).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    }
    await expect(insert('member_w', 'contract', 24, 'contract_end', 'paused')).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    await expect(db.run("UPDATE purposes SET needs_consent = 1 WHERE key = 'member_card'")).rejects.toThrow();
    await db.run("UPDATE purposes SET basis = 'consent' WHERE key = 'member_card'");
    expect(await db.get("SELECT needs_consent FROM purposes WHERE key = 'member_card'")).toEqual({ needs_consent: 1 });
    await expect(db.run("INSERT INTO field_purposes VALUES ('phone', 'no_such')")).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
  });
});
