import { api } from '../api';
import type { AppError, BackupInfo, BackupResult, BackupSchedule, BackupStatus, ErrorCode, Result, VaultStatus } from '../contract';
import type { SliceCreator } from './types';

/** "Back up now": idle → running (the folder dialog, then the work) → done / idle with an error. */
export interface BackupRunState {
  running: boolean;
  /** Cancel was pressed; waiting for the run to stop. */
  cancelling: boolean;
  result: BackupResult | null;
  /** Why the last run failed ('cancelled' when stopped on purpose). */
  error: ErrorCode | null;
}

/**
 * Restoring: pick a file → type the passphrase → checking (restore.inspect) → preview → running.
 * 'vault' restores over the open vault (Settings); 'firstRun' restores on a PC with no vault yet;
 * 'rescue' restores over a vault that cannot be opened (recovery or "cannot be opened" screen; its
 * files are kept until Keep or Put back). The last two run before anyone signs in (restore.*FirstRun).
 * The passphrase is never kept here: the screen holds it while the flow is open.
 */
export type RestoreMode = 'vault' | 'firstRun' | 'rescue';
/** A restore before anyone can sign in: the *FirstRun channels, the full-screen flow. */
export const beforeSignIn = (mode: RestoreMode): boolean => mode !== 'vault';
export type RestoreStep = 'pick' | 'passphrase' | 'checking' | 'preview' | 'running';
export interface RestoreFlow {
  mode: RestoreMode;
  step: RestoreStep;
  file: { fileId: string; fileName: string } | null;
  info: BackupInfo | null;
  error: ErrorCode | null;
  /** The system file dialog is open. */
  picking: boolean;
}

/** The restored vault's new recovery code, shown once; it outlives the lock a restore ends with. */
export interface RestoredCode {
  groups: string[];
  challenge: number[];
  fileName: string;
  previousKept: boolean;
}

export interface BackupSlice {
  /** null until `backup.status` answers. */
  backupStatus: BackupStatus | null;
  backupStatusError: ErrorCode | null;
  backupRun: BackupRunState;
  /** null while no restore is being prepared. */
  restore: RestoreFlow | null;
  restoredCode: RestoredCode | null;

  loadBackupStatus(): Promise<void>;
  setupBackup(passphrase: string, confirm: string): Promise<Result<BackupStatus>>;
  saveBackupSchedule(schedule: BackupSchedule): Promise<Result<BackupStatus>>;
  /** The scheduled backups' folder, through the system dialog (saved by the main process at once). */
  pickBackupFolder(): Promise<Result<BackupStatus | null>>;
  /** Asks for a folder with the system dialog and backs up there. */
  runBackupNow(): Promise<void>;
  cancelBackup(): Promise<void>;
  dismissBackupResult(): void;

  openRestore(mode: RestoreMode): void;
  pickRestoreFile(): Promise<void>;
  /** Opens and verifies the picked file; nothing is changed. */
  inspectRestore(passphrase: string): Promise<void>;
  /** Back from the preview to the passphrase (or from the passphrase to another file). */
  restoreBack(): void;
  /** Restores; the session ends and `restoredCode` holds the new recovery code. */
  runRestore(passphrase: string): Promise<void>;
  /** Stops a restore still building the new vault; the flow goes back to the preview, nothing changed. */
  cancelRestore(): Promise<void>;
  closeRestore(): void;
  /** Checks the typed groups against the code shown; right → forgets it, and the sign-in list follows. */
  confirmRestoredCode(answers: string[]): Promise<Result<null>>;
  /** After a restore: keep it (the previous vault is deleted for real). */
  keepRestore(): Promise<Result<VaultStatus>>;
  /** After a restore: put the previous vault back. */
  undoRestore(): Promise<Result<VaultStatus>>;
  /** Drops everything backup-related the vault showed (called on lock). A just-issued restore code stays. */
  clearBackup(): void;
}

const idleRun: BackupRunState = { running: false, cancelling: false, result: null, error: null };
const failed = (code: ErrorCode): Result<never> => ({ ok: false, error: { code } });

export const createBackupSlice: SliceCreator<BackupSlice> = (set, get) => {
  const patchRestore = (p: Partial<RestoreFlow>) => set((s) => (s.restore ? { restore: { ...s.restore, ...p } } : {}));
  const note = (error: AppError) => get().noteError(error);
  /** Writes answer with the new status; it replaces the one shown. */
  const tookStatus = (res: Result<BackupStatus | null>) => {
    if (res.ok) {
      if (res.value) set({ backupStatus: res.value, backupStatusError: null });
    } else note(res.error);
    return res;
  };
  /** A restore decision answers with the vault status; the backup status is re-read if still signed in. */
  const decided = async (res: Result<VaultStatus>, reason: 'restored' | 'restoreUndone') => {
    if (!res.ok) {
      note(res.error);
      return res;
    }
    get().applyStatus(res.value, res.value.state === 'unlocked' ? undefined : reason);
    if (res.value.state === 'unlocked') await get().loadBackupStatus();
    return res;
  };

  return {
    backupStatus: null,
    backupStatusError: null,
    backupRun: idleRun,
    restore: null,
    restoredCode: null,

    async loadBackupStatus() {
      const res = await api.backup.status();
      if (res.ok) set({ backupStatus: res.value, backupStatusError: null });
      else {
        set({ backupStatusError: res.error.code });
        note(res.error);
      }
    },

    setupBackup: async (passphrase, confirm) => tookStatus(await api.backup.setup({ passphrase, confirm })) as Result<BackupStatus>,
    saveBackupSchedule: async (schedule) => tookStatus(await api.backup.saveSchedule(schedule)) as Result<BackupStatus>,
    pickBackupFolder: async () => tookStatus(await api.backup.pickFolder()),

    async runBackupNow() {
      if (get().backupRun.running) return;
      set({ backupRun: { ...idleRun, running: true }, jobProgress: null });
      const res = await api.backup.run({ useScheduleFolder: false });
      if (!get().backupRun.running) return; // locked meanwhile
      if (!res.ok) {
        set({ backupRun: { ...idleRun, error: res.error.code } });
        note(res.error);
        return;
      }
      set({ backupRun: { ...idleRun, result: res.value } }); // null: the folder dialog was closed
      if (res.value) await get().loadBackupStatus();
    },

    async cancelBackup() {
      if (!get().backupRun.running) return;
      set((s) => ({ backupRun: { ...s.backupRun, cancelling: true } }));
      const res = await api.backup.cancel();
      if (!res.ok) {
        set((s) => ({ backupRun: { ...s.backupRun, cancelling: false } }));
        note(res.error);
      }
    },

    dismissBackupResult: () => set((s) => (s.backupRun.running ? {} : { backupRun: idleRun })),

    openRestore: (mode) => set({ restore: { mode, step: 'pick', file: null, info: null, error: null, picking: false } }),

    async pickRestoreFile() {
      const flow = get().restore;
      if (!flow || flow.picking) return;
      patchRestore({ picking: true, error: null });
      const res = beforeSignIn(flow.mode) ? await api.restore.openFirstRun() : await api.restore.open();
      if (!get().restore) return;
      if (!res.ok) {
        patchRestore({ picking: false, error: res.error.code });
        note(res.error);
      } else if (res.value === null) patchRestore({ picking: false });
      else patchRestore({ picking: false, step: 'passphrase', file: res.value, info: null });
    },

    async inspectRestore(passphrase) {
      const flow = get().restore;
      if (!flow?.file || flow.step === 'checking') return;
      patchRestore({ step: 'checking', error: null });
      const input = { fileId: flow.file.fileId, passphrase };
      const res = beforeSignIn(flow.mode) ? await api.restore.inspectFirstRun(input) : await api.restore.inspect(input);
      if (get().restore?.step !== 'checking') return;
      if (res.ok) patchRestore({ step: 'preview', info: res.value });
      else {
        patchRestore({ step: res.error.code === 'file_expired' ? 'pick' : 'passphrase', error: res.error.code });
        note(res.error);
      }
    },

    restoreBack() {
      const flow = get().restore;
      if (!flow) return;
      if (flow.step === 'preview') patchRestore({ step: 'passphrase', info: null, error: null });
      else if (flow.step === 'passphrase') patchRestore({ step: 'pick', file: null, error: null });
    },

    async runRestore(passphrase) {
      const flow = get().restore;
      if (!flow?.file || flow.step !== 'preview') return;
      const { mode, file } = flow;
      set({ jobProgress: null });
      patchRestore({ step: 'running', error: null });
      const input = { fileId: file.fileId, passphrase };
      const res = beforeSignIn(mode) ? await api.restore.runFirstRun(input) : await api.restore.run(input);
      if (!res.ok) {
        // The vault is untouched; the flow may have been wiped by a lock meanwhile.
        if (get().restore) patchRestore({ step: res.error.code === 'file_expired' ? 'pick' : 'preview', error: res.error.code });
        note(res.error);
        return;
      }
      // The session ended (a pushed status may already have wiped the flow): keep the code to show it once.
      const { recoveryGroups, challenge, previousKept } = res.value;
      set({ restoredCode: { groups: recoveryGroups, challenge, fileName: file.fileName, previousKept }, restore: null, jobProgress: null });
      await get().loadStatus();
    },

    async cancelRestore() {
      const res = await api.restore.cancel();
      if (!res.ok) note(res.error);
    },

    closeRestore: () => set({ restore: null }),

    async confirmRestoredCode(answers) {
      const code = get().restoredCode;
      if (!code) return failed('not_found');
      // The main process checks the answers and marks the new code as written down, so the Owner is
      // not asked for yet another code at the first sign-in.
      const res = await api.restore.confirmCode({ answers });
      if (!res.ok) return failed(res.error.code);
      set({ restoredCode: null, lockReason: 'restored' });
      return { ok: true, value: null };
    },

    keepRestore: async () => decided(await api.restore.confirm(), 'restored'),
    undoRestore: async () => decided(await api.restore.undo(), 'restoreUndone'),

    // A restore before sign-in shows nothing from a vault (none is open) and must survive the status echoes.
    clearBackup: () =>
      set((s) => ({ backupStatus: null, backupStatusError: null, backupRun: idleRun, restore: s.restore && beforeSignIn(s.restore.mode) ? s.restore : null })),
  };
};
