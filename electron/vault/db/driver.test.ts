import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { connectionOf, DriverError, openDb, withinTransaction, type Db, type Queryable } from './driver';
import { tempDir } from './testing';

let dir: string;
let path: string;
let keyHex: string;
let db: Db;

const rows = (d: Db) => d.all<{ v: string }>('SELECT v FROM t ORDER BY id');
const defer = () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { gate, release };
};
/** Resolves after the event loop has had plenty of turns to run anything that was not queued. */
const settle = () => new Promise((r) => setTimeout(r, 50));

beforeEach(async () => {
  dir = tempDir();
  path = join(dir, 'test.db');
  keyHex = randomBytes(32).toString('hex');
  db = await openDb(path, keyHex, { create: true });
  await db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE) STRICT;');
});

afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('queries', () => {
  it('runs get/all/run/exec with positional and named parameters', async () => {
    const r1 = await db.run('INSERT INTO t (v) VALUES (?)', ['a']);
    expect(r1).toEqual({ changes: 1, lastID: 1 });
    await db.run('INSERT INTO t (v) VALUES ($v)', { $v: 'b' });
    await db.exec("INSERT INTO t (v) VALUES ('c'); INSERT INTO t (v) VALUES ('d');");
    expect(await db.get<{ v: string }>('SELECT v FROM t WHERE id = ?', [2])).toEqual({ v: 'b' });
    expect(await db.get('SELECT v FROM t WHERE id = 99')).toBeUndefined();
    expect((await rows(db)).map((r) => r.v)).toEqual(['a', 'b', 'c', 'd']);
    expect(await db.run('DELETE FROM t WHERE v IN (?, ?)', ['a', 'b'])).toMatchObject({ changes: 2 });
  });

  it('reports SQL errors as DriverError with the SQLite code', async () => {
    await db.run('INSERT INTO t (v) VALUES (?)', ['a']);
    const err = await db.run('INSERT INTO t (v) VALUES (?)', ['a']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriverError);
    expect((err as DriverError).sqliteCode).toBe('SQLITE_CONSTRAINT');
  });

  it('runs prepared statements repeatedly', async () => {
    const insert = await db.prepare('INSERT INTO t (v) VALUES (?)');
    for (const v of ['x', 'y', 'z']) expect((await insert.run([v])).changes).toBe(1);
    await insert.finalize();
    const byId = await db.prepare('SELECT v FROM t WHERE id >= $min ORDER BY id');
    expect(await byId.get<{ v: string }>({ $min: 2 })).toEqual({ v: 'y' });
    expect(await byId.all<{ v: string }>({ $min: 1 })).toEqual([{ v: 'x' }, { v: 'y' }, { v: 'z' }]);
    await byId.finalize();
  });

  it('reports SQLCipher 4', async () => {
    const row = await db.get<{ cipher_version: string }>('PRAGMA cipher_version');
    expect(row?.cipher_version).toMatch(/^4\.\d+\.\d+/);
  });

  it('rejects calls after close', async () => {
    await db.close();
    await expect(db.get('SELECT 1')).rejects.toMatchObject({ sqliteCode: 'BRANKAS_CLOSED' });
  });
});

describe('the connection behind a handle', () => {
  it('is the same Db whether reached directly, as a transaction\'s tx or through withinTransaction', async () => {
    expect(connectionOf(db)).toBe(db);
    const seen: Queryable[] = [];
    await db.transaction(async (tx) => {
      seen.push(connectionOf(tx), connectionOf(withinTransaction(tx, db.path)));
      await withinTransaction(tx, db.path).transaction(async (inner) => void seen.push(connectionOf(inner)));
    });
    await db.transaction(async (tx) => void seen.push(connectionOf(withinTransaction(tx, db.path))));
    expect(seen.every((q) => q === db)).toBe(true);
    const other = await openDb(join(dir, 'other.db'), keyHex, { create: true });
    expect(connectionOf(other)).not.toBe(db);
    await other.close();
  });
});

describe('transactions', () => {
  it('commits every write of a successful transaction', async () => {
    const n = await db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES (?)', ['a']);
      await tx.run('INSERT INTO t (v) VALUES (?)', ['b']);
      return (await tx.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n;
    });
    expect(n).toBe(2);
    expect(await rows(db)).toHaveLength(2);
  });

  it('rolls back everything when the callback throws', async () => {
    await db.run('INSERT INTO t (v) VALUES (?)', ['before']);
    const boom = new Error('boom');
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (v) VALUES (?)', ['one']);
        await tx.exec("INSERT INTO t (v) VALUES ('two'); UPDATE t SET v = 'changed' WHERE v = 'before';");
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await rows(db)).map((r) => r.v)).toEqual(['before']);
  });

  it('rolls back everything when a statement fails', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (v) VALUES (?)', ['one']);
        await tx.run('INSERT INTO t (v) VALUES (?)', ['one']);
      }),
    ).rejects.toMatchObject({ sqliteCode: 'SQLITE_CONSTRAINT' });
    expect(await rows(db)).toEqual([]);
    // The connection is usable afterwards (no transaction left open).
    await db.transaction((tx) => tx.run('INSERT INTO t (v) VALUES (?)', ['after']));
    expect(await rows(db)).toEqual([{ v: 'after' }]);
  });

  it('queues outside writes until the transaction ends; a rollback does not take them with it', async () => {
    const { gate, release } = defer();
    const tx = db.transaction(async (q) => {
      await q.run('INSERT INTO t (v) VALUES (?)', ['inside']);
      await gate;
      throw new Error('roll back');
    });
    let outsideDone = false;
    const outside = db.run('INSERT INTO t (v) VALUES (?)', ['outside']).then((r) => {
      outsideDone = true;
      return r;
    });
    await settle();
    expect(outsideDone).toBe(false);
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside).changes).toBe(1);
    expect(await rows(db)).toEqual([{ v: 'outside' }]);
  });

  it('queues prepared-statement calls made outside a running transaction the same way', async () => {
    const insert = await db.prepare('INSERT INTO t (v) VALUES (?)');
    const { gate, release } = defer();
    const tx = db.transaction(async (q) => {
      await q.run('INSERT INTO t (v) VALUES (?)', ['inside']);
      await gate;
      throw new Error('roll back');
    });
    let outsideDone = false;
    const outside = insert.run(['outside']).then(() => (outsideDone = true));
    await settle();
    expect(outsideDone).toBe(false);
    release();
    await expect(tx).rejects.toThrow('roll back');
    await outside;
    await insert.finalize();
    expect(await rows(db)).toEqual([{ v: 'outside' }]);
  });

  it('runs transactions one after the other', async () => {
    const order: string[] = [];
    const { gate, release } = defer();
    const first = db.transaction(async (q) => {
      order.push('first:start');
      await gate;
      await q.run('INSERT INTO t (v) VALUES (?)', ['first']);
      order.push('first:end');
    });
    const second = db.transaction(async (q) => {
      order.push('second:start');
      await q.run('INSERT INTO t (v) VALUES (?)', ['second']);
    });
    await settle();
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first:start', 'first:end', 'second:start']);
  });
});

describe('the file on disk', () => {
  const secret = `Plaintext-${randomBytes(8).toString('hex')}`;
  const containsSecret = (file: string) => {
    const bytes = readFileSync(file);
    return bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le'));
  };
  const dbFiles = () => readdirSync(dir).map((f) => join(dir, f));

  it('holds no plaintext of a stored value, WAL included, while open and after close', async () => {
    await db.run('INSERT INTO t (v) VALUES (?)', [secret]);
    const whileOpen = dbFiles();
    expect(whileOpen.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const f of whileOpen) expect(containsSecret(f), f).toBe(false);
    await db.close();
    const afterClose = dbFiles();
    expect(afterClose).toEqual([path]);
    expect(containsSecret(path)).toBe(false);
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // …and the value is really there, for the right key.
    db = await openDb(path, keyHex, { create: false });
    expect(await rows(db)).toEqual([{ v: secret }]);
  });

  it('does not create a missing file unless asked to', async () => {
    const missing = join(dir, 'missing.db');
    const err = await openDb(missing, keyHex, { create: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriverError);
    expect((err as DriverError).sqliteCode).toBe('SQLITE_CANTOPEN');
    expect(existsSync(missing)).toBe(false);
  });

  it('fails with SQLITE_NOTADB for a wrong key', async () => {
    await db.run('INSERT INTO t (v) VALUES (?)', ['x']);
    await db.close();
    const wrong = await openDb(path, randomBytes(32).toString('hex'), { create: false });
    try {
      const err = await wrong.get('SELECT count(*) FROM sqlite_master').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DriverError);
      expect((err as DriverError).sqliteCode).toBe('SQLITE_NOTADB');
    } finally {
      await wrong.close();
    }
    db = await openDb(path, keyHex, { create: false });
  });

  it('refuses a key that is not 32 bytes of lower-case hex, before touching the file', async () => {
    const other = join(dir, 'other.db');
    for (const bad of ['', 'abc', keyHex.toUpperCase(), `${keyHex}00`, `'; DROP TABLE t; --`]) {
      await expect(openDb(other, bad, { create: true })).rejects.toMatchObject({ sqliteCode: 'BRANKAS_BADKEY' });
    }
    expect(existsSync(other)).toBe(false);
  });
});
