/**
 * The only module that imports @journeyapps/sqlcipher: a small promise wrapper with
 * prepared statements and serialised transactions. Everything else uses `Db`.
 */
import sqlite3 from '@journeyapps/sqlcipher';

export type Param = string | number | bigint | null | Uint8Array;
export type Params = readonly Param[] | Record<string, Param>;

export interface RunResult {
  changes: number;
  lastID: number;
}

export interface Statement {
  get<T>(params?: Params): Promise<T | undefined>;
  all<T>(params?: Params): Promise<T[]>;
  run(params?: Params): Promise<RunResult>;
  finalize(): Promise<void>;
}

/** Read/write access to one connection. Inside `transaction`, the callback's `tx` is the only way in. */
export interface Queryable {
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  run(sql: string, params?: Params): Promise<RunResult>;
  exec(sql: string): Promise<void>;
  prepare(sql: string): Promise<Statement>;
  /**
   * The connection's own `Db`, the same object however the handle was reached (the `Db`, a
   * transaction's `tx`, a `withinTransaction` handle): what per-connection caches are keyed by, and
   * what work after the caller's transaction (a background read) must use. Absent on handles that
   * are not from `openDb`.
   */
  readonly root?: Queryable;
}

/** The identity of the connection behind a handle (see `Queryable.root`). */
export const connectionOf = (q: Queryable): Queryable => q.root ?? q;

/**
 * The connection. Every call, including those on statements from `db.prepare`, waits for a running
 * transaction to end — so inside a transaction callback use only `tx` (a `db` call there would wait forever).
 */
export interface Db extends Queryable {
  /** BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error. Other callers wait until it ends. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly path: string;
}

export interface OpenOptions {
  /** Create the file if missing. Existing vaults are always opened without it. */
  create: boolean;
  readOnly?: boolean;
}

/** Driver errors keep SQLite's code (e.g. SQLITE_NOTADB) so callers can classify them. */
export class DriverError extends Error {
  constructor(
    message: string,
    readonly sqliteCode: string,
  ) {
    super(message);
    this.name = 'DriverError';
  }
}

const wrap = (err: unknown): DriverError => {
  const e = err as { message?: string; code?: string };
  return new DriverError(e.message ?? String(err), e.code ?? 'UNKNOWN');
};

type Raw = sqlite3.Database;

function rawOpen(path: string, opts: OpenOptions): Promise<Raw> {
  let mode = opts.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE;
  if (opts.create && !opts.readOnly) mode |= sqlite3.OPEN_CREATE;
  return new Promise((resolve, reject) => {
    const db: Raw = new sqlite3.Database(path, mode, (err) => (err ? reject(wrap(err)) : resolve(db)));
  });
}

function queryable(raw: Raw): Queryable {
  const bind = (params?: Params): unknown[] => (params === undefined ? [] : [params]);
  return {
    get: <T>(sql: string, params?: Params) =>
      new Promise<T | undefined>((resolve, reject) =>
        raw.get(sql, ...bind(params), (err: Error | null, row: T) => (err ? reject(wrap(err)) : resolve(row))),
      ),
    all: <T>(sql: string, params?: Params) =>
      new Promise<T[]>((resolve, reject) =>
        raw.all(sql, ...bind(params), (err: Error | null, rows: T[]) => (err ? reject(wrap(err)) : resolve(rows))),
      ),
    run: (sql: string, params?: Params) =>
      new Promise<RunResult>((resolve, reject) =>
        raw.run(sql, ...bind(params), function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(wrap(err));
          else resolve({ changes: this.changes, lastID: this.lastID });
        }),
      ),
    exec: (sql: string) =>
      new Promise<void>((resolve, reject) => raw.exec(sql, (err) => (err ? reject(wrap(err)) : resolve()))),
    prepare: (sql: string) =>
      new Promise<Statement>((resolve, reject) => {
        const st: sqlite3.Statement = raw.prepare(sql, (err) => (err ? reject(wrap(err)) : resolve(statement(st))));
      }),
  };
}

function statement(st: sqlite3.Statement): Statement {
  const bind = (params?: Params): unknown[] => (params === undefined ? [] : [params]);
  return {
    get: <T>(params?: Params) =>
      new Promise<T | undefined>((resolve, reject) =>
        st.get(...bind(params), (err: Error | null, row: T) => (err ? reject(wrap(err)) : resolve(row))),
      ),
    all: <T>(params?: Params) =>
      new Promise<T[]>((resolve, reject) =>
        st.all(...bind(params), (err: Error | null, rows: T[]) => (err ? reject(wrap(err)) : resolve(rows))),
      ),
    run: (params?: Params) =>
      new Promise<RunResult>((resolve, reject) =>
        st.run(...bind(params), function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(wrap(err));
          else resolve({ changes: this.changes, lastID: this.lastID });
        }),
      ),
    finalize: () => new Promise<void>((resolve) => st.finalize(() => resolve())),
  };
}

/** A FIFO lock: one transaction at a time on the single connection, plain calls queue behind it. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

let savepoints = 0;

/**
 * A `Db` over a transaction the caller already holds (`tx`): every call runs inside it, and
 * `transaction` nests as a SAVEPOINT (released on success, rolled back to on error, so an inner
 * failure undoes only its own part unless it propagates). This is how the router runs a handler and
 * its audit entry in one transaction: services written against `Db` run unchanged inside it.
 * `close` is refused: the connection belongs to the outer caller.
 */
export function withinTransaction(tx: Queryable, path: string): Db {
  const nested: Db = {
    path,
    ...(tx.root ? { root: tx.root } : {}),
    get: (sql, params) => tx.get(sql, params),
    all: (sql, params) => tx.all(sql, params),
    run: (sql, params) => tx.run(sql, params),
    exec: (sql) => tx.exec(sql),
    prepare: (sql) => tx.prepare(sql),
    async transaction<T>(fn: (inner: Queryable) => Promise<T>): Promise<T> {
      const name = `brankas_sp_${++savepoints}`;
      await tx.exec(`SAVEPOINT ${name}`);
      try {
        const value = await fn(nested);
        await tx.exec(`RELEASE ${name}`);
        return value;
      } catch (err) {
        await tx.exec(`ROLLBACK TO ${name}; RELEASE ${name}`).catch(() => undefined);
        throw err;
      }
    },
    close: () => Promise.reject(new DriverError('a transaction-scoped handle cannot close the database', 'BRANKAS_MISUSE')),
  };
  return nested;
}

/**
 * Opens a database file. The key is applied before anything else is read; nothing is
 * written by opening, so a wrong key or a foreign file leaves the file byte-for-byte as it was.
 */
export async function openDb(path: string, keyHex: string, opts: OpenOptions): Promise<Db> {
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new DriverError('key must be 32 bytes hex', 'BRANKAS_BADKEY');
  const raw = await rawOpen(path, opts);
  const q = queryable(raw);
  try {
    await q.exec('PRAGMA cipher_log_level = NONE');
    await q.exec(`PRAGMA key = "x'${keyHex}'"`);
  } catch (err) {
    await new Promise<void>((r) => raw.close(() => r()));
    throw err;
  }
  const lock = new Mutex();
  let closed = false;
  const guarded = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A) => {
      if (closed) return Promise.reject(new DriverError('database is closed', 'BRANKAS_CLOSED'));
      return lock.run(() => fn(...a));
    };
  // A statement prepared on `db` queues behind transactions like every other `db` call; without
  // this it would run on the shared connection inside another caller's open transaction (and be
  // rolled back with it). Statements prepared on a transaction's `tx` stay unqueued.
  const guardedStatement = (st: Statement): Statement => ({
    get: guarded(st.get) as Statement['get'],
    all: guarded(st.all) as Statement['all'],
    run: guarded(st.run),
    finalize: () => (closed ? Promise.resolve() : lock.run(st.finalize)),
  });
  const db: Db = {
    path,
    get root(): Queryable {
      return db;
    },
    get: guarded(q.get) as Db['get'],
    all: guarded(q.all) as Db['all'],
    run: guarded(q.run),
    exec: guarded(q.exec),
    prepare: (sql: string) => guarded(q.prepare)(sql).then(guardedStatement),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      guarded(async () => {
        await q.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(tx);
          await q.exec('COMMIT');
          return value;
        } catch (err) {
          await q.exec('ROLLBACK').catch(() => undefined);
          throw err;
        }
      })(),
    close: () =>
      closed
        ? Promise.resolve()
        : lock.run(async () => {
            closed = true;
            await new Promise<void>((resolve, reject) => raw.close((err) => (err ? reject(wrap(err)) : resolve())));
          }),
  };
  // The transaction's handle: the bare connection (it already holds the lock), naming its Db.
  const tx: Queryable = { ...q, root: db };
  return db;
}
