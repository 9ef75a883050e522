/**
 * The vault's state machine and the facts the status shows; the parts of the vault (lifecycle,
 * sessions, strict mode, restore) each work on this one core:
 *
 *   no_vault ──create──▶ unlocked ──lock──▶ locked ──signIn──▶ unlocked
 *   (file, key not here) needs_recovery ──recover──▶ locked
 *   (file unreadable)    unavailable      (nothing is ever changed on disk)
 *   (strict mode)        sealed ──signIn (a person's key slot opens the key)──▶ unlocked
 *
 * The database stays open while locked; the session (who is signed in) is what locks.
 */
import { ACCESS_REVIEW_DAYS, rolePermissions, type Person, type RecoveryCodeIssue, type SessionUser, type Settings, type VaultStatus } from '../../contract';
import type { AuditRecord } from '../audit/record';
import { auditKey } from '../audit/key';
import type { Db, Queryable } from '../db/driver';
import { VaultError } from '../errors';
import type { Keychain } from '../keys/keychain';
import { PASSWORD_KDF } from '../keys/password';
import { pickChallenge, recoveryGroups, type ScryptParams } from '../keys/recovery';
import type { KeySlotFile } from '../keys/slots';
import { getMeta, getSettings, DEFAULT_SETTINGS } from '../meta';
import type { OpenedVault } from '../open';
import { getOwner, listStaff, type StaffRow } from '../staff/repository';
import { appendEntry, type VaultContext } from '../context';

export interface VaultServiceOptions {
  dataDir: string;
  keychain: Keychain;
  /** Password hashing cost; tests may lower it. Stored with each hash and key slot. */
  passwordKdf?: ScryptParams;
  now?: () => number;
}

export type Open = { state: 'open'; vault: OpenedVault; owner: StaffRow; session: StaffRow | null };
export type Sealed = { state: 'sealed'; vaultId: string; share: Buffer; slots: KeySlotFile };
export type Internal =
  | { state: 'no_vault' }
  | { state: 'needs_recovery'; reason: VaultError['code']; recoveryAvailable: boolean }
  | { state: 'unavailable'; reason: VaultError['code'] }
  | Sealed
  | Open;

const DAY = 24 * 60 * 60 * 1000;

export const toPerson = (p: StaffRow): Person => ({ id: p.id, name: p.name, role: p.role });
export const codeOf = (err: unknown): VaultError['code'] => (err instanceof VaultError ? err.code : 'internal');

export class VaultCore implements VaultContext {
  s: Internal = { state: 'no_vault' };
  settings: Settings = DEFAULT_SETTINGS;
  recoveryConfirmed = false;
  accessReviewAt = 0;
  /** The sign-in list (active people), kept in step by the sessions: status() must not query. */
  people: Person[] = [];
  /** Strict mode: the keychain share (with it and a password, a key slot opens the data key). */
  strictShare: Buffer | null = null;
  /** A new recovery code on screen until it is confirmed (in memory only). */
  pendingCode: { code: string; challenge: number[] } | null = null;
  private auditKeyBytes: Buffer | null = null;
  private readonly listeners = new Set<(s: VaultStatus) => void>();
  readonly now: () => number;
  readonly kdf: ScryptParams;

  constructor(readonly opts: VaultServiceOptions) {
    this.now = opts.now ?? Date.now;
    this.kdf = opts.passwordKdf ?? PASSWORD_KDF;
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

  /** The open vault (signed in or not), or null. */
  open(): Open | null {
    return this.s.state === 'open' ? this.s : null;
  }

  /** The open vault while someone is signed in; throws `locked` otherwise. */
  signedIn(): Open & { session: StaffRow } {
    const s = this.s;
    if (s.state !== 'open' || !s.session) throw new VaultError('locked');
    return s as Open & { session: StaffRow };
  }

  db(): Db {
    return this.signedIn().vault.db;
  }

  user(): StaffRow | null {
    return this.s.state === 'open' ? this.s.session : null;
  }

  auditKey(): Buffer {
    if (this.s.state !== 'open' || !this.auditKeyBytes) throw new VaultError('locked');
    return this.auditKeyBytes;
  }

  async recordIn(tx: Queryable, entry: AuditRecord, actor?: StaffRow | null): Promise<void> {
    const s = this.s;
    if (s.state !== 'open' || !this.auditKeyBytes) throw new VaultError('locked');
    await appendEntry(tx, this.auditKeyBytes, actor === undefined ? s.session : actor, entry, this.now());
  }

  /** A no-op while the vault is closed: the events it records (a lock, a sign-out) change nothing else. */
  async record(entry: AuditRecord, actor?: StaffRow | null): Promise<void> {
    const s = this.s;
    if (s.state !== 'open' || !this.auditKeyBytes) return;
    await s.vault.db.transaction((tx) => this.recordIn(tx, entry, actor));
  }

  sessionUser(p: StaffRow): SessionUser {
    return {
      ...toPerson(p),
      permissions: [...rolePermissions[p.role]],
      totpEnabled: p.totpSecret !== null,
      mustEnrollTotp: p.totpSecret === null && this.settings.require2faRoles.includes(p.role),
    };
  }

  onChange(listener: (s: VaultStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new recovery code, shown once: kept in memory until the person confirms it. */
  issue(code: string): RecoveryCodeIssue {
    const challenge = pickChallenge();
    this.pendingCode = { code, challenge };
    return { groups: recoveryGroups(code), challenge };
  }

  /** Reads what the status shows from a vault just opened, and makes it the open one. */
  async opened(vault: OpenedVault, signedIn = false): Promise<VaultStatus> {
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

  /** Leaves the open state without closing the database (the caller closes it); null if not open. */
  detach(): Open | null {
    const s = this.open();
    if (!s) return null;
    this.s = { state: 'no_vault' };
    this.pendingCode = null;
    this.auditKeyBytes?.fill(0);
    this.auditKeyBytes = null;
    return s;
  }

  async close(): Promise<void> {
    if (this.s.state === 'open') await this.s.vault.db.close();
    this.auditKeyBytes?.fill(0);
    this.auditKeyBytes = null;
    this.s = { state: 'no_vault' };
  }

  set(s: Internal): VaultStatus {
    this.s = s;
    return this.changed();
  }

  changed(): VaultStatus {
    const status = this.status();
    for (const l of this.listeners) l(status);
    return status;
  }
}
