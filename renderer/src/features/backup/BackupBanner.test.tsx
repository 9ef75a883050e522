import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_NOW, backupStatus, locked, ok, unlockedAs } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { BackupBanner } = await import('./BackupBanner');
const initial = useStore.getState();
const DAY = 86_400_000;

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(BACKUP_NOW);
  useStore.setState(initial, true);
  useStore.setState({ status: unlockedAs('manager') });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const renderWith = async (status: ReturnType<typeof backupStatus>) => {
  fake.client.backup.status.mockResolvedValueOnce(ok(status));
  await act(async () => render(<BackupBanner />));
  return screen.queryByTestId('home-backup-banner');
};

describe('home backup banner', () => {
  it('says quietly when the last backup was', async () => {
    const banner = await renderWith(backupStatus({ lastSuccessAt: BACKUP_NOW - 2 * DAY }));
    expect(banner?.dataset.state).toBe('ok');
    expect(banner?.textContent).toBe('Cadangan terakhir: 2 hari lalu.');
    expect(screen.queryByTestId('home-backup-open')).toBeNull();
  });

  it('warns when there has never been a backup, and opens Settings on Backups', async () => {
    const banner = await renderWith(backupStatus({ lastSuccessAt: null, lastFileName: null, overdue: true }));
    expect(banner?.dataset.state).toBe('never');
    expect(banner?.textContent).toMatch(/Belum ada cadangan/);
    fireEvent.click(screen.getByTestId('home-backup-open'));
    expect(useStore.getState()).toMatchObject({ page: 'settings', settingsStart: 'backup' });
  });

  it('says nothing about backups in the sample-data vault (it is thrown away, never backed up)', async () => {
    useStore.setState({ demo: { active: true, ownerName: 'Pemilik Demo', password: 'contoh' } });
    expect(await renderWith(backupStatus({ lastSuccessAt: null, lastFileName: null, overdue: true }))).toBeNull();
  });

  it('warns when the last backup is overdue', async () => {
    const banner = await renderWith(backupStatus({ lastSuccessAt: BACKUP_NOW - 9 * DAY, overdue: true }));
    expect(banner?.dataset.state).toBe('overdue');
    expect(banner?.textContent).toMatch(/Cadangan terakhir: 9 hari lalu\..*Sudah waktunya/);
  });

  it('shows a scheduled failure newer than the last good backup', async () => {
    const banner = await renderWith(backupStatus({ lastFailure: { at: BACKUP_NOW - 3_600_000, code: 'folder_missing' } }));
    expect(banner?.dataset.state).toBe('failure');
    expect(screen.getByTestId('home-backup-failure').textContent).toMatch(/gagal.*Flashdisk\/USB untuk cadangan tidak terpasang/);
  });

  it('is not shown to roles without backup.manage', async () => {
    useStore.setState({ status: unlockedAs('staff') });
    await act(async () => render(<BackupBanner />));
    expect(screen.queryByTestId('home-backup-banner')).toBeNull();
    expect(fake.client.backup.status).not.toHaveBeenCalled();
  });

  it('after a restore: keep (confirmed, the old vault deleted) or put the previous one back', async () => {
    const pending = backupStatus({ previousVault: { replacedAt: BACKUP_NOW - 3_600_000, restoredFrom: 'Brankas-Toko-Sari-2026-11-20-0900.brankas' } });
    await renderWith(pending);
    const banner = screen.getByTestId('home-restore-banner');
    expect(banner.textContent).toMatch(/Brankas dipulihkan dari Brankas-Toko-Sari-2026-11-20-0900\.brankas/);
    expect(banner.textContent).toMatch(/Simpan hasil ini atau kembalikan brankas sebelumnya/);

    fireEvent.click(screen.getByTestId('restore-keep'));
    const dialog = screen.getByTestId('restore-keep-dialog');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(dialog.textContent).toMatch(/dihapus untuk selamanya/);
    expect(document.activeElement?.textContent).toBe('Batal');
    expect(fake.client.restore.confirm).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(within(dialog).getByTestId('restore-keep-confirm')));
    expect(fake.client.restore.confirm).toHaveBeenCalled();
    expect(screen.queryByTestId('home-restore-banner')).toBeNull();
    expect(useStore.getState().notice?.key).toBe('restore.notice.kept');

    cleanup();
    await renderWith(pending);
    fireEvent.click(screen.getByTestId('restore-undo'));
    fake.client.restore.undo.mockResolvedValueOnce(ok(locked));
    await act(async () => fireEvent.click(screen.getByTestId('restore-undo-confirm')));
    expect(fake.client.restore.undo).toHaveBeenCalled();
    expect(useStore.getState()).toMatchObject({ status: locked, lockReason: 'restoreUndone', backupStatus: null });
  });
});
