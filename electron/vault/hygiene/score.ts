/**
 * Scoring: a pair's evidence added up as log-likelihood weights (Fellegi–Sunter, in bits): each
 * field's level says how much likelier it is for the same person than for two different people.
 * Agreement on a rare value counts more than on a common one — a phone number six customers share
 * (a family's WhatsApp, the shop's own number) or a name many people have says less than one only
 * these two hold — and a different name counts strongly against, so a husband and wife on one
 * number and one address stay two customers.
 */
import type { BlockKey } from './blocking';
import type { Levels } from './compare';
import type { Prepared } from './prepare';

/** Log2 prior odds that a candidate pair is one person. */
const PRIOR = -6;
/** At or above this probability a pair is suggested for review. */
export const SUGGEST_AT = 0.95;

const NAME: Record<Levels['name'], number> = { exact: 9, close: 8.5, similar: 5, weak: -2, different: -10 };
/** People change numbers: a different one says little against. */
const PHONE_DIFFERENT = -0.5;
const EMAIL = { same: 9, different: -1.5 } as const;
const ADDRESS = { same: 4, similar: 2.5, different: -2 } as const;
const CITY = { same: 1, different: -2 } as const;

/** How often each value occurs, for the frequency adjustment. */
export interface Frequencies {
  total: number;
  names: Map<string, number>;
  /** In how many names each token occurs. */
  tokens: Map<string, number>;
  phones: Map<string, number>;
}

export function frequencies(records: readonly Prepared[]): Frequencies {
  const names = new Map<string, number>();
  const tokens = new Map<string, number>();
  const phones = new Map<string, number>();
  for (const r of records) {
    if (r.nameKey) names.set(r.nameKey, (names.get(r.nameKey) ?? 0) + 1);
    for (const t of r.tokens) tokens.set(t, (tokens.get(t) ?? 0) + 1);
    for (const p of r.phones) phones.set(p, (phones.get(p) ?? 0) + 1);
  }
  return { total: records.length, names, tokens, phones };
}

export type Reason =
  | { kind: 'same_phone'; shared: number }
  | { kind: 'same_email' }
  | { kind: 'same_name' }
  | { kind: 'name'; similarity: number }
  | { kind: 'same_address' }
  | { kind: 'similar_address' }
  | { kind: 'same_city' };

export interface ScoredPair {
  a: number;
  b: number;
  key: BlockKey;
  /** Probability that the two are one person, 0–1. */
  score: number;
  weight: number;
  levels: Levels;
  reasons: Reason[];
}

const log2 = Math.log2;

/**
 * Up to 3 bits more for a name whose tokens together are rare: how many customers would carry it
 * by chance, from how often each token occurs. Below one, agreeing on it is telling.
 */
function rarity(p: Prepared, f: Frequencies): number {
  if (f.total === 0 || p.tokens.length === 0) return 0;
  let expected = f.total;
  for (const t of p.tokens) expected *= (f.tokens.get(t) ?? 1) / f.total;
  return Math.max(0, Math.min(3, -log2(expected)));
}

export function score(a: Prepared, b: Prepared, levels: Levels, f: Frequencies, key: BlockKey): ScoredPair {
  let w = PRIOR;
  const reasons: Reason[] = [];
  // A name other customers carry too says less: up to 4 bits less for the commonest. (Up to three
  // records with the name may be one person: only beyond that does it count as common.)
  const others = Math.max(1, (f.names.get(a.nameKey) ?? 3) - 2);
  w += levels.name === 'exact' ? NAME.exact - Math.min(4, 1.5 * log2(others)) + rarity(a, f) : NAME[levels.name] + (levels.name === 'close' ? Math.min(rarity(a, f), rarity(b, f)) : 0);
  if (levels.name === 'exact') reasons.push({ kind: 'same_name' });
  else if (levels.name !== 'different') reasons.push({ kind: 'name', similarity: Math.round(levels.nameScore * 100) / 100 });
  if (levels.phone === 'same') {
    const shared = Math.max(...a.phones.filter((p) => b.phones.includes(p)).map((p) => f.phones.get(p) ?? 2));
    // Two records on a number: strong; a number many share (a household, the shop's own): much less.
    w += Math.max(1, 10 - 2.5 * log2(shared));
    reasons.push({ kind: 'same_phone', shared });
  } else if (levels.phone === 'different') w += PHONE_DIFFERENT;
  if (levels.email) {
    w += EMAIL[levels.email];
    if (levels.email === 'same') reasons.push({ kind: 'same_email' });
  }
  if (levels.address) {
    w += ADDRESS[levels.address];
    if (levels.address === 'same') reasons.push({ kind: 'same_address' });
    if (levels.address === 'similar') reasons.push({ kind: 'similar_address' });
  }
  if (levels.city) {
    w += CITY[levels.city];
    if (levels.city === 'same') reasons.push({ kind: 'same_city' });
  }
  return { a: a.id, b: b.id, key, score: 1 / (1 + 2 ** -w), weight: w, levels, reasons };
}
