/**
 * Erasing one customer inside the caller's transaction: the one way it is done, by the erasure
 * service (a person's request) and by a restore (an older backup still holding someone erased).
 *
 * 1. the keyed digest of the contact values (the register's entry; nothing readable);
 * 2. purchases a legal duty keeps — for each active purpose whose basis is `legal_obligation`,
 *    those within its retention counted from the purchase date — copied to `retained_purchases`
 *    without the person; the rest go with the customer;
 * 3. the customer's words in requests are blanked (redactRequestsOf), then the request's erasure
 *    step is appended (counts only);
 * 4. the row and its search-index entry go (deleteCustomer); tags, purchases, consent entries,
 *    evidence and restrictions by ON DELETE CASCADE; the register's row is written.
 * The caller writes the audit entry in the same transaction and checkpoints the WAL after COMMIT.
 */
import type { Actor } from '../context';
import type { Queryable } from '../db/driver';
import { deleteCustomer } from '../customers/repository';
import { VaultError } from '../errors';
import { localDate } from '../notice/data';
import { listPurposes } from '../purposes/repository';
import { appendRequestEvent, redactRequestsOf } from '../requests/repository';
import { addMonths, erasureDigest, erasureKey, hasErasure, insertErasure, insertRetained, type RetainedPurchase } from './repository';

export interface EraseOptions {
  /** When the change is made (redaction, today's date for retention). */
  at: number;
  /** When the erasure happened (a restore's re-erasure keeps the original time); default `at`. */
  erasedAt?: number;
  /** The request it answers, already checked to concern the customer (requests/repository requestConcerns). */
  request?: { number: number; by: Actor };
}

export interface ErasedCustomer {
  customerId: number;
  createdAt: number;
  digest: string;
  erasureId: number;
  keptPurchases: number;
  removedPurchases: number;
  consentEntries: number;
  evidenceFiles: number;
  requestsRedacted: number;
}

interface Held {
  name: string;
  phone: string | null;
  email: string | null;
  created_at: number;
}

const count = async (tx: Queryable, table: string, id: number): Promise<number> =>
  (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE customer_id = ?`, [id]))?.n ?? 0;

/** Which purchases a legal duty keeps, and until when (the longest duty wins). */
async function retainedOf(tx: Queryable, customerId: number, today: string): Promise<{ kept: RetainedPurchase[]; total: number }> {
  const purchases = await tx.all<{ date: string; description: string; amount: number; channel: string }>(
    'SELECT date, description, amount, channel FROM purchases WHERE customer_id = ? ORDER BY date, id',
    [customerId],
  );
  const duties = (await listPurposes(tx)).filter((p) => p.status === 'active' && p.basis === 'legal_obligation');
  const kept: RetainedPurchase[] = [];
  for (const p of purchases) {
    let best: { purposeKey: string; keepUntil: string } | null = null;
    for (const d of duties) {
      const keepUntil = addMonths(p.date, d.retention.months);
      if (keepUntil >= today && (!best || keepUntil > best.keepUntil)) best = { purposeKey: d.key, keepUntil };
    }
    if (best) kept.push({ date: p.date, description: p.description, amount: p.amount, channel: p.channel, ...best });
  }
  return { kept, total: purchases.length };
}

/** Erases customer `customerId` in `tx`; `not_found` when the vault does not hold them. */
export async function eraseIn(tx: Queryable, customerId: number, o: EraseOptions): Promise<ErasedCustomer> {
  const held = await tx.get<Held>('SELECT name, phone, email, created_at FROM customers WHERE id = ?', [customerId]);
  if (!held) throw new VaultError('not_found', undefined, `customer ${customerId}`);
  const digest = erasureDigest(await erasureKey(tx), held);
  const erasedAt = o.erasedAt ?? o.at;
  const { kept, total } = await retainedOf(tx, customerId, localDate(o.at));
  const consentEntries = await count(tx, 'consent_events', customerId);
  const evidenceFiles = await count(tx, 'consent_evidence', customerId);
  const requestsRedacted = await redactRequestsOf(tx, customerId, o.at);
  const counts = { keptPurchases: kept.length, removedPurchases: total - kept.length, consentEntries, evidenceFiles, requestsRedacted };
  if (o.request) {
    await appendRequestEvent(tx, o.request.number, { at: o.at, kind: 'erasure', by: o.request.by, detail: { customerId, ...counts } });
  }
  if (!(await deleteCustomer(tx, customerId))) throw new VaultError('not_found', undefined, `customer ${customerId}`);
  if (await hasErasure(tx, customerId)) throw new VaultError('conflict', undefined, `customer ${customerId} already in the register`);
  const erasureId = await insertErasure(tx, {
    customerId,
    createdAt: held.created_at,
    digest,
    erasedAt,
    requestNumber: o.request?.number ?? null,
    keptPurchases: kept.length,
  });
  for (const p of kept) await insertRetained(tx, erasureId, p);
  return { customerId, createdAt: held.created_at, digest, erasureId, ...counts };
}
