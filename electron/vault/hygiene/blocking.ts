/**
 * Blocking: which pairs are worth comparing, so the scan never compares all pairs. Rules run in
 * order; each keeps only the pairs no earlier rule found and tags its own with its key (Splink's
 * `match_key`), so the review can say how a pair was found. A block larger than `maxBlock` (a
 * token half the town shares) is skipped: it would say nothing and cost n².
 */
import type { Prepared } from './prepare';

export type BlockKey = 'phone' | 'email' | 'name' | 'token_pair' | 'token_city' | 'token_prefix';

export interface Candidate {
  a: number;
  b: number;
  key: BlockKey;
}

interface Rule {
  key: BlockKey;
  values(p: Prepared): string[];
}

/** The rarest-looking tokens of a name: the longest two (short and common ones say little). */
const telling = (p: Prepared): string[] => [...p.tokens].filter((t) => t.length >= 3).sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).slice(0, 2);

export const RULES: readonly Rule[] = [
  { key: 'phone', values: (p) => p.phones },
  { key: 'email', values: (p) => (p.email ? [p.email] : []) },
  { key: 'name', values: (p) => (p.nameKey ? [p.nameKey] : []) },
  // The two most telling tokens' first three letters: survives a typo or old spelling further in.
  { key: 'token_pair', values: (p) => { const t = telling(p).map((x) => x.slice(0, 3)).sort(); return t.length === 2 ? [t.join('|')] : []; } },
  { key: 'token_city', values: (p) => (p.city ? telling(p).map((t) => `${t}|${p.city}`) : []) },
  { key: 'token_prefix', values: (p) => telling(p).map((t) => t.slice(0, 4)) },
];

const pairKey = (a: number, b: number) => (a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a);

export function candidates(records: readonly Prepared[], maxBlock = 60, onBlock?: (done: number, total: number) => void): Candidate[] {
  const seen = new Set<number>();
  const out: Candidate[] = [];
  RULES.forEach((rule, ruleIndex) => {
    const blocks = new Map<string, number[]>();
    for (const [i, r] of records.entries()) {
      for (const v of new Set(rule.values(r))) {
        const list = blocks.get(v);
        if (list) list.push(i);
        else blocks.set(v, [i]);
      }
    }
    for (const members of blocks.values()) {
      if (members.length < 2 || members.length > maxBlock) continue;
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const a = records[members[x]!]!.id;
          const b = records[members[y]!]!.id;
          const k = pairKey(a, b);
          if (seen.has(k)) continue;
          seen.add(k);
          out.push(a < b ? { a, b, key: rule.key } : { a: b, b: a, key: rule.key });
        }
      }
    }
    onBlock?.(ruleIndex + 1, RULES.length);
  });
  return out;
}
