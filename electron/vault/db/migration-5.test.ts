/**
 * Migration 5 (consent): the ledger is append-only, its latest entry per customer × purpose is kept
 * by the database in the inserting transaction, and the rows go with the customer (erasure).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from './driver';
import { dbAtVersion, migrateTo, type TestDb } from './testing';

const opened: TestDb[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.cleanup();
});

async function at5(): Promise<Db> {
  const t = await dbAtVersion(4);
  opened.push(t);
  await migrateTo(t.db, 5);
  await t.db.run("INSERT INTO customers (id, name, created_at, updated_at) VALUES (1, 'Ani', 0, 0), (2, 'Budi', 0, 0)");
  return t.db;
}

const event = (db: Db, customer: number, state: string, at: number) =>
  db.run(
    "INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name) VALUES (?, 'promotions_wa', ?, ?, 'paper', 'Owner')",
    [customer, state, at],
  );
const current = (db: Db) => db.all<{ customer_id: number; state: string }>('SELECT customer_id, state FROM consent_current ORDER BY customer_id');

describe('migration 5 (consent)', () => {
  it('keeps the latest entry per customer and purpose as current, by time then by id', async () => {
    const db = await at5();
    await event(db, 1, 'given', 100);
    await event(db, 2, 'refused', 100);
    expect(await current(db)).toEqual([{ customer_id: 1, state: 'given' }, { customer_id: 2, state: 'refused' }]);
    await event(db, 1, 'withdrawn', 100); // same millisecond: the later entry wins
    await event(db, 2, 'given', 50); // entered late about an earlier moment: history only
    expect(await current(db)).toEqual([{ customer_id: 1, state: 'withdrawn' }, { customer_id: 2, state: 'refused' }]);
  });

  it('refuses to change or delete a ledger entry, and lets the rows go with the customer', async () => {
    const db = await at5();
    await event(db, 1, 'given', 100);
    await expect(db.run("UPDATE consent_events SET state = 'withdrawn'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM consent_events')).rejects.toThrow(/append-only/);
    await db.run("INSERT INTO consent_evidence (customer_id, file_name, media_type, size, sha256, content, created_at) VALUES (1, 'f.jpg', 'image/jpeg', 3, ?, x'010203', 0)", ['a'.repeat(64)]);
    await expect(db.run('DELETE FROM consent_evidence')).rejects.toThrow(/append-only/);
    await db.run('DELETE FROM customers WHERE id = 1');
    for (const table of ['consent_events', 'consent_current', 'consent_evidence']) {
      expect(await db.get(`SELECT count(*) AS n FROM ${table}`), table).toEqual({ n: 0 });
    }
  });

  it('checks states, methods, guardians and notice versions', async () => {
    const db = await at5();
    const bad = [
      "INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name) VALUES (1, 'promotions_wa', 'maybe', 0, 'paper', 'O')",
      "INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name) VALUES (1, 'promotions_wa', 'given', 0, 'email', 'O')",
      "INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name, guardian_name) VALUES (1, 'promotions_wa', 'given', 0, 'paper', 'O', 'Ibu')",
      "INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name) VALUES (1, 'no_such', 'given', 0, 'paper', 'O')",
      "INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name, notice_version) VALUES (1, 'promotions_wa', 'given', 0, 'paper', 'O', 3)",
    ];
    for (const sql of bad) await expect(db.run(sql), sql).rejects.toThrow();
    await db.run(
      "INSERT INTO notice_versions (number, effective_date, published_at, publisher_name, text_id, text_en, sha256, source_digest) VALUES (1, '2026-12-04', 0, 'O', 'a', 'b', ?, ?)",
      ['0'.repeat(64), '1'.repeat(64)],
    );
    await expect(db.run('UPDATE notice_versions SET text_id = ?', ['x'])).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM notice_versions')).rejects.toThrow(/append-only/);
  });
});
