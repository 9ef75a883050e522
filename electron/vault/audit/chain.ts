/**
 * The MAC chain over the audit trail.
 *
 *   mac(n) = HMAC-SHA256(key, mac(n-1) ‖ canonical(entry n))      mac(0) = 64 zeros (genesis)
 *
 * `canonical` is a JSON array of every stored column except the MAC, in a fixed order, with
 * `details` as the exact text stored in the row, so the bytes are the same on every read. The
 * entry's id is inside the MAC: a deleted, inserted or reordered entry breaks the chain at that
 * point. Cutting entries off the end leaves a valid (shorter) chain, so a head record in `meta`
 * (`audit_head` = `${lastId}:${HMAC(key, 'head' ‖ lastId ‖ mac(lastId))}`) names the last entry;
 * it is updated in the same transaction as every append.
 *
 * The inputs are unambiguous: a previous MAC is always 64 hex characters, so `prevMac ‖ canonical`
 * splits one way only; a head input starts with 'h', which no entry input (hex) does.
 */
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

export const GENESIS_MAC = '0'.repeat(64);
export const HEAD_META_KEY = 'audit_head';

/** One entry as stored (the MAC aside): `details` is the JSON text of the row. */
export interface ChainEntry {
  id: number;
  at: number;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  detailsJson: string;
}

export function canonicalEntry(e: ChainEntry): string {
  return JSON.stringify([e.id, e.at, e.actorId, e.actorName, e.action, e.targetType, e.targetId, e.outcome, e.detailsJson]);
}

/** `key` may be a KeyObject (`createSecretKey`) for many MACs in a row: it saves importing the key each time. */
export type MacKey = Buffer | KeyObject;

const hmac = (key: MacKey, ...parts: string[]): string => {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(p, 'utf8');
  return h.digest('hex');
};

/** HMAC-SHA256(key, prevMac ‖ canonical(entry)), hex. */
export function entryMac(key: MacKey, prevMac: string, entry: ChainEntry): string {
  return canonicalMac(key, prevMac, canonicalEntry(entry));
}

/** The same, for an entry already in its canonical form. */
export function canonicalMac(key: MacKey, prevMac: string, canonical: string): string {
  return hmac(key, prevMac, canonical);
}

/** Constant-time comparison of two hex MACs (false for anything malformed). */
export function sameMac(a: string, b: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(a) || !/^[0-9a-f]{64}$/.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

export interface Head {
  lastId: number;
  mac: string;
}

export function headMac(key: Buffer, lastId: number, lastMac: string): string {
  return hmac(key, 'head', String(lastId), lastMac);
}

/** The `audit_head` value for a trail whose last entry is `lastId` with MAC `lastMac`. */
export function headValue(key: Buffer, lastId: number, lastMac: string): string {
  return `${lastId}:${headMac(key, lastId, lastMac)}`;
}

/** Parses an `audit_head` value; null when it is missing or not of the form `id:mac`. */
export function parseHead(value: string | undefined): Head | null {
  const m = value === undefined ? null : /^(0|[1-9]\d{0,15}):([0-9a-f]{64})$/.exec(value);
  if (!m?.[1] || !m[2]) return null;
  const lastId = Number(m[1]);
  return Number.isSafeInteger(lastId) ? { lastId, mac: m[2] } : null;
}

/** Whether `head` is the one the key would write for a last entry `lastId` with MAC `lastMac`. */
export function headMatches(key: Buffer, head: Head, lastId: number, lastMac: string): boolean {
  return head.lastId === lastId && sameMac(head.mac, headMac(key, lastId, lastMac));
}
