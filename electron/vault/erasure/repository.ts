/**
 * The erasure register (`erasures`, append-only) and `retained_purchases` (migration 6), and the
 * keyed digest that names an erased customer without saying who they were. Plain functions, the
 * handle first, SQL beside its row mapper. Nothing here is readable: ids, creation times, HMACs.
 */
import { createHmac } from 'node:crypto';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { getMeta } from '../meta';
import { normalisePhone } from '../customers/phone';

/** One line of the register: what names the erased record in any backup of this vault. */
export interface RegisterEntry {
  customerId: number;
  /** The erased record's `created_at` (with the id, it names the record in a backup). */
  createdAt: number;
  /** HMAC-SHA256 (hex) of the contact values under the vault's `erasure_key`. */
  digest: string;
  erasedAt: number;
}

export interface ErasureRow extends RegisterEntry {
  id: number;
  requestNumber: number | null;
  keptPurchases: number;
}

export interface ContactValues {
  name: string;
  phone: string | null;
  email: string | null;
}

/** Case, width and spacing do not make another person: NFKC, lower case, single spaces. */
export const normaliseName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();

const e164 = (phone: string | null): string => {
  if (phone === null || phone.trim() === '') return '';
  const n = normalisePhone(phone);
  return n === null || n === 'invalid' ? phone.trim() : n.e164;
};

/** The keyed digest of a customer's name, E.164 phone and lower-case e-mail. */
export function erasureDigest(keyHex: string, c: ContactValues): string {
  const text = [normaliseName(c.name), e164(c.phone), (c.email ?? '').trim().toLowerCase()].join('\u0000');
  return createHmac('sha256', Buffer.from(keyHex, 'hex')).update(text, 'utf8').digest('hex');
}

const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** The vault's `meta.erasure_key` (migration 6); `internal` if it is missing or malformed. */
export async function erasureKey(q: Queryable): Promise<string> {
  const key = await getMeta(q, 'erasure_key');
  if (!key || !KEY_PATTERN.test(key)) throw new VaultError('internal', undefined, 'erasure_key missing');
  return key;
}

/** The same, in an attached schema that may predate migration 6 (null then). */
export async function erasureKeyIn(q: Queryable, schema: string): Promise<string | null> {
  const hasMeta = await q.get(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = 'meta'`);
  if (!hasMeta) return null;
  const row = await q.get<{ value: string }>(`SELECT value FROM ${schema}.meta WHERE key = 'erasure_key'`);
  return row && KEY_PATTERN.test(row.value) ? row.value : null;
}

interface Row {
  id: number;
  customer_id: number;
  created_at: number;
  digest: string;
  erased_at: number;
  request_number: number | null;
  kept_purchases: number;
}

const toRow = (r: Row): ErasureRow => ({
  id: r.id,
  customerId: r.customer_id,
  createdAt: r.created_at,
  digest: r.digest,
  erasedAt: r.erased_at,
  requestNumber: r.request_number,
  keptPurchases: r.kept_purchases,
});

/** The whole register, oldest first. */
export async function listErasures(q: Queryable): Promise<ErasureRow[]> {
  const rows = await q.all<Row>('SELECT id, customer_id, created_at, digest, erased_at, request_number, kept_purchases FROM erasures ORDER BY id');
  return rows.map(toRow);
}

export async function hasErasure(q: Queryable, customerId: number): Promise<boolean> {
  return (await q.get('SELECT 1 FROM erasures WHERE customer_id = ?', [customerId])) !== undefined;
}

export interface NewErasure extends RegisterEntry {
  requestNumber: number | null;
  keptPurchases: number;
}

export async function insertErasure(tx: Queryable, e: NewErasure): Promise<number> {
  const { lastID } = await tx.run(
    'INSERT INTO erasures (customer_id, created_at, digest, erased_at, request_number, kept_purchases) VALUES (?, ?, ?, ?, ?, ?)',
    [e.customerId, e.createdAt, e.digest, e.erasedAt, e.requestNumber, e.keptPurchases],
  );
  return lastID;
}

export interface RetainedPurchase {
  date: string;
  description: string;
  amount: number;
  channel: string;
  purposeKey: string;
  keepUntil: string;
}

export async function insertRetained(tx: Queryable, erasureId: number, p: RetainedPurchase): Promise<void> {
  await tx.run(
    'INSERT INTO retained_purchases (erasure_id, date, description, amount, channel, purpose_key, keep_until) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [erasureId, p.date, p.description, p.amount, p.channel, p.purposeKey, p.keepUntil],
  );
}

export async function listRetained(q: Queryable, erasureId: number): Promise<RetainedPurchase[]> {
  return q.all<RetainedPurchase>(
    'SELECT date, description, amount, channel, purpose_key AS purposeKey, keep_until AS keepUntil FROM retained_purchases WHERE erasure_id = ? ORDER BY date, id',
    [erasureId],
  );
}

/** An ISO date `months` calendar months later (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}
