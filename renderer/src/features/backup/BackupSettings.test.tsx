import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupResult, Result } from '../../contract';
import { backupResult, backupStatus, fail, ok, unlockedAs } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { BackupSettings } = await import('./BackupSettings');
const { SettingsPage } = await import('../settings/SettingsPage');
const initial = useStore.getState();

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
const errorOf = (testId: string) => {
  const input = screen.getByTestId(testId);
  return input.getAttribute('aria-invalid') === 'true' ? document.getElementById(`${input.id}-error`)?.textContent : null;
};

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlockedAs('owner') });
});
afterEach(cleanup);

const renderTab = async () => act(async () => render(<BackupSettings onClose={() => {}} />));

describe('Settings › Backups', () => {
  it('is a tab for roles with backup.manage only', async () => {
    useStore.setState({ status: unlockedAs('manager'), page: 'settings' });
    await act(async () => render(<SettingsPage />));
    await click('settings-tab-backup');
    expect(screen.getByTestId('backup-tab')).toBeTruthy();
    cleanup();
    useStore.setState({ status: unlockedAs('staff') });
    await act(async () => render(<SettingsPage />));
    expect(screen.queryByTestId('settings-tab-backup')).toBeNull();
  });

  it('explains the passphrase and shows field errors from the form and from the main process', async () => {
    fake.client.backup.status.mockResolvedValueOnce(ok(backupStatus({ configured: false, lastSuccessAt: null, lastFileName: null })));
    await renderTab();
    expect(screen.getByTestId('backup-explain').textContent).toMatch(/kertas/);
    expect((screen.getByTestId('backup-now') as HTMLButtonElement).disabled).toBe(true);

    await click('backup-setup-submit');
    expect(errorOf('backup-setup-passphrase')).toBe('Wajib diisi.');
    expect(document.activeElement).toBe(screen.getByTestId('backup-setup-passphrase'));

    type('backup-setup-passphrase', 'kopi sepeda hujan');
    type('backup-setup-confirm', 'kopi sepeda');
    await click('backup-setup-submit');
    expect(errorOf('backup-setup-confirm')).toMatch(/Tidak sama/);
    expect(fake.client.backup.setup).not.toHaveBeenCalled();

    type('backup-setup-confirm', 'kopi sepeda hujan');
    for (const [code, text] of [
      ['too_short', /Terlalu pendek/],
      ['too_weak', /terlalu mudah ditebak/],
      ['too_common', /terlalu umum/],
      ['contains_personal', /Jangan memakai nama/],
    ] as const) {
      fake.client.backup.setup.mockResolvedValueOnce(fail('invalid_input', { passphrase: code }));
      await click('backup-setup-submit');
      expect(errorOf('backup-setup-passphrase')).toMatch(text);
    }
    fake.client.backup.setup.mockResolvedValueOnce(fail('invalid_input', { confirm: 'mismatch' }));
    await click('backup-setup-submit');
    expect(errorOf('backup-setup-confirm')).toMatch(/Tidak sama/);

    fake.client.backup.setup.mockResolvedValueOnce(ok(backupStatus({ lastSuccessAt: null })));
    type('backup-setup-confirm', 'kopi sepeda hujan');
    await click('backup-setup-submit');
    expect(fake.client.backup.setup).toHaveBeenLastCalledWith({ passphrase: 'kopi sepeda hujan', confirm: 'kopi sepeda hujan' });
    expect(screen.getByTestId('backup-configured')).toBeTruthy();
    expect(screen.queryByTestId('backup-setup-form')).toBeNull();
  });

  it('tells roles without security.manage to ask the Owner', async () => {
    useStore.setState({ status: unlockedAs('manager') });
    fake.client.backup.status.mockResolvedValueOnce(ok(backupStatus({ configured: false })));
    await renderTab();
    expect(screen.getByTestId('backup-setup-ask-owner').textContent).toMatch(/Minta Pemilik toko/);
    expect(screen.queryByTestId('backup-setup-passphrase')).toBeNull();
  });

  it('backs up now: progress with a live region, then file, size, time and counts', async () => {
    await renderTab();
    const run = deferred<Result<BackupResult | null>>();
    fake.client.backup.run.mockReturnValueOnce(run.promise);
    await click('backup-now');
    const progress = screen.getByTestId('backup-progress');
    expect(progress.getAttribute('aria-busy')).toBe('true');
    act(() => useStore.getState().receiveJobProgress({ job: 'backup', done: 600, total: 1000 }));
    expect(within(progress).getByRole('progressbar').getAttribute('value')).toBe('600');
    expect(progress.querySelector('[aria-live="polite"]')?.textContent).toBe('Mencadangkan… 50%');

    await act(async () => run.resolve(ok(backupResult())));
    expect(screen.queryByTestId('backup-progress')).toBeNull();
    const result = screen.getByTestId('backup-result');
    expect(result.closest('[role="status"]')).toBeTruthy();
    expect(document.activeElement).toBe(result);
    expect(screen.getByTestId('backup-result-file').textContent).toBe('Brankas-Toko-Sari-2026-11-29-1430.brankas');
    expect(screen.getByTestId('backup-result-size').textContent).toBe('12,3 MB');
    expect(screen.getByTestId('backup-result-duration').textContent).toBe('4,2 detik');
    expect(screen.getByTestId('backup-result-counts').textContent).toBe('1.250 pelanggan, 3.400 pembelian, 3 orang, 980 catatan audit');
  });

  it('cancels a running backup', async () => {
    await renderTab();
    const run = deferred<Result<BackupResult | null>>();
    fake.client.backup.run.mockReturnValueOnce(run.promise);
    await click('backup-now');
    await click('backup-cancel');
    expect(fake.client.backup.cancel).toHaveBeenCalled();
    expect((screen.getByTestId('backup-cancel') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => run.resolve(fail('cancelled')));
    expect(screen.getByTestId('backup-cancelled').textContent).toMatch(/dibatalkan/);
    expect(screen.getByTestId('backup-now')).toBeTruthy();
  });

  it('shows a failed run with its reason', async () => {
    await renderTab();
    fake.client.backup.run.mockResolvedValueOnce(fail('disk_full'));
    await click('backup-now');
    expect(within(screen.getByTestId('backup-error')).getByRole('alert')).toBeTruthy();
  });

  it('shows the last backup and the last scheduled failure translated', async () => {
    fake.client.backup.status.mockResolvedValueOnce(ok(backupStatus({ lastFailure: { at: Date.now(), code: 'folder_missing' } })));
    await renderTab();
    expect(screen.getByTestId('backup-last-file').textContent).toBe('Brankas-Toko-Sari-2026-11-28-1430.brankas');
    expect(screen.getByTestId('backup-last-failure').textContent).toMatch(/Pasang flashdisk-nya; Brankas mencoba lagi nanti/);
  });

  it('saves the schedule, checks the numbers and asks for a folder first', async () => {
    fake.client.backup.status.mockResolvedValueOnce(ok(backupStatus({ schedule: { ...backupStatus().schedule, daily: false, folder: null } })));
    await renderTab();
    expect(screen.getByTestId('backup-schedule-folder').textContent).toBe('Belum dipilih');
    fireEvent.click(screen.getByLabelText('Saat Brankas ditutup'));
    type('backup-schedule-keep-daily', '0');
    await click('backup-schedule-save');
    expect(screen.getByText('Pilih folder cadangan dulu.')).toBeTruthy();
    expect(errorOf('backup-schedule-keep-daily')).toBe('Isi angka bulat dari 1 sampai 60.');
    expect(document.activeElement).toBe(screen.getByTestId('backup-schedule-pick-folder'));
    expect(fake.client.backup.saveSchedule).not.toHaveBeenCalled();

    fake.client.backup.pickFolder.mockResolvedValueOnce(ok(backupStatus({ schedule: { ...backupStatus().schedule, daily: false, folder: 'E:\\Cadangan' } })));
    await click('backup-schedule-pick-folder');
    expect(screen.getByTestId('backup-schedule-folder').textContent).toBe('E:\\Cadangan');
    type('backup-schedule-keep-daily', '10');
    type('backup-schedule-warn-days', '5');
    await click('backup-schedule-save');
    expect(fake.client.backup.saveSchedule).toHaveBeenCalledWith({ daily: false, onClose: true, keepDaily: 10, keepWeekly: 4, warnAfterDays: 5 });
    expect(useStore.getState().notice?.key).toBe('backup.notice.scheduleSaved');
  });
});
