/** Migration 2 (records): the field catalogue, the new customer columns, purchases and tag rows. */
import { describe, it, expect, afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from './driver';
import { applyMigrations, checkMigrations, migrations } from './migrations';
import { openTestDb, tempDir } from './testing';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function migrated(): Promise<{ db: Db }> {
  const t = await openTestDb();
  cleanups.push(t.cleanup);
  return t;
}

/** A vault at version 1 (only the foundation migration applied), as the previous release left it. */
async function v1Db(): Promise<Db> {
  const dir = tempDir();
  const db = await openDb(join(dir, 'vault.db'), randomBytes(32).toString('hex'), { create: true });
  cleanups.push(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await db.exec('PRAGMA foreign_keys = ON');
  await applyMigrations(db, [migrations[0]!]);
  return db;
}

const pragma = async (db: Db, name: string) => Object.values((await db.get<Record<string, number>>(`PRAGMA ${name}`)) ?? {})[0];

describe('migration 2 (records)', () => {
  /** Customers as the foundation release stored them (its columns only). */
  async function seedV1(db: Db, withAddress: boolean): Promise<Record<'Budi' | 'Ani' | 'Citra', number>> {
    const ids = { Budi: 0, Ani: 0, Citra: 0 };
    const rows: [keyof typeof ids, string | null, string][] = [
      ['Budi', withAddress ? 'Jl. Mawar 3' : null, '["VIP","grosir-besar"]'],
      ['Ani', null, '[]'],
      ['Citra', null, '["vip"," ","Reseller"]'],
    ];
    for (const [name, address, tags] of rows) {
      const { lastID } = await db.run(
        "INSERT INTO customers (name, phone, city, address, tags, created_at, updated_at) VALUES (?, '+6281234567890', 'Bandung', ?, ?, 1, 1)",
        [name, address, tags],
      );
      ids[name] = lastID;
    }
    return ids;
  }
  const upgrade = async (db: Db) => {
    const upToRecords = migrations.slice(0, 2);
    const check = await checkMigrations(db, upToRecords);
    expect(check).toEqual({ kind: 'ok', pending: [migrations[1]] });
    if (check.kind === 'ok') await applyMigrations(db, check.pending);
    expect(await pragma(db, 'user_version')).toBe(2);
    expect(await checkMigrations(db, upToRecords)).toEqual({ kind: 'ok', pending: [] });
  };
  const fieldRows = (db: Db) =>
    db.all<{ key: string; enabled: number; purpose: string }>('SELECT key, enabled, purpose FROM fields ORDER BY position');

  it('upgrades a vault with customers: fields in use stay on with a purpose, the rest off, tags backfilled', async () => {
    const db = await v1Db();
    const ids = await seedV1(db, true);
    await upgrade(db);

    const fields = await fieldRows(db);
    expect(fields.map((f) => [f.key, f.enabled])).toEqual([
      ['phone', 1],
      ['email', 1],
      ['address', 1],
      ['city', 1],
      ['birthday', 0],
      ['gender', 0],
      ['notes', 1],
      ['preferences', 0],
    ]);
    for (const f of fields) expect(f.enabled ? f.purpose.trim().length > 0 : f.purpose === '', f.key).toBe(true);

    expect(await db.all('SELECT customer_id AS id, tag FROM customer_tags ORDER BY customer_id, tag')).toEqual([
      { id: ids.Budi, tag: 'grosir-besar' },
      { id: ids.Budi, tag: 'VIP' },
      { id: ids.Citra, tag: 'Reseller' },
      { id: ids.Citra, tag: 'vip' },
    ]);
    // The existing rows get the new columns' defaults, and keep what they had.
    const columns = 'address, tags, birthday, gender, preferences, custom, last_verified_at, purchase_count, purchase_total, last_purchase_date';
    expect(await db.get(`SELECT ${columns} FROM customers WHERE id = ?`, [ids.Budi])).toEqual({
      address: 'Jl. Mawar 3',
      tags: '["VIP","grosir-besar"]',
      birthday: null,
      gender: null,
      preferences: null,
      custom: '{}',
      last_verified_at: null,
      purchase_count: 0,
      purchase_total: 0,
      last_purchase_date: null,
    });
  });

  it('leaves address off when no customer has one', async () => {
    const db = await v1Db();
    await seedV1(db, false);
    await upgrade(db);
    expect((await fieldRows(db)).find((f) => f.key === 'address')).toEqual({ key: 'address', enabled: 0, purpose: '' });
  });

  it('refuses an enabled field without a purpose, in the database itself', async () => {
    const { db } = await migrated();
    for (const sql of [
      "UPDATE fields SET enabled = 1 WHERE key = 'birthday'",
      "UPDATE fields SET purpose = '   ' WHERE key = 'phone'",
      "INSERT INTO fields (key, builtin, kind, enabled, purpose, sensitive, position, updated_at) VALUES ('custom_1', 0, 'text', 1, '', 0, 9, 1)",
    ]) {
      await expect(db.run(sql), sql).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    }
    await expect(db.run("UPDATE fields SET enabled = 1, purpose = 'Untuk ucapan.' WHERE key = 'birthday'")).resolves.toMatchObject({ changes: 1 });
    await expect(db.run("UPDATE fields SET kind = 'colour' WHERE key = 'birthday'")).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
  });

  it('checks purchases and gender, and deletes purchases and tag rows with their customer', async () => {
    const { db } = await migrated();
    expect(await pragma(db, 'foreign_keys')).toBe(1);
    const { lastID: id } = await db.run("INSERT INTO customers (name, created_at, updated_at) VALUES ('Budi', 1, 1)");
    await db.run("INSERT INTO customer_tags (customer_id, tag) VALUES (?, 'VIP')", [id]);
    await expect(db.run("INSERT INTO customer_tags (customer_id, tag) VALUES (?, 'vip')", [id])).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    const purchase = "INSERT INTO purchases (customer_id, date, description, amount, channel, created_at) VALUES (?, ?, 'Kopi', ?, ?, 1)";
    await db.run(purchase, [id, '2026-01-02', 5000, 'store']);
    for (const bad of [
      [id, '2026-1-2', 5000, 'store'],
      [id, '2026-01-02', -1, 'store'],
      [id, '2026-01-02', 5000, 'tiktok'],
      [id + 1, '2026-01-02', 5000, 'store'],
    ]) {
      await expect(db.run(purchase, bad), JSON.stringify(bad)).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    }
    await expect(db.run("UPDATE customers SET gender = 'L' WHERE id = ?", [id])).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    await db.run('DELETE FROM customers WHERE id = ?', [id]);
    expect(await db.get('SELECT (SELECT count(*) FROM purchases) AS p, (SELECT count(*) FROM customer_tags) AS t')).toEqual({ p: 0, t: 0 });
  });
});
