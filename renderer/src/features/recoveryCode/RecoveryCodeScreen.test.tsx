import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, unlocked } from '../../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../../test/fakeClient');
  return installFakeClient();
});

const { useStore } = await import('../../store');
const { RecoveryCodeScreen } = await import('./RecoveryCodeScreen');
const initial = useStore.getState();

const issue = { groups: ['7KQ2M', 'XW93A', 'P4HT8', 'ZC2QN', 'M8RKD', 'B6FJW', 'T3VLE', 'Q9GHY'], challenge: [2, 5] };

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: { ...unlocked, recoveryConfirmed: false }, recoveryIssue: issue });
});
afterEach(cleanup);

describe('RecoveryCodeScreen', () => {
  it('shows the code, then sends the challenged groups and lets the user retry a wrong answer', async () => {
    render(<RecoveryCodeScreen />);
    expect(screen.getAllByTestId('recovery-group').map((el) => el.textContent)).toEqual(issue.groups);
    expect(screen.getByText('XW93A')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Saya sudah menuliskannya' }));
    expect(screen.getByText('Ketik kelompok ke-3 dan ke-6 dari kertas Anda.')).toBeTruthy();

    fake.client.vault.confirmRecoveryCode.mockResolvedValueOnce(fail('wrong_recovery_code'));
    fireEvent.change(screen.getByLabelText('Kelompok ke-3'), { target: { value: 'p4ht8' } });
    fireEvent.change(screen.getByLabelText('Kelompok ke-6'), { target: { value: 'WRONG' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Konfirmasi' })));
    expect(fake.client.vault.confirmRecoveryCode).toHaveBeenLastCalledWith({ answers: ['P4HT8', 'WRONG'] });
    expect(screen.getByRole('alert').textContent).toContain('Kode pemulihan tidak cocok');

    fake.client.vault.confirmRecoveryCode.mockResolvedValueOnce(ok(unlocked));
    fireEvent.change(screen.getByLabelText('Kelompok ke-6'), { target: { value: ' b6f-jw ' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Konfirmasi' })));
    expect(fake.client.vault.confirmRecoveryCode).toHaveBeenLastCalledWith({ answers: ['P4HT8', 'B6FJW'] });
    expect(useStore.getState().status).toEqual(unlocked);
    expect(useStore.getState().recoveryIssue).toBeNull();
  });

  it('asks for a fresh code when none is being shown', async () => {
    useStore.setState({ recoveryIssue: null });
    fake.client.vault.newRecoveryCode.mockResolvedValueOnce(ok(issue));
    await act(async () => render(<RecoveryCodeScreen />));
    expect(fake.client.vault.newRecoveryCode).toHaveBeenCalledTimes(1);
    expect(screen.getByText('7KQ2M')).toBeTruthy();
  });
});
