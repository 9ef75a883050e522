/**
 * The raw baseline: the rows the importer keeps, already in stored form, written with prepared
 * multi-row `INSERT … VALUES (…),(…)` statements into the same schema (customers + customers_fts)
 * through the driver, in one transaction. No parsing, validation or normalisation: the floor.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { openDb, type Db, type Param, type Statement } from '../electron/vault/db/driver';
import { applyMigrations, checkMigrations } from '../electron/vault/db/migrations';
import { applyPragmas } from '../electron/vault/open';
import { syntheticCustomers, type SyntheticCustomer } from './generate';

const ROWS_PER_STATEMENT = 200;
const CUSTOMER_COLS = ['id', 'name', 'phone', 'email', 'address', 'city', 'notes', 'tags', 'created_at', 'updated_at'];
const FTS_COLS = ['rowid', 'name', 'phone', 'email', 'city', 'tags', 'notes'];

const insertSql = (table: string, cols: string[], rows: number): string =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${cols.map(() => '?').join(', ')})`).join(', ')}`;

/** A new migrated vault-shaped database (same pragmas as the app's vault connection). */
export async function openFreshDb(path: string, keyHex = randomBytes(32).toString('hex')): Promise<{ db: Db; keyHex: string }> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  const db = await openDb(path, keyHex, { create: true });
  await applyPragmas(db);
  const check = await checkMigrations(db);
  if (check.kind !== 'ok') throw new Error(`unexpected migration state ${check.kind}`);
  await applyMigrations(db, check.pending);
  return { db, keyHex };
}

const customerParams = (c: SyntheticCustomer, id: number, at: number): Param[] => [
  id,
  c.name,
  c.e164,
  c.email,
  null, // the bench leaves the address column unmapped on import, as a switched-off field
  c.city || null,
  c.notes || null,
  JSON.stringify(c.tags),
  at,
  at,
];

const ftsParams = (c: SyntheticCustomer, id: number): Param[] => [
  id,
  c.name,
  c.phoneTokens,
  c.email,
  c.city || null,
  c.tags.join(' '),
  c.notes || null,
];

interface Batch {
  rows: number;
  customers: Param[];
  fts: Param[];
}

/** The statement parameters for the 'ok' rows of `seed`/`count`, built up front so only the inserts are timed. */
export function rawBatches(seed: number, count: number, at = Date.now()): Batch[] {
  const batches: Batch[] = [];
  let batch: Batch = { rows: 0, customers: [], fts: [] };
  let id = 1;
  for (const c of syntheticCustomers(seed, count)) {
    if (c.kind !== 'ok') continue;
    batch.customers.push(...customerParams(c, id, at));
    batch.fts.push(...ftsParams(c, id));
    id++;
    if (++batch.rows === ROWS_PER_STATEMENT) {
      batches.push(batch);
      batch = { rows: 0, customers: [], fts: [] };
    }
  }
  if (batch.rows > 0) batches.push(batch);
  return batches;
}

/** Inserts the batches in one transaction; returns how many rows. */
export async function rawInsert(db: Db, batches: readonly Batch[]): Promise<number> {
  return db.transaction(async (tx) => {
    const full: Record<'customers' | 'fts', Statement> = {
      customers: await tx.prepare(insertSql('customers', CUSTOMER_COLS, ROWS_PER_STATEMENT)),
      fts: await tx.prepare(insertSql('customers_fts', FTS_COLS, ROWS_PER_STATEMENT)),
    };
    let rows = 0;
    try {
      for (const b of batches) {
        if (b.rows === ROWS_PER_STATEMENT) {
          await full.customers.run(b.customers);
          await full.fts.run(b.fts);
        } else {
          await tx.run(insertSql('customers', CUSTOMER_COLS, b.rows), b.customers);
          await tx.run(insertSql('customers_fts', FTS_COLS, b.rows), b.fts);
        }
        rows += b.rows;
      }
    } finally {
      await full.customers.finalize();
      await full.fts.finalize();
    }
    return rows;
  });
}

/**
 * The 'ok' rows of `seed`/`count` inserted into an existing vault's `customers` and `customers_fts`
 * (as the raw baseline writes them), built and written a statement at a time so a million rows are
 * never held at once; one transaction. For benches that need a full vault fast (the consent bench).
 */
export async function insertSynthetic(db: Db, seed: number, count: number, at = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const stmt = {
      customers: await tx.prepare(insertSql('customers', CUSTOMER_COLS, ROWS_PER_STATEMENT)),
      fts: await tx.prepare(insertSql('customers_fts', FTS_COLS, ROWS_PER_STATEMENT)),
    };
    let id = ((await tx.get<{ top: number | null }>('SELECT max(id) AS top FROM customers'))?.top ?? 0) + 1;
    let rows = 0;
    let batch: Batch = { rows: 0, customers: [], fts: [] };
    const flush = async () => {
      if (batch.rows === ROWS_PER_STATEMENT) {
        await stmt.customers.run(batch.customers);
        await stmt.fts.run(batch.fts);
      } else if (batch.rows > 0) {
        await tx.run(insertSql('customers', CUSTOMER_COLS, batch.rows), batch.customers);
        await tx.run(insertSql('customers_fts', FTS_COLS, batch.rows), batch.fts);
      }
      rows += batch.rows;
      batch = { rows: 0, customers: [], fts: [] };
    };
    try {
      for (const c of syntheticCustomers(seed, count)) {
        if (c.kind !== 'ok') continue;
        batch.customers.push(...customerParams(c, id, at));
        batch.fts.push(...ftsParams(c, id));
        id++;
        if (++batch.rows === ROWS_PER_STATEMENT) await flush();
      }
      await flush();
    } finally {
      await stmt.customers.finalize();
      await stmt.fts.finalize();
    }
    return rows;
  });
}
