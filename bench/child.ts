/**
 * One measured load in a fresh process, so its peak memory is its own: the parent sends a task over
 * IPC (never the key on the command line), this process runs it, reports, and exits.
 *   raw:    the baseline — multi-row INSERTs of the generated rows (parameters built before the clock
 *           starts) into a fresh vault-shaped file;
 *   import: the real importer on a CSV, into a vault made by the app's create path.
 */
import { readFileSync } from 'node:fs';
import type { ImportTarget } from '../electron/contract';
import { inspectFile, runImport } from '../electron/vault/transfer';
import { openFreshDb, rawBatches, rawInsert } from './raw';
import type { BenchVault } from './vault';
import { openBenchVault } from './vault';

export type ChildTask = (
  | { kind: 'raw'; path: string; seed: number; count: number }
  | { kind: 'import'; vault: BenchVault; csv: string; expectedMapping: ImportTarget[] }
) & {
  /** What-if: `PRAGMA cache_size = -cacheKib` on the connection (the app sets 64 MiB in applyPragmas). */
  cacheKib?: number;
};

export interface ChildReport {
  ms: number;
  /** Customers stored. */
  rows: number;
  skipped?: number;
  /** Same phone under another name: left alone (the generator's repeated phones carry other names). */
  conflicts?: number;
  invalid?: number;
  /** Peak resident set of this process (bytes): getrusage maxrss and /proc VmHWM (the raw one includes its prebuilt rows). */
  maxRss: number;
  vmHwm: number | null;
  note?: string;
}

const vmHwm = (): number | null => {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
};

const peak = () => ({ maxRss: process.resourceUsage().maxRSS * 1024, vmHwm: vmHwm() });

async function run(task: ChildTask): Promise<ChildReport> {
  if (task.kind === 'raw') {
    const batches = rawBatches(task.seed, task.count);
    const { db } = await openFreshDb(task.path);
    if (task.cacheKib) await db.exec(`PRAGMA cache_size = -${task.cacheKib}`);
    try {
      const t = performance.now();
      const rows = await rawInsert(db, batches);
      return { ms: performance.now() - t, rows, ...peak() };
    } finally {
      await db.close();
    }
  }
  const { db } = await openBenchVault(task.vault);
  if (task.cacheKib) await db.exec(`PRAGMA cache_size = -${task.cacheKib}`);
  try {
    // The mapping the import screen would suggest for this file.
    const inspected = await inspectFile(db, task.csv);
    const same = JSON.stringify(inspected.mapping) === JSON.stringify(task.expectedMapping);
    const note = same ? undefined : `suggested mapping ${JSON.stringify(inspected.mapping)} differs; using the expected one`;
    let last = performance.now();
    const t = performance.now();
    const result = await runImport(db, { path: task.csv, sheet: null }, task.expectedMapping, 'skip', {
      onProgress: (p) => {
        if (performance.now() - last < 10_000) return;
        last = performance.now();
        process.stderr.write(`  · import: ${p.done.toLocaleString('en-US')} rows…\n`);
      },
    });
    const ms = performance.now() - t;
    return { ms, rows: result.imported, skipped: result.skipped, conflicts: result.conflicts.length, invalid: result.invalid.length, ...peak(), ...(note ? { note } : {}) };
  } finally {
    await db.close();
  }
}

// BENCH_MEM_TRACE=1: the child's memory every second on stderr (where a peak comes from).
if (process.env.BENCH_MEM_TRACE) {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)}M`;
  setInterval(() => {
    const m = process.memoryUsage();
    process.stderr.write(`  · mem: rss ${mib(m.rss)} heap ${mib(m.heapUsed)}/${mib(m.heapTotal)} external ${mib(m.external)} buffers ${mib(m.arrayBuffers)}\n`);
  }, 1000).unref();
}

process.once('message', (task: ChildTask) => {
  run(task).then(
    (report) => process.send?.({ ok: true, report }, () => process.exit(0)),
    (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1)),
  );
});
