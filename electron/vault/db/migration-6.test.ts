/**
 * Migration 6 (requests): the history is append-only except for blanking an erased customer's
 * words; the erasure register cannot be changed; the vault gets its own register key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from './driver';
import { dbAtVersion, migrateTo, type TestDb } from './testing';

const opened: TestDb[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.cleanup();
});

async function at6(): Promise<Db> {
  const t = await dbAtVersion(5);
  opened.push(t);
  await migrateTo(t.db, 6);
  await t.db.run(
    "INSERT INTO requests (type, channel, received_at, due_at, due_basis, taker_name, asked) VALUES ('access', 'walk-in', 0, 259200000, 'law', 'Owner', 'apa yang disimpan?')",
  );
  await t.db.run(`INSERT INTO request_events (request_number, at, kind, state, by_name, detail) VALUES (1, 0, 'state', 'received', 'Owner', '{"asked":"x"}')`);
  return t.db;
}

describe('migration 6 (requests)', () => {
  it('keeps the history append-only, but lets an erased customer’s words be blanked', async () => {
    const db = await at6();
    await expect(db.run("UPDATE request_events SET by_name = 'X'")).rejects.toThrow(/append-only/);
    await expect(db.run('UPDATE request_events SET detail = NULL')).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM request_events')).rejects.toThrow(/append-only/);
    await db.run('UPDATE request_events SET detail = NULL, redacted = 1');
    expect(await db.get('SELECT detail, redacted FROM request_events')).toEqual({ detail: null, redacted: 1 });
  });

  it('refuses a due time before receipt and a state event without a state', async () => {
    const db = await at6();
    await expect(db.run("INSERT INTO requests (type, channel, received_at, due_at, due_basis, taker_name) VALUES ('access', 'walk-in', 10, 5, 'law', 'O')")).rejects.toThrow(/CHECK/);
    await expect(db.run("INSERT INTO request_events (request_number, at, kind, by_name) VALUES (1, 0, 'state', 'O')")).rejects.toThrow(/CHECK/);
  });

  it('makes the erasure register append-only and gives the vault a random register key', async () => {
    const db = await at6();
    await db.run(`INSERT INTO erasures (customer_id, created_at, digest, erased_at) VALUES (7, 1, '${'a'.repeat(64)}', 2)`);
    await expect(db.run('DELETE FROM erasures')).rejects.toThrow(/append-only/);
    await expect(db.run('UPDATE erasures SET customer_id = 8')).rejects.toThrow(/append-only/);
    const key = await db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'erasure_key'");
    expect(key?.value).toMatch(/^[0-9a-f]{64}$/);
  });
});
