/**
 * A restore erases again: before a restored vault is swapped in (and before anyone can see it),
 * every customer it still holds who is in the erasure register — the live vault's `erasures` when
 * it is open, and always the copy beside it (register-file.ts) — is erased the same way as the first
 * time, in the restored file's own transaction, and the register's rows go into it too.
 *
 * A record matches an entry by its id AND creation time (the same record, whatever its values), or
 * by the keyed digest of its contact values under the restored file's own `erasure_key` — only for
 * a record with a phone or e-mail (a name alone names no one) made before the erasure (a customer
 * who came back afterwards is someone the shop may hold again). The restore preview counts the
 * same matches on the attached backup without changing it.
 */
import type { Queryable } from '../db/driver';
import { eraseIn } from './erase';
import { erasureDigest, erasureKeyIn, hasErasure, insertErasure, type RegisterEntry } from './repository';

export interface RegisterMatch {
  /** The record's id in the file looked at. */
  customerId: number;
  entry: RegisterEntry;
}

const PAGE = 5000;

/** The customers of `schema` that the register names (each once). Reads only. */
export async function matchRegister(q: Queryable, schema: string, entries: readonly RegisterEntry[]): Promise<RegisterMatch[]> {
  if (entries.length === 0) return [];
  const hasCustomers = await q.get(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = 'customers'`);
  if (!hasCustomers) return [];
  const found = new Map<number, RegisterEntry>();
  const byId = new Map<number, RegisterEntry[]>();
  for (const e of entries) byId.set(e.customerId, [...(byId.get(e.customerId) ?? []), e]);
  const rows = await q.all<{ id: number; created_at: number }>(
    `SELECT id, created_at FROM ${schema}.customers WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...byId.keys()])],
  );
  for (const r of rows) {
    const e = byId.get(r.id)?.find((x) => x.createdAt === r.created_at);
    if (e) found.set(r.id, e);
  }
  const key = await erasureKeyIn(q, schema);
  if (key) {
    const byDigest = new Map(entries.map((e) => [e.digest, e]));
    const latest = Math.max(...entries.map((e) => e.erasedAt));
    let last = 0;
    for (;;) {
      const page = await q.all<{ id: number; name: string; phone: string | null; email: string | null; created_at: number }>(
        `SELECT id, name, phone, email, created_at FROM ${schema}.customers
         WHERE id > ? AND (phone IS NOT NULL OR email IS NOT NULL) AND created_at <= ? ORDER BY id LIMIT ?`,
        [last, latest, PAGE],
      );
      for (const c of page) {
        last = c.id;
        if (found.has(c.id)) continue;
        const e = byDigest.get(erasureDigest(key, c));
        if (e && c.created_at <= e.erasedAt) found.set(c.id, e);
      }
      if (page.length < PAGE) break;
    }
  }
  return [...found].map(([customerId, entry]) => ({ customerId, entry })).sort((a, b) => a.customerId - b.customerId);
}

export interface ErasedAgain {
  customers: number;
  keptPurchases: number;
  consentEntries: number;
  requestsRedacted: number;
  registerRows: number;
}

/**
 * In `tx` on the restored vault (migrated to the current schema): erases every customer the
 * register names, keeping each erasure's original time, then copies in the register's other rows.
 */
export async function eraseAgain(tx: Queryable, entries: readonly RegisterEntry[], at: number): Promise<ErasedAgain> {
  const out: ErasedAgain = { customers: 0, keptPurchases: 0, consentEntries: 0, requestsRedacted: 0, registerRows: 0 };
  for (const m of await matchRegister(tx, 'main', entries)) {
    const erased = await eraseIn(tx, m.customerId, { at, erasedAt: m.entry.erasedAt });
    out.customers++;
    out.keptPurchases += erased.keptPurchases;
    out.consentEntries += erased.consentEntries;
    out.requestsRedacted += erased.requestsRedacted;
    out.registerRows++;
  }
  for (const e of entries) {
    // A row of that id already, or another record holding the id (not the erased one): not copied.
    if (await hasErasure(tx, e.customerId)) continue;
    if (await tx.get('SELECT 1 FROM customers WHERE id = ?', [e.customerId])) continue;
    await insertErasure(tx, { ...e, requestNumber: null, keptPurchases: 0 });
    out.registerRows++;
  }
  return out;
}
