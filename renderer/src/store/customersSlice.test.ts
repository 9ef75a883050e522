import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../contract';
import { ok } from '../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../test/fakeClient');
  return installFakeClient();
});
const { useStore, PAGE_SIZE } = await import('.');
const { evictPages } = await import('./customersSlice');
const initial = useStore.getState();
const TOTAL = 1_000_000;

const row = (i: number) => ({ id: i + 1, name: `C${i}`, tags: [] }) as unknown as Customer;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  fake.client.customers.search.mockImplementation(async ({ offset, limit }) =>
    ok({ items: Array.from({ length: limit }, (_, k) => row(offset + k)), total: TOTAL, offset }),
  );
});

describe('customers slice', () => {
  it('fetches only the pages a range needs, once each', async () => {
    const { ensureRange } = useStore.getState();
    ensureRange(250_010, 250_030);
    ensureRange(250_010, 250_030);
    await flush();
    expect(fake.client.customers.search).toHaveBeenCalledTimes(1);
    expect(fake.client.customers.search).toHaveBeenCalledWith({ query: '', offset: 250_000, limit: PAGE_SIZE, sort: 'name' });
    expect(useStore.getState().total).toBe(TOTAL);
  });

  it('drops answers for an older search', async () => {
    useStore.getState().setQuery('bud');
    useStore.getState().setQuery('budi');
    await flush();
    const s = useStore.getState();
    expect(s.query).toBe('budi');
    expect(Object.values(s.pages).every((p) => p.gen === s.generation)).toBe(true);
  });

  it('keeps the page cache bounded', () => {
    const pages = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i, { gen: 0, items: [] }]));
    expect(Object.keys(evictPages(pages, 49, 10)).map(Number).sort((a, b) => a - b)).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
  });

  it('clears every customer value on lock', async () => {
    useStore.getState().ensureRange(0, 10);
    await flush();
    expect(Object.keys(useStore.getState().pages)).toHaveLength(1);
    await useStore.getState().lock();
    const s = useStore.getState();
    expect([s.pages, s.total, s.status?.state]).toEqual([{}, null, 'locked']);
  });
});
