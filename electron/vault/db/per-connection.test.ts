/** Per-connection state on TEMP objects: one per connection, never made inside a caller's transaction. */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDb, withinTransaction, type Db, type Queryable } from './driver';
import { perConnection } from './per-connection';
import { tempDir } from './testing';

let dir = '';
let db: Db | null = null;
afterEach(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface S {
  made: Promise<boolean>;
  idle?: true;
}
const TEMP = 'CREATE TEMP TABLE IF NOT EXISTS probe (n INTEGER)';
const hasProbe = async (q: Queryable) => (await q.get<{ n: number }>("SELECT count(*) AS n FROM temp.sqlite_master WHERE name = 'probe'"))?.n === 1;

it('is made through the connection after a transaction that asked first, so a rollback cannot take its TEMP objects away', async () => {
  dir = tempDir();
  db = await openDb(join(dir, 'p.db'), randomBytes(32).toString('hex'), { create: true });
  const open = db;
  const states = perConnection<S>(
    (q) => ({ made: q.exec(TEMP).then(() => true) }),
    (s) => s.made,
    () => ({ made: Promise.resolve(false), idle: true }),
  );
  // First asked inside a transaction that then rolls back.
  const first = await open
    .transaction(async (tx) => {
      const s = states.of(withinTransaction(tx, open.path));
      throw Object.assign(new Error('rolled back'), { s });
    })
    .catch((e: { s: S }) => e.s);
  expect(first.idle).toBe(true);
  const kept = await open.transaction(async (tx) => states.of(withinTransaction(tx, open.path)));
  expect(kept.idle).toBeUndefined();
  expect(await kept.made).toBe(true);
  expect(await hasProbe(open)).toBe(true);
  // The same state however it is reached.
  expect(states.of(open)).toBe(kept);
  expect(states.peek(open)).toBe(kept);
});
