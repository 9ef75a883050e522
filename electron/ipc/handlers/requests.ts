/**
 * requests.*: the rights desk's register. The service writes its own audit entries in the
 * transaction of each step; documents are made first, then the dialog, then recorded, then written.
 */
import type { Lang } from '../../contract/i18n';
import { createCorrections } from '../../vault/requests/correction';
import { createRequestDocuments } from '../../vault/requests/documents';
import { registerCsv } from '../../vault/requests/register-csv';
import { createRequestsService } from '../../vault/requests/service';
import { createRestrictionService } from '../../vault/restriction/service';
import { writeFileAtomic } from '../../vault/files';
import type { Context, HandlerMap } from '../context';

const requests = (ctx: Context) => createRequestsService(ctx.vault);
const restrictions = (ctx: Context) => createRestrictionService(ctx.vault);
/** The list after a change: who is restricted now (recorded as a view: it names them). */
async function restricted(ctx: Context) {
  const list = await restrictions(ctx).list();
  await ctx.vault.record({ action: 'request.view', targetType: 'restriction', details: { results: list.length } });
  return list;
}
const PDF = [{ name: 'PDF', extensions: ['pdf'] }];
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

async function saveDoc(ctx: Context, kind: 'receipt' | 'reply', number: number, lang: Lang): Promise<{ fileName: string } | null> {
  const doc = await createRequestDocuments(ctx.vault).make(kind, number, lang, 'pdf');
  const title = kind === 'receipt' ? 'Simpan tanda terima permintaan / Save the request receipt' : 'Simpan surat balasan / Save the reply letter';
  const path = await ctx.dialogs.saveFile({ title, defaultName: doc.fileName, filters: PDF });
  if (path === null) return null;
  await doc.record();
  writeFileAtomic(path, doc.output);
  return { fileName: baseName(path) };
}

async function docText(ctx: Context, kind: 'receipt' | 'reply', number: number, lang: Lang): Promise<string> {
  const doc = await createRequestDocuments(ctx.vault).make(kind, number, lang, 'whatsapp');
  await doc.record();
  return doc.output;
}

/** Every requests.* channel but the access pack's, which handlers/access.ts serves. */
export const requestHandlers: Omit<HandlerMap<'requests'>, 'requests.savePack'> = {
  'requests.overview': (_i, ctx) => requests(ctx).overview(),
  'requests.list': (input, ctx) => requests(ctx).list(input),
  'requests.get': ({ number }, ctx) => requests(ctx).get(number),
  'requests.create': (input, ctx) => requests(ctx).create(input),
  'requests.move': (input, ctx) => requests(ctx).move(input),
  'requests.identity': (input, ctx) => requests(ctx).identity(input),
  'requests.note': ({ number, note }, ctx) => requests(ctx).note(number, note),
  'requests.link': ({ number, customerId }, ctx) => requests(ctx).link(number, customerId),
  'requests.close': (input, ctx) => requests(ctx).close(input),
  'requests.settings': (_i, ctx) => requests(ctx).settings(),
  'requests.saveSettings': (input, ctx) => requests(ctx).saveSettings(input),
  'requests.saveReceipt': ({ number, lang }, ctx) => saveDoc(ctx, 'receipt', number, lang),
  'requests.receiptText': ({ number, lang }, ctx) => docText(ctx, 'receipt', number, lang),
  'requests.saveReply': ({ number, lang }, ctx) => saveDoc(ctx, 'reply', number, lang),
  'requests.replyText': ({ number, lang }, ctx) => docText(ctx, 'reply', number, lang),

  async 'requests.correct'(input, ctx) {
    await createCorrections(ctx.vault).correct(input);
    return requests(ctx).get(input.number);
  },
  async 'requests.restrict'(input, ctx) {
    await restrictions(ctx).restrict(input);
    return restricted(ctx);
  },
  async 'requests.unrestrict'({ customerId, requestNumber }, ctx) {
    await restrictions(ctx).lift(customerId, requestNumber);
    return restricted(ctx);
  },
  'requests.restrictions': (_i, ctx) => restricted(ctx),

  async 'requests.exportRegister'(input, ctx) {
    // Read (and recorded as a view) first; the export's own entry is written before the file appears.
    const rows = await requests(ctx).list(input);
    const day = new Date(ctx.vault.now()).toISOString().slice(0, 10);
    const path = await ctx.dialogs.saveFile({ title: 'Simpan daftar permintaan / Save the register', defaultName: `daftar-permintaan-${day}.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    if (path === null) return null;
    await ctx.vault.record({ action: 'request.document', targetType: 'file', targetId: baseName(path), details: { document: 'register', rows: rows.length } });
    writeFileAtomic(path, registerCsv(rows));
    return { fileName: baseName(path), rows: rows.length };
  },
};
