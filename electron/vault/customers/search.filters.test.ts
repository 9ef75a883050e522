/**
 * Sort, filters and their combinations with the query, checked against a plain in-memory model of the
 * same rules, through every plan the search can take (forced walk and direct, small caps that make
 * filters per-row tests and totals capped, the name order in memory) — and paged, so no customer shows
 * twice or goes missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentState, ConsentStatus, Customer, CustomerFilter, CustomerSort, SearchCustomersInput } from '../../contract';
import { appendConsent } from '../consent/repository';
import { openDb, withinTransaction, type Queryable } from '../db/driver';
import { openTestDb, type TestDb } from '../db/testing';
import type { VaultError } from '../errors';
import { monthsBefore, planSearch, searchCustomers, type SearchOptions } from './search';
import { consentFilter } from './search-consent';
import { createCustomersService } from './service';

const DAY = 86_400_000;
/** "Now" for the not-verified filter: 15 June 2025, local time. */
const NOW = new Date(2025, 5, 15, 10, 0).getTime();

const NAMES = ['Budi Santoso', 'budi santoso', 'Ani', 'Siti Aminah', 'Sigit Prakoso', 'Dewi Lestari', 'Toko Maju Jaya', 'Agus', 'Bambang'];
const CITIES = ['Bandung', 'bandung', 'BANDUNG', 'Surabaya', 'Jakarta Selatan', undefined];
const TAGS = [[], ['VIP'], ['vip', 'grosir'], ['grosir'], ['langganan', 'VIP'], []];

let t: TestDb;
let all: Customer[] = [];
/** Each customer's current consent to promotions_wa (the model; absent: none). */
const consentOf = new Map<number, ConsentState>();
const PROMO = 'promotions_wa';
const record = (customerId: number, state: ConsentState, at: number) =>
  t.db.transaction(async (tx) => {
    await appendConsent(tx, { customerId, purposeKey: PROMO, state, at, method: 'paper', recordedBy: { id: null, name: 'Ibu Sari' }, noticeVersion: null });
    consentOf.set(customerId, state);
  });
let clock = NOW - 400 * DAY;

beforeAll(async () => {
  t = await openTestDb();
  const svc = createCustomersService(t.db, () => clock);
  for (let i = 0; i < 40; i++) {
    // Two customers per tick: equal created_at, so "recent" falls back to the id.
    if (i % 2 === 0) clock += DAY;
    const c = await svc.save({
      customer: {
        name: NAMES[i % NAMES.length] as string,
        city: CITIES[i % CITIES.length],
        tags: TAGS[i % TAGS.length],
        phone: i % 3 === 0 ? `0812-5555-${String(1000 + i)}` : undefined,
        notes: i % 5 === 0 ? 'suka kopi' : undefined,
      },
    });
    if (i % 4 === 1) {
      // Verified 2, 8 or 14 months before NOW.
      const at = clock;
      clock = monthsBefore(NOW, [2, 8, 14][i % 3] as number);
      await svc.markVerified(c.id);
      clock = at;
    }
    if (i % 3 !== 2) {
      // The purchases service keeps this column in step; set directly here (some dates shared).
      await t.db.run('UPDATE customers SET last_purchase_date = ? WHERE id = ?', [`2025-0${1 + (i % 5)}-1${i % 2}`, c.id]);
    }
    // Consent to promotions: given; given then withdrawn (the same millisecond); refused; none — and
    // some withdrawn, then given again.
    if (i % 4 === 0) await record(c.id, 'given', clock);
    if (i % 4 === 1) {
      await record(c.id, 'given', clock);
      await record(c.id, 'withdrawn', clock);
      if (i % 8 === 1) await record(c.id, 'given', clock + 1);
    }
    if (i % 4 === 2) await record(c.id, 'refused', clock);
  }
  all = (await searchCustomers(t.db, { query: '', offset: 0, limit: 200 })).items;
});
afterAll(() => t.cleanup());

// ---- the model --------------------------------------------------------------------------------

const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase()); // NOCASE folds ASCII only
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

const ORDER: Record<CustomerSort, (a: Customer, b: Customer) => number> = {
  name: (a, b) => cmp(fold(a.name), fold(b.name)) || a.id - b.id,
  last_purchase: (a, b) =>
    a.lastPurchaseDate === b.lastPurchaseDate
      ? b.id - a.id
      : a.lastPurchaseDate === null
        ? 1
        : b.lastPurchaseDate === null
          ? -1
          : cmp(b.lastPurchaseDate, a.lastPurchaseDate),
  recent: (a, b) => b.createdAt - a.createdAt || b.id - a.id,
};

async function expected(query: string, sort: CustomerSort, filter: CustomerFilter): Promise<number[]> {
  const plan = planSearch(query);
  let ids: Set<number> | null = null;
  if (plan.kind === 'none') return [];
  if (plan.kind === 'match') {
    const rows = await t.db.all<{ id: number }>('SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ?', [plan.expression]);
    ids = new Set(rows.map((r) => r.id));
  }
  const cutoff = filter.notVerifiedMonths === undefined ? null : monthsBefore(NOW, filter.notVerifiedMonths);
  return all
    .filter((c) => ids === null || ids.has(c.id))
    .filter((c) => filter.tag === undefined || c.tags.some((tag) => fold(tag) === fold(filter.tag as string)))
    .filter((c) => filter.city === undefined || (c.city !== null && fold(c.city) === fold(filter.city as string)))
    .filter((c) => cutoff === null || c.lastVerifiedAt === null || c.lastVerifiedAt < cutoff)
    .filter((c) => filter.consent === undefined || (consentOf.get(c.id) ?? 'none') === filter.consent.state)
    .sort(ORDER[sort])
    .map((c) => c.id);
}

/** How each page was read, from the statements (to check every plan really ran). */
const plansSeen = new Set<string>();
const spy = (): Queryable => {
  const note = (sql: string) => {
    if (/FROM json_each\(\?\) AS j CROSS JOIN customers/.test(sql)) plansSeen.add('name order');
    else if (/NOT INDEXED WHERE id IN \(\s*SELECT id FROM customers NOT INDEXED/.test(sql)) plansSeen.add('fetch by id');
    else if (/INDEXED BY \w+/.test(sql)) plansSeen.add('walk');
  };
  return {
    get: (sql, params) => t.db.get(sql, params),
    all: (sql, params) => {
      note(sql);
      return t.db.all(sql, params);
    },
    run: (sql, params) => t.db.run(sql, params),
    exec: (sql) => t.db.exec(sql),
    prepare: (sql) => t.db.prepare(sql),
  };
};

/** Every page of a search, `limit` at a time, until an empty page (past a capped total too). */
async function pages(input: Omit<SearchCustomersInput, 'offset' | 'limit'>, limit: number, options: Partial<SearchOptions> = {}) {
  const ids: number[] = [];
  const totals = new Set<string>();
  const db = spy();
  for (let offset = 0; ; offset += limit) {
    const page = await searchCustomers(db, { ...input, offset, limit }, { now: () => NOW, ...options });
    expect(page.offset).toBe(offset);
    totals.add(`${page.total}${page.capped ? '+' : ''}`);
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < limit) break;
  }
  expect(totals.size, 'the total is the same on every page').toBe(1);
  return { ids, total: [...totals][0] as string };
}

// ---- explicit cases ---------------------------------------------------------------------------

const names = async (input: Partial<SearchCustomersInput>): Promise<string[]> =>
  (await searchCustomers(t.db, { query: '', offset: 0, limit: 200, ...input }, { now: () => NOW })).items.map((c) => c.name);

describe('sort', () => {
  it('sorts by name case-insensitively with the id as the tie-break, by default', async () => {
    const page = await searchCustomers(t.db, { query: 'budi', offset: 0, limit: 200 });
    const budis = all.filter((c) => /budi/i.test(c.name));
    expect(page.items.map((c) => c.id)).toEqual(budis.map((c) => c.id).sort((a, b) => a - b));
    expect(await names({ sort: 'name' })).toEqual([...all].sort(ORDER.name).map((c) => c.name));
  });

  it('sorts by last purchase, latest first, customers without purchases last', async () => {
    const page = await searchCustomers(t.db, { query: '', sort: 'last_purchase', offset: 0, limit: 200 });
    const dates = page.items.map((c) => c.lastPurchaseDate);
    const firstNull = dates.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(dates.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(dates.slice(0, firstNull)).toEqual([...dates.slice(0, firstNull)].sort().reverse());
    expect(page.items.map((c) => c.id)).toEqual([...all].sort(ORDER.last_purchase).map((c) => c.id));
  });

  it('sorts by recently added, newest first, the later id first on the same moment', async () => {
    const page = await searchCustomers(t.db, { query: '', sort: 'recent', offset: 0, limit: 3 });
    const newest = [...all].sort((a, b) => b.id - a.id).slice(0, 3);
    expect(page.items.map((c) => c.id)).toEqual(newest.map((c) => c.id));
    expect(page.items[0]?.createdAt).toBe(page.items[1]?.createdAt);
  });
});

describe('filters', () => {
  it('filters by tag, ignoring case', async () => {
    for (const tag of ['VIP', 'vip', 'Vip']) {
      const page = await searchCustomers(t.db, { query: '', filter: { tag }, offset: 0, limit: 200 });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((c) => c.tags.some((x) => x.toLowerCase() === 'vip'))).toBe(true);
      expect(page.total).toBe(all.filter((c) => c.tags.some((x) => x.toLowerCase() === 'vip')).length);
    }
    expect(await names({ filter: { tag: 'vi' } })).toEqual([]); // equality, not a prefix
  });

  it('filters by city, ignoring case', async () => {
    const bandung = all.filter((c) => c.city?.toLowerCase() === 'bandung');
    expect(new Set(bandung.map((c) => c.city))).toEqual(new Set(['Bandung', 'bandung', 'BANDUNG']));
    for (const city of ['bandung', 'BANDUNG']) {
      expect(await names({ filter: { city } })).toEqual([...bandung].sort(ORDER.name).map((c) => c.name));
    }
    expect(await names({ filter: { city: 'Band' } })).toEqual([]);
  });

  it('finds customers not verified for N months: never verified, or verified before the cutoff', async () => {
    const page = await searchCustomers(t.db, { query: '', filter: { notVerifiedMonths: 6 }, offset: 0, limit: 200 }, { now: () => NOW });
    const cutoff = monthsBefore(NOW, 6);
    expect(page.items.some((c) => c.lastVerifiedAt === null)).toBe(true);
    expect(page.items.some((c) => c.lastVerifiedAt !== null)).toBe(true); // the 8 and 14 month ones
    expect(page.items.every((c) => c.lastVerifiedAt === null || c.lastVerifiedAt < cutoff)).toBe(true);
    const recent = all.filter((c) => c.lastVerifiedAt !== null && c.lastVerifiedAt >= cutoff);
    expect(recent.length).toBeGreaterThan(0);
    expect(page.total).toBe(all.length - recent.length);
  });

  it('counts months on the calendar', () => {
    expect(new Date(monthsBefore(new Date(2025, 2, 31, 12).getTime(), 1)).getMonth()).toBe(2); // 31 Feb rolls over to 3 Mar
    expect(monthsBefore(new Date(2025, 5, 15).getTime(), 12)).toBe(new Date(2024, 5, 15).getTime());
  });

  it('combines filters with each other and with the query', async () => {
    const input = { query: 'budi', filter: { tag: 'vip', city: 'BANDUNG' } } as const;
    const got = await searchCustomers(t.db, { ...input, offset: 0, limit: 200 }, { now: () => NOW });
    const want = await expected(input.query, 'name', input.filter);
    expect(want.length).toBeGreaterThan(0);
    expect(got.items.map((c) => c.id)).toEqual(want);
    expect(got.total).toBe(want.length);
    expect(await names({ query: 'toko', filter: { city: 'Surabaya', tag: 'grosir' } })).toEqual(['Toko Maju Jaya', 'Toko Maju Jaya']);
    expect(await names({ query: 'toko', filter: { city: 'Jakarta Selatan' } })).toEqual([]);
  });

  it('filters by the current consent to a purpose: given, withdrawn, refused, none', async () => {
    const counts: Record<ConsentStatus, number> = { given: 0, withdrawn: 0, refused: 0, none: 0 };
    for (const state of ['given', 'withdrawn', 'refused', 'none'] as const) {
      const page = await searchCustomers(t.db, { query: '', filter: { consent: { purpose: PROMO, state } }, offset: 0, limit: 200 });
      expect(page.items.map((c) => c.id)).toEqual(await expected('', 'name', { consent: { purpose: PROMO, state } }));
      counts[state] = page.total;
    }
    expect(counts).toEqual({ given: 15, withdrawn: 5, refused: 10, none: 10 });
    expect(Object.values(counts).reduce((a, b) => a + b)).toBe(all.length);
  });

  it('a withdrawal counts in the list the moment it is recorded', async () => {
    const filter = { consent: { purpose: PROMO, state: 'given' as const } };
    const before = await searchCustomers(t.db, { query: '', filter, offset: 0, limit: 200 });
    const someone = before.items[0] as Customer;
    await t.db.transaction((tx) =>
      appendConsent(tx, { customerId: someone.id, purposeKey: PROMO, state: 'withdrawn', at: Date.now(), method: 'verbal', recordedBy: { id: null, name: 'Ibu Sari' }, noticeVersion: null }),
    );
    try {
      const after = await searchCustomers(t.db, { query: '', filter, offset: 0, limit: 200 });
      expect(after.total).toBe(before.total - 1);
      expect(after.items.map((c) => c.id)).not.toContain(someone.id);
    } finally {
      // Given again, later still: the model holds for the tests after this one.
      await t.db.transaction((tx) =>
        appendConsent(tx, { customerId: someone.id, purposeKey: PROMO, state: 'given', at: Date.now() + 1, method: 'verbal', recordedBy: { id: null, name: 'Ibu Sari' }, noticeVersion: null }),
      );
    }
  });

  it('a kept consent set is not used after a change through another path or a commit on a second connection', async () => {
    const filter = { consent: { purpose: PROMO, state: 'given' as const } };
    const given = async () => (await searchCustomers(t.db, { query: '', filter, offset: 0, limit: 200 })).items.map((c) => c.id);
    const givenBudi = async () => (await searchCustomers(t.db, { query: 'budi', filter, offset: 0, limit: 200 })).items.map((c) => c.id);
    const before = await given();
    await givenBudi(); // both sets now kept
    const someone = before.find((id) => all.find((c) => c.id === id)?.name.toLowerCase().startsWith('budi')) as number;
    expect(someone).toBeDefined();
    // Another path: consent_current written directly on the same connection (no ledger, no service).
    await t.db.run("UPDATE consent_current SET state = 'withdrawn' WHERE purpose_key = ? AND customer_id = ?", [PROMO, someone]);
    expect(await given()).not.toContain(someone);
    expect(await givenBudi()).not.toContain(someone);
    await t.db.run("UPDATE consent_current SET state = 'given' WHERE purpose_key = ? AND customer_id = ?", [PROMO, someone]);
    expect(await given()).toEqual(before);
    // A commit on a second connection to the same file.
    const other = await openDb(t.path, t.keyHex, { create: false });
    try {
      await other.run("UPDATE consent_current SET state = 'refused' WHERE purpose_key = ? AND customer_id = ?", [PROMO, someone]);
      expect(await given()).not.toContain(someone);
      expect(await givenBudi()).not.toContain(someone);
      await other.run("UPDATE consent_current SET state = 'given' WHERE purpose_key = ? AND customer_id = ?", [PROMO, someone]);
    } finally {
      await other.close();
    }
    expect(await given()).toEqual(before);
    // A change rolled back, then another one: the version never comes back to one a set was read at.
    await t.db
      .transaction(async (tx) => {
        await tx.run("UPDATE consent_current SET state = 'withdrawn' WHERE purpose_key = ? AND customer_id = ?", [PROMO, someone]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await given()).toEqual(before);
  });

  it('refuses a consent filter on a purpose that is unknown or not consent-based', async () => {
    for (const purpose of ['order_updates', 'no_such_purpose']) {
      const err = await searchCustomers(t.db, { query: '', filter: { consent: { purpose, state: 'none' } }, offset: 0, limit: 10 }).then(
        () => expect.fail('expected a refusal'),
        (e: unknown) => e as VaultError,
      );
      expect({ code: err.code, fields: err.fields }).toEqual({ code: 'invalid_input', fields: { 'filter.consent.purpose': 'invalid_choice' } });
    }
  });

  it('returns nothing, with a zero total, when a filter matches nobody', async () => {
    for (const filter of [{ tag: 'tidak-ada' }, { city: 'Kupang' }]) {
      expect(await searchCustomers(t.db, { query: 'budi', filter, offset: 0, limit: 10 })).toEqual({ items: [], total: 0, offset: 0 });
    }
  });
});

describe('capped totals', () => {
  it('caps the count of a broad filter and says so; the pages still reach every match', async () => {
    const options = { setCap: 2, countCap: 5 };
    const first = await searchCustomers(t.db, { query: '', filter: { notVerifiedMonths: 6 }, offset: 0, limit: 4 }, { now: () => NOW, ...options });
    expect(first).toMatchObject({ total: 5, capped: true });
    const { ids } = await pages({ query: '', filter: { notVerifiedMonths: 6 } }, 4, options);
    expect(ids).toEqual(await expected('', 'name', { notVerifiedMonths: 6 }));
    expect(ids.length).toBeGreaterThan(5);
  });

  it('counts exactly, without the flag, when the matches fit under the cap', async () => {
    const page = await searchCustomers(t.db, { query: 'budi', filter: { city: 'bandung' }, offset: 0, limit: 2 }, { setCap: 2, countCap: 100 });
    expect(page.capped).toBeUndefined();
    expect(page.total).toBe((await expected('budi', 'name', { city: 'bandung' })).length);
  });
});

// ---- every combination against the model ------------------------------------------------------

const QUERIES = ['', 'budi', 'b', 'bandung', '0812 5555', 'suka', 'zzz', '"*'];
const FILTERS: CustomerFilter[] = [
  {},
  { tag: 'VIP' },
  { city: 'bandung' },
  { notVerifiedMonths: 6 },
  { tag: 'grosir', city: 'Bandung' },
  { tag: 'vip', notVerifiedMonths: 12 },
  { city: 'surabaya', notVerifiedMonths: 1 },
  { tag: 'VIP', city: 'BANDUNG', notVerifiedMonths: 6 },
  { consent: { purpose: PROMO, state: 'given' } },
  { consent: { purpose: PROMO, state: 'none' } },
  { tag: 'VIP', consent: { purpose: PROMO, state: 'withdrawn' } },
  { city: 'bandung', notVerifiedMonths: 6, consent: { purpose: PROMO, state: 'refused' } },
];
/** Options that steer the search down each path, and the page plans that must show up. */
const PLANS: [string, Partial<SearchOptions>, string[]][] = [
  ['auto', {}, ['fetch by id', 'walk']],
  ['walk', { plan: 'walk' }, ['walk']],
  ['direct', { plan: 'direct' }, ['fetch by id']],
  ['name order', { plan: 'order' }, ['name order', 'walk']],
  ['per-row filters, capped totals', { setCap: 1, countCap: 4 }, ['walk']],
  ['per-row filters tested along their index', { setCap: 1, countCap: 1000, walkCostRatio: 1e-9 }, ['walk']],
  ['per-row filters tested on the listed ids', { setCap: 1, countCap: 1000, walkCostRatio: 1e9 }, ['fetch by id']],
];

describe('every query × filter × sort × plan', () => {
  for (const [label, options, plans] of PLANS) {
    it(`matches the model, page after page (${label})`, async () => {
      plansSeen.clear();
      let cases = 0;
      for (const query of QUERIES) {
        for (const filter of FILTERS) {
          for (const sort of ['name', 'last_purchase', 'recent'] as const) {
            const want = await expected(query, sort, filter);
            const { ids, total } = await pages({ query, sort, filter }, 3, options);
            const what = JSON.stringify({ query, sort, filter });
            expect(ids, what).toEqual(want);
            if (total.endsWith('+')) {
              expect(Number(total.slice(0, -1)), what).toBe(options.countCap);
              expect(want.length, what).toBeGreaterThan(options.countCap ?? 0);
            } else {
              expect(total, what).toBe(String(want.length));
            }
            cases++;
          }
        }
      }
      expect(cases).toBe(QUERIES.length * FILTERS.length * 3);
      expect([...plansSeen]).toEqual(expect.arrayContaining(plans));
    });
  }
});

describe('kept per connection, not per handle', () => {
  it('a consent set read inside one view transaction serves the next one (the router opens a new handle each time)', async () => {
    const filter = { consent: { purpose: PROMO, state: 'given' as const } };
    // As the router runs customers.search: inside a transaction, through a handle made for it.
    const inView = <T>(fn: (q: Queryable) => Promise<T>) => t.db.transaction((tx) => fn(withinTransaction(tx, t.db.path)));
    const first = await inView((q) => searchCustomers(q, { query: '', filter, offset: 0, limit: 200 }));
    const kept = await inView(async (q) => (await consentFilter(q, PROMO, 'given', 'filter.consent.purpose')).confirmWith);
    expect(kept).not.toBeNull();
    const again = await inView((q) => searchCustomers(q, { query: '', filter, offset: 0, limit: 200 }));
    expect(again.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
    expect(first.items.map((c) => c.id)).toEqual(await expected('', 'name', filter));
  });
});
