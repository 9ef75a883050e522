import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from './contract';
import { fail, locked, ok, unlocked, unlockedAs } from './test/fakeClient';
import { makeCustomer } from './test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('./test/fakeClient');
  return installFakeClient();
});

const { useStore } = await import('./store');
const { App } = await import('./App');
const initial = useStore.getState();

const customer = (id: number, over: Partial<Customer> = {}): Customer =>
  makeCustomer({ id, phoneDisplay: '0812-0000-0000', city: 'Bandung', tags: ['grosir'], ...over });

beforeEach(() => {
  vi.clearAllMocks();
  window.localStorage.clear();
  useStore.setState(initial, true);
  useStore.setState({ lastPersonId: null });
});
afterEach(cleanup);

const renderWith = async (status: Parameters<typeof ok>[0]) => {
  fake.client.vault.status.mockResolvedValueOnce(ok(status as never));
  await act(async () => render(<App />));
};

describe('App', () => {
  it('signs in: a wrong password is explained, the field cleared and focused', async () => {
    await renderWith(locked);
    expect(screen.getByText('Selamat datang kembali, Ibu Sari.')).toBeTruthy();

    fake.client.vault.signIn.mockResolvedValueOnce(fail('wrong_password'));
    fireEvent.click(screen.getByRole('radio', { name: /Ibu Sari/ }));
    const password = screen.getByLabelText('Kata sandi') as HTMLInputElement;
    fireEvent.change(password, { target: { value: 'salah-sekali' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buka' })));
    expect(fake.client.vault.signIn).toHaveBeenCalledWith({ staffId: 1, password: 'salah-sekali' });
    expect(screen.getByText(/Kata sandi salah/)).toBeTruthy();
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
  });

  it('wipes customer data when the main process pushes a lock', async () => {
    fake.client.customers.search.mockResolvedValue(ok({ items: [customer(1), customer(2)], total: 2, offset: 0 }));
    await renderWith(unlocked);
    expect(screen.getByRole('heading', { name: 'Pelanggan' })).toBeTruthy();
    expect(useStore.getState().total).toBe(2);
    act(() => useStore.getState().openCustomer(customer(1)));

    await act(async () => fake.emit(locked));
    const s = useStore.getState();
    expect([s.total, s.pages, s.editor, s.query]).toEqual([null, {}, null, '']);
    expect(screen.getByText(/dikunci karena komputer dikunci/)).toBeTruthy();
  });

  it('switch person: locks, clears every slice and shows the list with nobody preselected', async () => {
    useStore.setState({ lastPersonId: 3 });
    fake.client.customers.search.mockResolvedValue(ok({ items: [customer(1, { masked: ['phone'], phoneDisplay: '0812****0000' })], total: 1, offset: 0 }));
    fake.client.customers.reveal.mockResolvedValueOnce(ok({ field: 'phone', value: '+6281200000000', display: '0812-0000-0000' }));
    await renderWith(unlockedAs('staff'));
    await act(async () => void (await useStore.getState().reveal(1, 'phone')));
    act(() => useStore.getState().openCustomer(customer(1)));
    useStore.setState({ access: { people: [], lastReviewAt: null, reviewDue: false, nextReviewAt: 0 } });
    expect(Object.keys(useStore.getState().revealed)).toEqual(['1:phone']);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Ganti orang' })));
    expect(fake.client.vault.lock).toHaveBeenCalledTimes(1);
    const s = useStore.getState();
    expect([s.total, s.pages, s.editor, s.revealed, s.access, s.auditEntries]).toEqual([null, {}, null, {}, null, null]);
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    expect(screen.queryByText(/dikunci/)).toBeNull();
  });

  it('hides what a cashier may not do: import, export, selection, delete and Settings', async () => {
    fake.client.customers.search.mockResolvedValue(ok({ items: [customer(1)], total: 1, offset: 0 }));
    await renderWith(unlockedAs('staff'));
    expect(screen.getByTestId('signed-in-person').textContent).toBe('Rina (Kasir)');
    expect(screen.queryByTestId('import-open')).toBeNull();
    expect(screen.queryByTestId('export-open')).toBeNull();
    expect(screen.queryByTestId('select-toggle')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pengaturan' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Tambah pelanggan' })).toBeTruthy();

    act(() => useStore.getState().openCustomer(customer(1)));
    const dialog = screen.getByTestId('customer-dialog');
    expect(within(dialog).queryByRole('button', { name: 'Hapus' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Simpan' })).toBeTruthy();
  });

  it('shows the owner everything, and a viewer a read-only form', async () => {
    fake.client.customers.search.mockResolvedValue(ok({ items: [customer(1)], total: 1, offset: 0 }));
    await renderWith(unlocked);
    expect(screen.getByTestId('import-open')).toBeTruthy();
    expect(screen.getByTestId('export-open')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pengaturan' })).toBeTruthy();
    cleanup();

    await renderWith(unlockedAs('viewer'));
    expect(screen.queryByRole('button', { name: 'Tambah pelanggan' })).toBeNull();
    act(() => useStore.getState().openCustomer(customer(1)));
    const dialog = screen.getByTestId('customer-dialog');
    expect(within(dialog).queryByRole('button', { name: 'Simpan' })).toBeNull();
    expect((await within(dialog).findByLabelText(/Nama/)).matches(':disabled')).toBe(true);
    expect(within(dialog).queryByTestId('mark-verified')).toBeNull();
  });

  it('masked phone in the form: read-only, and saved back exactly as it came', async () => {
    const masked = customer(1, { phone: '0812****7890', phoneDisplay: '0812****7890', masked: ['phone'] });
    await renderWith(unlockedAs('staff'));
    // The form: read-only while masked, saved back as it came.
    act(() => useStore.getState().openCustomer(masked));
    const field = (await screen.findByLabelText('Telepon')) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toBe('0812****7890');
    fake.client.customers.save.mockResolvedValueOnce(ok(masked));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(fake.client.customers.save.mock.calls[0]![0].customer.phone).toBe('0812****7890');
  });

  it('masked phone in the form: Show makes it editable with the real value', async () => {
    const masked = customer(1, { phone: '0812****7890', phoneDisplay: '0812****7890', masked: ['phone'] });
    await renderWith(unlockedAs('staff'));
    act(() => useStore.getState().openCustomer(masked));
    await screen.findByLabelText('Telepon');
    fake.client.customers.reveal.mockResolvedValueOnce(ok({ field: 'phone', value: '+6281234567890', display: '0812-3456-7890' }));
    await act(async () => fireEvent.click(within(screen.getByTestId('customer-dialog')).getByTestId('reveal-button')));
    const field = screen.getByLabelText('Telepon') as HTMLInputElement;
    expect(field.readOnly).toBe(false);
    expect(field.value).toBe('0812-3456-7890');
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: '0813-1111-2222' } });
    fake.client.customers.save.mockResolvedValueOnce(ok(masked));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(fake.client.customers.save.mock.calls[0]![0].customer.phone).toBe('0813-1111-2222');
  });

  it('shows only 2FA enrolment when the role requires it, then the backup codes once', async () => {
    await renderWith(unlockedAs('staff', { mustEnrollTotp: true }));
    expect(screen.getByTestId('enrolment-screen')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Pelanggan' })).toBeNull();
    expect(fake.client.customers.search).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(screen.getByTestId('totp-start')));
    expect((screen.getByAltText('Kode QR untuk aplikasi autentikator') as HTMLImageElement).src).toContain('data:image/png');
    expect(screen.getByTestId('totp-manual-key').textContent).toBe('JBSWY3DPEHPK3PXP');
    fireEvent.change(screen.getByLabelText('Kode dari aplikasi'), { target: { value: '123456' } });
    // The main process pushes the new status (enrolled) before the answer arrives: the codes must still show.
    fake.client.account.confirmTotp.mockImplementationOnce(async () => {
      fake.emit(unlockedAs('staff', { totpEnabled: true }));
      return ok({ codes: ['1111-2222', '3333-4444'] });
    });
    await act(async () => fireEvent.click(screen.getByTestId('totp-confirm')));
    expect(fake.client.account.confirmTotp).toHaveBeenCalledWith({ code: '123456' });
    expect(screen.getAllByTestId('backup-code').map((el) => el.textContent)).toEqual(['1111-2222', '3333-4444']);

    fake.client.vault.status.mockResolvedValueOnce(ok(unlockedAs('staff', { totpEnabled: true })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Saya sudah menuliskannya' })));
    expect(useStore.getState().backupCodes).toBeNull();
    expect(screen.getByRole('heading', { name: 'Pelanggan' })).toBeTruthy();
  });

  it('My account: the new password is checked by the main process and its verdict shown on the field', async () => {
    await renderWith(unlockedAs('staff'));
    fireEvent.click(screen.getByTestId('account-open'));
    const dialog = screen.getByTestId('account-dialog');
    expect(within(dialog).getByText('Masuk sebagai Rina, peran Kasir.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Kata sandi sekarang'), { target: { value: 'lama-sekali-123' } });
    fireEvent.change(within(dialog).getByLabelText('Kata sandi baru'), { target: { value: 'rina12345678' } });
    fireEvent.change(within(dialog).getByLabelText('Ulangi kata sandi baru'), { target: { value: 'rina12345678' } });
    fake.client.account.changePassword.mockResolvedValueOnce(fail('weak_password', { next: 'contains_personal' }));
    await act(async () => fireEvent.click(within(dialog).getByTestId('account-change-password')));
    expect(fake.client.account.changePassword).toHaveBeenCalledWith({ current: 'lama-sekali-123', next: 'rina12345678' });
    const next = within(dialog).getByLabelText('Kata sandi baru');
    expect(next.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText(/Jangan memakai nama Anda/)).toBeTruthy();
    expect(document.activeElement).toBe(next);
  });

  it('explains an unavailable vault and that the file was not changed', async () => {
    await renderWith({ state: 'unavailable', reason: 'vault_too_new' });
    expect(screen.getByText(/versi Brankas yang lebih baru/)).toBeTruthy();
    expect(screen.getByText('File brankas Anda tidak diubah dan tidak dihapus.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(screen.getByText('Your vault file was not changed or deleted.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('brankas.locale')).toBe('en');
  });
});
