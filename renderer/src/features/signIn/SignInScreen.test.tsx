import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, locked, ok, unlockedAs } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});

const { useStore } = await import('../../store');
const { App } = await import('../../App');
const initial = useStore.getState();

beforeEach(() => {
  vi.clearAllMocks();
  window.localStorage.clear();
  useStore.setState(initial, true);
  useStore.setState({ lastPersonId: null });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const renderLocked = async (status = locked) => {
  fake.client.vault.status.mockResolvedValueOnce(ok(status));
  await act(async () => render(<App />));
};
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => act(async () => fireEvent.click(screen.getByTestId('signin-submit')));

describe('SignInScreen', () => {
  it('lists the people with their roles as a radio group and asks to pick one first', async () => {
    await renderLocked();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual(['ISIbu SariPemilik', 'RRinaKasir', 'AAgusHanya lihat']);
    expect(screen.getByRole('group', { name: 'Siapa yang masuk?' })).toBeTruthy();
    expect(document.activeElement).toBe(radios[0]);

    type('Kata sandi', 'rahasia-sekali');
    await submit();
    expect(fake.client.vault.signIn).not.toHaveBeenCalled();
    expect(screen.getByText('Pilih nama Anda dulu.')).toBeTruthy();
  });

  it('signs in with password, then the authenticator code; a wrong code stays on that step', async () => {
    await renderLocked();
    fireEvent.click(screen.getByRole('radio', { name: /Rina/ }));
    type('Kata sandi', 'kata-sandi-rina');
    fake.client.vault.signIn.mockResolvedValueOnce(fail('otp_required'));
    await submit();
    expect(fake.client.vault.signIn).toHaveBeenLastCalledWith({ staffId: 3, password: 'kata-sandi-rina' });

    const otp = screen.getByLabelText('Kode verifikasi') as HTMLInputElement;
    expect(otp.inputMode).toBe('numeric');
    expect(otp.autocomplete).toBe('one-time-code');
    expect(document.activeElement).toBe(otp);
    expect(screen.getByText('HP tidak ada? Ketik salah satu kode cadangan Anda.')).toBeTruthy();

    fake.client.vault.signIn.mockResolvedValueOnce(fail('wrong_otp'));
    fireEvent.change(otp, { target: { value: '000000' } });
    await submit();
    expect(screen.getByText(/Kode verifikasi salah/)).toBeTruthy();
    expect((screen.getByLabelText('Kode verifikasi') as HTMLInputElement).value).toBe('');

    fake.client.vault.signIn.mockResolvedValueOnce(ok(unlockedAs('staff')));
    type('Kode verifikasi', ' 123456 ');
    await submit();
    expect(fake.client.vault.signIn).toHaveBeenLastCalledWith({ staffId: 3, password: 'kata-sandi-rina', otp: '123456' });
    expect(screen.getByTestId('signed-in-person').textContent).toBe('Rina (Kasir)');
    // Only the id is remembered on this PC, for preselecting next time.
    expect(window.localStorage.getItem('brankas.lastPerson')).toBe('3');
  });

  it('counts down after too many attempts, with the button disabled until then', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await renderLocked();
    fireEvent.click(screen.getByRole('radio', { name: /Agus/ }));
    type('Kata sandi', 'tebak-tebak');
    fake.client.vault.signIn.mockResolvedValueOnce(fail('too_many_attempts', undefined, 3));
    await submit();
    const button = screen.getByTestId('signin-submit') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('signin-wait').textContent).toBe('Terlalu banyak percobaan gagal. Coba lagi dalam 3 detik.');
    expect(screen.getByRole('alert').textContent).toContain('3 detik');

    act(() => vi.advanceTimersByTime(1000));
    expect(button.textContent).toBe('Tunggu 2 detik');
    act(() => vi.advanceTimersByTime(2000));
    expect(button.disabled).toBe(false);
    expect(screen.queryByTestId('signin-wait')).toBeNull();
  });

  it('explains a disabled account and a wrong password', async () => {
    await renderLocked();
    fireEvent.click(screen.getByRole('radio', { name: /Agus/ }));
    type('Kata sandi', 'apa-saja-boleh');
    fake.client.vault.signIn.mockResolvedValueOnce(fail('account_disabled'));
    await submit();
    expect(screen.getByRole('alert').textContent).toBe('Akun ini dinonaktifkan. Hubungi Pemilik toko.');

    type('Kata sandi', 'salah-lagi');
    fake.client.vault.signIn.mockResolvedValueOnce(fail('wrong_password'));
    await submit();
    const password = screen.getByLabelText('Kata sandi') as HTMLInputElement;
    expect(screen.getByText(/Kata sandi salah/)).toBeTruthy();
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
  });

  it('preselects the last person on this PC and explains strict mode', async () => {
    useStore.setState({ lastPersonId: 4 });
    await renderLocked({ ...locked, strict: true });
    expect((screen.getByRole('radio', { name: /Agus/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('Kata sandi'));
    expect(screen.getByTestId('signin-strict').textContent).toMatch(/mode ketat/);
  });
});
