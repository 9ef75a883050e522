import { api } from '../api';
import type { Customer, CustomerFilter, CustomerSort, ErrorCode, Result, RevealedValue, SaveCustomerInput, SearchCustomersInput } from '../contract';
import type { SliceCreator } from './types';

export const PAGE_SIZE = 100;
/** How many pages stay in memory; the ones furthest from the viewport go first. */
export const MAX_CACHED_PAGES = 30;

export interface CachedPage {
  /** The list generation the page was fetched for; an older one is shown but re-fetched. */
  gen: number;
  items: Customer[];
}

export interface CustomersSlice {
  /** The search the list shows ('' = everyone). */
  query: string;
  sort: CustomerSort;
  /** Only the filters in use are set. */
  filter: CustomerFilter;
  /** Rows matching `query` and `filter`; null until the first page for it arrives. */
  total: number | null;
  /** A very broad search is not counted to the end: `total` is a lower bound ("10.000+"). */
  capped: boolean;
  /** Sparse: page index → rows. Never the whole list. */
  pages: Record<number, CachedPage>;
  /** Bumped on every new search and after every write; answers for an older one are dropped. */
  generation: number;
  searching: boolean;
  listError: ErrorCode | null;

  setQuery(query: string): void;
  setSort(sort: CustomerSort): void;
  /** Merges into the filter; an undefined value removes that filter. */
  setFilter(patch: Partial<CustomerFilter>): void;
  clearFilters(): void;
  /** Makes sure rows first..last (inclusive) are loaded or on their way. */
  ensureRange(first: number, last: number): void;
  /** Re-fetches what is on screen (after a write). */
  reloadCustomers(): void;
  saveCustomer(input: SaveCustomerInput): Promise<Result<Customer>>;
  removeCustomer(id: number): Promise<Result<{ id: number }>>;
  /** Records that staff confirmed the details with the customer today. */
  markVerified(id: number): Promise<Result<Customer>>;
  /** Re-reads one customer (after its purchases changed) into the open editor, and the list. */
  refreshCustomer(id: number): Promise<void>;
  /** Existing tags starting with `prefix`, most used first (autocomplete). */
  suggestTags(prefix: string): Promise<string[]>;
  /**
   * Masked values shown in full on request, by `revealKey(id, field)`. Memory only: never
   * persisted, dropped on lock and when that customer is saved.
   */
  revealed: Record<string, RevealedValue>;
  /** Asks the main process for one masked value in full (recorded in the audit trail). */
  reveal(id: number, field: string): Promise<Result<RevealedValue>>;
  /** Masks a revealed value again. */
  hideRevealed(id: number, field: string): void;
  /** Drops every customer value from memory (on lock). */
  clearCustomers(): void;
}

export const revealKey = (id: number, field: string) => `${id}:${field}`;

/** A revealed value as the list and the form show it: the phone in its local form, the rest as stored. */
export const revealedText = (v: RevealedValue): string =>
  v.field === 'phone' && v.display !== null ? v.display : v.value === null ? '' : String(v.value);

export const customerAt = (pages: Record<number, CachedPage>, index: number): Customer | undefined =>
  pages[Math.floor(index / PAGE_SIZE)]?.items[index % PAGE_SIZE];

/** Keeps the cache bounded: evicts the pages furthest from `around`. */
export function evictPages(pages: Record<number, CachedPage>, around: number, max = MAX_CACHED_PAGES) {
  const keys = Object.keys(pages).map(Number);
  if (keys.length <= max) return pages;
  const keep = keys.sort((a, b) => Math.abs(a - around) - Math.abs(b - around)).slice(0, max);
  const next: Record<number, CachedPage> = {};
  for (const k of keep) next[k] = pages[k]!;
  return next;
}

const emptyList = { query: '', sort: 'name', filter: {}, total: null, capped: false, pages: {}, searching: false, listError: null } as const;

/** The filter without unset entries (so an empty filter is `{}`). */
export function cleanFilter(filter: CustomerFilter): CustomerFilter {
  const out: CustomerFilter = {};
  if (filter.tag?.trim()) out.tag = filter.tag.trim();
  if (filter.city?.trim()) out.city = filter.city.trim();
  if (filter.notVerifiedMonths !== undefined) out.notVerifiedMonths = filter.notVerifiedMonths;
  if (filter.consent !== undefined) out.consent = filter.consent;
  return out;
}

export const hasFilter = (filter: CustomerFilter) => Object.keys(cleanFilter(filter)).length > 0;

const TAG_SUGGESTIONS = 8;

export const createCustomersSlice: SliceCreator<CustomersSlice> = (set, get) => {
  const inFlight = new Set<string>();
  let lastRange = { first: 0, last: 0 };

  const fetchPage = async (page: number): Promise<void> => {
    const { generation: gen, query, sort, filter } = get();
    const key = `${gen}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    const input: SearchCustomersInput = { query, offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort };
    if (hasFilter(filter)) input.filter = filter;
    const res = await api.customers.search(input);
    inFlight.delete(key);
    if (get().generation !== gen) return;
    if (!res.ok) {
      set({ listError: res.error.code, searching: false });
      get().noteError(res.error);
      return;
    }
    set((s) => ({
      total: res.value.total,
      capped: res.value.capped === true,
      searching: false,
      listError: null,
      pages: evictPages({ ...s.pages, [page]: { gen, items: res.value.items } }, page),
    }));
  };

  /** A new search, sort or filter: start again from the top. */
  const restart = (patch: Partial<Pick<CustomersSlice, 'query' | 'sort' | 'filter'>>) => {
    lastRange = { first: 0, last: 0 };
    set((s) => ({ ...patch, pages: {}, generation: s.generation + 1, searching: true, listError: null }));
    void fetchPage(0);
  };

  const fetchRange = (first: number, last: number) => {
    const { pages, generation } = get();
    const lastPage = Math.floor(Math.max(first, last) / PAGE_SIZE);
    for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= lastPage; p++) {
      if (pages[p]?.gen !== generation) void fetchPage(p);
    }
  };

  return {
    ...emptyList,
    generation: 0,

    setQuery(query) {
      if (query === get().query && get().total !== null) return;
      restart({ query });
    },

    setSort(sort) {
      if (sort !== get().sort) restart({ sort });
    },

    setFilter(patch) {
      const filter = cleanFilter({ ...get().filter, ...patch });
      if (JSON.stringify(filter) !== JSON.stringify(get().filter)) restart({ filter });
    },

    clearFilters() {
      if (hasFilter(get().filter)) restart({ filter: {} });
    },

    ensureRange(first, last) {
      lastRange = { first, last };
      fetchRange(first, last);
    },

    reloadCustomers() {
      set((s) => ({ generation: s.generation + 1 }));
      fetchRange(lastRange.first, lastRange.last);
    },

    async saveCustomer(input) {
      const res = await api.customers.save(input);
      if (res.ok) {
        // What was revealed may just have changed; mask it again rather than show a stale value.
        const prefix = `${res.value.id}:`;
        set((s) => ({ revealed: Object.fromEntries(Object.entries(s.revealed).filter(([k]) => !k.startsWith(prefix))) }));
        get().reloadCustomers();
      }
      else get().noteError(res.error);
      return res;
    },

    async removeCustomer(id) {
      const res = await api.customers.remove({ id });
      if (res.ok || res.error.code === 'not_found') get().reloadCustomers();
      if (!res.ok) get().noteError(res.error);
      return res;
    },

    async markVerified(id) {
      const res = await api.customers.markVerified({ id });
      if (res.ok) {
        get().updateEditorCustomer(res.value);
        get().reloadCustomers();
      } else get().noteError(res.error);
      return res;
    },

    async refreshCustomer(id) {
      const res = await api.customers.get({ id });
      if (res.ok) get().updateEditorCustomer(res.value);
      else get().noteError(res.error);
      get().reloadCustomers();
    },

    async suggestTags(prefix) {
      const res = await api.customers.tags({ prefix, limit: TAG_SUGGESTIONS });
      if (!res.ok) {
        get().noteError(res.error);
        return [];
      }
      return res.value.map((t) => t.tag);
    },

    revealed: {},

    async reveal(id, field) {
      const res = await api.customers.reveal({ id, field });
      // A lock while the answer was on its way has wiped the store: do not bring the value back.
      if (!res.ok) get().noteError(res.error);
      else if (get().status?.state === 'unlocked') set((s) => ({ revealed: { ...s.revealed, [revealKey(id, field)]: res.value } }));
      return res;
    },

    hideRevealed(id, field) {
      set((s) => {
        const next = { ...s.revealed };
        delete next[revealKey(id, field)];
        return { revealed: next };
      });
    },

    clearCustomers() {
      inFlight.clear();
      lastRange = { first: 0, last: 0 };
      set((s) => ({ ...emptyList, revealed: {}, generation: s.generation + 1 }));
    },
  };
};
