/**
 * restore.*: pick a backup file (the renderer only ever holds a random id and the base name),
 * inspect it with the passphrase, restore it (backup/restore.ts + swap.ts through VaultService),
 * then keep the restored vault or put the previous one back. The same three steps on a first run,
 * before anyone can sign in.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { BackupInfo } from '../../contract';
import { VaultError } from '../../vault/errors';
import type { VaultService } from '../../vault/service';
import type { Context, HandlerMap } from '../context';

interface Picked {
  path: string;
  name: string;
}

/** Picked backup files per vault service; forgotten when the session ends or after a restore. */
const registries = new WeakMap<VaultService, Map<string, Picked>>();

function picked(vault: VaultService): Map<string, Picked> {
  let files = registries.get(vault);
  if (!files) {
    const map = new Map<string, Picked>();
    vault.onChange((s) => {
      if (s.state === 'locked') map.clear();
    });
    registries.set(vault, map);
    files = map;
  }
  return files;
}

async function open(ctx: Context): Promise<{ fileId: string; fileName: string } | null> {
  const path = await ctx.dialogs.openFile({ title: 'Pilih file cadangan Brankas', filters: [{ name: 'Cadangan Brankas', extensions: ['brankas'] }] });
  if (path === null) return null;
  const fileId = randomUUID();
  const name = basename(path);
  picked(ctx.vault).set(fileId, { path, name });
  return { fileId, fileName: name };
}

function file(ctx: Context, fileId: string): Picked {
  const f = picked(ctx.vault).get(fileId);
  if (!f) throw new VaultError('file_expired');
  return f;
}

async function inspect(ctx: Context, input: { fileId: string; passphrase: string }): Promise<BackupInfo> {
  const f = file(ctx, input.fileId);
  // With how many erased customers the backup still holds (the erasure register): a restore erases them again.
  return { ...(await ctx.vault.inspectBackup(f.path, { passphrase: input.passphrase })), fileId: input.fileId };
}

function run(ctx: Context, input: { fileId: string; passphrase: string }) {
  const f = file(ctx, input.fileId);
  const by = ctx.vault.user()?.name;
  return ctx.transfer.runJob('restore', async (signal) => {
    const outcome = await ctx.vault.restore(f.path, { passphrase: input.passphrase }, {
      signal,
      onProgress: ({ done, total }) => ctx.emit('job.progress', { job: 'restore', done, total }),
      ...(by ? { by } : {}),
    });
    picked(ctx.vault).delete(input.fileId);
    return outcome;
  });
}

export const restoreHandlers: HandlerMap<'restore'> = {
  'restore.open': (_input, ctx) => open(ctx),
  'restore.inspect': (input, ctx) => inspect(ctx, input),
  'restore.run': (input, ctx) => run(ctx, input),
  'restore.confirm': (_input, { vault }) => vault.confirmRestore(),
  'restore.undo': (_input, { vault }) => vault.undoRestore(),
  'restore.confirmCode': (input, { vault }) => vault.confirmRecoveryCode(input),
  'restore.cancel': (_input, ctx) => ({ cancelled: ctx.transfer.cancel(['restore']) }),
  'restore.openFirstRun': (_input, ctx) => open(ctx),
  'restore.inspectFirstRun': (input, ctx) => inspect(ctx, input),
  'restore.runFirstRun': (input, ctx) => run(ctx, input),
};
