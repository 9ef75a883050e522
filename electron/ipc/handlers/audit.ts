/** audit.*: the trail, its verification and a CSV export through the save dialog. */
import { AuditQueryInput } from '../../contract';
import { recordAlone } from '../../vault/audit/audited';
import { exportAuditCsv, listAudit } from '../../vault/audit/repository';
import { verifyAudit } from '../../vault/audit/verify';
import type { HandlerMap } from '../context';

const today = (): string => new Date().toISOString().slice(0, 10);
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export const auditHandlers: HandlerMap<'audit'> = {
  'audit.list': (input, { db }) => listAudit(db(), AuditQueryInput.parse(input)),
  'audit.verify': (_input, { vault, db }) => verifyAudit(db(), vault.auditKey()),
  async 'audit.export'(input, ctx) {
    const path = await ctx.dialogs.saveFile({
      title: 'Ekspor jejak audit',
      defaultName: `jejak-audit-${today()}.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (path === null) return null;
    const fileName = baseName(path);
    const { rows } = await exportAuditCsv(ctx.db(), input, path, {
      // Before the file is put in place: an entry that cannot be written leaves no file.
      beforeCommit: (n) => recordAlone(ctx.db(), ctx.vault.recordIn, { action: 'data.export', targetType: 'file', targetId: fileName, details: { what: 'audit', count: n } }),
    });
    return { fileName, rows };
  },
};
