/** backup.*: passphrase set-up, schedule, folder, back up now (a job with progress and cancel). */
import { appVersion } from '../../vault/version';
import { createBackupService } from '../../vault/backup/service';
import type { Context, HandlerMap } from '../context';

const backups = ({ vault }: Context) => createBackupService(vault, { appVersion: appVersion() });

export const backupHandlers: HandlerMap<'backup'> = {
  'backup.status': (_input, ctx) => backups(ctx).status(),
  'backup.setup': (input, ctx) => backups(ctx).setup(input),
  'backup.saveSchedule': (input, ctx) => backups(ctx).saveSchedule(input),

  async 'backup.pickFolder'(_input, ctx) {
    const folder = await ctx.dialogs.openFolder({ title: 'Folder cadangan (misalnya flashdisk)' });
    return folder === null ? null : backups(ctx).setFolder(folder);
  },

  'backup.run': ({ useScheduleFolder }, ctx) =>
    ctx.transfer.runJob('backup', async (signal) => {
      const service = backups(ctx);
      const folder = useScheduleFolder
        ? (await service.status()).schedule.folder
        : await ctx.dialogs.openFolder({ title: 'Simpan cadangan ke folder (misalnya flashdisk)' });
      if (folder === null) return null;
      return service.run({ folder, signal, onProgress: ({ done, total }) => ctx.emit('job.progress', { job: 'backup', done, total }) });
    }),

  'backup.cancel': (_input, ctx) => ({ cancelled: ctx.transfer.cancel(['backup']) }),
};
