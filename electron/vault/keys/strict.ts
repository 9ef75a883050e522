/**
 * Strict mode: the keychain holds only a share that, with a person's password, unwraps the data key
 * from their key slot (slots.ts). After a restart the vault is sealed until someone with a slot
 * signs in. This part switches it on and off, keeps each person's slot in step with their account,
 * and unseals. The share itself sits in the core (the status shows whether strict mode is on).
 */
import { randomBytes } from 'node:crypto';
import type { VaultStatus } from '../../contract';
import { tooManyAttempts, VaultError } from '../errors';
import type { Sealed, VaultCore } from '../lifecycle/core';
import { openVault, readRecoveryFile } from '../open';
import { slotsPath, vaultPaths } from '../paths';
import { retryAfterMs } from '../staff/backoff';
import type { StaffRow } from '../staff/repository';
import { authenticate, type Attempts } from '../staff/sign-in';
import { dropSlot, encodeStrictShare, makeSlot, openSlot, readSlotFile, removeSlotFile, upsertSlot, writeSlotFile } from './slots';

export class StrictMode {
  /** Failed sign-ins while the vault is sealed (no table to count them in yet). */
  private readonly sealedAttempts = new Map<number, Attempts>();

  constructor(private readonly core: VaultCore) {}

  private get path(): string {
    return slotsPath(this.core.opts.dataDir);
  }

  /**
   * On: a fresh keychain share, a key slot for the person switching it on, the slot file written,
   * and only then the keychain entry swapped from the data key to the share. Off: the data key goes
   * back into the keychain first, then the slot file goes. Either order leaves a state `init()`
   * reads correctly if the app stops half-way (the keychain entry decides).
   *
   * The entry commits before the keychain or the file is touched, so a switch the trail cannot
   * record never happens. Should the switch itself then fail, a second entry says so.
   */
  async setStrictMode(input: { enabled: boolean; password: string }): Promise<VaultStatus> {
    const core = this.core;
    const s = core.signedIn();
    const me = s.session;
    await authenticate(s.vault.db, { staffId: me.id, password: input.password, passwordOnly: true }, { now: core.now(), kdf: core.kdf, settings: core.settings });
    const details = { strictMode: input.enabled };
    await s.vault.db.transaction((tx) => core.recordIn(tx, { action: 'security.update', details }));
    try {
      await this.switchTo(input.enabled, input.password, s.vault, me);
    } catch (err) {
      await core.record({ action: 'security.update', outcome: 'failed', details }).catch(() => undefined);
      throw err;
    }
    return core.changed();
  }

  private async switchTo(enabled: boolean, password: string, vault: { vaultId: string; keyHex: string }, me: StaffRow): Promise<void> {
    const core = this.core;
    const { keychain } = core.opts;
    if (enabled && !core.strictShare) {
      const share = randomBytes(32);
      const key = Buffer.from(vault.keyHex, 'hex');
      try {
        const slot = await makeSlot(key, share, { staffId: me.id, name: me.name, role: me.role }, password, vault.vaultId, core.kdf);
        writeSlotFile(this.path, { format: 1, vaultId: vault.vaultId, slots: [slot] });
        await keychain.set(vault.vaultId, encodeStrictShare(share));
      } catch (err) {
        removeSlotFile(this.path);
        throw err;
      } finally {
        key.fill(0);
      }
      core.strictShare = share;
    } else if (!enabled && core.strictShare) {
      await keychain.set(vault.vaultId, vault.keyHex);
      removeSlotFile(this.path);
      core.strictShare = null;
    }
  }

  /** Keeps a person's key slot in step with their password, name and role (strict mode only). */
  async refreshSlot(person: Pick<StaffRow, 'id' | 'name' | 'role'>, password: string | null, replace = true): Promise<void> {
    const core = this.core;
    const s = core.open();
    if (!core.strictShare || !s) return;
    const path = this.path;
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
      const slot = await makeSlot(key, core.strictShare, { staffId: person.id, name: person.name, role: person.role }, password, s.vault.vaultId, core.kdf);
      writeSlotFile(path, upsertSlot(file, slot));
    } finally {
      key.fill(0);
    }
  }

  /** A disabled account's slot goes, so it cannot open the vault after a restart. */
  dropSlot(staffId: number): void {
    if (!this.core.strictShare) return;
    const file = readSlotFile(this.path);
    if (file) writeSlotFile(this.path, dropSlot(file, staffId));
  }

  slotHolders(): Set<number> {
    if (!this.core.strictShare) return new Set();
    return new Set((readSlotFile(this.path)?.slots ?? []).map((x) => x.staffId));
  }

  /** After a restart: the person's key slot and password open the data key, and the vault opens. */
  async unseal(staffId: number, password: string): Promise<void> {
    const core = this.core;
    const s = core.s as Sealed;
    const attempts = this.sealedAttempts.get(staffId) ?? { failures: 0, lastFailureAt: null };
    const wait = retryAfterMs(attempts, core.now());
    if (wait > 0) throw tooManyAttempts(wait);
    const slot = s.slots.slots.find((x) => x.staffId === staffId);
    const key = slot ? await openSlot(slot, s.share, password, s.vaultId) : null;
    if (!key) {
      this.sealedAttempts.set(staffId, { failures: attempts.failures + 1, lastFailureAt: core.now() });
      throw new VaultError('wrong_password');
    }
    this.sealedAttempts.delete(staffId);
    try {
      const vault = await openVault(core.opts.dataDir, s.vaultId, key, readRecoveryFile(vaultPaths(core.opts.dataDir)));
      await core.opened(vault);
    } finally {
      key.fill(0);
    }
  }
}
