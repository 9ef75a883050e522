import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  const { installFakeStaffClient } = await import('../../test/fakeStaffClient');
  return installFakeStaffClient();
});
const { overview, person, unlockedAs } = await import('../../test/fakeStaffClient');
const { useStore } = await import('../../store');
const { SettingsPage } = await import('../settings/SettingsPage');
const { AccessReviewBanner } = await import('./AccessReviewBanner');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlockedAs('owner', { accessReviewDue: true }) });
});
afterEach(cleanup);

describe('access review', () => {
  it('opens from the main-screen banner on the review tab', async () => {
    render(<AccessReviewBanner />);
    await act(async () => fireEvent.click(screen.getByTestId('review-banner-open')));
    expect(useStore.getState().page).toBe('settings');
    cleanup();
    await act(async () => render(<SettingsPage />));
    expect(screen.getByTestId('settings-tab-review').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('settings-tab-review').textContent).toBe('Tinjauan akses (perlu)');
    expect(screen.getByTestId('review-due')).toBeTruthy();
    expect(useStore.getState().settingsStart).toBeNull();
  });

  it('is not shown to those who do not manage staff', () => {
    useStore.setState({ status: unlockedAs('manager', { accessReviewDue: true }) });
    render(<AccessReviewBanner />);
    expect(screen.queryByTestId('review-banner')).toBeNull();
  });

  it('submits one decision per active account, with changed roles and reasons', async () => {
    fake.client.staff.list.mockResolvedValueOnce({
      ok: true,
      value: overview({
        people: [
          person({ id: 1, name: 'Ibu Sari', role: 'owner', reason: 'Pemilik toko' }),
          person({ id: 2, name: 'Budi', role: 'manager', reason: 'Kepala toko' }),
          person({ id: 3, name: 'Rina', unused: true }),
          person({ id: 4, name: 'Joko', role: 'viewer', reason: 'Akuntan' }),
          person({ id: 5, name: 'Lama', status: 'disabled' }),
        ],
      }),
    });
    useStore.getState().openSettingsAt('review');
    await act(async () => render(<SettingsPage />));
    expect(screen.queryByTestId('review-row-5')).toBeNull();
    expect(screen.queryByTestId('review-disable-1')).toBeNull();
    expect(screen.queryByTestId('review-role-1')).toBeNull();
    expect(within(screen.getByTestId('review-row-3')).getByText('Tidak dipakai 60+ hari')).toBeTruthy();
    expect((screen.getByTestId('review-reason-2') as HTMLInputElement).value).toBe('Kepala toko');

    fireEvent.click(screen.getByTestId('review-disable-3'));
    expect(screen.queryByTestId('review-role-3')).toBeNull();
    fireEvent.change(screen.getByTestId('review-reason-3'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('review-role-4'), { target: { value: 'staff' } });
    fireEvent.change(screen.getByTestId('review-reason-4'), { target: { value: 'Sekarang juga kasir' } });

    await act(async () => fireEvent.click(screen.getByTestId('review-submit')));
    expect(fake.client.staff.review).not.toHaveBeenCalled();
    expect(screen.getByTestId('review-reason-3').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('review-reason-3'));

    fireEvent.change(screen.getByTestId('review-reason-3'), { target: { value: 'Sudah berhenti bekerja' } });
    await act(async () => fireEvent.click(screen.getByTestId('review-submit')));
    expect(fake.client.staff.review).toHaveBeenCalledWith({
      decisions: [
        { id: 1, decision: 'confirm', reason: 'Pemilik toko' },
        { id: 2, decision: 'confirm', reason: 'Kepala toko' },
        { id: 3, decision: 'disable', reason: 'Sudah berhenti bekerja' },
        { id: 4, decision: 'confirm', reason: 'Sekarang juga kasir', role: 'staff' },
      ],
    });
    expect(useStore.getState().notice?.key).toBe('review.notice.done');
    expect(screen.queryByTestId('review-due')).toBeNull();
  });
});
