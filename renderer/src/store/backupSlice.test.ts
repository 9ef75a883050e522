import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupResult, Result, RestoreOutcome } from '../contract';
import { backupResult, backupStatus, fail, locked, ok, restoreOutcome, unlocked } from '../test/fakeClient';

const fake = await vi.hoisted(async () => {
  const { installFakeClient } = await import('../test/fakeClient');
  return installFakeClient();
});
const { useStore } = await import('./index');
const initial = useStore.getState();

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  vi.clearAllMocks();
  useStore.setState(initial, true);
  useStore.setState({ status: unlocked });
});

describe('backup slice', () => {
  it('loads the status and takes the answer of setup, schedule and folder as the new status', async () => {
    await useStore.getState().loadBackupStatus();
    expect(useStore.getState().backupStatus?.configured).toBe(true);

    fake.client.backup.setup.mockResolvedValueOnce(ok(backupStatus({ lastSuccessAt: null })));
    const res = await useStore.getState().setupBackup('kopi sepeda hujan jendela', 'kopi sepeda hujan jendela');
    expect(res.ok).toBe(true);
    expect(fake.client.backup.setup).toHaveBeenCalledWith({ passphrase: 'kopi sepeda hujan jendela', confirm: 'kopi sepeda hujan jendela' });
    expect(useStore.getState().backupStatus?.lastSuccessAt).toBeNull();

    await useStore.getState().saveBackupSchedule({ daily: false, onClose: true, keepDaily: 5, keepWeekly: 2, warnAfterDays: 7 });
    expect(useStore.getState().backupStatus?.schedule).toMatchObject({ daily: false, onClose: true, keepDaily: 5 });

    // A closed folder dialog changes nothing.
    const before = useStore.getState().backupStatus;
    await useStore.getState().pickBackupFolder();
    expect(useStore.getState().backupStatus).toBe(before);
    fake.client.backup.pickFolder.mockResolvedValueOnce(ok(backupStatus({ schedule: { ...backupStatus().schedule, folder: 'F:\\' } })));
    await useStore.getState().pickBackupFolder();
    expect(useStore.getState().backupStatus?.schedule.folder).toBe('F:\\');
  });

  it('backs up now: running until the answer, then the result and a fresh status', async () => {
    const run = deferred<Result<BackupResult | null>>();
    fake.client.backup.run.mockReturnValueOnce(run.promise);
    const going = useStore.getState().runBackupNow();
    expect(useStore.getState().backupRun.running).toBe(true);
    expect(fake.client.backup.run).toHaveBeenCalledWith({ useScheduleFolder: false });
    run.resolve(ok(backupResult()));
    await going;
    expect(useStore.getState().backupRun).toMatchObject({ running: false, result: backupResult(), error: null });
    expect(fake.client.backup.status).toHaveBeenCalledTimes(1);
  });

  it('a closed folder dialog is no error; a cancelled run says so', async () => {
    fake.client.backup.run.mockResolvedValueOnce(ok(null));
    await useStore.getState().runBackupNow();
    expect(useStore.getState().backupRun).toMatchObject({ running: false, result: null, error: null });

    const run = deferred<Result<BackupResult | null>>();
    fake.client.backup.run.mockReturnValueOnce(run.promise);
    const going = useStore.getState().runBackupNow();
    await useStore.getState().cancelBackup();
    expect(fake.client.backup.cancel).toHaveBeenCalled();
    expect(useStore.getState().backupRun.cancelling).toBe(true);
    run.resolve(fail('cancelled'));
    await going;
    expect(useStore.getState().backupRun).toMatchObject({ running: false, cancelling: false, error: 'cancelled' });
  });

  it('restores: file → wrong passphrase → preview → run; the code outlives the lock the restore ends with', async () => {
    const s = () => useStore.getState();
    s().openRestore('vault');
    await s().pickRestoreFile();
    expect(s().restore?.step).toBe('passphrase');

    fake.client.restore.inspect.mockResolvedValueOnce(fail('wrong_passphrase'));
    await s().inspectRestore('salah');
    expect(s().restore).toMatchObject({ step: 'passphrase', error: 'wrong_passphrase' });
    await s().inspectRestore('kopi sepeda hujan jendela');
    expect(s().restore?.step).toBe('preview');
    expect(s().restore?.info?.shopName).toBe('Toko Sari');

    const run = deferred<Result<RestoreOutcome>>();
    fake.client.restore.run.mockReturnValueOnce(run.promise);
    fake.client.vault.status.mockResolvedValue(ok(locked));
    const going = s().runRestore('kopi sepeda hujan jendela');
    expect(s().restore?.step).toBe('running');
    expect(fake.client.restore.run).toHaveBeenCalledWith({ fileId: expect.any(String), passphrase: 'kopi sepeda hujan jendela' });
    // The main process ends the session before answering.
    s().receivePushedStatus(locked);
    expect(s().restore).toBeNull();
    run.resolve(ok(restoreOutcome()));
    await going;
    expect(s().status).toEqual(locked);
    expect(s().restoredCode).toMatchObject({ groups: restoreOutcome().recoveryGroups, challenge: [1, 6], fileName: expect.stringMatching(/\.brankas$/) });

    // The main process checks the typed groups (restore.confirmCode) and marks the code written down.
    fake.client.restore.confirmCode.mockResolvedValueOnce(fail('wrong_recovery_code'));
    expect(await s().confirmRestoredCode(['XW93A', 'WRONG'])).toMatchObject({ ok: false, error: { code: 'wrong_recovery_code' } });
    expect(s().restoredCode).not.toBeNull();
    expect((await s().confirmRestoredCode(['xw93a', 't3v-le'])).ok).toBe(true);
    expect(fake.client.restore.confirmCode).toHaveBeenLastCalledWith({ answers: ['xw93a', 't3v-le'] });
    expect(s().restoredCode).toBeNull();
    expect(s().lockReason).toBe('restored');
  });

  it('a refused restore leaves the flow on the preview with the reason', async () => {
    const s = () => useStore.getState();
    s().openRestore('vault');
    await s().pickRestoreFile();
    await s().inspectRestore('kopi');
    fake.client.restore.run.mockResolvedValueOnce(fail('restore_pending'));
    await s().runRestore('kopi');
    expect(s().restore).toMatchObject({ step: 'preview', error: 'restore_pending' });
    expect(s().restoredCode).toBeNull();
  });

  it('uses the first-run channels, and the first-run flow survives status echoes', async () => {
    const s = () => useStore.getState();
    useStore.setState({ status: { state: 'no_vault' } });
    s().openRestore('firstRun');
    await s().pickRestoreFile();
    s().receivePushedStatus({ state: 'no_vault' });
    expect(s().restore?.step).toBe('passphrase');
    await s().inspectRestore('kopi');
    expect(fake.client.restore.openFirstRun).toHaveBeenCalled();
    expect(fake.client.restore.inspectFirstRun).toHaveBeenCalled();
    expect(fake.client.restore.open).not.toHaveBeenCalled();
    fake.client.vault.status.mockResolvedValue(ok(locked));
    await s().runRestore('kopi');
    expect(fake.client.restore.runFirstRun).toHaveBeenCalled();
    expect(s().restoredCode?.previousKept).toBe(false);
  });

  it('keep and undo apply the answered status; the lock wipes backup data', async () => {
    const s = () => useStore.getState();
    await s().loadBackupStatus();
    await s().keepRestore();
    expect(fake.client.restore.confirm).toHaveBeenCalled();
    expect(fake.client.backup.status).toHaveBeenCalledTimes(2);

    s().openRestore('vault');
    await s().undoRestore();
    expect(s().status).toEqual(locked);
    expect(s().lockReason).toBe('restoreUndone');
    expect([s().backupStatus, s().restore]).toEqual([null, null]);
  });
});
