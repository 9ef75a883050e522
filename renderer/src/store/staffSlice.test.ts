import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeStaffClient } = await import('../test/fakeStaffClient');
  return installFakeStaffClient();
});
const { overview, unlockedAs } = await import('../test/fakeStaffClient');
const { useStore } = await import('./index');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlockedAs('owner') });
});

describe('staff slice', () => {
  it('loads the overview and re-fetches it after a write', async () => {
    await useStore.getState().loadStaff();
    expect(useStore.getState().access?.people).toHaveLength(3);
    const res = await useStore.getState().createStaff({ name: 'Dewi', role: 'viewer', reason: 'Magang', password: 'kuda-lari-cepat-9' });
    expect(res.ok).toBe(true);
    expect(fake.client.staff.list).toHaveBeenCalledTimes(2);
  });

  it('keeps the error code when the list is refused', async () => {
    fake.client.staff.list.mockResolvedValueOnce(fail('forbidden'));
    await useStore.getState().loadStaff();
    expect(useStore.getState().staffError).toBe('forbidden');
    expect(useStore.getState().access).toBeNull();
  });

  it('takes the review answer as the new overview and refreshes the status', async () => {
    fake.client.vault.status.mockResolvedValueOnce({ ok: true, value: unlockedAs('owner') });
    await useStore.getState().submitReview({ decisions: [{ id: 3, decision: 'disable', reason: 'Sudah berhenti' }] });
    expect(useStore.getState().access?.reviewDue).toBe(false);
    expect(fake.client.vault.status).toHaveBeenCalled();
  });

  it('applies the status strict mode answers with', async () => {
    await useStore.getState().setStrictMode({ enabled: true, password: 'rahasia' });
    const status = useStore.getState().status;
    expect(status?.state === 'unlocked' && status.strictMode).toBe(true);
  });

  it('opens Settings on a tab once, and clearStaff forgets everything', async () => {
    useStore.getState().openSettingsAt('review');
    expect(useStore.getState().page).toBe('settings');
    expect(useStore.getState().settingsStart).toBe('review');
    useStore.setState({ access: overview(), staffError: 'internal' });
    useStore.getState().clearStaff();
    expect(useStore.getState()).toMatchObject({ access: null, staffError: null, settingsStart: null });
  });
});
