/**
 * The check a backup is written with (`quick`, verify.ts): what it still catches in the partial file
 * before the rename, and how its two connections share the work and stop.
 */
import { readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type Queryable } from '../db/driver';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { vaultErrorOf } from '../testing';
import { keyLiteral } from './key';
import { addCustomers, rewritePage, testBackupKey } from './testing';
import { attachBackup, checkAttached, verifyBackupFile } from './verify';
import { writeBackup, type WriteBackupOptions } from './write';

/** Damage done to the partial file after it is flushed, just before writeBackup checks it. */
const hook = vi.hoisted(() => ({ damage: undefined as undefined | ((path: string) => Promise<void>) }));
vi.mock('./verify', async (importOriginal) => {
  const real = await importOriginal<typeof import('./verify')>();
  return {
    ...real,
    verifyBackupFile: async (...args: Parameters<typeof real.verifyBackupFile>) => {
      await hook.damage?.(args[0]);
      return real.verifyBackupFile(...args);
    },
  };
});

let t: TestDb;
let out: string;
beforeEach(async () => {
  t = await openTestDb();
  await t.db.run("INSERT INTO meta (key, value) VALUES ('vault_id', 'v-1')");
  await addCustomers(t.db, 300);
  out = tempDir('brankas-backup-check-');
  hook.damage = undefined;
});
afterEach(async () => {
  await t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

const opts = async (over: Partial<WriteBackupOptions> = {}): Promise<WriteBackupOptions> => ({
  folder: out,
  key: await testBackupKey(),
  appVersion: '0.1.0',
  vaultId: 'v-1',
  shopName: 'Toko',
  check: 'quick',
  ...over,
});

/** Runs `fn` on a connection with the backup at `path` attached as `b` (keyed, writable). */
async function withBackup<T>(path: string, fn: (db: Queryable) => Promise<T>): Promise<T> {
  const db = await openDb(':memory:', '1'.repeat(64), { create: true });
  try {
    await db.run(`ATTACH DATABASE ? AS b KEY ${keyLiteral(await testBackupKey())}`, [path]);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A leaf page of the customers table's own b-tree (dbstat). */
const customersLeaf = (path: string) =>
  withBackup(path, async (db) => (await db.get<{ pageno: number }>("SELECT pageno FROM dbstat('b') WHERE name = 'customers' AND pagetype = 'leaf' LIMIT 1"))?.pageno ?? 0);

/** Points the page's first cell into its own header: a broken b-tree page under a valid HMAC. */
const breakFirstCell = async (path: string) => {
  const pgno = await customersLeaf(path);
  expect(pgno).toBeGreaterThan(1);
  rewritePage(path, await testBackupKey(), pgno, (plain) => plain.writeUInt16BE(4, 8));
};

/** Files this process has open, by path (Linux). */
const openFiles = (): string[] =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });

describe('the quick check before the rename', () => {
  it('passes a good backup, whose file is exactly its pages with none free', async () => {
    const r = await writeBackup(t.db, await opts());
    await withBackup(r.path, async (db) => {
      const one = async (p: string) => Number(Object.values((await db.get<Record<string, unknown>>(`PRAGMA b.${p}`)) ?? {})[0]);
      expect((await one('page_count')) * (await one('page_size'))).toBe(statSync(r.path).size);
      expect(await one('freelist_count')).toBe(0);
    });
    expect((await verifyBackupFile(r.path, { key: await testBackupKey() }, 'quick')).info.counts.customers).toBe(300);
  });

  it('a flipped byte in a data page of the partial file: corrupt_backup, no file left', async () => {
    hook.damage = async (path) => {
      const pgno = await customersLeaf(path);
      const bytes = readFileSync(path);
      const at = (pgno - 1) * 4096 + 1000;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      writeFileSync(path, bytes);
    };
    expect((await vaultErrorOf(writeBackup(t.db, await opts()))).code).toBe('corrupt_backup');
    expect(readdirSync(out)).toEqual([]);
  });

  it("reads every page of the file, so a flipped byte in any one of them fails it (no separate HMAC pass needed)", async () => {
    const good = await writeBackup(t.db, await opts());
    const key = await testBackupKey();
    const bytes = readFileSync(good.path);
    const pages = bytes.length / 4096;
    expect(pages).toBeGreaterThan(20);
    const copy = join(out, 'one-byte-off.brankas');
    for (let pgno = 1; pgno <= pages; pgno++) {
      const damaged = Buffer.from(bytes);
      const at = (pgno - 1) * 4096 + 2000;
      damaged[at] = (damaged[at] ?? 0) ^ 0x10;
      writeFileSync(copy, damaged);
      const code = (await vaultErrorOf(verifyBackupFile(copy, { key }, 'quick'))).code;
      // Page 1 is read on opening, where damage looks like another key.
      expect(pgno === 1 ? ['corrupt_backup', 'wrong_passphrase'] : ['corrupt_backup'], `page ${pgno} of ${pages}`).toContain(code);
    }
  });

  it('a broken b-tree page with a valid HMAC: found by the table check, not by the page HMACs', async () => {
    const good = (await writeBackup(t.db, await opts())).path;
    const key = await testBackupKey();
    await breakFirstCell(good);
    // The HMACs and the counts alone do not see it…
    expect((await verifyBackupFile(good, { key }, 'pages')).info.counts.customers).toBe(300);
    // …the per-table quick_check does, as does the full check.
    expect((await vaultErrorOf(verifyBackupFile(good, { key }, 'quick'))).code).toBe('corrupt_backup');
    expect((await vaultErrorOf(verifyBackupFile(good, { key }, 'full'))).code).toBe('corrupt_backup');
    rmSync(good);
    hook.damage = breakFirstCell;
    expect((await vaultErrorOf(writeBackup(t.db, await opts()))).code).toBe('corrupt_backup');
    expect(readdirSync(out)).toEqual([]);
  });

  it('counts that differ from the metadata, and pages beyond the last: corrupt_backup', async () => {
    hook.damage = (path) => withBackup(path, (db) => db.exec('DELETE FROM b.customers WHERE id = (SELECT min(id) FROM b.customers)'));
    expect((await vaultErrorOf(writeBackup(t.db, await opts()))).code).toBe('corrupt_backup');
    hook.damage = async (path) => writeFileSync(path, Buffer.concat([readFileSync(path), readFileSync(path).subarray(4096, 8192)]));
    expect((await vaultErrorOf(writeBackup(t.db, await opts()))).code).toBe('corrupt_backup');
    expect(readdirSync(out)).toEqual([]);
  });

  it('shares the jobs between the connections, stops at the first failure and closes them all', async () => {
    const good = (await writeBackup(t.db, await opts())).path;
    const key = await testBackupKey();
    const seen: string[][] = [[], []];
    const { db } = await attachBackup(good, { key });
    const { db: helper } = await attachBackup(good, { key });
    const spy = (q: Queryable, log: string[]): Queryable => ({
      ...q,
      get: (sql, p) => q.get(sql, p),
      all: (sql, p) => (log.push(sql), q.all(sql, p)),
    });
    try {
      await checkAttached(spy(db, seen[0] as string[]), 'bk', good, 'quick', { helpers: [spy(helper, seen[1] as string[])] });
    } finally {
      await Promise.all([db.close(), helper.close()]);
    }
    const checks = seen.map((s) => s.filter((sql) => /quick_check|cipher_integrity_check/.test(sql)));
    expect(checks[0]?.[0]).toBe('PRAGMA bk.quick_check("customers")');
    expect(checks[1]?.[0]).toBe('PRAGMA bk.quick_check("customers_fts_data")');
    // Every page's HMAC is checked as the table checks decrypt it: no second pass over the file.
    expect(checks.flat()).not.toContain('PRAGMA bk.cipher_integrity_check');
    expect(checks.flat().some((sql) => sql.includes('quick_check("customers_fts")'))).toBe(false);

    // A failure: reported once, as corrupt_backup, and no connection is left with the file open.
    await breakFirstCell(good);
    expect((await vaultErrorOf(verifyBackupFile(good, { key }, 'quick'))).code).toBe('corrupt_backup');
    expect(openFiles()).not.toContain(good);
  });

  it('a cancel between jobs is cancelled', async () => {
    const good = (await writeBackup(t.db, await opts())).path;
    const c = new AbortController();
    c.abort();
    expect((await vaultErrorOf(verifyBackupFile(good, { key: await testBackupKey() }, 'quick', { signal: c.signal }))).code).toBe('cancelled');
    expect(openFiles()).not.toContain(good);
  });
});
