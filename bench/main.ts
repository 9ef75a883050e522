/**
 * `npm run bench` (all sizes) / `npm run bench -- --quick` (100k only): generates seeded synthetic
 * customers as CSV, measures the importer against a raw-insert baseline and search through the
 * router against the raw FTS query, all in this run, and prints the figures with their targets.
 * Options: --rounds N (search rounds, default 5); --keep (keep the vaults in bench/.data, with their
 * key beside them — synthetic data only); --search-only (search the kept vault of the largest size
 * again, no generation or import); --cache-kib N (what-if: PRAGMA cache_size = -N on every measured
 * connection; the app sets none); --import-only (no search); --sizes N[,M] (only these sizes); --no-raw
 * (skip the raw baseline). BENCH_MEM_TRACE=1 prints the import child's memory every second.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { ImportTarget } from '../electron/contract';
import { createRouter } from '../electron/ipc/router';
import { testContext } from '../electron/ipc/testing';
import { buildNameOrder, trackNameOrder } from '../electron/vault/customers/search-order';
import type { ChildReport, ChildTask } from './child';
import { writeCsv, type GenerateResult } from './generate';
import { measureSearch, PAGE, queryClasses, type ClassResult } from './search-latency';
import { int, mb, ms, note, out, percentile, ratio, table, timed } from './stats';
import { createBenchVault, signedInService, type BenchVault } from './vault';
import { backupBench, printBackup, type BackupFigures } from './backup';
import { consentMain } from './consent';

const SEED = 20_240_817;
const DATA = resolve('bench/.data');
const CHILD = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'child.mjs');
/** Header order of the generated CSV: Nama, No HP, Email, Alamat, Kota, Tag, Catatan (address is off in a new vault). */
const EXPECTED_MAPPING: ImportTarget[] = ['name', 'phone', 'email', null, 'city', 'tags', 'notes'];

const TARGET = { importRatio: 0.5, rssBytes: 300 * 1024 * 1024, p95Ms: 50, p95Ratio: 1.5 };

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const keep = argv.includes('--keep');
const searchOnly = argv.includes('--search-only');
/** Import figures only (no search): the memory and speed of the importer at each size. */
const importOnly = argv.includes('--import-only');
/** Skip the raw baseline (its figures print as –): the importer's memory alone, quicker. */
const noRaw = argv.includes('--no-raw');
/** Backup and restore figures instead of import and search (reuses vaults kept with --keep). */
const backupOnly = argv.includes('--backup');
/** Purpose-bound export and the consent filter instead (issue 11; its own vault in bench/.data/consent-N). */
const consentOnly = argv.includes('--consent');
const option = (name: string): number | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) || undefined : undefined;
};
const rounds = option('--rounds') ?? 5;
const cacheKib = option('--cache-kib');
/** --sizes 1000000[,…]: only these sizes (e.g. the 1M import alone, for its peak memory). */
const sizesArg = argv.includes('--sizes') ? argv[argv.indexOf('--sizes') + 1] : undefined;
const sizes = sizesArg ? sizesArg.split(',').map(Number).filter((n) => n > 0) : quick ? [100_000] : [100_000, 1_000_000];

let running: ChildProcess | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    running?.kill('SIGKILL');
    process.exit(130);
  });
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

function inChild(task: ChildTask): Promise<ChildReport> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(CHILD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    running = child;
    let settled = false;
    child.once('message', (m: { ok: true; report: ChildReport } | { ok: false; error: string }) => {
      settled = true;
      if (m.ok) resolvePromise(m.report);
      else reject(new Error(`${task.kind} child failed:\n${m.error}`));
    });
    child.once('exit', (code) => {
      running = null;
      if (!settled) reject(new Error(`${task.kind} child exited with ${code} before reporting`));
    });
    child.send(task);
  });
}

async function csvFor(count: number): Promise<{ path: string; gen: GenerateResult; ms: number | null }> {
  const path = join(DATA, `customers-${count}-seed${SEED}.csv`);
  const done = `${path}.json`;
  if (existsSync(path) && existsSync(done)) return { path, gen: JSON.parse(readFileSync(done, 'utf8')) as GenerateResult, ms: null };
  note(`generating ${int(count)} customers → ${path}`);
  const { value: gen, ms: took } = await timed(() => writeCsv(path, SEED, count));
  writeFileSync(done, JSON.stringify(gen));
  return { path, gen, ms: took };
}

interface ImportFigures {
  count: number;
  gen: GenerateResult;
  genMs: number | null;
  raw: ChildReport;
  imp: ChildReport;
}

/** Raw and import runs per size: best of two below 1M (the machine's other work shows up as noise), one at 1M. */
const repeats = (count: number) => (count < 1_000_000 ? 2 : 1);
const best = (a: ChildReport | null, b: ChildReport): ChildReport => (a && a.ms <= b.ms ? a : b);

async function importBench(count: number, vaultDir: string): Promise<{ figures: ImportFigures; vault: BenchVault }> {
  const { path: csv, gen, ms: genMs } = await csvFor(count);
  const rawPath = join(DATA, `raw-${count}.db`);
  let raw: ChildReport | null = null;
  let imp: ChildReport | null = null;
  let vault: BenchVault | null = null;
  for (let i = 1; i <= repeats(count); i++) {
    note(`${label(count)}: raw baseline, run ${i} (load ${load()})${noRaw ? ': skipped (--no-raw)' : ''}`);
    if (!noRaw) raw = best(raw, await inChild({ kind: 'raw', path: rawPath, seed: SEED, count, cacheKib }));
    else raw = { ms: NaN, rows: gen.ok, maxRss: NaN, vmHwm: null };
    for (const s of ['', '-wal', '-shm']) rmSync(rawPath + s, { force: true });
    note(`${label(count)}: importer, run ${i} (load ${load()})`);
    vault = await createBenchVault(vaultDir);
    imp = best(imp, await inChild({ kind: 'import', vault, csv, expectedMapping: EXPECTED_MAPPING, cacheKib }));
  }
  if (!raw || !imp || !vault) throw new Error('no import runs');
  if (imp.note) note(imp.note);
  if (imp.rows !== gen.ok || raw.rows !== gen.ok) {
    note(`warning: stored ${imp.rows} (import) / ${raw.rows} (raw), expected ${gen.ok} valid new rows`);
  }
  return { figures: { count, gen, genMs, raw, imp }, vault };
}

/** Gives the imported customers purchase and verification dates, so the sorts and filters have work to do. */
async function addActivity(vault: BenchVault): Promise<void> {
  const svc = await signedInService(vault);
  await svc.db().transaction(async (tx) => {
    await tx.exec(`UPDATE customers SET last_purchase_date = date('2020-01-01', '+' || (id * 7919 % 2000) || ' days') WHERE id % 10 < 6`);
    await tx.exec(`UPDATE customers SET last_verified_at = ${Date.now()} - (id * 104729 % 1000) * 86400000 WHERE id % 10 >= 7`);
  });
  await svc.close();
}

async function searchBench(vault: BenchVault, rows: number): Promise<{ results: ClassResult[]; cacheSize: number; cipher: string; orderMs: number; orderChunkMs: number }> {
  const svc = await signedInService(vault);
  try {
    const router = createRouter({ context: testContext(svc), trustedOrigins: ['app://brankas'] });
    const db = svc.db();
    if (cacheKib) await db.exec(`PRAGMA cache_size = -${cacheKib}`);
    const cacheSize = (await db.get<{ cache_size: number }>('PRAGMA cache_size'))?.cache_size ?? NaN;
    const cipher = (await db.get<{ cipher_version: string }>('PRAGMA cipher_version'))?.cipher_version ?? '?';
    // What the first search sorted by name after signing in (or after a change) starts in the
    // background; built here, timed, rather than during the warm-up round.
    await trackNameOrder(db);
    let mark = performance.now();
    let orderChunkMs = 0;
    const laps: number[] = [];
    const lap = () => {
      const t = performance.now();
      laps.push(t - mark);
      orderChunkMs = Math.max(orderChunkMs, t - mark);
      mark = t;
    };
    const { ms: orderMs, value: order } = await timed(async () => {
      mark = performance.now();
      return buildNameOrder(db, { afterChunk: async () => lap() });
    });
    lap();
    note(`name order: ${laps.length} chunks, ${laps.map((l) => l.toFixed(0)).join(' ')} ms`);
    if (!order) throw new Error('search: the name order could not be built');
    const classes = queryClasses(SEED, rows);
    note(`search: ${classes.reduce((n, c) => n + c.queries.length, 0)} queries × ${rounds} rounds (+1 warm-up) (load ${load()})`);
    const results = await measureSearch(router, db, classes, rounds, (r) => note(`search round ${r}/${rounds} (load ${load()})`));
    return { results, cacheSize, cipher, orderMs, orderChunkMs };
  } finally {
    await svc.close();
  }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function printImport(figs: ImportFigures[]): void {
  out('Import: rows stored per second, one transaction, same rows (CSV → vault vs prepared multi-row INSERT); best of 2 below 1M');
  out(
    table(
      ['size', 'CSV', 'stored', 'raw rows/s', 'import rows/s', 'import/raw', `≥ ${TARGET.importRatio}×`, 'import peak RSS', '< 300 MB', 'raw peak RSS'],
      figs.map((f) => {
        const rawRate = (f.raw.rows / f.raw.ms) * 1000;
        const impRate = (f.imp.rows / f.imp.ms) * 1000;
        const rss = Math.max(f.imp.maxRss, f.imp.vmHwm ?? 0);
        return [
          label(f.count),
          mb(f.gen.bytes),
          `${int(f.imp.rows)} (+${int(f.imp.skipped ?? 0)} dup, ${int(f.imp.conflicts ?? 0)} same phone/other name, ${int(f.imp.invalid ?? 0)} invalid)`,
          `${int(rawRate)} (${(f.raw.ms / 1000).toFixed(1)} s)`,
          `${int(impRate)} (${(f.imp.ms / 1000).toFixed(1)} s)`,
          ratio(impRate / rawRate),
          verdict(impRate / rawRate >= TARGET.importRatio),
          mb(rss),
          f.count === 1_000_000 ? verdict(rss < TARGET.rssBytes) : '(at 1M)',
          mb(Math.max(f.raw.maxRss, f.raw.vmHwm ?? 0)),
        ];
      }),
    ),
  );
  const gens = figs.filter((f) => f.genMs !== null);
  if (gens.length) out(`(generated this run: ${gens.map((f) => `${label(f.count)} in ${((f.genMs ?? 0) / 1000).toFixed(1)} s`).join(', ')})`);
}

function printSearch(results: ClassResult[], rows: number): void {
  out(`Search at ${label(rows)} customers through the router, first page of ${PAGE} (ms; ${rounds} rounds per query)`);
  out('raw = the same FTS MATCH on the raw driver, first rows in index order, no sort and no total (the floor);');
  out("raw same = the app's own statements for the answer (list the matches, read the page's rows) on the raw driver, no router, service or ranking;");
  out('raw sorted = straightforward SQL for the same answer: count(*) of the matches + ORDER BY name over all of them (1 run per query).');
  out(
    table(
      ['queries', 'n', 'matches ≤', 'raw p50', 'raw p95', 'same p95', 'app p50', 'app p95', 'app/raw p95', 'app/same p95', 'raw sorted p50', 'target', 'verdict: < 50 ms / ≤ 1.5× raw / ≤ 1.5× same'],
      results.map((r) => {
        const rawP95 = percentile(r.raw, 95);
        const sameP95 = percentile(r.rawSame, 95);
        const appP95 = percentile(r.app, 95);
        return [
          r.cls.label,
          String(r.cls.queries.length),
          `${int(r.maxTotal)}${r.capped ? '+' : ''}`,
          ms(percentile(r.raw, 50)),
          ms(rawP95),
          r.rawSame.length ? ms(sameP95) : '–',
          ms(percentile(r.app, 50)),
          ms(appP95),
          r.raw.length ? ratio(appP95 / rawP95) : '–',
          r.rawSame.length ? ratio(appP95 / sameP95) : '–',
          ms(percentile(r.rawSorted, 50)),
          r.cls.target ? `< ${TARGET.p95Ms} ms, ≤ ${TARGET.p95Ratio}×` : 'info',
          r.cls.target
            ? `${verdict(appP95 < TARGET.p95Ms)} / ${verdict(appP95 <= TARGET.p95Ratio * rawP95)} / ${r.rawSame.length ? verdict(appP95 <= TARGET.p95Ratio * sameP95) : '–'}`
            : '',
        ];
      }),
    ),
  );
}

const keptVaultFile = (dir: string) => join(dir, 'bench-vault.json');

/** `--backup`: for each size, the kept vault (or a fresh import of the CSV), then backup and restore figures. */
async function backupMain(): Promise<void> {
  const started = Date.now();
  const figs: BackupFigures[] = [];
  for (const count of sizes) {
    const dir = join(DATA, `vault-${count}`);
    let vault: BenchVault;
    let made = false;
    if (existsSync(keptVaultFile(dir))) vault = JSON.parse(readFileSync(keptVaultFile(dir), 'utf8')) as BenchVault;
    else {
      vault = (await importBench(count, dir)).vault;
      made = true;
      if (keep) writeFileSync(keptVaultFile(dir), JSON.stringify(vault));
    }
    try {
      figs.push(await backupBench(vault, count, join(DATA, `backup-${count}`), option('--rounds') ?? 3, (s) => note(`${s} (load ${load()})`)));
    } finally {
      if (made && !keep) rmSync(dir, { recursive: true, force: true });
      rmSync(join(DATA, `backup-${count}`), { recursive: true, force: true });
    }
  }
  out();
  out(`Brankas bench (--backup) — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores, load ${load()}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  out();
  printBackup(figs);
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  if (backupOnly) return backupMain();
  if (consentOnly) return consentMain({ quick, rounds });
  const started = Date.now();
  note(`Brankas bench${quick ? ' (quick)' : ''}: sizes ${sizes.map(label).join(', ')}, data in ${DATA}`);
  const figures: ImportFigures[] = [];
  const made: BenchVault[] = [];
  const searchRows = sizes.at(-1) ?? 0;
  let searchVault: BenchVault | null = null;
  try {
    if (searchOnly) {
      const file = keptVaultFile(join(DATA, `vault-${searchRows}`));
      if (!existsSync(file)) throw new Error(`--search-only: no kept vault (${file}); run once with --keep`);
      searchVault = JSON.parse(readFileSync(file, 'utf8')) as BenchVault;
    } else {
      for (const count of sizes) {
        const { figures: f, vault } = await importBench(count, join(DATA, `vault-${count}`));
        figures.push(f);
        made.push(vault);
        searchVault = vault;
      }
      if (!searchVault) throw new Error('no vault to search');
      if (importOnly) {
        out();
        out(`Brankas bench (--import-only) — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores, load ${load()}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        out();
        printImport(figures);
        return;
      }
      note(`adding purchase and verification dates for the sort and filter rows (load ${load()})`);
      await addActivity(searchVault);
      if (keep) for (const v of made) writeFileSync(keptVaultFile(v.dir), JSON.stringify(v));
    }
    const { results, cacheSize, cipher, orderMs, orderChunkMs } = await searchBench(searchVault, searchRows);

    out();
    out(
      `Brankas bench — ${new Date().toISOString()} — Node ${process.version}, SQLCipher ${cipher}, ${cpus().length} cores, ` +
        `load ${load()}, vault cache_size ${cacheSize}${cacheKib ? ' (what-if --cache-kib)' : ''}, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    if (figures.length) {
      out();
      printImport(figures);
    }
    out();
    printSearch(results, searchRows);
    out(
      `Name order (ids in name order, read after signing in and after each change, in the background, in chunks): ${ms(orderMs)} ms in all, ` +
        `the connection held at most ${ms(orderChunkMs)} ms at a time`,
    );
    out();
    out('Verdicts: PASS/MISS for p95 < 50 ms / p95 ≤ 1.5× the floor (raw) / p95 ≤ 1.5× the same statements on the raw driver (the target as the issue words it; bench/README.md). Figures vary with machine load.');
  } finally {
    if (!keep) for (const v of made) rmSync(v.dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    running?.kill('SIGKILL');
    process.exit(1);
  },
);
