import { api } from '../api';
import type {
  AppError,
  CreateVaultInput,
  ErrorCode,
  RecoveryCodeIssue,
  Result,
  Settings,
  VaultStatus,
} from '../contract';
import type { AppState, SliceCreator } from './types';

/** Why the vault was last locked, so Sign in can say so. */
export type LockReason = 'idle' | 'system' | 'recovered' | null;

export interface SessionSlice {
  /** null until the first `vault.status` answer. */
  status: VaultStatus | null;
  /** Set when `vault.status` itself failed. */
  statusError: ErrorCode | null;
  /** The recovery code being shown right now; kept in memory only, dropped once confirmed or locked. */
  recoveryIssue: RecoveryCodeIssue | null;
  lockReason: LockReason;

  loadStatus(): Promise<void>;
  /** Takes a status from any source; anything but `unlocked` wipes customer data from the store. */
  applyStatus(status: VaultStatus, reason?: LockReason): void;
  /** A status pushed by the main process ('vault.status' event). */
  receivePushedStatus(status: VaultStatus): void;
  createVault(input: CreateVaultInput): Promise<Result<RecoveryCodeIssue>>;
  signIn(password: string): Promise<Result<VaultStatus>>;
  recover(recoveryCode: string): Promise<Result<VaultStatus>>;
  lock(reason?: LockReason): Promise<void>;
  issueRecoveryCode(): Promise<Result<RecoveryCodeIssue>>;
  confirmRecoveryCode(answers: string[]): Promise<Result<VaultStatus>>;
  saveSettings(settings: Settings): Promise<Result<Settings>>;
  /** Shared reaction to a failed call: a `locked` error means the main process locked underneath us. */
  noteError(error: AppError): void;
}

let pendingIssue: Promise<Result<RecoveryCodeIssue>> | null = null;

/** Drops every customer value and everything derived from the vault from memory and screen. */
function wipe(get: () => AppState): void {
  const s = get();
  s.clearCustomers();
  s.clearFields();
  s.clearPurchases();
  s.clearSelection();
  s.resetImport();
  s.resetUi();
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  status: null,
  statusError: null,
  recoveryIssue: null,
  lockReason: null,

  async loadStatus() {
    const res = await api.vault.status();
    if (res.ok) {
      set({ statusError: null });
      get().applyStatus(res.value);
    } else {
      set({ statusError: res.error.code });
    }
  },

  applyStatus(status, reason) {
    if (status.state !== 'unlocked') {
      wipe(get);
      set({ recoveryIssue: null });
      if (reason !== undefined) set({ lockReason: reason });
    } else {
      set({ lockReason: null });
      if (status.recoveryConfirmed) set({ recoveryIssue: null });
    }
    set({ status });
  },

  receivePushedStatus(status) {
    // An echo of a change this renderer asked for (same state) must not relabel the lock as "system".
    if (get().status?.state === status.state) get().applyStatus(status);
    else get().applyStatus(status, status.state === 'unlocked' ? null : 'system');
  },

  async createVault(input) {
    const res = await api.vault.create(input);
    if (res.ok) {
      set({ recoveryIssue: res.value });
      await get().loadStatus();
    }
    return res;
  },

  async signIn(password) {
    const res = await api.vault.signIn({ password });
    if (res.ok) get().applyStatus(res.value);
    else get().noteError(res.error);
    return res;
  },

  async recover(recoveryCode) {
    const res = await api.vault.recover({ recoveryCode });
    if (res.ok) get().applyStatus(res.value, res.value.state === 'locked' ? 'recovered' : null);
    return res;
  },

  async lock(reason = null) {
    // Wipe first: the data must leave the screen even if the call is slow or fails.
    wipe(get);
    const res = await api.vault.lock();
    if (res.ok) get().applyStatus(res.value, reason);
    else await get().loadStatus();
  },

  issueRecoveryCode() {
    // One request at a time: a second mount (StrictMode) must not replace the code on screen.
    pendingIssue ??= api.vault.newRecoveryCode().then((res) => {
      pendingIssue = null;
      if (res.ok) set({ recoveryIssue: res.value });
      else get().noteError(res.error);
      return res;
    });
    return pendingIssue;
  },

  async confirmRecoveryCode(answers) {
    const res = await api.vault.confirmRecoveryCode({ answers });
    // applyStatus drops the code once the status says it is confirmed.
    if (res.ok) get().applyStatus(res.value);
    else get().noteError(res.error);
    return res;
  },

  async saveSettings(settings) {
    const res = await api.settings.save(settings);
    if (res.ok) await get().loadStatus();
    else get().noteError(res.error);
    return res;
  },

  noteError(error) {
    if (error.code === 'locked') void get().loadStatus();
  },
});
