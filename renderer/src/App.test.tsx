import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from './contract';
import { fail, ok, unlocked } from './test/fakeClient';
import { makeCustomer } from './test/fixtures';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('./test/fakeClient');
  return installFakeClient();
});

const { useStore } = await import('./store');
const { App } = await import('./App');
const initial = useStore.getState();

const customer = (id: number): Customer => makeCustomer({ id, phoneDisplay: '0812-0000-0000', city: 'Bandung', tags: ['grosir'] });

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
});
afterEach(cleanup);

describe('App', () => {
  it('signs in: a wrong password is explained, the field cleared and focused', async () => {
    fake.client.vault.status.mockResolvedValueOnce(ok({ state: 'locked', ownerName: 'Ibu Sari' }));
    await act(async () => render(<App />));
    expect(screen.getByText('Selamat datang kembali, Ibu Sari.')).toBeTruthy();

    fake.client.vault.signIn.mockResolvedValueOnce(fail('wrong_password'));
    const password = screen.getByLabelText('Kata sandi') as HTMLInputElement;
    fireEvent.change(password, { target: { value: 'salah-sekali' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buka' })));
    expect(fake.client.vault.signIn).toHaveBeenCalledWith({ password: 'salah-sekali' });
    expect(screen.getByText(/Kata sandi salah/)).toBeTruthy();
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
  });

  it('wipes customer data when the main process pushes a lock', async () => {
    fake.client.vault.status.mockResolvedValueOnce(ok(unlocked));
    fake.client.customers.search.mockResolvedValue(ok({ items: [customer(1), customer(2)], total: 2, offset: 0 }));
    await act(async () => render(<App />));
    expect(screen.getByRole('heading', { name: 'Pelanggan' })).toBeTruthy();
    expect(useStore.getState().total).toBe(2);
    act(() => useStore.getState().openCustomer(customer(1)));

    await act(async () => fake.emit({ state: 'locked', ownerName: 'Ibu Sari' }));
    const s = useStore.getState();
    expect([s.total, s.pages, s.editor, s.query]).toEqual([null, {}, null, '']);
    expect(screen.getByText(/dikunci karena komputer dikunci/)).toBeTruthy();
  });

  it('explains an unavailable vault and that the file was not changed', async () => {
    fake.client.vault.status.mockResolvedValueOnce(ok({ state: 'unavailable', reason: 'vault_too_new' }));
    await act(async () => render(<App />));
    expect(screen.getByText(/versi Brankas yang lebih baru/)).toBeTruthy();
    expect(screen.getByText('File brankas Anda tidak diubah dan tidak dihapus.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(screen.getByText('Your vault file was not changed or deleted.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('brankas.locale')).toBe('en');
  });
});
