/** The demo in the renderer: the offer on the first-run screen, the banner on every screen, one-click discard. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DemoStatus, VaultStatus } from '../../contract';
import { fail, locked, ok, unlocked } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});

const { useStore } = await import('../../store');
const { App } = await import('../../App');
const initial = useStore.getState();

const ACTIVE: DemoStatus = { active: true, ownerName: 'Pemilik Demo', password: 'abcd-efgh-jkmn-pqrs' };
const demoUnlocked: VaultStatus = { ...unlocked, ownerName: 'Pemilik Demo' } as VaultStatus;

beforeEach(() => {
  vi.clearAllMocks();
  window.localStorage.clear();
  useStore.setState(initial, true);
});
afterEach(cleanup);

const renderWith = async (status: VaultStatus, demo: DemoStatus) => {
  fake.client.vault.status.mockResolvedValue(ok(status));
  fake.client.demo.status.mockResolvedValue(ok(demo));
  await act(async () => render(<App />));
};

describe('demo', () => {
  it('the first-run screen offers sample data; starting it shows the banner over the unlocked app', async () => {
    await renderWith({ state: 'no_vault' }, { active: false, leftover: false });
    expect(screen.queryByTestId('demo-banner')).toBeNull();
    fake.client.demo.start.mockResolvedValueOnce(ok(demoUnlocked));
    fake.client.demo.status.mockResolvedValue(ok(ACTIVE));
    fake.client.vault.status.mockResolvedValue(ok(demoUnlocked));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Coba dulu dengan data contoh' })));
    expect(fake.client.demo.start).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('demo-banner').textContent).toContain('DEMO — data contoh, bukan data asli');
    expect(screen.getByTestId('demo-password').textContent).toBe('abcd-efgh-jkmn-pqrs');
    expect(await screen.findByRole('heading', { name: 'Pelanggan' })).toBeTruthy();
  });

  it('the banner stays on the sign-in screen after a lock, with the password to sign in again', async () => {
    await renderWith({ ...locked, ownerName: 'Pemilik Demo' }, ACTIVE);
    expect(screen.getByTestId('demo-banner').textContent).toContain('Pemilik Demo');
    expect(screen.getByTestId('signin-password')).toBeTruthy();
  });

  it('"Buang data contoh" discards in one click and returns to the first-run screen', async () => {
    await renderWith(demoUnlocked, ACTIVE);
    fake.client.demo.discard.mockResolvedValueOnce(ok<VaultStatus>({ state: 'no_vault' }));
    fake.client.demo.status.mockResolvedValue(ok({ active: false, leftover: false }));
    fake.client.vault.status.mockResolvedValue(ok<VaultStatus>({ state: 'no_vault' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buang data contoh' })));
    expect(fake.client.demo.discard).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('demo-banner')).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Selamat datang di Brankas' })).toBeTruthy();
    expect(useStore.getState().total).toBeNull();
  });

  it('a start that fails says why and stays on the first-run screen', async () => {
    await renderWith({ state: 'no_vault' }, { active: false, leftover: false });
    fake.client.demo.start.mockResolvedValueOnce(fail('disk_full'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Coba dulu dengan data contoh' })));
    expect(screen.getByRole('alert').textContent).toMatch(/penuh/i);
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });
});
