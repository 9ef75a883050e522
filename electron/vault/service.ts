/**
 * The vault as the app sees it: one state machine over the data folder.
 *
 *   no_vault ──create──▶ unlocked ──lock──▶ locked ──signIn──▶ unlocked
 *   (file, key not here) needs_recovery ──recover──▶ locked
 *   (file unreadable)    unavailable      (nothing is ever changed on disk)
 *
 * The database stays open while locked; the session (who is signed in) is what locks.
 */
import { existsSync } from 'node:fs';
import type { RecoveryCodeIssue, Settings, VaultStatus } from '../contract';
import type { Db } from './db/driver';
import { forgetNameOrder } from './customers/search-order';
import { VaultError } from './errors';
import type { Keychain } from './keys/keychain';
import { hashPassword, needsRehash, PASSWORD_KDF, verifyPassword } from './keys/password';
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
import { getMeta, getSettings, saveSettings, setMeta, DEFAULT_SETTINGS } from './meta';
import { createVault, openVault, readRecoveryFile, writeRecoveryFile, type OpenedVault } from './open';
import { vaultPaths } from './paths';
import { getOwner, insertStaff, updatePasswordHash, type StaffRow } from './staff/repository';

export interface VaultServiceOptions {
  dataDir: string;
  keychain: Keychain;
  /** Password hashing cost; tests may lower it. Stored with each hash. */
  passwordKdf?: ScryptParams;
  now?: () => number;
}

type Internal =
  | { state: 'no_vault' }
  | { state: 'needs_recovery'; reason: VaultError['code']; recoveryAvailable: boolean }
  | { state: 'unavailable'; reason: VaultError['code'] }
  | { state: 'open'; vault: OpenedVault; owner: StaffRow; session: StaffRow | null };

export class VaultService {
  private s: Internal = { state: 'no_vault' };
  private pendingCode: { code: string; challenge: number[] } | null = null;
  private recoveryConfirmed = false;
  private settings: Settings = DEFAULT_SETTINGS;
  private readonly listeners = new Set<(s: VaultStatus) => void>();
  private readonly now: () => number;
  private readonly kdf: ScryptParams;

  constructor(private readonly opts: VaultServiceOptions) {
    this.now = opts.now ?? Date.now;
    this.kdf = opts.passwordKdf ?? PASSWORD_KDF;
  }

  /** Looks at the data folder and opens the vault if this machine's keychain has its key. */
  async init(): Promise<VaultStatus> {
    const paths = vaultPaths(this.opts.dataDir);
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
      let keyHex: string | null;
      try {
        keyHex = await this.opts.keychain.get(vaultId);
      } catch (err) {
        return this.set({ state: 'needs_recovery', reason: codeOf(err), recoveryAvailable: sidecar !== null });
      }
      if (!keyHex || !/^[0-9a-f]{64}$/.test(keyHex)) continue;
      try {
        return await this.opened(await openVault(this.opts.dataDir, vaultId, Buffer.from(keyHex, 'hex'), sidecar));
      } catch (err) {
        reason = codeOf(err);
        if (reason !== 'wrong_key') return this.set({ state: 'unavailable', reason });
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
      case 'open':
        return s.session
          ? { state: 'unlocked', ownerName: s.owner.name, recoveryConfirmed: this.recoveryConfirmed, settings: this.settings }
          : { state: 'locked', ownerName: s.owner.name };
    }
  }

  /** The open database, only while someone is signed in. */
  db(): Db {
    if (this.s.state !== 'open' || !this.s.session) throw new VaultError('locked');
    return this.s.vault.db;
  }

  onChange(listener: (s: VaultStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async create(input: { ownerName: string; password: string }): Promise<RecoveryCodeIssue> {
    if (this.s.state !== 'no_vault') throw new VaultError('vault_exists');
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
          await insertStaff(tx, { name: input.ownerName, role: 'owner', passwordHash }, this.now());
        });
      },
    });
    await this.opened(vault, true);
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
      try {
        await this.opts.keychain.set(sidecar.vaultId, key.toString('hex'));
      } catch {
        // No keychain on this machine: the vault opens for this run only; the key is never written in plaintext.
      }
      return await this.opened(vault);
    } finally {
      key.fill(0);
    }
  }

  async signIn(input: { password: string }): Promise<VaultStatus> {
    const s = this.s;
    if (s.state !== 'open') throw new VaultError('no_vault');
    if (!(await verifyPassword(input.password, s.owner.passwordHash))) throw new VaultError('wrong_password');
    if (needsRehash(s.owner.passwordHash, this.kdf)) {
      const hash = await hashPassword(input.password, this.kdf);
      await updatePasswordHash(s.vault.db, s.owner.id, hash, this.now());
      s.owner = { ...s.owner, passwordHash: hash };
    }
    s.session = s.owner;
    return this.changed();
  }

  lock(): VaultStatus {
    if (this.s.state === 'open') {
      this.s.session = null;
      forgetNameOrder(this.s.vault.db); // ids only, but derived from names: not kept while locked
    }
    this.pendingCode = null;
    return this.changed();
  }

  /** Re-wraps the key under a new recovery code (the old one stops working) and shows it once. */
  async newRecoveryCode(): Promise<RecoveryCodeIssue> {
    const db = this.db();
    const { vault } = this.s as Extract<Internal, { state: 'open' }>;
    const code = generateRecoveryCode();
    const key = Buffer.from(vault.keyHex, 'hex');
    try {
      writeRecoveryFile(vault.paths, await wrapKey(key, code, vault.vaultId));
    } finally {
      key.fill(0);
    }
    await setMeta(db, 'recovery_confirmed', '0');
    this.recoveryConfirmed = false;
    return this.issue(code);
  }

  async confirmRecoveryCode(input: { answers: string[] }): Promise<VaultStatus> {
    const db = this.db();
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
    return settings;
  }

  async close(): Promise<void> {
    if (this.s.state === 'open') await this.s.vault.db.close();
    this.s = { state: 'no_vault' };
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

const codeOf = (err: unknown): VaultError['code'] => (err instanceof VaultError ? err.code : 'internal');
