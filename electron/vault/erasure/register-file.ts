/**
 * The erasure register's copy beside the vault (`vault.erasures.json` in the data folder), so a
 * restore still erases again when the live vault cannot be opened (lost key, damaged file) or is a
 * vault restored from before an erasure. Nothing readable: `{ format: 1, entries: [{ customerId,
 * createdAt, digest, erasedAt }] }`. Entries are only ever added (a union with what is there);
 * a missing or unreadable file counts as empty, never as an error that stops a restore.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Queryable } from '../db/driver';
import { writeFileAtomic } from '../files';
import { erasuresPath } from '../paths';
import type { RegisterEntry } from './repository';

export const REGISTER_FORMAT = 1;

const Entry = z
  .object({
    customerId: z.number().int().positive(),
    createdAt: z.number().int(),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    erasedAt: z.number().int(),
  })
  .strict();
const RegisterFile = z.object({ format: z.literal(REGISTER_FORMAT), entries: z.array(Entry) }).strict();

/** The entries of the data folder's register file; [] when there is none or it cannot be read. */
export function readRegisterFile(dataDir: string): RegisterEntry[] {
  let text: string;
  try {
    text = readFileSync(erasuresPath(dataDir), 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = RegisterFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.entries : [];
  } catch {
    return [];
  }
}

const keyOf = (e: RegisterEntry): string => `${e.customerId}:${e.createdAt}:${e.digest}`;

/** Every entry of each list once (same id, creation time and digest: the same erasure). */
export function unionEntries(...lists: readonly (readonly RegisterEntry[])[]): RegisterEntry[] {
  const out = new Map<string, RegisterEntry>();
  for (const list of lists) {
    for (const e of list) {
      const k = keyOf(e);
      if (!out.has(k)) out.set(k, { customerId: e.customerId, createdAt: e.createdAt, digest: e.digest, erasedAt: e.erasedAt });
    }
  }
  return [...out.values()].sort((a, b) => a.erasedAt - b.erasedAt || a.customerId - b.customerId);
}

/** Adds `entries` to the data folder's register file (atomic write; what was there stays). */
export function writeRegisterFile(dataDir: string, entries: readonly RegisterEntry[]): RegisterEntry[] {
  const all = unionEntries(readRegisterFile(dataDir), entries);
  writeFileAtomic(erasuresPath(dataDir), JSON.stringify({ format: REGISTER_FORMAT, entries: all }) + '\n');
  return all;
}

/** The folder the open vault file is in (`PRAGMA database_list`): where its register file goes. */
export async function dataDirOf(q: Queryable): Promise<string | null> {
  const row = await q.get<{ file: string }>("SELECT file FROM pragma_database_list WHERE name = 'main'");
  return row?.file ? dirname(row.file) : null;
}
