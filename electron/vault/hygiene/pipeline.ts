/**
 * The duplicate scan as stages, each a module of its own (Splink's shape): prepare → blocking →
 * comparison → scoring → clustering. Pure: rows in, clusters out; the worker runs it off the main
 * process's event loop, with progress and cancel between stages and every few thousand pairs.
 */
import { candidates } from './blocking';
import { clusters, type Cluster } from './cluster';
import { compare } from './compare';
import { prepare, type LinkRow, type Prepared } from './prepare';
import { frequencies, score, SUGGEST_AT, type ScoredPair } from './score';

export interface ScanOptions {
  threshold?: number;
  /** Pairs staff marked "not the same person" (apartKey). */
  apart?: ReadonlySet<string>;
  onProgress?: (p: { stage: 'prepare' | 'block' | 'score' | 'cluster'; done: number; total: number }) => void;
  /** Checked between stages and every 5,000 pairs; throw to stop. */
  checkCancel?: () => void;
}

export function scan(rows: readonly LinkRow[], opts: ScanOptions = {}): { clusters: Cluster[]; pairs: ScoredPair[]; compared: number } {
  const check = opts.checkCancel ?? (() => undefined);
  const prepared = rows.map(prepare);
  opts.onProgress?.({ stage: 'prepare', done: rows.length, total: rows.length });
  check();
  const byId = new Map<number, Prepared>(prepared.map((p) => [p.id, p]));
  const found = candidates(prepared, 60, (done, total) => opts.onProgress?.({ stage: 'block', done, total }));
  check();
  const f = frequencies(prepared);
  const pairs: ScoredPair[] = [];
  for (const [i, c] of found.entries()) {
    const a = byId.get(c.a)!;
    const b = byId.get(c.b)!;
    pairs.push(score(a, b, compare(a, b), f, c.key));
    if (i % 5000 === 4999) {
      check();
      opts.onProgress?.({ stage: 'score', done: i + 1, total: found.length });
    }
  }
  check();
  const threshold = opts.threshold ?? SUGGEST_AT;
  return { clusters: clusters(pairs, threshold, opts.apart), pairs, compared: found.length };
}
