/**
 * Search latency through the router — schema parse, vault state check, handler, service, row
 * mapping: the IPC path minus Electron's transport — against the same FTS MATCH on the raw driver.
 *
 * Baselines, all on the vault's own connection (same page cache):
 * - raw: the same MATCH expression, the first page of rows in index order (no sort, no total) —
 *   the floor any search answer costs;
 * - raw same: the very statements the app runs for that answer (search.ts exports their text): the
 *   matches listed in one group_concat, then the page's rows by id — on the raw driver, without the
 *   router, the service, the ranking against the name order and the row mapping: what the IPC path
 *   (minus Electron's transport) adds on top of its SQL. The page's ids come from the app's answer
 *   in the warm-up round;
 * - raw sorted: what the straightforward SQL for the app's answer costs (count every match, then
 *   ORDER BY name over all of them), run once per query, for context.
 */
import type { Router, Sender } from '../electron/ipc/router';
import type { Db } from '../electron/vault/db/driver';
import { matchListSql, planSearch, ROWS_IN_ORDER_SQL } from '../electron/vault/customers/search';
import { customerColumns } from '../electron/vault/customers/repository';
import type { CustomerPage, Result, SearchCustomersInput } from '../electron/contract';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE } from './names';
import { rng, syntheticCustomers } from './generate';

export const SENDER: Sender = { url: 'app://brankas/index.html', isMainFrame: true };
export const TRUSTED = ['app://brankas'];
export const PAGE = 50;

export interface QueryClass {
  label: string;
  /** Held to the targets (p95 < 50 ms and ≤ 1.5× raw), or shown for information. */
  target: boolean;
  queries: Omit<SearchCustomersInput, 'offset' | 'limit'>[];
  offset?: number;
}

const unique = (xs: string[], n: number): string[] => [...new Set(xs)].slice(0, n);

/** The query classes, drawn (seeded) from the same vocabulary and rows as the data. */
export function queryClasses(seed: number, rows: number): QueryClass[] {
  const r = rng(seed ^ 0x5eed);
  const words = [...GIVEN_FEMALE, ...GIVEN_MALE, ...FAMILY].filter((w) => /^[A-Za-z]+$/.test(w)).map((w) => w.toLowerCase());
  const shuffled = [...words].sort(() => r() - 0.5);
  const short = unique(shuffled.filter((w) => w.length >= 4).map((w) => w.slice(0, 3)), 24);
  const long = unique(shuffled.filter((w) => w.length >= 7).map((w) => w.slice(0, 6 + Math.floor(r() * 2))), 24);

  const phones: string[] = [];
  const twoWord: string[] = [];
  const step = Math.max(1, Math.floor(Math.min(rows, 200_000) / 200));
  let i = 0;
  for (const c of syntheticCustomers(seed, Math.min(rows, 200_000))) {
    if (i++ % step !== 0 || c.kind !== 'ok') continue;
    if (c.e164?.startsWith('+628') && phones.length < 24) {
      const national = c.e164.slice(3);
      const len = 4 + Math.floor(r() * 4);
      const at = Math.floor(r() * (national.length - len + 1));
      const frag = national.slice(at, at + len);
      // As people type them: from the start with the trunk 0 and a space, or a run of digits from inside.
      phones.push(at === 0 ? `0${frag.slice(0, 3)} ${frag.slice(3)}` : frag);
    }
    const parts = c.name.split(' ');
    const [first, second] = parts;
    if (first && second && second.length >= 4 && twoWord.length < 24) twoWord.push(`${first.toLowerCase()} ${second.slice(0, 3).toLowerCase()}`);
  }
  const q = (queries: string[]) => queries.map((query) => ({ query }));
  return [
    { label: 'name prefix, 3 letters', target: true, queries: q(short) },
    { label: 'name prefix, 6–7 letters', target: true, queries: q(long) },
    { label: 'phone fragment, 4–7 digits', target: true, queries: q(phones) },
    { label: 'two-word name', target: true, queries: q(unique(twoWord, 24)) },
    { label: 'prefix, 1–2 letters', target: false, queries: q(['s', 'a', 'm', 'su', 'bu', 'ra']) },
    { label: 'blank (the whole list)', target: false, queries: [{ query: '' }] },
    { label: `blank, page at ${Math.floor(rows / 2).toLocaleString('en-US')}`, target: false, queries: [{ query: '' }], offset: Math.floor(rows / 2) },
    { label: '3 letters, page at 5 000', target: false, queries: q(short.slice(0, 8)), offset: 5000 },
    { label: 'sort by last purchase', target: false, queries: short.slice(0, 8).map((query) => ({ query, sort: 'last_purchase' as const })) },
    { label: 'sort by recently added', target: false, queries: short.slice(0, 8).map((query) => ({ query, sort: 'recent' as const })) },
    {
      label: 'filter: tag / city / not verified',
      target: false,
      queries: [{ tag: 'VIP' }, { city: 'Bandung' }, { notVerifiedMonths: 12 }, { tag: 'grosir' }, { city: 'kupang' }].map((filter) => ({ query: '', filter })),
    },
    {
      label: 'query + filters',
      target: false,
      queries: [
        { query: 'sit', filter: { city: 'Jakarta Selatan' } },
        { query: 'budi', filter: { tag: 'VIP' } },
        { query: 'nur', filter: { notVerifiedMonths: 6 } },
        { query: 'wij', filter: { tag: 'langganan', city: 'Surabaya' } },
        { query: 'ag', filter: { notVerifiedMonths: 24, city: 'Medan' } },
      ],
    },
  ];
}

export interface ClassResult {
  cls: QueryClass;
  app: number[];
  raw: number[];
  /** The app's own statements on the raw driver (match-and-sort-by-name classes only). */
  rawSame: number[];
  rawSorted: number[];
  /** Largest total seen, and whether any was capped. */
  maxTotal: number;
  capped: boolean;
}

const now = () => performance.now();

/** The raw-driver statements for a query: the floor, and the straightforward sorted answer. */
function rawStatements(input: Omit<SearchCustomersInput, 'offset' | 'limit'>, offset: number) {
  const plan = planSearch(input.query);
  const hasFilter = input.filter !== undefined || (input.sort ?? 'name') !== 'name';
  if (plan.kind === 'match' && !hasFilter) {
    return {
      floor: async (db: Db) =>
        db.all(
          `SELECT ${customerColumns('c')} FROM customers_fts JOIN customers c ON c.id = customers_fts.rowid
           WHERE customers_fts MATCH ? LIMIT ? OFFSET ?`,
          [plan.expression, PAGE, offset],
        ),
      same: async (db: Db, pageIds: readonly number[]) => {
        await db.get(matchListSql(true), [plan.expression]);
        if (pageIds.length > 0) await db.all(ROWS_IN_ORDER_SQL, [`[${pageIds.join(',')}]`]);
      },
      sorted: async (db: Db) => {
        await db.get('SELECT count(*) AS n FROM customers_fts WHERE customers_fts MATCH ?', [plan.expression]);
        await db.all(
          `SELECT ${customerColumns()} FROM customers WHERE id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)
           ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
          [plan.expression, PAGE, offset],
        );
      },
    };
  }
  if (plan.kind === 'all' && !hasFilter) {
    const run = async (db: Db) => {
      await db.get('SELECT count(*) AS n FROM customers');
      await db.all(`SELECT ${customerColumns()} FROM customers ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`, [PAGE, offset]);
    };
    return { floor: run, same: null, sorted: run };
  }
  return null;
}

/**
 * Runs every query of every class `rounds` times (after one unrecorded warm-up pass), alternating
 * which of app and raw goes first, so neither always meets the cache the other just warmed.
 */
export async function measureSearch(router: Router, db: Db, classes: QueryClass[], rounds: number, onRound?: (n: number) => void): Promise<ClassResult[]> {
  const results: ClassResult[] = classes.map((cls) => ({ cls, app: [], raw: [], rawSame: [], rawSorted: [], maxTotal: 0, capped: false }));
  /** Each query's first page as the app answered it in the warm-up round (for the raw-same baseline). */
  const pages = new Map<string, number[]>();
  for (let round = 0; round <= rounds; round++) {
    const record = round > 0;
    for (const res of results) {
      const offset = res.cls.offset ?? 0;
      for (const input of res.cls.queries) {
        const raw = rawStatements(input, offset);
        const key = JSON.stringify([input, offset]);
        const app = async () => {
          const t = now();
          const r = (await router.handle(SENDER, 'customers.search', { ...input, offset, limit: PAGE })) as Result<CustomerPage>;
          const ms = now() - t;
          if (!r.ok) throw new Error(`customers.search failed: ${JSON.stringify(r.error)} for ${JSON.stringify(input)}`);
          if (!record) pages.set(key, r.value.items.map((c) => c.id));
          if (record) {
            res.app.push(ms);
            res.maxTotal = Math.max(res.maxTotal, r.value.total);
            res.capped ||= r.value.capped === true;
          }
        };
        const floor = async () => {
          if (!raw) return;
          const t = now();
          await raw.floor(db);
          if (record) res.raw.push(now() - t);
        };
        const same = async () => {
          const ids = pages.get(key);
          if (!raw?.same || !ids) return;
          const t = now();
          await raw.same(db, ids);
          if (record) res.rawSame.push(now() - t);
        };
        if (round % 2 === 0) {
          await app();
          await floor();
          await same();
        } else {
          await same();
          await floor();
          await app();
        }
        if (round === 1 && raw) {
          const t = now();
          await raw.sorted(db);
          res.rawSorted.push(now() - t);
        }
      }
    }
    if (record) onRound?.(round);
  }
  return results;
}
