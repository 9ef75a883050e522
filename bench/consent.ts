/**
 * `npm run bench -- --consent [--quick] [--rounds N]`: purpose-bound use at 1M customers (100k with
 * --quick), 30 % of them consenting to promotions_wa (10 % withdrawn, 5 % refused, the rest never
 * asked). Measured in the same run, alternating which goes first:
 *
 * - export: the app's exporter (`exportToFile`, CSV, name + phone, everyone) for promotions_wa — only
 *   the consented customers, `consent_current` joined in the statement that streams them — against
 *   the same export without a purpose. Target: ≤ 1.1× the unfiltered export's time.
 * - list: `customers.search` through the router (first page of 50) for the bench's target query
 *   classes, each as it is and with the consent filter (promotions_wa: given; withdrawn and none for
 *   information). Target: the filter adds < 10 % to the p95.
 *
 * The vault (bench/.data/consent-N) is made by the app's create path, filled with the raw baseline's
 * rows (bench/raw.ts) and kept for the next run; delete it to start afresh.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConsentStatus, CustomerPage, ExportInput, Result, SearchCustomersInput } from '../electron/contract';
import { createRouter } from '../electron/ipc/router';
import { testContext } from '../electron/ipc/testing';
import { buildNameOrder, trackNameOrder } from '../electron/vault/customers/search-order';
import { exportToFile } from '../electron/vault/transfer/export';
import { insertSynthetic } from './raw';
import { PAGE, queryClasses, SENDER } from './search-latency';
import { int, ms, note, out, percentile, ratio, table, timed } from './stats';
import { createBenchVault, signedInService, type BenchVault } from './vault';

const SEED = 20_240_817;
const DATA = resolve('bench/.data');
const PURPOSE = 'promotions_wa';
const TARGET = { exportRatio: 1.1, searchAdds: 0.1 };
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** A kept vault of `count` customers with the consent mix, or a new one. */
async function consentVault(count: number): Promise<BenchVault> {
  const dir = join(DATA, `consent-${count}`);
  const marker = join(DATA, `consent-${count}.json`);
  if (existsSync(marker) && existsSync(dir)) return JSON.parse(readFileSync(marker, 'utf8')) as BenchVault;
  mkdirSync(DATA, { recursive: true });
  rmSync(marker, { force: true });
  const vault = await createBenchVault(dir);
  const svc = await signedInService(vault);
  try {
    const db = svc.db();
    note(`consent vault: inserting ${int(count)} synthetic customers (load ${load()})`);
    const { value: rows, ms: took } = await timed(() => insertSynthetic(db, SEED, count));
    note(`consent vault: ${int(rows)} customers in ${(took / 1000).toFixed(1)} s; recording consent`);
    const at = Date.now() - 86_400_000;
    // Through the ledger (its trigger keeps consent_current): 30 % given; 10 % given, then withdrawn; 5 % refused.
    const entry = (state: string, when: number, where: string) =>
      `INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name)
       SELECT id, '${PURPOSE}', '${state}', ${when}, 'paper', 'Bench' FROM customers WHERE ${where} ORDER BY id`;
    await db.transaction(async (tx) => {
      await tx.exec(entry('given', at, 'id % 20 < 8'));
      await tx.exec(entry('withdrawn', at + 1000, 'id % 20 BETWEEN 6 AND 7'));
      await tx.exec(entry('refused', at, 'id % 20 = 8'));
    });
    const mix = await db.all<{ state: string; n: number }>('SELECT state, count(*) AS n FROM consent_current WHERE purpose_key = ? GROUP BY state', [PURPOSE]);
    note(`consent vault: ${mix.map((m) => `${m.state} ${int(m.n)}`).join(', ')}`);
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.exec('ANALYZE');
  } finally {
    await svc.close();
  }
  writeFileSync(marker, JSON.stringify(vault));
  return vault;
}

interface ExportFigures {
  plain: number[];
  consent: number[];
  plainCount: number;
  consentCount: number;
}

async function exportBench(vault: BenchVault, rounds: number): Promise<ExportFigures> {
  const svc = await signedInService(vault);
  const dir = join(DATA, 'consent-out');
  mkdirSync(dir, { recursive: true });
  try {
    const db = svc.db();
    const base: ExportInput = { format: 'csv', fields: ['name', 'phone'], scope: { kind: 'all' } };
    const figs: ExportFigures = { plain: [], consent: [], plainCount: 0, consentCount: 0 };
    const plain = async (record: boolean) => {
      const { value, ms: took } = await timed(() => exportToFile(db, join(dir, 'plain.csv'), base));
      if (record) figs.plain.push(took);
      figs.plainCount = value.count;
    };
    const consent = async (record: boolean) => {
      const { value, ms: took } = await timed(() => exportToFile(db, join(dir, 'consent.csv'), { ...base, purpose: PURPOSE }));
      if (record) figs.consent.push(took);
      figs.consentCount = value.count;
    };
    for (let round = 0; round <= rounds; round++) {
      note(`export round ${round}/${rounds}${round === 0 ? ' (warm-up)' : ''} (load ${load()})`);
      if (round % 2 === 0) {
        await plain(round > 0);
        await consent(round > 0);
      } else {
        await consent(true);
        await plain(true);
      }
    }
    return figs;
  } finally {
    await svc.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Query = Omit<SearchCustomersInput, 'offset' | 'limit'>;
interface SearchRow {
  label: string;
  /** Samples per variant: as it is, and with the consent filter by state. */
  samples: Record<'plain' | ConsentStatus, number[]>;
}
const VARIANTS = ['plain', 'given', 'withdrawn', 'none'] as const;

async function searchBench(vault: BenchVault, count: number, rounds: number): Promise<SearchRow[]> {
  const svc = await signedInService(vault);
  try {
    const router = createRouter({ context: testContext(svc), trustedOrigins: ['app://brankas'] });
    const db = svc.db();
    await trackNameOrder(db);
    const { ms: orderMs } = await timed(() => buildNameOrder(db));
    note(`name order built in ${ms(orderMs)} ms`);
    const classes = [...queryClasses(SEED, count).filter((c) => c.target), { label: 'blank (the whole list)', target: false, queries: [{ query: '' }] }];
    const rows: SearchRow[] = classes.map((c) => ({ label: c.label, samples: { plain: [], given: [], withdrawn: [], refused: [], none: [] } }));
    const search = async (input: Query): Promise<number> => {
      const t = performance.now();
      const r = (await router.handle(SENDER, 'customers.search', { ...input, offset: 0, limit: PAGE })) as Result<CustomerPage>;
      const took = performance.now() - t;
      if (!r.ok) throw new Error(`customers.search failed: ${JSON.stringify(r.error)} for ${JSON.stringify(input)}`);
      return took;
    };
    for (let round = 0; round <= rounds; round++) {
      note(`search round ${round}/${rounds}${round === 0 ? ' (warm-up)' : ''} (load ${load()})`);
      const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const [i, cls] of classes.entries()) {
        for (const q of cls.queries) {
          for (const v of order) {
            const input: Query = v === 'plain' ? q : { ...q, filter: { consent: { purpose: PURPOSE, state: v } } };
            const took = await search(input);
            if (round > 0) rows[i]!.samples[v].push(took);
          }
        }
      }
    }
    return rows;
  } finally {
    await svc.close();
  }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const median = (xs: number[]) => percentile(xs, 50);

export async function consentMain(opts: { quick: boolean; rounds: number }): Promise<void> {
  const count = opts.quick ? 100_000 : 1_000_000;
  out(`Consent bench: ${int(count)} customers, load ${load()}`);
  const vault = await consentVault(count);
  const exp = await exportBench(vault, Math.max(3, Math.min(opts.rounds, 5)));
  const search = await searchBench(vault, count, opts.rounds);

  out('');
  out(`Export (CSV, name + phone, everyone; ${exp.plain.length} rounds, alternating): for ${PURPOSE} (only consented) vs no purpose`);
  const bestRatio = Math.min(...exp.consent) / Math.min(...exp.plain);
  const medRatio = median(exp.consent) / median(exp.plain);
  out(
    table(
      ['export', 'rows', 'best', 'median', 'µs per row (median)'],
      [
        ['no purpose (unfiltered)', int(exp.plainCount), `${ms(Math.min(...exp.plain))} ms`, `${ms(median(exp.plain))} ms`, ((median(exp.plain) * 1000) / exp.plainCount).toFixed(2)],
        [`for ${PURPOSE}`, int(exp.consentCount), `${ms(Math.min(...exp.consent))} ms`, `${ms(median(exp.consent))} ms`, ((median(exp.consent) * 1000) / exp.consentCount).toFixed(2)],
      ],
    ),
  );
  out(`consent/unfiltered: best ${ratio(bestRatio)}, median ${ratio(medRatio)} — target ≤ ${TARGET.exportRatio}× (median): ${verdict(medRatio <= TARGET.exportRatio)}`);

  out('');
  out(`List (customers.search through the router, first page of ${PAGE}; ${opts.rounds} rounds): p95 ms as it is and with the consent filter`);
  const p95 = (xs: number[]) => percentile(xs, 95);
  const all = (v: (typeof VARIANTS)[number], target: boolean) => search.filter((r) => !target || r.label !== 'blank (the whole list)').flatMap((r) => r.samples[v]);
  out(
    table(
      ['query class', 'plain p95', 'given p95', 'given/plain', 'withdrawn p95', 'none p95'],
      search.map((r) => [r.label, ms(p95(r.samples.plain)), ms(p95(r.samples.given)), ratio(p95(r.samples.given) / p95(r.samples.plain)), ms(p95(r.samples.withdrawn)), ms(p95(r.samples.none))]),
    ),
  );
  const overall = p95(all('given', true)) / p95(all('plain', true));
  out(`target classes together: plain p95 ${ms(p95(all('plain', true)))} ms, given p95 ${ms(p95(all('given', true)))} ms: the filter adds ${((overall - 1) * 100).toFixed(0)} % — target < ${TARGET.searchAdds * 100} %: ${verdict(overall - 1 < TARGET.searchAdds)}`);
}
