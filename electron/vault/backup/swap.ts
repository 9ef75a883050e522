/**
 * Swapping a restored vault into place, crash-safe, with a journal (`restore.json` in the data
 * folder). Every step is a rename or a delete inside the data folder, and each phase can be run
 * again from the start after a crash (`settleRestore`, called by `VaultService.init()` before it
 * opens anything):
 *
 *   staging    the new vault is being built as vault.restored.db (+ vault.restored.recovery.json)
 *              and its key stored; the live vault is untouched.        crash → discard the new files
 *   swapping   the new vault is complete and verified; the live files move to vault.previous.*, the
 *              new ones to vault.db / vault.recovery.json.              crash → roll forward
 *   pending    swapped; the previous vault is kept until the Owner decides.
 *   undoing    putting the previous vault back.                         crash → finish the undo
 *   confirming deleting the previous vault and its keychain entry.      crash → finish deleting
 *
 * Which file is which is never guessed from contents: while vault.restored.db exists the new vault
 * has not moved, so vault.db is the previous one; while vault.previous.db exists it has not moved
 * back. A key slot file (strict mode) during `swapping` is always the previous vault's (a restored
 * vault starts in normal mode); `previousHadSlots` says whether to put one back on undo.
 *
 * The previous vault need not be one that opened: a restore from the recovery or "cannot be opened"
 * screen keeps the unopenable files the same way (byte for byte, WAL and all), so putting them back
 * returns to that state. Its id is then the one its recovery sidecar names, or null when the sidecar
 * is missing or unreadable (no keychain entry is removed on "keep").
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { VaultError } from '../errors';
import { fsError, fsyncDir, writeFileAtomic } from '../files';
import type { Keychain } from '../keys/keychain';
import { slotsPath, vaultPaths } from '../paths';

export const JOURNAL_FILE = 'restore.json';

const Journal = z
  .object({
    format: z.literal(1),
    phase: z.enum(['staging', 'swapping', 'pending', 'undoing', 'confirming']),
    newVaultId: z.string().min(1),
    previousVaultId: z.string().min(1).nullable(),
    previousHadSlots: z.boolean(),
    /** The backup's file name (shown with the kept previous vault). */
    restoredFrom: z.string(),
    replacedAt: z.number().int(),
  })
  .strict();
export type RestoreJournal = z.infer<typeof Journal>;
export type RestorePhase = RestoreJournal['phase'];

export const restoredPaths = (dir: string) => ({ db: join(dir, 'vault.restored.db'), recovery: join(dir, 'vault.restored.recovery.json') });
export const previousPaths = (dir: string) => ({
  db: join(dir, 'vault.previous.db'),
  recovery: join(dir, 'vault.previous.recovery.json'),
  slots: join(dir, 'vault.previous.keyslots.json'),
});
const journalPath = (dir: string): string => join(dir, JOURNAL_FILE);

/** The journal, or null when there is none (or it cannot be read: then nothing is done from it). */
export function readJournal(dir: string): RestoreJournal | null {
  let text: string;
  try {
    text = readFileSync(journalPath(dir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = Journal.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** True when a journal file is there at all (even one that cannot be read): a restore must not start. */
export const journalExists = (dir: string): boolean => existsSync(journalPath(dir));

export function writeJournal(dir: string, j: RestoreJournal): void {
  writeFileAtomic(journalPath(dir), JSON.stringify(j, null, 2) + '\n');
}

function removeJournal(dir: string): void {
  rm(journalPath(dir));
  fsyncDir(dir);
}

function rm(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (err) {
    throw fsError(err);
  }
}

/** Renames `from` to `to` when `from` exists (a step already done is skipped). */
function move(from: string, to: string): void {
  if (!existsSync(from)) return;
  try {
    renameSync(from, to);
  } catch (err) {
    throw fsError(err);
  }
}

const SIDE = ['-wal', '-shm', '-journal'] as const;

/**
 * Deletes the staged new vault (files and keychain entry) and the journal. A kill inside the
 * atomic write of its recovery sidecar leaves that write's temporary file (`….tmp-<pid>-<time>`):
 * it goes too.
 */
export async function discardStaged(dir: string, j: RestoreJournal, keychain: Keychain): Promise<void> {
  const r = restoredPaths(dir);
  const tmpPrefix = `${basename(r.recovery)}.tmp-`;
  const temporaries = readdirSync(dir).filter((f) => f.startsWith(tmpPrefix)).map((f) => join(dir, f));
  for (const f of [r.db, ...SIDE.map((s) => r.db + s), r.recovery, ...temporaries]) rm(f);
  await keychain.remove(j.newVaultId).catch(() => undefined);
  removeJournal(dir);
}

/** `swapping`: moves the live vault aside and the new one in; idempotent. Returns whether a previous vault is kept. */
export function rollForward(dir: string, j: RestoreJournal): boolean {
  const live = vaultPaths(dir);
  const r = restoredPaths(dir);
  const p = previousPaths(dir);
  if (existsSync(r.db)) {
    // Everything beside the live file goes with it (a vault that could not be opened may have left
    // a WAL or even a rollback journal): nothing of it is deleted, and nothing of it meets the new file.
    for (const s of SIDE) move(live.vault + s, p.db + s);
    move(live.vault, p.db);
  }
  if (existsSync(r.recovery)) move(live.recovery, p.recovery);
  // Only the previous vault can have a key slot file at this point.
  move(slotsPath(dir), p.slots);
  move(r.recovery, live.recovery);
  move(r.db, live.vault);
  fsyncDir(dir);
  const kept = existsSync(p.db);
  if (kept) writeJournal(dir, { ...j, phase: 'pending' });
  else removeJournal(dir);
  return kept;
}

/** `undoing`: the previous vault back in place, the restored one and its keychain entry gone. */
export async function finishUndo(dir: string, j: RestoreJournal, keychain: Keychain): Promise<void> {
  const live = vaultPaths(dir);
  const p = previousPaths(dir);
  if (!j.previousHadSlots) rm(slotsPath(dir));
  else move(p.slots, slotsPath(dir));
  move(p.recovery, live.recovery);
  if (existsSync(p.db)) {
    // The restored vault is closed; whatever it left beside its file must not meet the previous one.
    for (const s of SIDE) rm(live.vault + s);
    move(p.db, live.vault);
  }
  for (const s of SIDE) move(p.db + s, live.vault + s);
  fsyncDir(dir);
  await keychain.remove(j.newVaultId).catch(() => undefined);
  removeJournal(dir);
}

/** `confirming`: the previous vault's key goes from the keychain, then its files. */
export async function finishConfirm(dir: string, j: RestoreJournal, keychain: Keychain): Promise<void> {
  if (j.previousVaultId) await keychain.remove(j.previousVaultId);
  const p = previousPaths(dir);
  for (const f of [p.db, ...SIDE.map((s) => p.db + s), p.recovery, p.slots]) rm(f);
  removeJournal(dir);
}

/**
 * Finishes or rolls back whatever a journal says was under way, before the vault is opened.
 * Returns the journal when a restore is pending the Owner's decision, else null.
 */
export async function settleRestore(dir: string, keychain: Keychain): Promise<RestoreJournal | null> {
  const j = readJournal(dir);
  if (!j) return null;
  switch (j.phase) {
    case 'staging':
      await discardStaged(dir, j, keychain);
      return null;
    case 'swapping':
      return rollForward(dir, j) ? { ...j, phase: 'pending' } : null;
    case 'pending':
      return j;
    case 'undoing':
      await finishUndo(dir, j, keychain);
      return null;
    case 'confirming':
      try {
        await finishConfirm(dir, j, keychain);
      } catch (err) {
        // No keychain right now: the previous files stay until the next start; the vault opens.
        if (err instanceof VaultError && err.code === 'keychain_unavailable') return null;
        throw err;
      }
      return null;
  }
}
