/**
 * Restoring a backup, from the vault's side: stage it (restore.ts), record it, swap it in (swap.ts),
 * open it; then keep it or put the previous vault back. Owns the pending decision (the journal's
 * `pending` phase) that `previousVault()` shows.
 *
 * The entries come before the files move: the restored vault's own entry is written into the staged
 * file and the live vault's "replaced" entry into the live one, both before the swap. If either
 * cannot be written, the staged vault is discarded and nothing was restored.
 */
import { existsSync } from 'node:fs';
import type { BackupInfo, RestoreOutcome, VaultStatus } from '../../contract';
import type { AuditRecord } from '../audit/record';
import { auditKey } from '../audit/key';
import { appendEntry } from '../context';
import { VaultError } from '../errors';
import { generateRecoveryCode } from '../keys/recovery';
import { parseKeychainValue } from '../keys/slots';
import type { VaultCore } from '../lifecycle/core';
import { openVerified, readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { readRegisterFile, unionEntries } from '../erasure/register-file';
import { listErasures, type RegisterEntry } from '../erasure/repository';
import { stageRestore } from './restore';
import { discardStaged, finishConfirm, finishUndo, journalExists, restoredPaths, rollForward, settleRestore, writeJournal, type RestoreJournal } from './swap';
import { inspectBackup, type BackupSecret } from './verify';

export interface RestoreOptions {
  signal?: AbortSignal;
  by?: string;
  onProgress?: (p: { done: number; total: number | null }) => void;
}

export class RestoreFlow {
  /** A restore whose previous vault is kept until the Owner decides (read from the journal). */
  private pending: RestoreJournal | null = null;

  constructor(
    private readonly core: VaultCore,
    /** Opens whatever is in the data folder now (VaultService.init). */
    private readonly reopen: () => Promise<VaultStatus>,
  ) {}

  /** Finishes or rolls back what a crash interrupted; called by init before anything opens. */
  async settle(): Promise<void> {
    this.pending = await settleRestore(this.core.opts.dataDir, this.core.opts.keychain);
  }

  /**
   * The erasure register a restore applies: the open vault's (a vault that predates migration 6 has
   * none) and the copy beside it in the data folder, which is there even when the vault cannot open.
   */
  async register(): Promise<RegisterEntry[]> {
    const open = this.core.open();
    const live = open ? await listErasures(open.vault.db).catch(() => []) : [];
    return unionEntries(live, readRegisterFile(this.core.opts.dataDir));
  }

  /** The restore preview: what the backup holds, and how many customers a restore would erase again. */
  async inspect(backupPath: string, secret: BackupSecret): Promise<Omit<BackupInfo, 'fileId'>> {
    return inspectBackup(backupPath, secret, await this.register());
  }

  previousVault(): { replacedAt: number; restoredFrom: string } | null {
    const j = this.pending;
    return j ? { replacedAt: j.replacedAt, restoredFrom: j.restoredFrom } : null;
  }

  /**
   * Verified, built as a new vault with a new key and recovery code beside the live one, recorded,
   * then swapped in. The session ends: the restored vault is locked and its people sign in with the
   * passwords they had in the backup. Open to a signed-in person (the caller authorises), on a first
   * run, or when the vault here cannot be opened: its files are then kept as the previous vault,
   * untouched, until the Owner keeps the restored one or puts them back.
   */
  async restore(backupPath: string, secret: BackupSecret, opts: RestoreOptions = {}): Promise<RestoreOutcome> {
    const core = this.core;
    const { dataDir, keychain } = core.opts;
    const s = core.s;
    const unopenable = s.state === 'needs_recovery' || s.state === 'unavailable' ? s : null;
    if (s.state !== 'open' && s.state !== 'no_vault' && !unopenable) throw new VaultError('conflict');
    if (this.pending || journalExists(dataDir)) throw new VaultError('restore_pending');
    // The unopenable vault's id is what its sidecar says (its keychain entry, if any, goes on "keep").
    const previousVaultId = s.state === 'open' ? s.vault.vaultId : unopenable ? (readRecoveryFile(vaultPaths(dataDir))?.vaultId ?? null) : null;
    const code = generateRecoveryCode();
    const staged = await stageRestore({
      dataDir,
      backupPath,
      secret,
      keychain,
      recoveryCode: code,
      previousVaultId,
      register: () => this.register(),
      now: core.now,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    const { info, journal } = staged;
    // The swap keeps the files that are here now as the previous vault (rollForward).
    const previousKept = existsSync(vaultPaths(dataDir).vault);
    try {
      await this.recordInStaged(journal, {
        action: 'backup.restore',
        targetType: 'file',
        targetId: info.fileName,
        details: {
          createdAt: info.createdAt,
          appVersion: info.appVersion,
          schemaVersion: info.schemaVersion,
          fromVaultId: info.vaultId,
          customers: info.counts.customers,
          erasedAgain: info.erasedAgain,
          previousKept,
          by: opts.by ?? null,
          // Nothing could be written to the vault it replaced: this trail is where it is said.
          ...(unopenable ? { replacedUnopenable: unopenable.state, replacedReason: unopenable.reason } : {}),
        },
      });
      // The live vault's own trail says it was replaced (seen again if the Owner puts it back).
      if (s.state === 'open') await core.record({ action: 'backup.restore', targetType: 'file', targetId: info.fileName, details: { replacedBy: journal.newVaultId } });
    } catch (err) {
      await discardStaged(dataDir, journal, keychain).catch(() => undefined);
      throw err;
    }
    const live = core.detach();
    if (live) {
      await live.vault.db.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
      await live.vault.db.close();
    }
    writeJournal(dataDir, { ...journal, phase: 'swapping' });
    // A failure here leaves the journal at 'swapping': init() (now, or at the next start) rolls forward.
    try {
      rollForward(dataDir, { ...journal, phase: 'swapping' });
    } catch {
      // reopen() below tries again
    }
    const status = await this.reopen();
    if (core.s.state !== 'open') throw new VaultError(status.state === 'needs_recovery' || status.state === 'unavailable' ? status.reason : 'internal');
    const issue = core.issue(code);
    core.changed();
    return { recoveryGroups: issue.groups, challenge: issue.challenge, previousKept };
  }

  /**
   * Keeps the restored vault: the previous vault's files and keychain entry are deleted for real.
   * The entry commits first; if it cannot be written nothing is deleted and the choice stays open.
   */
  async confirmRestore(): Promise<VaultStatus> {
    const core = this.core;
    const j = this.pending;
    if (!j) throw new VaultError('conflict');
    await core.record({ action: 'backup.restore', targetType: 'file', targetId: j.restoredFrom, details: { decision: 'keep', previousDeleted: true } });
    const confirming: RestoreJournal = { ...j, phase: 'confirming' };
    writeJournal(core.opts.dataDir, confirming);
    await finishConfirm(core.opts.dataDir, confirming, core.opts.keychain);
    this.pending = null;
    return core.changed();
  }

  /**
   * Puts the previous vault back; the restored one and its keychain entry go. The session ends.
   * The entry goes on the previous vault's trail, so it is written once that vault is back (when it
   * opens at all: it may be one that could not be opened, which is why it was restored over). It
   * cannot come first: the restored vault's trail is deleted with it, and the previous vault is not
   * open before it is back (in strict mode it needs a password to open). If it cannot be written the
   * caller gets the error, but the undo stands: it returns the folder to what it was before the
   * restore, and undoing the undo would mean restoring again.
   */
  async undoRestore(): Promise<VaultStatus> {
    const core = this.core;
    const j = this.pending;
    if (!j) throw new VaultError('conflict');
    const undoing: RestoreJournal = { ...j, phase: 'undoing' };
    writeJournal(core.opts.dataDir, undoing);
    this.pending = null;
    const live = core.detach();
    if (live) await live.vault.db.close();
    try {
      await finishUndo(core.opts.dataDir, undoing, core.opts.keychain);
    } finally {
      // Done or not, init() finishes the undo from the journal before it opens anything.
      await this.reopen();
    }
    const status = core.status();
    await core.record({ action: 'backup.restore', targetType: 'file', targetId: j.restoredFrom, details: { decision: 'undo', restoredVaultId: j.newVaultId } }, null);
    return status;
  }

  /** Appends an entry to the staged vault's trail (by the app itself), before it is swapped in. */
  private async recordInStaged(journal: RestoreJournal, entry: AuditRecord): Promise<void> {
    const stored = await this.core.opts.keychain.get(journal.newVaultId);
    const value = stored === null ? null : parseKeychainValue(stored);
    if (value?.kind !== 'data') throw new VaultError('key_missing', undefined, 'staged vault key not in the keychain');
    const key = value.key;
    const auditKeyBytes = auditKey(key);
    try {
      const db = await openVerified(restoredPaths(this.core.opts.dataDir).db, key.toString('hex'), true);
      try {
        await db.transaction((tx) => appendEntry(tx, auditKeyBytes, null, entry, this.core.now()));
        // Nothing may stay in a WAL beside the staged file: the swap moves the file alone.
        await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      } finally {
        await db.close();
      }
    } finally {
      key.fill(0);
      auditKeyBytes.fill(0);
    }
  }
}
