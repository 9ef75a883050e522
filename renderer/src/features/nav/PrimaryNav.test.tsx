import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../contract';

await vi.hoisted(async () => {
  const { installFakeStaffClient } = await import('../../test/fakeStaffClient');
  return installFakeStaffClient();
});
const { unlockedAs } = await import('../../test/fakeStaffClient');
const { useStore } = await import('../../store');
const { MainScreen } = await import('../main/MainScreen');
const initial = useStore.getState();

const navItems = () => within(screen.getByRole('navigation', { name: 'Navigasi utama' })).getAllByRole('button');
const names = () => navItems().map((b) => b.textContent);
const current = () => navItems().filter((b) => b.getAttribute('aria-current') === 'page').map((b) => b.textContent);

async function renderAs(role: Role) {
  useStore.setState({ status: unlockedAs(role) });
  await act(async () => render(<MainScreen />));
}

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
});
afterEach(cleanup);

describe('primary navigation', () => {
  it.each([
    ['owner', ['Pelanggan', 'Tujuan & persetujuan', 'Pemberitahuan privasi', 'Permintaan data', 'Pengaturan']],
    ['manager', ['Pelanggan', 'Tujuan & persetujuan', 'Pemberitahuan privasi', 'Permintaan data', 'Pengaturan']],
    // A cashier takes requests at the counter; View-only does not.
    ['staff', ['Pelanggan', 'Tujuan & persetujuan', 'Pemberitahuan privasi', 'Permintaan data']],
    ['viewer', ['Pelanggan', 'Tujuan & persetujuan', 'Pemberitahuan privasi']],
  ] as const)('%s sees %j', async (role, expected) => {
    await renderAs(role);
    expect(names()).toEqual(expected);
    expect(current()).toEqual(['Pelanggan']);
    expect(screen.getByRole('list', { name: 'Privasi' })).toBeTruthy();
  });

  it('shows the chosen page, marks it current, and moves between items with the arrow keys', async () => {
    await renderAs('owner');
    await act(async () => fireEvent.click(screen.getByTestId('nav-purposes')));
    expect(current()).toEqual(['Tujuan & persetujuan']);
    expect(screen.getByRole('heading', { level: 1, name: 'Tujuan & persetujuan' })).toBeTruthy();
    expect(screen.getByTestId('field-catalogue')).toBeTruthy();

    screen.getByTestId('nav-purposes').focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('nav-notice'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('nav-requests'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('nav-settings'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('nav-customers'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByTestId('nav-settings'));
    await act(async () => fireEvent.click(document.activeElement!));
    expect(screen.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeTruthy();
    expect(current()).toEqual(['Pengaturan']);
  });

  it('a banner opens Settings on its tab, and "Tutup" goes back to the customer list', async () => {
    await renderAs('owner');
    await act(async () => useStore.getState().openSettingsAt('security'));
    expect(screen.getByTestId('settings-tab-security').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('settings-tab-security'));
    await act(async () => fireEvent.click(within(screen.getByTestId('settings-page')).getAllByRole('button', { name: 'Tutup' }).at(-1)!));
    expect(screen.queryByTestId('settings-page')).toBeNull();
    expect(current()).toEqual(['Pelanggan']);
  });

  it('falls back to the customer list when the page is not the role’s, and goes back there on lock', async () => {
    useStore.setState({ page: 'settings' });
    await renderAs('staff');
    expect(screen.queryByTestId('settings-page')).toBeNull();
    expect(current()).toEqual(['Pelanggan']);
    useStore.getState().goTo('purposes');
    useStore.getState().resetUi();
    expect(useStore.getState().page).toBe('customers');
  });
});
