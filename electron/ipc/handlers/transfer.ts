/**
 * import.* and export.*: paths come only from the system dialogs (ctx.dialogs); the renderer
 * holds a random file id. One dry run, import or export at a time (`busy`); progress goes out as
 * `job.progress`; `import.cancel` aborts a dry run or import (the import rolls back), `export.cancel`
 * only an export (its temporary file is removed, nothing appears at the chosen path).
 */
import type { ExportInput, ImportFile, JobProgress } from '../../contract';
import { audited, recordAlone } from '../../vault/audit/audited';
import { VaultError } from '../../vault/errors';
import { dryRun, exportToFile, importDetails, inspectFile, reportProblems, previewImport, runImport, writeProblemsCsv } from '../../vault/transfer';
import type { Context, FileFilter, HandlerMap } from '../context';

const OPEN_FILTERS: FileFilter[] = [
  { name: 'Spreadsheet (CSV, TSV, TXT, XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
  { name: 'Semua berkas / All files', extensions: ['*'] },
];
const SAVE_FILTERS: Record<ExportInput['format'], FileFilter[]> = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  xlsx: [{ name: 'Excel (XLSX)', extensions: ['xlsx'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

const today = (): string => new Date().toISOString().slice(0, 10);
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

const progressTo =
  (ctx: Context, job: JobProgress['job']) =>
  ({ done, total }: { done: number; total: number | null }) =>
    ctx.emit('job.progress', { job, done, total });

async function inspected(ctx: Context, fileId: string, sheet: string | null): Promise<ImportFile> {
  const file = ctx.transfer.file(fileId);
  const info = await inspectFile(ctx.db(), file.path, sheet);
  return { fileId, fileName: file.name, ...info };
}

const sourceOf = (ctx: Context, fileId: string, sheet: string | null) => ({ path: ctx.transfer.file(fileId).path, sheet });

export const importHandlers: HandlerMap<'import'> = {
  async 'import.open'(_input, ctx) {
    const path = await ctx.dialogs.openFile({ title: 'Impor pelanggan', filters: OPEN_FILTERS });
    if (path === null) return null;
    const { fileId } = ctx.transfer.register(path);
    try {
      return await inspected(ctx, fileId, null);
    } catch (err) {
      ctx.transfer.forget(fileId);
      throw err;
    }
  },

  'import.inspect': ({ fileId, sheet }, ctx) => inspected(ctx, fileId, sheet),

  'import.preview': ({ fileId, sheet, mapping }, ctx) => previewImport(ctx.db(), sourceOf(ctx, fileId, sheet), mapping),

  'import.dryRun': ({ fileId, sheet, mapping }, ctx) =>
    ctx.transfer.runJob('dryRun', async (signal) => {
      const { result, problems, dropped } = await dryRun(ctx.db(), sourceOf(ctx, fileId, sheet), mapping, {
        signal,
        onProgress: progressTo(ctx, 'dryRun'),
      });
      ctx.transfer.remember(fileId, sheet, reportProblems(problems, dropped), result.total);
      return result;
    }),

  'import.run': ({ fileId, sheet, mapping, onDuplicate, leftOut }, ctx) =>
    ctx.transfer.runJob('import', async (signal) => {
      const source = sourceOf(ctx, fileId, sheet);
      const fileName = ctx.transfer.file(fileId).name;
      const total = ctx.transfer.lastRun(fileId, sheet)?.total ?? null;
      const user = ctx.vault.user();
      const opts = { signal, total, onProgress: progressTo(ctx, 'import'), recordedBy: { id: user?.id ?? null, name: user?.name ?? 'system' }, leftOut: leftOut ?? [] };
      // The import, its consent entries and its audit entry in one transaction (a job: the busy check comes first).
      const result = await audited(
        ctx.db(),
        (tx, entry) => ctx.vault.recordIn(tx, entry),
        (db) => runImport(db, source, mapping, onDuplicate, opts),
        (r) => ({ action: 'data.import', targetType: 'file', targetId: fileName, details: importDetails(r, onDuplicate) }),
      );
      const rows = result.imported + result.updated + result.skipped + result.conflicts.length + new Set(result.invalid.map((p) => p.row)).size;
      // The report lists the rows left alone and the values left empty beside the invalid rows, in file order.
      const problems = reportProblems([...result.invalid, ...result.conflicts].sort((a, b) => a.row - b.row), result.dropped);
      ctx.transfer.remember(fileId, sheet, problems, rows);
      return result;
    }),

  'import.cancel': (_input, ctx) => ({ cancelled: ctx.transfer.cancel(['dryRun', 'import']) }),

  async 'import.saveReport'({ fileId, sheet }, ctx) {
    const file = ctx.transfer.file(fileId);
    const run = ctx.transfer.lastRun(fileId, sheet);
    if (!run) throw new VaultError('not_found', undefined, 'no dry run or import for this file yet');
    const stem = file.name.replace(/\.[^.]*$/, '');
    const path = await ctx.dialogs.saveFile({ title: 'Simpan laporan baris bermasalah', defaultName: `${stem}-bermasalah.csv`, filters: SAVE_FILTERS.csv });
    if (path === null) return null;
    await writeProblemsCsv(path, run.problems, { original: { path: file.path, sheet } });
    return { fileName: baseName(path) };
  },
};

export const exportHandlers: HandlerMap<'export'> = {
  'export.run': (input, ctx) =>
    ctx.transfer.runJob('export', async (signal) => {
      const path = await ctx.dialogs.saveFile({
        title: 'Ekspor pelanggan',
        defaultName: `pelanggan-${today()}.${input.format}`,
        filters: SAVE_FILTERS[input.format],
      });
      if (path === null) return null;
      // Cancelled (or locked) while the dialog was open: nothing is written at all.
      if (signal.aborted) throw new VaultError('cancelled');
      // Asked after the dialog: the vault may have locked while it was open.
      const fileName = baseName(path);
      const { count } = await exportToFile(ctx.db(), path, input, {
        signal,
        onProgress: progressTo(ctx, 'export'),
        // Written before the file is put in place: an entry that cannot be written leaves no file.
        beforeCommit: (n) =>
          recordAlone(ctx.db(), ctx.vault.recordIn, {
            action: 'data.export',
            targetType: 'file',
            targetId: fileName,
            details: { what: 'customers', format: input.format, count: n, scope: input.scope.kind, fields: input.fields, purpose: input.purpose },
          }),
      });
      return { fileName, count };
    }),

  'export.cancel': (_input, ctx) => ({ cancelled: ctx.transfer.cancel(['export']) }),
};

