import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditPage, Result } from '../contract';
import { ok } from '../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeStaffClient } = await import('../test/fakeStaffClient');
  return installFakeStaffClient();
});
const { auditEntry, unlockedAs } = await import('../test/fakeStaffClient');
const { useStore, auditQuery } = await import('./index');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlockedAs('owner') });
});

describe('audit slice', () => {
  it('builds a query with only the parts that are set', () => {
    expect(auditQuery({})).toEqual({ limit: 100 });
    expect(auditQuery({ actorId: 2, action: 'customer.reveal', customerId: 12, from: 1, to: 2 }, 50)).toEqual({
      actorId: 2,
      action: 'customer.reveal',
      customerId: 12,
      from: 1,
      to: 2,
      before: 50,
      limit: 100,
    });
  });

  it('pages backwards with before = the oldest id shown, keeping the filter', async () => {
    fake.client.audit.list
      .mockResolvedValueOnce(ok({ entries: [auditEntry({ id: 10 }), auditEntry({ id: 9 })], more: true }))
      .mockResolvedValueOnce(ok({ entries: [auditEntry({ id: 8 })], more: false }));
    await useStore.getState().loadAudit({ actorId: 2 });
    await useStore.getState().loadMoreAudit();
    expect(fake.client.audit.list).toHaveBeenLastCalledWith({ actorId: 2, before: 9, limit: 100 });
    expect(useStore.getState().auditEntries?.map((e) => e.id)).toEqual([10, 9, 8]);
    expect(useStore.getState().auditMore).toBe(false);
  });

  it('drops an answer that arrives after the trail was cleared (lock)', async () => {
    let answer: (r: Result<AuditPage>) => void = () => {};
    fake.client.audit.list.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const loading = useStore.getState().loadAudit({});
    useStore.getState().clearAudit();
    answer(ok({ entries: [auditEntry({ id: 1 })], more: false }));
    await loading;
    expect(useStore.getState().auditEntries).toBeNull();
  });

  it('exports the current filter without paging', async () => {
    await useStore.getState().loadAudit({ action: 'data.export', from: 5 });
    await useStore.getState().exportAudit();
    expect(fake.client.audit.export).toHaveBeenCalledWith({ action: 'data.export', from: 5 });
  });
});
