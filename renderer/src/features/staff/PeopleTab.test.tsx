import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeStaffClient } = await import('../../test/fakeStaffClient');
  return installFakeStaffClient();
});
const { unlockedAs } = await import('../../test/fakeStaffClient');
const { useStore } = await import('../../store');
const { SettingsPage } = await import('../settings/SettingsPage');
const initial = useStore.getState();

async function openPeople() {
  render(<SettingsPage />);
  await act(async () => fireEvent.click(screen.getByTestId('settings-tab-people')));
}
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ page: 'settings', status: unlockedAs('owner') });
});
afterEach(cleanup);

describe('people', () => {
  it('lists every account with role, 2FA, dates, reason and flags', async () => {
    await openPeople();
    const table = screen.getByTestId('people-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Terakhir masuk');
    const rina = screen.getByTestId('person-row-3');
    expect(within(rina).getByRole('rowheader').textContent).toBe('Rina');
    expect(rina.textContent).toContain('Kasir');
    expect(rina.textContent).toContain('Kasir shift pagi');
    expect(rina.textContent).toContain('Tidak dipakai 60+ hari');
    expect(screen.getByTestId('person-row-1').textContent).toContain('(Anda)');
    expect(within(screen.getByTestId('person-row-1')).getAllByRole('cell')[2]!.textContent).toBe('Aktif');
  });

  it('shows strict-mode key slot flags only in strict mode', async () => {
    useStore.setState({ status: unlockedAs('owner', { strictMode: true }) });
    const { overview, person } = await import('../../test/fakeStaffClient');
    fake.client.staff.list.mockResolvedValueOnce({ ok: true, value: overview({ people: [person({ id: 4, name: 'Joko', hasKeySlot: false })] }) });
    await openPeople();
    expect(screen.getByTestId('person-row-4').textContent).toContain('mode ketat');
  });

  it('adds a person, showing client and server field errors on the right fields', async () => {
    await openPeople();
    fireEvent.click(screen.getByTestId('person-add'));
    const dialog = screen.getByRole('dialog', { name: 'Tambah orang' });
    expect(document.activeElement).toBe(screen.getByTestId('person-name'));

    await act(async () => fireEvent.click(screen.getByTestId('person-add-submit')));
    expect(fake.client.staff.create).not.toHaveBeenCalled();
    expect(screen.getByTestId('person-name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('person-reason').getAttribute('aria-invalid')).toBe('true');

    type(screen.getByTestId('person-name'), 'Dewi');
    fireEvent.change(screen.getByTestId('person-role'), { target: { value: 'viewer' } });
    type(screen.getByTestId('person-reason'), 'Magang akhir pekan');
    type(screen.getByTestId('person-password'), 'pendek');
    await act(async () => fireEvent.click(screen.getByTestId('person-add-submit')));
    expect(within(dialog).getByText('Terlalu pendek. Pakai minimal 10 karakter.')).toBeTruthy();

    type(screen.getByTestId('person-password'), 'dewi-toko-2026');
    type(screen.getByTestId('person-confirm'), 'dewi-toko-2027');
    await act(async () => fireEvent.click(screen.getByTestId('person-add-submit')));
    expect(screen.getByTestId('person-confirm').getAttribute('aria-invalid')).toBe('true');
    expect(fake.client.staff.create).not.toHaveBeenCalled();

    type(screen.getByTestId('person-confirm'), 'dewi-toko-2026');
    fake.client.staff.create.mockResolvedValueOnce(fail('invalid_input', { password: 'contains_personal' }));
    await act(async () => fireEvent.click(screen.getByTestId('person-add-submit')));
    expect(within(dialog).getByText("Jangan memakai nama Anda, nama toko, atau kata 'brankas' di kata sandi.")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('person-password'));

    fake.client.staff.create.mockResolvedValueOnce(fail('name_taken'));
    await act(async () => fireEvent.click(screen.getByTestId('person-add-submit')));
    expect(screen.getByTestId('person-name').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Nama ini sudah dipakai akun lain. Pakai nama yang berbeda.')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByTestId('person-add-submit')));
    expect(fake.client.staff.create).toHaveBeenLastCalledWith({ name: 'Dewi', role: 'viewer', reason: 'Magang akhir pekan', password: 'dewi-toko-2026' });
    expect(screen.queryByRole('dialog', { name: 'Tambah orang' })).toBeNull();
    expect(useStore.getState().notice?.key).toBe('people.notice.added');
    expect(fake.client.staff.list).toHaveBeenCalledTimes(2);
  });

  it('changes a role and sends only what changed', async () => {
    await openPeople();
    fireEvent.click(screen.getByRole('button', { name: 'Ubah akun Rina' }));
    fireEvent.change(screen.getByTestId('person-edit-role'), { target: { value: 'manager' } });
    await act(async () => fireEvent.click(screen.getByTestId('person-edit-submit')));
    expect(fake.client.staff.update).toHaveBeenCalledWith({ id: 3, role: 'manager' });
    expect(useStore.getState().notice?.key).toBe('people.notice.saved');
  });

  it('disables only after confirming, and translates last_owner', async () => {
    await openPeople();
    fireEvent.click(screen.getByRole('button', { name: 'Ubah akun Rina' }));
    fireEvent.click(screen.getByTestId('person-toggle-status'));
    const confirm = screen.getByRole('alertdialog', { name: 'Nonaktifkan akun Rina?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Batal' }));
    expect(fake.client.staff.update).not.toHaveBeenCalled();

    fake.client.staff.update.mockResolvedValueOnce(fail('last_owner'));
    await act(async () => fireEvent.click(within(confirm).getByRole('button', { name: 'Nonaktifkan' })));
    expect(within(confirm).getByRole('alert').textContent).toBe('Akun Pemilik toko tidak bisa dinonaktifkan atau diubah perannya.');

    await act(async () => fireEvent.click(within(confirm).getByRole('button', { name: 'Nonaktifkan' })));
    expect(fake.client.staff.update).toHaveBeenLastCalledWith({ id: 3, status: 'disabled' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(useStore.getState().notice?.key).toBe('people.notice.disabled');
  });

  it('resets a password and 2FA', async () => {
    await openPeople();
    fireEvent.click(screen.getByRole('button', { name: 'Ubah akun Ibu Sari' }));
    expect(screen.queryByTestId('person-edit-role')).toBeNull();
    expect(screen.queryByTestId('person-toggle-status')).toBeNull();
    fireEvent.click(screen.getByTestId('person-reset-totp'));
    await act(async () => fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Atur ulang verifikasi dua langkah' })));
    expect(fake.client.staff.resetTotp).toHaveBeenCalledWith({ id: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'Ubah akun Rina' }));
    fireEvent.click(screen.getByTestId('person-reset-password'));
    type(screen.getByTestId('reset-password'), 'rina-baru-2026!');
    type(screen.getByTestId('reset-confirm'), 'rina-baru-2026!');
    fake.client.staff.resetPassword.mockResolvedValueOnce(fail('weak_password'));
    await act(async () => fireEvent.click(screen.getByTestId('reset-password-submit')));
    expect(screen.getByTestId('reset-password').getAttribute('aria-invalid')).toBe('true');
    await act(async () => fireEvent.click(screen.getByTestId('reset-password-submit')));
    expect(fake.client.staff.resetPassword).toHaveBeenLastCalledWith({ id: 3, password: 'rina-baru-2026!' });
    expect(useStore.getState().notice?.key).toBe('people.notice.passwordReset');
  });

  it('shows the permission matrix with headers and spoken cell values', async () => {
    await openPeople();
    const matrix = screen.getByTestId('permission-matrix');
    expect(within(matrix).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Izin', 'Pemilik', 'Manajer', 'Kasir', 'Hanya lihat']);
    const exportRow = screen.getByTestId('matrix-row-data.export');
    expect(within(exportRow).getByRole('rowheader').textContent).toContain('Ekspor data');
    expect(within(exportRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['✓Boleh', '✓Boleh', '—Tidak boleh', '—Tidak boleh']);
  });
});
