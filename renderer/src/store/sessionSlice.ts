import { api } from '../api';
import type {
  AppError,
  BackupCodes,
  CreateVaultInput,
  ErrorCode,
  RecoveryCodeIssue,
  Result,
  Settings,
  SignInInput,
  TotpEnrolment,
  VaultStatus,
} from '../contract';
import type { AppState, SliceCreator } from './types';

/**
 * Why the vault was last locked, so Sign in can say so. 'switch': someone pressed "Switch person",
 * so the next person is not preselected and no notice is shown.
 */
export type LockReason = 'idle' | 'system' | 'recovered' | 'switch' | 'restored' | 'restoreUndone' | null;

/** The id (never the name) of the last person who signed in on this PC, to preselect them. */
export const LAST_PERSON_STORAGE_KEY = 'brankas.lastPerson';

export interface SessionSlice {
  /** null until the first `vault.status` answer. */
  status: VaultStatus | null;
  /** Set when `vault.status` itself failed. */
  statusError: ErrorCode | null;
  /** The recovery code being shown right now; kept in memory only, dropped once confirmed or locked. */
  recoveryIssue: RecoveryCodeIssue | null;
  lockReason: LockReason;
  /** Preselected on the sign-in list; null after "Switch person". */
  lastPersonId: number | null;
  /** One-time 2FA backup codes just issued; memory only, shown once, dropped when dismissed or locked. */
  backupCodes: string[] | null;
  /**
   * The full-screen 2FA enrolment is showing. Set when the status says enrolment is required and
   * kept until the backup codes are dismissed, so a status pushed after enrolment cannot hide them.
   */
  enrolmentGate: boolean;

  loadStatus(): Promise<void>;
  /** Takes a status from any source; anything but `unlocked` wipes customer data from the store. */
  applyStatus(status: VaultStatus, reason?: LockReason): void;
  /** A status pushed by the main process ('vault.status' event). */
  receivePushedStatus(status: VaultStatus): void;
  createVault(input: CreateVaultInput): Promise<Result<RecoveryCodeIssue>>;
  signIn(input: SignInInput): Promise<Result<VaultStatus>>;
  recover(recoveryCode: string): Promise<Result<VaultStatus>>;
  lock(reason?: LockReason): Promise<void>;
  issueRecoveryCode(): Promise<Result<RecoveryCodeIssue>>;
  confirmRecoveryCode(answers: string[]): Promise<Result<VaultStatus>>;
  saveSettings(settings: Settings): Promise<Result<Settings>>;
  // The signed-in person's own account.
  changePassword(current: string, next: string): Promise<Result<{ changed: true }>>;
  beginTotp(): Promise<Result<TotpEnrolment>>;
  confirmTotp(code: string): Promise<Result<BackupCodes>>;
  disableTotp(password: string): Promise<Result<VaultStatus>>;
  newBackupCodes(password: string): Promise<Result<BackupCodes>>;
  /** "I have written these down": forgets the codes, ends the enrolment screen, re-reads the status. */
  dismissBackupCodes(): Promise<void>;
  /** Shared reaction to a failed call: a `locked` error means the main process locked underneath us. */
  noteError(error: AppError): void;
}

let pendingIssue: Promise<Result<RecoveryCodeIssue>> | null = null;

/** Drops every customer value and everything derived from the vault from memory and screen. */
function wipe(get: () => AppState): void {
  const s = get();
  s.clearCustomers();
  s.clearFields();
  s.clearPurposes();
  s.clearConsent();
  s.clearNotice();
  s.clearRequests();
  s.clearPurchases();
  s.clearSelection();
  s.resetImport();
  s.resetUi();
  s.clearStaff();
  s.clearAudit();
  s.clearBackup();
}

function readLastPerson(): number | null {
  try {
    const n = Number(window.localStorage.getItem(LAST_PERSON_STORAGE_KEY));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

function storeLastPerson(id: number | null): void {
  try {
    if (id === null) window.localStorage.removeItem(LAST_PERSON_STORAGE_KEY);
    else window.localStorage.setItem(LAST_PERSON_STORAGE_KEY, String(id));
  } catch {
    // Storage can be unavailable; the preselection is only a convenience.
  }
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  status: null,
  statusError: null,
  recoveryIssue: null,
  lockReason: null,
  lastPersonId: readLastPerson(),
  backupCodes: null,
  enrolmentGate: false,

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
      set({ recoveryIssue: null, backupCodes: null, enrolmentGate: false });
      if (reason !== undefined) set({ lockReason: reason });
    } else {
      set({ lockReason: null });
      if (status.recoveryConfirmed) set({ recoveryIssue: null });
      if (status.user.mustEnrollTotp) set({ enrolmentGate: true });
      // Someone else signed in underneath this renderer: nothing of the previous person may stay.
      const before = get().status;
      if (before?.state === 'unlocked' && before.user.id !== status.user.id) {
        wipe(get);
        set({ backupCodes: null, enrolmentGate: status.user.mustEnrollTotp });
      }
    }
    set({ status });
  },

  receivePushedStatus(status) {
    // An echo of a change this renderer asked for (same state) must not relabel the lock as "system".
    if (get().status?.state === status.state) get().applyStatus(status);
    else get().applyStatus(status, status.state === 'unlocked' ? null : 'system');
  },

  async createVault(input) {
    // The main process pushes the unlocked status before vault.create answers; the recovery
    // screen must wait for this call's code instead of asking for a new one (which would re-wrap
    // the key under a code the person never sees, or show one that no longer works).
    const call = api.vault.create(input).then((r) => {
      if (r.ok) set({ recoveryIssue: r.value });
      return r;
    });
    pendingIssue = call;
    const res = await call.finally(() => {
      if (pendingIssue === call) pendingIssue = null;
    });
    if (res.ok) await get().loadStatus();
    return res;
  },

  async signIn(input) {
    const res = await api.vault.signIn(input);
    if (res.ok) {
      storeLastPerson(input.staffId);
      set({ lastPersonId: input.staffId });
      get().applyStatus(res.value);
    } else get().noteError(res.error);
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
    set({ backupCodes: null });
    if (reason === 'switch') set({ lastPersonId: null });
    const res = await api.vault.lock(reason === 'idle' ? { reason: 'idle' } : {});
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

  async changePassword(current, next) {
    const res = await api.account.changePassword({ current, next });
    if (!res.ok) get().noteError(res.error);
    return res;
  },

  async beginTotp() {
    const res = await api.account.beginTotp();
    if (!res.ok) get().noteError(res.error);
    return res;
  },

  async confirmTotp(code) {
    const res = await api.account.confirmTotp({ code });
    if (res.ok) set({ backupCodes: res.value.codes });
    else get().noteError(res.error);
    return res;
  },

  async disableTotp(password) {
    const res = await api.account.disableTotp({ password });
    if (res.ok) get().applyStatus(res.value);
    else get().noteError(res.error);
    return res;
  },

  async newBackupCodes(password) {
    const res = await api.account.newBackupCodes({ password });
    if (res.ok) set({ backupCodes: res.value.codes });
    else get().noteError(res.error);
    return res;
  },

  async dismissBackupCodes() {
    set({ backupCodes: null, enrolmentGate: false });
    // After enrolment the status no longer asks for it (applyStatus re-opens the gate if it still does).
    await get().loadStatus();
  },

  noteError(error) {
    if (error.code === 'locked') void get().loadStatus();
  },
});
