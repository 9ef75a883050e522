/**
 * The page cache an import runs with. The vault connection keeps 64 MiB (open.ts: searches at 1M
 * customers read from it), but a long import fills all of it with pages it writes once and never
 * reads again, and that cache is most of the importer's peak memory beyond Node itself (bench: a 1M
 * import peaked at 328 MB). The import's own lookups touch the phone and email indexes and the
 * newest pages, which IMPORT_CACHE_KIB holds. The connection's size comes back afterwards, so
 * searches warm it up again.
 */
import type { Queryable } from '../db/driver';
import { IMPORT_CACHE_KIB } from './limits';

export async function withImportCache<T>(db: Queryable, fn: () => Promise<T>): Promise<T> {
  const prior = (await db.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size;
  // Only ever smaller: a connection set up with less (tests, the bench's what-ifs) keeps its own.
  const kib = prior === undefined ? IMPORT_CACHE_KIB : prior < 0 ? -prior : (prior * 4096) / 1024;
  if (prior === undefined || kib <= IMPORT_CACHE_KIB) return fn();
  await db.exec(`PRAGMA cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return await fn();
  } finally {
    await db.exec(`PRAGMA cache_size = ${Math.trunc(prior)}`);
  }
}
