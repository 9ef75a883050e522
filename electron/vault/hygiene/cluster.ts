/**
 * Clustering: pairs at or above the threshold joined into groups (union–find), leaving out pairs
 * staff said are "not the same person". A group's score is its weakest link's; its reasons are the
 * strongest pair's. Takes only nodes' pairs and a threshold (Splink's clustering stage).
 */
import type { Reason, ScoredPair } from './score';

export interface Cluster {
  ids: number[];
  score: number;
  reasons: Reason[];
  pairs: ScoredPair[];
}

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

export function clusters(pairs: readonly ScoredPair[], threshold: number, apart: ReadonlySet<string> = new Set()): Cluster[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const kept = pairs.filter((p) => p.score >= threshold && !apart.has(pairKey(p.a, p.b)));
  for (const p of kept) {
    if (!parent.has(p.a)) parent.set(p.a, p.a);
    if (!parent.has(p.b)) parent.set(p.b, p.b);
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, ScoredPair[]>();
  for (const p of kept) {
    const root = find(p.a);
    const list = groups.get(root);
    if (list) list.push(p);
    else groups.set(root, [p]);
  }
  const out: Cluster[] = [];
  for (const list of groups.values()) {
    const ids = [...new Set(list.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y);
    const best = list.reduce((m, p) => (p.score > m.score ? p : m));
    out.push({ ids, score: Math.min(...list.map((p) => p.score)), reasons: best.reasons, pairs: list });
  }
  return out.sort((x, y) => y.score - x.score || x.ids[0]! - y.ids[0]!);
}

export const apartKey = pairKey;
