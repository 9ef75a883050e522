/**
 * The vault as the app sees it: one object over the data folder, as the router, the CLI, the tests
 * and the e2e host call it. It only delegates; the work is in four parts over one core
 * (lifecycle/core.ts, which draws the state machine):
 *
 *   lifecycle/lifecycle.ts   init, create, recover (close is the core's)
 *   lifecycle/settings.ts    recovery code, settings, access review
 *   session/sessions.ts      sign-in, lock, who is signed in, the sign-in list
 *   keys/strict.ts           strict mode: key slots, unsealing after a restart
 *   backup/restore-flow.ts   restore, keep or undo
 *
 * A new domain takes a `VaultContext` (context.ts), not this class.
 */
import type { BackupInfo, RestoreOutcome, RecoveryCodeIssue, SessionUser, Settings, VaultStatus } from '../contract';
import type { AuditRecord } from './audit/record';
import type { VaultContext } from './context';
import type { Db, Queryable } from './db/driver';
import type { ScryptParams } from './keys/recovery';
import { StrictMode } from './keys/strict';
import { VaultCore, type VaultServiceOptions } from './lifecycle/core';
import * as lifecycle from './lifecycle/lifecycle';
import * as owner from './lifecycle/settings';
import { RestoreFlow, type RestoreOptions } from './backup/restore-flow';
import type { BackupSecret } from './backup/verify';
import { Sessions } from './session/sessions';
import type { StaffRow } from './staff/repository';

export type { VaultServiceOptions } from './lifecycle/core';
export type { VaultContext } from './context';
export type { AuditRecord } from './audit/record';

export class VaultService implements VaultContext {
  private readonly core: VaultCore;
  private readonly strict: StrictMode;
  private readonly sessions: Sessions;
  private readonly restores: RestoreFlow;
  readonly kdf: ScryptParams;

  constructor(opts: VaultServiceOptions) {
    this.core = new VaultCore(opts);
    this.kdf = this.core.kdf;
    this.strict = new StrictMode(this.core);
    this.sessions = new Sessions(this.core, this.strict);
    this.restores = new RestoreFlow(this.core, () => this.init());
  }

  /** A 2FA enrolment started but not confirmed yet (staff/account.ts): forgotten when the session ends. */
  get pendingTotp(): { staffId: number; secret: string } | null {
    return this.sessions.pendingTotp;
  }
  set pendingTotp(v: { staffId: number; secret: string } | null) {
    this.sessions.pendingTotp = v;
  }

  // lifecycle
  init = (): Promise<VaultStatus> => lifecycle.init(this.core, () => this.restores.settle());
  create = (input: { ownerName: string; password: string }): Promise<RecoveryCodeIssue> => lifecycle.create(this.core, input);
  recover = (input: { recoveryCode: string }): Promise<VaultStatus> => lifecycle.recover(this.core, input);
  close = (): Promise<void> => this.core.close();
  status = (): VaultStatus => this.core.status();
  onChange = (listener: (s: VaultStatus) => void): (() => void) => this.core.onChange(listener);
  /**
   * The open database whether or not someone is signed in, for the app's own background work
   * (scheduled backups while the session is locked); null when the vault is not open.
   */
  backgroundDb = (): Db | null => this.core.open()?.vault.db ?? null;
  /** The open vault's id and the Owner's name (backup file names and metadata); null when not open. */
  openVaultInfo = (): { vaultId: string; ownerName: string } | null => {
    const s = this.core.open();
    return s ? { vaultId: s.vault.vaultId, ownerName: s.owner.name } : null;
  };
  /** The key the audit trail's MACs are made with (derived from the data key), while open. */
  auditKey = (): Buffer => this.core.auditKey();

  // the context every domain gets
  /** The open database, only while someone is signed in. */
  db = (): Db => this.core.db();
  /** Who is signed in (the router authorises against this), or null. */
  user = (): StaffRow | null => this.core.user();
  recordIn = (tx: Queryable, entry: AuditRecord, actor?: StaffRow | null): Promise<void> => this.core.recordIn(tx, entry, actor);
  /** Appends in a transaction of its own; a no-op while the vault is closed. */
  record = (entry: AuditRecord, actor?: StaffRow | null): Promise<void> => this.core.record(entry, actor);
  now = (): number => this.core.now();

  // sessions
  signIn = (input: { staffId: number; password: string; otp?: string | undefined }): Promise<VaultStatus> => this.sessions.signIn(input);
  lock = (reason: 'user' | 'idle' | 'system' = 'user'): Promise<VaultStatus> => this.sessions.lock(reason);
  refreshPeople = (): Promise<void> => this.sessions.refreshPeople();
  refreshSession = (): Promise<VaultStatus> => this.sessions.refreshSession();
  sessionUser = (p: StaffRow): SessionUser => this.core.sessionUser(p);

  // what the Owner keeps up
  newRecoveryCode = (): Promise<RecoveryCodeIssue> => owner.newRecoveryCode(this.core);
  confirmRecoveryCode = (input: { answers: string[] }): Promise<VaultStatus> => owner.confirmRecoveryCode(this.core, input);
  saveSettings = (settings: Settings): Promise<Settings> => owner.saveSettings(this.core, settings);
  settingsNow = (): Settings => this.core.settings;
  markAccessReviewed = (): Promise<void> => owner.markAccessReviewed(this.core);
  accessReviewedAt = (): number => this.core.accessReviewAt;

  // strict mode
  isStrict = (): boolean => this.core.strictShare !== null;
  setStrictMode = (input: { enabled: boolean; password: string }): Promise<VaultStatus> => this.strict.setStrictMode(input);
  refreshSlot = (person: Pick<StaffRow, 'id' | 'name' | 'role'>, password: string | null, replace = true): Promise<void> => this.strict.refreshSlot(person, password, replace);
  dropSlot = (staffId: number): void => this.strict.dropSlot(staffId);
  slotHolders = (): Set<number> => this.strict.slotHolders();

  // restore
  restore = (backupPath: string, secret: BackupSecret, opts: RestoreOptions = {}): Promise<RestoreOutcome> => this.restores.restore(backupPath, secret, opts);
  /** The restore preview (verified in full), with how many erased customers a restore would erase again. */
  inspectBackup = (backupPath: string, secret: BackupSecret): Promise<Omit<BackupInfo, 'fileId'>> => this.restores.inspect(backupPath, secret);
  confirmRestore = (): Promise<VaultStatus> => this.restores.confirmRestore();
  undoRestore = (): Promise<VaultStatus> => this.restores.undoRestore();
  /** After a restore: the previous vault, kept until the Owner confirms or undoes (null: none). */
  previousVault = (): { replacedAt: number; restoredFrom: string } | null => this.restores.previousVault();
}
