import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../../contract';
import { backupInfo, fail, locked, ok, restoreOutcome, unlockedAs } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('../../store');
const { App } = await import('../../App');
const initial = useStore.getState();

const click = async (testId: string) => act(async () => fireEvent.click(screen.getByTestId(testId)));
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

beforeEach(() => {
  vi.clearAllMocks();
  window.localStorage.clear();
  useStore.setState(initial, true);
  useStore.setState({ lastPersonId: null });
});
afterEach(cleanup);

const renderApp = async (status: VaultStatus) => {
  fake.client.vault.status.mockResolvedValueOnce(ok(status));
  await act(async () => render(<App />));
};

/** Passphrase → preview → restore; the main process ends the session, then the new code is confirmed. */
async function passphraseToSignIn(inspect: typeof fake.client.restore.inspect) {
  expect(screen.getByTestId('restore-file').textContent).toMatch(/\.brankas$/);
  inspect.mockResolvedValueOnce(fail('wrong_passphrase'));
  type('restore-passphrase', 'salah');
  await click('restore-inspect');
  const field = screen.getByTestId('restore-passphrase');
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(document.activeElement).toBe(field);

  type('restore-passphrase', 'kopi sepeda hujan jendela');
  await click('restore-inspect');
  const preview = screen.getByTestId('restore-preview');
  expect(preview.textContent).toMatch(/Toko Sari/);
  expect(preview.textContent).toMatch(/1\.250 pelanggan/);
  expect(screen.getByTestId('restore-preview-version').textContent).toBe('0.1.0');

  fake.client.vault.status.mockResolvedValue(ok(locked));
  await click('restore-run');
  // Pushed by the main process as the restored vault takes over.
  await act(async () => fake.emit(locked));
  expect(screen.getByTestId('restored-code-screen')).toBeTruthy();
  expect(screen.getByTestId('restored-from').textContent).toMatch(/Brankas-Toko-Sari-2026-11-28-1430\.brankas/);
  expect(screen.getAllByTestId('recovery-group').map((g) => g.textContent)).toEqual(restoreOutcome().recoveryGroups);

  fireEvent.click(screen.getByRole('button', { name: 'Saya sudah menuliskannya' }));
  type('recovery-answer-0', 'XW93A');
  type('recovery-answer-1', 'nope');
  fake.client.restore.confirmCode.mockResolvedValueOnce(fail('wrong_recovery_code'));
  await click('recovery-confirm-submit');
  expect(screen.getByRole('alert').textContent).toMatch(/Kode pemulihan tidak cocok/);
  type('recovery-answer-1', 't3vle');
  await click('recovery-confirm-submit');

  expect(screen.queryByTestId('restored-code-screen')).toBeNull();
  expect(screen.getByText('Selamat datang kembali, Ibu Sari.')).toBeTruthy();
  expect(screen.getByText(/Brankas sudah dipulihkan dari cadangan/)).toBeTruthy();
  expect(fake.client.vault.confirmRecoveryCode).not.toHaveBeenCalled();
}

describe('restore', () => {
  it('from Settings: pick, passphrase, preview with the warning, restore, new recovery code, sign-in list', async () => {
    await renderApp(unlockedAs('owner'));
    await act(async () => useStore.getState().openSettingsAt('backup'));
    await click('restore-open');
    expect(screen.getByTestId('restore-dialog')).toBeTruthy();

    fake.client.restore.open.mockResolvedValueOnce(ok(null));
    await click('restore-pick');
    expect(screen.getByTestId('restore-flow').dataset.step).toBe('pick');
    await click('restore-pick');
    expect(screen.getByTestId('restore-flow').dataset.step).toBe('passphrase');

    fake.client.restore.inspect.mockResolvedValueOnce(fail('wrong_passphrase'));
    type('restore-passphrase', 'x');
    await click('restore-inspect');
    type('restore-passphrase', 'kopi sepeda hujan jendela');
    fake.client.restore.inspect.mockResolvedValueOnce(fail('not_a_backup'));
    await click('restore-inspect');
    expect(screen.getByRole('alert').textContent).toMatch(/bukan file cadangan Brankas/);
    expect(screen.queryByTestId('restore-preview')).toBeNull();

    await passphraseToSignIn(fake.client.restore.inspect);
    expect(fake.client.restore.run).toHaveBeenCalledWith({ fileId: expect.any(String), passphrase: 'kopi sepeda hujan jendela' });
  });

  it('warns that the current vault is replaced but kept until confirmed', async () => {
    await renderApp(unlockedAs('owner'));
    await act(async () => useStore.getState().openSettingsAt('backup'));
    await click('restore-open');
    await click('restore-pick');
    type('restore-passphrase', 'kopi');
    await click('restore-inspect');
    const warning = screen.getByTestId('restore-warning').textContent;
    expect(warning).toMatch(/akan diganti/);
    expect(warning).toMatch(/disimpan sampai Anda memilih/);
    expect(document.activeElement?.id).toBe('restore-step-title');
  });

  it('says how many customers in the backup were erased since and are erased again (id and en); nothing when none', async () => {
    await renderApp(unlockedAs('owner'));
    await act(async () => useStore.getState().openSettingsAt('backup'));
    await click('restore-open');
    await click('restore-pick');
    type('restore-passphrase', 'kopi');
    await click('restore-inspect');
    expect(screen.queryByTestId('restore-preview-erased')).toBeNull();

    await click('restore-back');
    fake.client.restore.inspect.mockResolvedValueOnce(ok(backupInfo({ erasedAgain: 2 })));
    type('restore-passphrase', 'kopi');
    await click('restore-inspect');
    expect(screen.getByTestId('restore-preview-erased').textContent).toBe(
      '2 pelanggan dalam cadangan ini sudah dihapus setelah cadangan dibuat. Pemulihan menghapus mereka lagi sebelum ada yang bisa melihatnya.',
    );
    act(() => useStore.getState().setLocale('en'));
    expect(screen.getByTestId('restore-preview-erased').textContent).toBe(
      '2 customers in this backup have been erased since it was made. The restore erases them again before anyone can see them.',
    );
  });

  it('a running restore can be cancelled: back to the preview, nothing changed', async () => {
    await renderApp(unlockedAs('owner'));
    await act(async () => useStore.getState().openSettingsAt('backup'));
    await click('restore-open');
    await click('restore-pick');
    type('restore-passphrase', 'kopi sepeda hujan jendela');
    await click('restore-inspect');
    let answer: (r: ReturnType<typeof fail>) => void = () => undefined;
    fake.client.restore.run.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await click('restore-run');
    expect(screen.getByTestId('restore-progress')).toBeTruthy();
    await click('restore-cancel-run');
    expect(fake.client.restore.cancel).toHaveBeenCalledTimes(1);
    expect((screen.getByTestId('restore-cancel-run') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answer(fail('cancelled')));
    expect(screen.getByTestId('restore-flow').dataset.step).toBe('preview');
    expect(screen.getByRole('alert').textContent).toMatch(/Dibatalkan/);
  });

  it('from the first-run screen on a new PC, with the first-run channels', async () => {
    await renderApp({ state: 'no_vault' });
    expect(screen.getByTestId('firstrun-restore').textContent).toBe('Pulihkan dari cadangan');
    await click('firstrun-restore');
    expect(screen.getByTestId('firstrun-restore-screen')).toBeTruthy();
    await click('restore-cancel');
    expect(screen.queryByTestId('firstrun-restore-screen')).toBeNull();

    await click('firstrun-restore');
    await click('restore-pick');
    fake.client.restore.runFirstRun.mockResolvedValueOnce(ok(restoreOutcome({ previousKept: false })));
    await passphraseToSignIn(fake.client.restore.inspectFirstRun);
    expect(fake.client.restore.openFirstRun).toHaveBeenCalled();
    expect(fake.client.restore.runFirstRun).toHaveBeenCalled();
    expect(fake.client.restore.run).not.toHaveBeenCalled();
  });

  it('from the recovery screen (key gone): the same flow, the first-run channels, the old files said to be kept', async () => {
    await renderApp({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: true });
    expect(screen.getByTestId('rescue-restore').textContent).toBe('Pulihkan dari cadangan');
    expect(screen.getByText(/File brankas yang sekarang tidak dihapus/)).toBeTruthy();
    await click('rescue-restore');
    expect(screen.getByTestId('firstrun-restore-screen').dataset.mode).toBe('rescue');
    await click('restore-cancel');
    expect(screen.getByLabelText('Kode pemulihan')).toBeTruthy();

    await click('rescue-restore');
    // A status echo while the flow is open does not close it.
    await act(async () => fake.emit({ state: 'needs_recovery', reason: 'key_missing', recoveryAvailable: true }));
    await click('restore-pick');
    fake.client.restore.runFirstRun.mockResolvedValueOnce(ok(restoreOutcome({ previousKept: true })));
    const inspect = fake.client.restore.inspectFirstRun;
    inspect.mockResolvedValueOnce(fail('wrong_passphrase'));
    type('restore-passphrase', 'salah');
    await click('restore-inspect');
    type('restore-passphrase', 'kopi sepeda hujan jendela');
    await click('restore-inspect');
    expect(screen.getByTestId('restore-warning').textContent).toMatch(/tidak dihapus/);
    fake.client.vault.status.mockResolvedValue(ok(locked));
    await click('restore-run');
    await act(async () => fake.emit(locked));
    expect(screen.getByTestId('restored-code-screen')).toBeTruthy();
    expect(fake.client.restore.openFirstRun).toHaveBeenCalled();
    expect(fake.client.restore.runFirstRun).toHaveBeenCalled();
    expect(fake.client.restore.run).not.toHaveBeenCalled();
  });

  it('from the "cannot be opened" screen only when a restore is one of the steps', async () => {
    await renderApp({ state: 'unavailable', reason: 'corrupt_vault' });
    await click('rescue-restore');
    expect(screen.getByTestId('firstrun-restore-screen').dataset.mode).toBe('rescue');
    cleanup();
    useStore.setState(initial, true);
    await renderApp({ state: 'unavailable', reason: 'vault_too_new' });
    expect(screen.getByTestId('unavailable-reason')).toBeTruthy();
    expect(screen.queryByTestId('rescue-restore')).toBeNull();
  });
});
