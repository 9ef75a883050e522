/**
 * The vault as the app sees it: one state machine over the data folder.
 *
 *   no_vault ──create──▶ unlocked ──lock──▶ locked ──signIn──▶ unlocked
 *   (file, key not here) needs_recovery ──recover──▶ locked
 *   (file unreadable)    unavailable      (nothing is ever changed on disk)
 *   (strict mode)        sealed ──signIn (a person's key slot opens the key)──▶ unlocked
 *
 * The database stays open while locked; the session (who is signed in) is what locks.
 * In strict mode the keychain holds only a share that, with a person's password, unwraps the
 * data key (keys/slots.ts): after a restart the vault is "sealed" until someone with a slot signs in.
 */
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { ACCESS_REVIEW_DAYS, rolePermissions, type Person, type RestoreOutcome, type RecoveryCodeIssue, type SessionUser, type Settings, type VaultStatus } from '../contract';
import type { AuditRecord } from './audit/record';
import { auditKey } from './audit/key';
import { appendAudit } from './audit/repository';
import type { Db, Queryable } from './db/driver';
import { forgetNameOrder } from './customers/search-order';
import { auditFailure, tooManyAttempts, VaultError } from './errors';
import type { Keychain } from './keys/keychain';
import { hashPassword, PASSWORD_KDF } from './keys/password';
import {
  generateRecoveryCode,
  normaliseRecoveryInput,
  pickChallenge,
  recoveryGroups,
  RECOVERY_GROUP_LENGTH,
  unwrapKey,
  wrapKey,
  type ScryptParams,
} from './keys/recovery';
import { encodeStrictShare, makeSlot, openSlot, parseKeychainValue, readSlotFile, removeSlotFile, writeSlotFile, dropSlot, upsertSlot, type KeySlotFile } from './keys/slots';
import { getMeta, getSettings, saveSettings, setMeta, DEFAULT_SETTINGS } from './meta';
import { createVault, openVault, readRecoveryFile, writeRecoveryFile, type OpenedVault } from './open';
import { slotsPath, vaultPaths } from './paths';
import { assertStrongPassword } from './staff/passwords';
import { getOwner, getStaff, insertStaff, listStaff, recordSignIn, type StaffRow } from './staff/repository';
import { retryAfterMs } from './staff/backoff';
import { authenticate, type Attempts } from './staff/sign-in';
import { stageRestore } from './backup/restore';
import { finishConfirm, finishUndo, journalExists, rollForward, settleRestore, writeJournal, type RestoreJournal } from './backup/swap';
import type { BackupSecret } from './backup/verify';

export interface VaultServiceOptions {
  dataDir: string;
  keychain: Keychain;
  /** Password hashing cost; tests may lower it. Stored with each hash and key slot. */
  passwordKdf?: ScryptParams;
  now?: () => number;
}

type Open = { state: 'open'; vault: OpenedVault; owner: StaffRow; session: StaffRow | null };
type Internal =
  | { state: 'no_vault' }
  | { state: 'needs_recovery'; reason: VaultError['code']; recoveryAvailable: boolean }
  | { state: 'unavailable'; reason: VaultError['code'] }
  | { state: 'sealed'; vaultId: string; share: Buffer; slots: KeySlotFile }
  | Open;

export type { AuditRecord } from './audit/record';

const DAY = 24 * 60 * 60 * 1000;

export class VaultService {
  private s: Internal = { state: 'no_vault' };
  private pendingCode: { code: string; challenge: number[] } | null = null;
  /** A restore whose previous vault is kept until the Owner decides (read from the journal). */
  private restorePending: RestoreJournal | null = null;
  private recoveryConfirmed = false;
  private settings: Settings = DEFAULT_SETTINGS;
  /** Strict mode: the keychain share (with it and a password, a key slot opens the data key). */
  private strictShare: Buffer | null = null;
  private auditKeyBytes: Buffer | null = null;
  private accessReviewAt = 0;
  /** The sign-in list (active people), kept in step by refreshPeople(): status() must not query. */
  private people: Person[] = [];
  /** A 2FA enrolment started but not confirmed yet: in memory only, forgotten when the session ends. */
  pendingTotp: { staffId: number; secret: string } | null = null;
  /** Failed sign-ins while the vault is sealed (no table to count them in yet). */
  private readonly sealedAttempts = new Map<number, Attempts>();
  private readonly listeners = new Set<(s: VaultStatus) => void>();
  private readonly now: () => number;
  readonly kdf: ScryptParams;

  constructor(private readonly opts: VaultServiceOptions) {
    this.now = opts.now ?? Date.now;
    this.kdf = opts.passwordKdf ?? PASSWORD_KDF;
  }

  /**
   * Looks at the data folder and opens the vault if this machine's keychain has its key. A restore
   * interrupted by a crash is finished or rolled back first (backup/swap.ts), so what opens is
   * always a whole vault.
   */
  async init(): Promise<VaultStatus> {
    const paths = vaultPaths(this.opts.dataDir);
    try {
      this.restorePending = await settleRestore(this.opts.dataDir, this.opts.keychain);
    } catch (err) {
      return this.set({ state: 'unavailable', reason: codeOf(err) });
    }
    if (!existsSync(paths.vault)) return this.set({ state: 'no_vault' });
    const sidecar = readRecoveryFile(paths);
    let candidates: string[];
    try {
      // Without the sidecar (deleted by hand), any Brankas key on this machine may still open it.
      candidates = sidecar ? [sidecar.vaultId] : await this.opts.keychain.accounts();
    } catch (err) {
      return this.set({ state: 'needs_recovery', reason: codeOf(err), recoveryAvailable: sidecar !== null });
    }
    let reason: VaultError['code'] = 'key_missing';
    for (const vaultId of candidates) {
      let stored: string | null;
      try {
        stored = await this.opts.keychain.get(vaultId);
      } catch (err) {
        return this.set({ state: 'needs_recovery', reason: codeOf(err), recoveryAvailable: sidecar !== null });
      }
      const value = stored === null ? null : parseKeychainValue(stored);
      if (!value) continue;
      if (value.kind === 'strict') {
        let slots: KeySlotFile | null;
        try {
          slots = readSlotFile(slotsPath(this.opts.dataDir));
        } catch (err) {
          return this.set({ state: 'unavailable', reason: codeOf(err) });
        }
        if (!slots || slots.vaultId !== vaultId) continue;
        this.strictShare = value.share;
        return this.set({ state: 'sealed', vaultId, share: value.share, slots });
      }
      try {
        const opened = await openVault(this.opts.dataDir, vaultId, value.key, sidecar);
        // A key slot file beside a vault whose keychain holds the data key is what an interrupted
        // switch out of (or into) strict mode leaves: the keychain decides, the stale file goes.
        removeSlotFile(slotsPath(this.opts.dataDir));
        this.strictShare = null;
        return await this.opened(opened);
      } catch (err) {
        reason = codeOf(err);
        if (reason !== 'wrong_key') return this.set({ state: 'unavailable', reason });
      } finally {
        value.key.fill(0);
      }
    }
    return this.set({ state: 'needs_recovery', reason, recoveryAvailable: sidecar !== null });
  }

  status(): VaultStatus {
    const s = this.s;
    switch (s.state) {
      case 'no_vault':
        return { state: 'no_vault' };
      case 'needs_recovery':
        return { state: 'needs_recovery', reason: s.reason, recoveryAvailable: s.recoveryAvailable };
      case 'unavailable':
        return { state: 'unavailable', reason: s.reason };
      case 'sealed': {
        const owner = s.slots.slots.find((x) => x.role === 'owner');
        const people = s.slots.slots.map((x) => ({ id: x.staffId, name: x.name, role: x.role as Person['role'] }));
        return { state: 'locked', ownerName: owner?.name ?? '', people, strict: true };
      }
      case 'open':
        if (!s.session) return { state: 'locked', ownerName: s.owner.name, people: this.people, strict: false };
        return {
          state: 'unlocked',
          ownerName: s.owner.name,
          user: this.sessionUser(s.session),
          recoveryConfirmed: this.recoveryConfirmed,
          settings: this.settings,
          strictMode: this.strictShare !== null,
          accessReviewDue: this.now() - this.accessReviewAt >= ACCESS_REVIEW_DAYS * DAY,
        };
    }
  }

  /** The open database, only while someone is signed in. */
  db(): Db {
    if (this.s.state !== 'open' || !this.s.session) throw new VaultError('locked');
    return this.s.vault.db;
  }

  /**
   * The open database whether or not someone is signed in, for the app's own background work
   * (scheduled backups while the session is locked); null when the vault is not open.
   */
  backgroundDb(): Db | null {
    return this.s.state === 'open' ? this.s.vault.db : null;
  }

  /** The open vault's id and the Owner's name (backup file names and metadata); null when not open. */
  openVaultInfo(): { vaultId: string; ownerName: string } | null {
    return this.s.state === 'open' ? { vaultId: this.s.vault.vaultId, ownerName: this.s.owner.name } : null;
  }

  /** After a restore: the previous vault, kept until the Owner confirms or undoes (null: none). */
  previousVault(): { replacedAt: number; restoredFrom: string } | null {
    const j = this.restorePending;
    return j ? { replacedAt: j.replacedAt, restoredFrom: j.restoredFrom } : null;
  }

  /**
   * Restores a backup (backup/restore.ts): verified, built as a new vault with a new key and
   * recovery code beside the live one, then swapped in (backup/swap.ts). The session ends: the
   * restored vault is locked and its people sign in with the passwords they had in the backup.
   * Open to a signed-in person (the caller authorises), on a first run (no vault here), or when the
   * vault here cannot be opened (needs_recovery, unavailable): its files are then kept as the previous
   * vault, untouched, until the Owner keeps the restored one or puts them back (back to that state).
   */
  async restore(
    backupPath: string,
    secret: BackupSecret,
    opts: { signal?: AbortSignal; by?: string; onProgress?: (p: { done: number; total: number | null }) => void } = {},
  ): Promise<RestoreOutcome> {
    const s = this.s;
    const unopenable = s.state === 'needs_recovery' || s.state === 'unavailable' ? s : null;
    if (s.state !== 'open' && s.state !== 'no_vault' && !unopenable) throw new VaultError('conflict');
    if (this.restorePending || journalExists(this.opts.dataDir)) throw new VaultError('restore_pending');
    // The unopenable vault's id is what its sidecar says (its keychain entry, if any, goes on "keep").
    const previousVaultId = s.state === 'open' ? s.vault.vaultId : unopenable ? (readRecoveryFile(vaultPaths(this.opts.dataDir))?.vaultId ?? null) : null;
    const code = generateRecoveryCode();
    const staged = await stageRestore({
      dataDir: this.opts.dataDir,
      backupPath,
      secret,
      keychain: this.opts.keychain,
      recoveryCode: code,
      previousVaultId,
      now: this.now,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    if (s.state === 'open') {
      // The live vault's own trail says it was replaced (seen again if the Owner puts it back).
      await this.record({ action: 'backup.restore', targetType: 'file', targetId: staged.info.fileName, details: { replacedBy: staged.journal.newVaultId } }).catch(() => undefined);
      this.s = { state: 'no_vault' };
      this.pendingCode = null;
      await s.vault.db.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
      await s.vault.db.close();
    }
    writeJournal(this.opts.dataDir, { ...staged.journal, phase: 'swapping' });
    // A failure here leaves the journal at 'swapping': init() (now, or at the next start) rolls forward.
    let previousKept = false;
    try {
      previousKept = rollForward(this.opts.dataDir, { ...staged.journal, phase: 'swapping' });
    } catch {
      // init() below tries again
    }
    const status = await this.init();
    if (this.s.state !== 'open') throw new VaultError(status.state === 'needs_recovery' || status.state === 'unavailable' ? status.reason : 'internal');
    previousKept = previousKept || this.restorePending !== null;
    const { info } = staged;
    await this.record(
      {
        action: 'backup.restore',
        targetType: 'file',
        targetId: info.fileName,
        details: {
          createdAt: info.createdAt,
          appVersion: info.appVersion,
          schemaVersion: info.schemaVersion,
          fromVaultId: info.vaultId,
          customers: info.counts.customers,
          previousKept,
          by: opts.by ?? null,
          // Nothing could be written to the vault it replaced: this trail is where it is said.
          ...(unopenable ? { replacedUnopenable: unopenable.state, replacedReason: unopenable.reason } : {}),
        },
      },
      null,
    );
    const issue = this.issue(code);
    this.changed();
    return { recoveryGroups: issue.groups, challenge: issue.challenge, previousKept };
  }

  /** Keeps the restored vault: the previous vault's files and keychain entry are deleted for real. */
  async confirmRestore(): Promise<VaultStatus> {
    const j = this.restorePending;
    if (!j) throw new VaultError('conflict');
    const confirming: RestoreJournal = { ...j, phase: 'confirming' };
    writeJournal(this.opts.dataDir, confirming);
    await finishConfirm(this.opts.dataDir, confirming, this.opts.keychain);
    this.restorePending = null;
    await this.record({ action: 'backup.restore', targetType: 'file', targetId: j.restoredFrom, details: { decision: 'keep', previousDeleted: true } });
    return this.changed();
  }

  /** Puts the previous vault back; the restored one and its keychain entry go. The session ends. */
  async undoRestore(): Promise<VaultStatus> {
    const j = this.restorePending;
    const s = this.s;
    if (!j) throw new VaultError('conflict');
    const undoing: RestoreJournal = { ...j, phase: 'undoing' };
    writeJournal(this.opts.dataDir, undoing);
    this.restorePending = null;
    if (s.state === 'open') {
      this.s = { state: 'no_vault' };
      this.pendingCode = null;
      await s.vault.db.close();
    }
    try {
      await finishUndo(this.opts.dataDir, undoing, this.opts.keychain);
    } finally {
      // Done or not, init() finishes the undo from the journal before it opens anything.
      await this.init();
    }
    const status = this.status();
    await this.record({ action: 'backup.restore', targetType: 'file', targetId: j.restoredFrom, details: { decision: 'undo', restoredVaultId: j.newVaultId } }, null);
    return status;
  }

  /** Who is signed in (the router authorises against this), or null. */
  user(): StaffRow | null {
    return this.s.state === 'open' ? this.s.session : null;
  }

  settingsNow(): Settings {
    return this.settings;
  }

  /** The key the audit trail's MACs are made with (derived from the data key), while open. */
  auditKey(): Buffer {
    if (this.s.state !== 'open' || !this.auditKeyBytes) throw new VaultError('locked');
    return this.auditKeyBytes;
  }

  isStrict(): boolean {
    return this.strictShare !== null;
  }

  onChange(listener: (s: VaultStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async create(input: { ownerName: string; password: string }): Promise<RecoveryCodeIssue> {
    if (this.s.state !== 'no_vault') throw new VaultError('vault_exists');
    assertStrongPassword(input.password, [input.ownerName]);
    const code = generateRecoveryCode();
    const passwordHash = await hashPassword(input.password, this.kdf);
    const vault = await createVault({
      dir: this.opts.dataDir,
      recoveryCode: code,
      storeKey: (id, key) => this.opts.keychain.set(id, key),
      removeKey: (id) => this.opts.keychain.remove(id),
      seed: async (db, vaultId) => {
        await db.transaction(async (tx) => {
          await setMeta(tx, 'vault_id', vaultId);
          await setMeta(tx, 'created_at', String(this.now()));
          await setMeta(tx, 'recovery_confirmed', '0');
          await setMeta(tx, 'access_review_at', String(this.now()));
          const ownerId = await insertStaff(tx, { name: input.ownerName.trim(), role: 'owner', passwordHash, reason: 'Pemilik toko' }, this.now());
          await recordSignIn(tx, ownerId, this.now()); // creating the vault is the Owner's first sign-in
        });
      },
    });
    this.strictShare = null;
    await this.opened(vault, true);
    await this.record({ action: 'auth.signIn', details: { via: 'create' } });
    return this.issue(code);
  }

  async recover(input: { recoveryCode: string }): Promise<VaultStatus> {
    if (this.s.state !== 'needs_recovery') throw new VaultError('conflict');
    const paths = vaultPaths(this.opts.dataDir);
    const sidecar = readRecoveryFile(paths);
    if (!sidecar) throw new VaultError('recovery_unavailable');
    const key = await unwrapKey(sidecar, input.recoveryCode);
    try {
      const vault = await openVault(this.opts.dataDir, sidecar.vaultId, key, sidecar);
      let stored = true;
      try {
        await this.opts.keychain.set(sidecar.vaultId, key.toString('hex'));
      } catch {
        // No keychain on this machine: the vault opens for this run only; the key is never written in plaintext.
        stored = false;
      }
      // The keychain now holds the data key again, so any old key slots are stale: strict mode is
      // off after a recovery and the Owner switches it on again (README says so).
      if (stored) removeSlotFile(slotsPath(this.opts.dataDir));
      this.strictShare = null;
      const status = await this.opened(vault);
      await this.record({ action: 'auth.unlock', details: { via: 'recovery_code', keySaved: stored } }, null);
      return status;
    } finally {
      key.fill(0);
    }
  }

  async signIn(input: { staffId: number; password: string; otp?: string | undefined }): Promise<VaultStatus> {
    if (this.s.state === 'sealed') await this.unseal(input.staffId, input.password);
    const s = this.s;
    if (s.state !== 'open') throw new VaultError('no_vault');
    const db = s.vault.db;
    let person: StaffRow;
    try {
      person = await authenticate(db, input, { now: this.now(), kdf: this.kdf, settings: this.settings });
    } catch (err) {
      const target = await getStaff(db, input.staffId);
      if (target && err instanceof VaultError && err.code !== 'otp_required') {
        await this.record({ action: 'auth.signInFailed', targetType: 'staff', targetId: target.id, outcome: 'failed', details: { reason: err.code } }, target);
      }
      throw err;
    }
    s.session = person;
    if (person.role === 'owner') s.owner = person;
    if (this.strictShare) await this.refreshSlot(person, input.password, false);
    await this.record({ action: 'auth.signIn', details: { role: person.role, twoFactor: person.totpSecret !== null } });
    return this.changed();
  }

  /**
   * Ends the session at once (listeners stop running work, the renderer wipes its state), then
   * records it: the audit entry waits behind any transaction still rolling back.
   */
  async lock(reason: 'user' | 'idle' | 'system' = 'user'): Promise<VaultStatus> {
    const s = this.s;
    const who = s.state === 'open' ? s.session : null;
    if (s.state === 'open') {
      s.session = null;
      forgetNameOrder(s.vault.db); // ids only, but derived from names: not kept while locked
    }
    this.pendingCode = null;
    this.pendingTotp = null;
    const status = this.changed();
    if (who) await this.record({ action: reason === 'user' ? 'auth.signOut' : 'auth.lock', details: { reason } }, who).catch(() => undefined);
    return status;
  }

  /** The sign-in list, re-read after people were added, renamed, disabled or re-enabled. */
  async refreshPeople(): Promise<void> {
    if (this.s.state !== 'open') return;
    this.people = (await listStaff(this.s.vault.db)).filter((p) => p.status === 'active').map(toPerson);
  }

  /** Re-wraps the key under a new recovery code (the old one stops working) and shows it once. */
  async newRecoveryCode(): Promise<RecoveryCodeIssue> {
    const db = this.db();
    const { vault } = this.s as Open;
    const code = generateRecoveryCode();
    const key = Buffer.from(vault.keyHex, 'hex');
    try {
      writeRecoveryFile(vault.paths, await wrapKey(key, code, vault.vaultId));
    } finally {
      key.fill(0);
    }
    await setMeta(db, 'recovery_confirmed', '0');
    this.recoveryConfirmed = false;
    await this.record({ action: 'recovery.newCode' });
    return this.issue(code);
  }

  async confirmRecoveryCode(input: { answers: string[] }): Promise<VaultStatus> {
    // Right after a restore the session has ended but the new code is still on screen: it is
    // confirmed before anyone signs in (the code is the proof; nothing else is opened by it).
    const db = this.s.state === 'open' && !this.s.session && this.pendingCode ? this.s.vault.db : this.db();
    const pending = this.pendingCode;
    if (!pending) throw new VaultError('conflict');
    const expected = pending.challenge.map((i) => pending.code.slice(i * RECOVERY_GROUP_LENGTH, (i + 1) * RECOVERY_GROUP_LENGTH));
    const given = input.answers.map(normaliseRecoveryInput);
    if (given.length !== expected.length || given.some((g, i) => g !== expected[i])) throw new VaultError('wrong_recovery_code');
    await setMeta(db, 'recovery_confirmed', '1');
    this.recoveryConfirmed = true;
    this.pendingCode = null;
    return this.changed();
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    await saveSettings(this.db(), settings);
    this.settings = settings;
    await this.record({ action: 'settings.update', details: { idleLockMinutes: settings.idleLockMinutes, require2faRoles: settings.require2faRoles } });
    this.changed();
    return settings;
  }

  /** Re-reads the signed-in person (after their own account changed) and tells the renderer. */
  async refreshSession(): Promise<VaultStatus> {
    const s = this.s;
    if (s.state === 'open' && s.session) {
      const fresh = await getStaff(s.vault.db, s.session.id);
      if (fresh) s.session = fresh;
    }
    return this.changed();
  }

  /** Records the access review as done now. */
  async markAccessReviewed(): Promise<void> {
    this.accessReviewAt = this.now();
    await setMeta(this.db(), 'access_review_at', String(this.accessReviewAt));
  }

  accessReviewedAt(): number {
    return this.accessReviewAt;
  }

  /**
   * Strict mode on: a fresh keychain share, a key slot for the person switching it on, the slot
   * file written, and only then the keychain entry swapped from the data key to the share. Off: the
   * data key goes back into the keychain first, then the slot file goes. Either order leaves a
   * state `init()` reads correctly if the app stops half-way (the keychain entry decides).
   */
  async setStrictMode(input: { enabled: boolean; password: string }): Promise<VaultStatus> {
    const db = this.db();
    const s = this.s as Open;
    const me = s.session as StaffRow;
    await authenticate(db, { staffId: me.id, password: input.password, passwordOnly: true }, { now: this.now(), kdf: this.kdf, settings: this.settings });
    const path = slotsPath(this.opts.dataDir);
    if (input.enabled && !this.strictShare) {
      const share = randomBytes(32);
      const key = Buffer.from(s.vault.keyHex, 'hex');
      try {
        const slot = await makeSlot(key, share, { staffId: me.id, name: me.name, role: me.role }, input.password, s.vault.vaultId, this.kdf);
        writeSlotFile(path, { format: 1, vaultId: s.vault.vaultId, slots: [slot] });
        await this.opts.keychain.set(s.vault.vaultId, encodeStrictShare(share));
      } catch (err) {
        removeSlotFile(path);
        throw err;
      } finally {
        key.fill(0);
      }
      this.strictShare = share;
    } else if (!input.enabled && this.strictShare) {
      await this.opts.keychain.set(s.vault.vaultId, s.vault.keyHex);
      removeSlotFile(path);
      this.strictShare = null;
    }
    await this.record({ action: 'security.update', details: { strictMode: input.enabled } });
    return this.changed();
  }

  /** Keeps a person's key slot in step with their password, name and role (strict mode only). */
  async refreshSlot(person: Pick<StaffRow, 'id' | 'name' | 'role'>, password: string | null, replace = true): Promise<void> {
    const s = this.s;
    if (!this.strictShare || s.state !== 'open') return;
    const path = slotsPath(this.opts.dataDir);
    const file = readSlotFile(path) ?? { format: 1 as const, vaultId: s.vault.vaultId, slots: [] };
    const existing = file.slots.find((x) => x.staffId === person.id);
    if (password === null) {
      if (!existing) return;
      writeSlotFile(path, upsertSlot(file, { ...existing, name: person.name, role: person.role }));
      return;
    }
    if (existing && !replace) {
      if (existing.name !== person.name || existing.role !== person.role) writeSlotFile(path, upsertSlot(file, { ...existing, name: person.name, role: person.role }));
      return;
    }
    const key = Buffer.from(s.vault.keyHex, 'hex');
    try {
      const slot = await makeSlot(key, this.strictShare, { staffId: person.id, name: person.name, role: person.role }, password, s.vault.vaultId, this.kdf);
      writeSlotFile(path, upsertSlot(file, slot));
    } finally {
      key.fill(0);
    }
  }

  /** A disabled account's slot goes, so it cannot open the vault after a restart. */
  dropSlot(staffId: number): void {
    if (!this.strictShare) return;
    const path = slotsPath(this.opts.dataDir);
    const file = readSlotFile(path);
    if (file) writeSlotFile(path, dropSlot(file, staffId));
  }

  slotHolders(): Set<number> {
    if (!this.strictShare) return new Set();
    return new Set((readSlotFile(slotsPath(this.opts.dataDir))?.slots ?? []).map((x) => x.staffId));
  }

  /** Appends to the audit trail as the signed-in person (or `actor`); a no-op while the vault is closed. */
  async record(entry: AuditRecord, actor?: StaffRow | null): Promise<void> {
    const s = this.s;
    if (s.state !== 'open' || !this.auditKeyBytes) return;
    await s.vault.db.transaction((tx) => this.recordIn(tx, entry, actor));
  }

  /**
   * Appends to the audit trail inside the caller's transaction (`tx`), as the signed-in person (or
   * `actor`): the entry commits with the change it records or not at all. Throws `locked` while the
   * vault is closed, so a change can never commit unrecorded.
   */
  async recordIn(tx: Queryable, entry: AuditRecord, actor?: StaffRow | null): Promise<void> {
    const s = this.s;
    if (s.state !== 'open' || !this.auditKeyBytes) throw new VaultError('locked');
    const who = actor === undefined ? s.session : actor;
    try {
      await appendAudit(tx, this.auditKeyBytes, {
        at: this.now(),
        actorId: who?.id ?? null,
        actorName: who?.name ?? 'system',
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        outcome: entry.outcome ?? 'ok',
        details: entry.details ?? {},
      });
    } catch (err) {
      throw auditFailure(err);
    }
  }

  async close(): Promise<void> {
    if (this.s.state === 'open') await this.s.vault.db.close();
    this.auditKeyBytes?.fill(0);
    this.auditKeyBytes = null;
    this.s = { state: 'no_vault' };
  }

  sessionUser(p: StaffRow): SessionUser {
    return {
      ...toPerson(p),
      permissions: [...rolePermissions[p.role]],
      totpEnabled: p.totpSecret !== null,
      mustEnrollTotp: p.totpSecret === null && this.settings.require2faRoles.includes(p.role),
    };
  }

  /** Strict mode after a restart: the person's key slot and password open the data key. */
  private async unseal(staffId: number, password: string): Promise<void> {
    const s = this.s as Extract<Internal, { state: 'sealed' }>;
    const attempts = this.sealedAttempts.get(staffId) ?? { failures: 0, lastFailureAt: null };
    const wait = retryAfterMs(attempts, this.now());
    if (wait > 0) throw tooManyAttempts(wait);
    const slot = s.slots.slots.find((x) => x.staffId === staffId);
    const key = slot ? await openSlot(slot, s.share, password, s.vaultId) : null;
    if (!key) {
      this.sealedAttempts.set(staffId, { failures: attempts.failures + 1, lastFailureAt: this.now() });
      throw new VaultError('wrong_password');
    }
    this.sealedAttempts.delete(staffId);
    try {
      const vault = await openVault(this.opts.dataDir, s.vaultId, key, readRecoveryFile(vaultPaths(this.opts.dataDir)));
      await this.opened(vault);
    } finally {
      key.fill(0);
    }
  }

  private issue(code: string): RecoveryCodeIssue {
    const challenge = pickChallenge();
    this.pendingCode = { code, challenge };
    return { groups: recoveryGroups(code), challenge };
  }

  private async opened(vault: OpenedVault, signedIn = false): Promise<VaultStatus> {
    const owner = await getOwner(vault.db);
    if (!owner) {
      await vault.db.close();
      return this.set({ state: 'unavailable', reason: 'corrupt_vault' });
    }
    this.recoveryConfirmed = (await getMeta(vault.db, 'recovery_confirmed')) === '1';
    this.settings = await getSettings(vault.db);
    const reviewed = Number((await getMeta(vault.db, 'access_review_at')) ?? (await getMeta(vault.db, 'created_at')));
    this.accessReviewAt = Number.isFinite(reviewed) ? reviewed : 0;
    this.people = (await listStaff(vault.db)).filter((p) => p.status === 'active').map(toPerson);
    const key = Buffer.from(vault.keyHex, 'hex');
    this.auditKeyBytes = auditKey(key);
    key.fill(0);
    return this.set({ state: 'open', vault, owner, session: signedIn ? owner : null });
  }

  private set(s: Internal): VaultStatus {
    this.s = s;
    return this.changed();
  }

  private changed(): VaultStatus {
    const status = this.status();
    for (const l of this.listeners) l(status);
    return status;
  }
}

const toPerson = (p: StaffRow): Person => ({ id: p.id, name: p.name, role: p.role });
const codeOf = (err: unknown): VaultError['code'] => (err instanceof VaultError ? err.code : 'internal');
