import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeStaffClient } = await import('../../test/fakeStaffClient');
  return installFakeStaffClient();
});
const { unlockedAs } = await import('../../test/fakeStaffClient');
const { useStore } = await import('../../store');
const { SettingsPage } = await import('./SettingsPage');
const initial = useStore.getState();

const tabIds = () => screen.queryAllByRole('tab').map((t) => t.getAttribute('data-testid'));

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ page: 'settings' });
});
afterEach(cleanup);

describe('settings tabs by permission', () => {
  it.each([
    ['owner', ['settings-tab-general', 'settings-tab-people', 'settings-tab-review', 'settings-tab-audit', 'settings-tab-backup', 'settings-tab-security']],
    ['manager', ['settings-tab-audit', 'settings-tab-backup']],
    ['staff', []],
    ['viewer', []],
  ] as const)('%s sees %j', async (role, expected) => {
    useStore.setState({ status: unlockedAs(role) });
    await act(async () => render(<SettingsPage />));
    expect(tabIds()).toEqual(expected);
    if (expected.length === 0) expect(screen.getByTestId('settings-none')).toBeTruthy();
    else expect(screen.getByTestId(expected[0]).getAttribute('aria-selected')).toBe('true');
  });
});

describe('general settings', () => {
  it('saves the roles that must use two-step verification with the idle lock', async () => {
    useStore.setState({ status: unlockedAs('owner', { settings: { idleLockMinutes: 7, require2faRoles: ['manager'] } }) });
    await act(async () => render(<SettingsPage />));
    expect((screen.getByTestId('settings-2fa-manager') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Kasir'));
    fireEvent.click(screen.getByLabelText('Manajer'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan' })));
    expect(fake.client.settings.save).toHaveBeenCalledWith({ idleLockMinutes: 7, require2faRoles: ['staff'] });
  });
});

describe('security', () => {
  it('asks for the password before switching strict mode, and shows a wrong one on the field', async () => {
    useStore.setState({ status: unlockedAs('owner') });
    await act(async () => render(<SettingsPage />));
    await act(async () => fireEvent.click(screen.getByTestId('settings-tab-security')));
    const sw = screen.getByRole('switch', { name: 'Mode ketat' });
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(document.getElementById(sw.getAttribute('aria-describedby')!)?.textContent).toMatch(/kode pemulihan/i);

    fireEvent.click(sw);
    expect(screen.getByRole('dialog', { name: 'Aktifkan mode ketat' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByTestId('strict-password'));
    fake.client.security.setStrictMode.mockResolvedValueOnce(fail('wrong_password'));
    fireEvent.change(screen.getByTestId('strict-password'), { target: { value: 'salah' } });
    await act(async () => fireEvent.click(screen.getByTestId('strict-mode-submit')));
    expect(screen.getByTestId('strict-password').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(screen.getByTestId('strict-password'), { target: { value: 'benar-sekali-123' } });
    await act(async () => fireEvent.click(screen.getByTestId('strict-mode-submit')));
    expect(fake.client.security.setStrictMode).toHaveBeenLastCalledWith({ enabled: true, password: 'benar-sekali-123' });
    expect(screen.queryByRole('dialog', { name: 'Aktifkan mode ketat' })).toBeNull();
    expect(screen.getByRole('switch', { name: 'Mode ketat' }).getAttribute('aria-checked')).toBe('true');
  });
});
