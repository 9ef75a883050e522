/**
 * What the Owner keeps up while the vault is open: the recovery code, the settings, the access
 * review. Each change and its audit entry commit in one transaction; what is kept in memory (and
 * shown in the status) changes only after that commit.
 */
import type { RecoveryCodeIssue, Settings, VaultStatus } from '../../contract';
import { VaultError } from '../errors';
import { generateRecoveryCode, normaliseRecoveryInput, RECOVERY_GROUP_LENGTH, wrapKey } from '../keys/recovery';
import { getMeta, saveSettings as storeSettings, setMeta } from '../meta';
import { writeRecoveryFile } from '../open';
import type { VaultCore } from './core';

/**
 * Re-wraps the key under a new recovery code (the old one stops working) and shows it once.
 * Order: the wrap is made, then `recovery_confirmed = 0` and the entry commit, and only then does
 * the new sidecar replace the old one. Had the file gone first, a failed entry would leave a code
 * nobody was shown and the old one dead: no working recovery code at all. This way a failure at
 * any step leaves the old code working; if the file write itself fails after the commit, the old
 * confirmation is put back and the entry stays as the record of a code that was not issued after all.
 */
export async function newRecoveryCode(core: VaultCore): Promise<RecoveryCodeIssue> {
  const { vault } = core.signedIn();
  const db = vault.db;
  const code = generateRecoveryCode();
  const key = Buffer.from(vault.keyHex, 'hex');
  let wrapped;
  try {
    wrapped = await wrapKey(key, code, vault.vaultId);
  } finally {
    key.fill(0);
  }
  const before = await db.transaction(async (tx) => {
    const was = (await getMeta(tx, 'recovery_confirmed')) ?? '0';
    await setMeta(tx, 'recovery_confirmed', '0');
    await core.recordIn(tx, { action: 'recovery.newCode' });
    return was;
  });
  try {
    writeRecoveryFile(vault.paths, wrapped);
  } catch (err) {
    await setMeta(db, 'recovery_confirmed', before).catch(() => undefined);
    throw err;
  }
  core.recoveryConfirmed = false;
  return core.issue(code);
}

export async function confirmRecoveryCode(core: VaultCore, input: { answers: string[] }): Promise<VaultStatus> {
  // Right after a restore the session has ended but the new code is still on screen: it is
  // confirmed before anyone signs in (the code is the proof; nothing else is opened by it).
  const open = core.open();
  const db = open && !open.session && core.pendingCode ? open.vault.db : core.db();
  const pending = core.pendingCode;
  if (!pending) throw new VaultError('conflict');
  const expected = pending.challenge.map((i) => pending.code.slice(i * RECOVERY_GROUP_LENGTH, (i + 1) * RECOVERY_GROUP_LENGTH));
  const given = input.answers.map(normaliseRecoveryInput);
  if (given.length !== expected.length || given.some((g, i) => g !== expected[i])) throw new VaultError('wrong_recovery_code');
  await setMeta(db, 'recovery_confirmed', '1');
  core.recoveryConfirmed = true;
  core.pendingCode = null;
  return core.changed();
}

export async function saveSettings(core: VaultCore, settings: Settings): Promise<Settings> {
  await core.db().transaction(async (tx) => {
    await storeSettings(tx, settings);
    await core.recordIn(tx, { action: 'settings.update', details: { idleLockMinutes: settings.idleLockMinutes, require2faRoles: settings.require2faRoles } });
  });
  core.settings = settings;
  core.changed();
  return settings;
}

/** Records the access review as done now. */
export async function markAccessReviewed(core: VaultCore): Promise<void> {
  const at = core.now();
  await setMeta(core.db(), 'access_review_at', String(at));
  core.accessReviewAt = at;
}
