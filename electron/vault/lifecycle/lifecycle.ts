/**
 * Opening the vault that is here (init), making a new one (create), and opening one whose key this
 * machine lost with the recovery code (recover). Each leaves the core in one state of its machine.
 */
import { existsSync } from 'node:fs';
import type { RecoveryCodeIssue, VaultStatus } from '../../contract';
import { auditKey } from '../audit/key';
import { appendEntry } from '../context';
import { VaultError } from '../errors';
import { hashPassword } from '../keys/password';
import { generateRecoveryCode, unwrapKey } from '../keys/recovery';
import { parseKeychainValue, readSlotFile, removeSlotFile, type KeySlotFile } from '../keys/slots';
import { setMeta } from '../meta';
import { createVault, openVault, readRecoveryFile } from '../open';
import { slotsPath, vaultPaths } from '../paths';
import { assertStrongPassword } from '../staff/passwords';
import { insertStaff, recordSignIn } from '../staff/repository';
import { codeOf, type VaultCore } from './core';

/**
 * Looks at the data folder and opens the vault if this machine's keychain has its key (in strict
 * mode: its share, and the vault is sealed until someone with a key slot signs in). `settle` first
 * finishes or rolls back a restore a crash interrupted (backup/restore-flow.ts), so what opens is
 * always a whole vault.
 */
export async function init(core: VaultCore, settle: () => Promise<void>): Promise<VaultStatus> {
  const { dataDir, keychain } = core.opts;
  const paths = vaultPaths(dataDir);
  try {
    await settle();
  } catch (err) {
    return core.set({ state: 'unavailable', reason: codeOf(err) });
  }
  if (!existsSync(paths.vault)) return core.set({ state: 'no_vault' });
  const sidecar = readRecoveryFile(paths);
  const needsRecovery = (reason: VaultError['code']) => core.set({ state: 'needs_recovery', reason, recoveryAvailable: sidecar !== null });
  let candidates: string[];
  try {
    // Without the sidecar (deleted by hand), any Brankas key on this machine may still open it.
    candidates = sidecar ? [sidecar.vaultId] : await keychain.accounts();
  } catch (err) {
    return needsRecovery(codeOf(err));
  }
  let reason: VaultError['code'] = 'key_missing';
  for (const vaultId of candidates) {
    let stored: string | null;
    try {
      stored = await keychain.get(vaultId);
    } catch (err) {
      return needsRecovery(codeOf(err));
    }
    const value = stored === null ? null : parseKeychainValue(stored);
    if (!value) continue;
    if (value.kind === 'strict') {
      let slots: KeySlotFile | null;
      try {
        slots = readSlotFile(slotsPath(dataDir));
      } catch (err) {
        return core.set({ state: 'unavailable', reason: codeOf(err) });
      }
      if (!slots || slots.vaultId !== vaultId) continue;
      core.strictShare = value.share;
      return core.set({ state: 'sealed', vaultId, share: value.share, slots });
    }
    try {
      const opened = await openVault(dataDir, vaultId, value.key, sidecar);
      // A key slot file beside a vault whose keychain holds the data key is what an interrupted
      // switch out of (or into) strict mode leaves: the keychain decides, the stale file goes.
      removeSlotFile(slotsPath(dataDir));
      core.strictShare = null;
      return await core.opened(opened);
    } catch (err) {
      reason = codeOf(err);
      if (reason !== 'wrong_key') return core.set({ state: 'unavailable', reason });
    } finally {
      value.key.fill(0);
    }
  }
  return needsRecovery(reason);
}

/**
 * A new vault with its Owner signed in. The seed — settings, the Owner, their first sign-in and its
 * audit entry — is one transaction on the new file before it gets its real name: if the entry
 * cannot be written there is no vault (createVault removes the file and the key).
 */
export async function create(core: VaultCore, input: { ownerName: string; password: string }): Promise<RecoveryCodeIssue> {
  if (core.s.state !== 'no_vault') throw new VaultError('vault_exists');
  assertStrongPassword(input.password, [input.ownerName]);
  const { dataDir, keychain } = core.opts;
  const code = generateRecoveryCode();
  const passwordHash = await hashPassword(input.password, core.kdf);
  const vault = await createVault({
    dir: dataDir,
    recoveryCode: code,
    storeKey: (id, key) => keychain.set(id, key),
    removeKey: (id) => keychain.remove(id),
    seed: async (db, vaultId, dataKey) => {
      const auditKeyBytes = auditKey(dataKey);
      try {
        await db.transaction(async (tx) => {
          const now = core.now();
          await setMeta(tx, 'vault_id', vaultId);
          await setMeta(tx, 'created_at', String(now));
          await setMeta(tx, 'recovery_confirmed', '0');
          await setMeta(tx, 'access_review_at', String(now));
          const name = input.ownerName.trim();
          const ownerId = await insertStaff(tx, { name, role: 'owner', passwordHash, reason: 'Pemilik toko' }, now);
          await recordSignIn(tx, ownerId, now); // creating the vault is the Owner's first sign-in
          await appendEntry(tx, auditKeyBytes, { id: ownerId, name }, { action: 'auth.signIn', details: { via: 'create' } }, now);
        });
      } finally {
        auditKeyBytes.fill(0);
      }
    },
  });
  core.strictShare = null;
  await core.opened(vault, true);
  return core.issue(code);
}

/**
 * Opens the vault with its recovery code and puts the data key back in the keychain. The entry
 * commits first and the keychain is written only after: a key stored for a recovery the trail never
 * saw would open the vault at the next start with no trace of how. So the entry cannot say whether
 * the key could be stored; without a keychain the vault opens for this run only, as before.
 */
export async function recover(core: VaultCore, input: { recoveryCode: string }): Promise<VaultStatus> {
  if (core.s.state !== 'needs_recovery') throw new VaultError('conflict');
  const { dataDir, keychain } = core.opts;
  const sidecar = readRecoveryFile(vaultPaths(dataDir));
  if (!sidecar) throw new VaultError('recovery_unavailable');
  const key = await unwrapKey(sidecar, input.recoveryCode);
  try {
    const vault = await openVault(dataDir, sidecar.vaultId, key, sidecar);
    const auditKeyBytes = auditKey(key);
    try {
      await vault.db.transaction((tx) => appendEntry(tx, auditKeyBytes, null, { action: 'auth.unlock', details: { via: 'recovery_code' } }, core.now()));
    } catch (err) {
      await vault.db.close().catch(() => undefined);
      throw err;
    } finally {
      auditKeyBytes.fill(0);
    }
    let stored = true;
    try {
      await keychain.set(sidecar.vaultId, key.toString('hex'));
    } catch {
      // No keychain on this machine: the vault opens for this run only; the key is never written in plaintext.
      stored = false;
    }
    // The keychain now holds the data key again, so any old key slots are stale: strict mode is
    // off after a recovery and the Owner switches it on again (README says so).
    if (stored) removeSlotFile(slotsPath(dataDir));
    core.strictShare = null;
    return await core.opened(vault);
  } finally {
    key.fill(0);
  }
}
