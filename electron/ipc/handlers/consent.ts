/**
 * consent.*: the consent ledger. Evidence paths come only from the system dialogs (ctx.dialogs);
 * the renderer holds a ticket (the transfer registry's file id, forgotten on lock). The service
 * writes its own audit entries in the transaction of what it records.
 */
import { extname } from 'node:path';
import { EVIDENCE_TYPES } from '../../contract';
import { inspectEvidence, readEvidence } from '../../vault/consent/evidence-file';
import { evidenceInfo } from '../../vault/consent/repository';
import { VaultError } from '../../vault/errors';
import { createConsentDocuments, type ConsentDocument } from '../../vault/consent/documents';
import { createConsentService } from '../../vault/consent/service';
import { writeFileAtomic } from '../../vault/files';
import type { Context, HandlerMap } from '../context';
import { visible } from './customers';

const consent = (ctx: Context) => createConsentService(ctx.vault);
const PDF = [{ name: 'PDF', extensions: ['pdf'] }];
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** Asks where a made document goes; records it, then writes it (cancelled: nothing recorded). */
async function savePdf(ctx: Context, doc: ConsentDocument<Buffer>, title: string): Promise<{ fileName: string } | null> {
  const path = await ctx.dialogs.saveFile({ title, defaultName: doc.fileName, filters: PDF });
  if (path === null) return null;
  await doc.record();
  writeFileAtomic(path, doc.output);
  return { fileName: baseName(path) };
}

export const consentHandlers: HandlerMap<'consent'> = {
  async 'consent.get'(input, ctx) {
    await visible(ctx, input.customerId);
    return consent(ctx).get(input.customerId);
  },

  async 'consent.record'({ evidence, ...input }, ctx) {
    await visible(ctx, input.customerId);
    const file = evidence ? readEvidence(ctx.transfer.file(evidence.ticket).path) : undefined;
    const result = await consent(ctx).record(input, file);
    if (evidence) ctx.transfer.forget(evidence.ticket);
    return result;
  },

  async 'consent.pickEvidence'(_input, ctx) {
    const path = await ctx.dialogs.openFile({
      title: 'Bukti persetujuan',
      filters: [
        { name: 'Foto atau PDF / Photo or PDF', extensions: Object.keys(EVIDENCE_TYPES) },
        { name: 'Semua berkas / All files', extensions: ['*'] },
      ],
    });
    if (path === null) return null;
    const info = inspectEvidence(path);
    const { fileId } = ctx.transfer.register(path);
    return { ticket: fileId, ...info };
  },

  async 'consent.saveEvidence'({ id }, ctx) {
    // The name offered is the one the file came in with; the entry is written before the copy is made.
    const info = await evidenceInfo(ctx.db(), id);
    if (!info) throw new VaultError('not_found', undefined, `evidence ${id}`);
    const ext = extname(info.fileName).slice(1) || '*';
    const path = await ctx.dialogs.saveFile({ title: 'Simpan salinan bukti', defaultName: info.fileName, filters: [{ name: 'Bukti / Evidence', extensions: [ext] }] });
    if (path === null) return { saved: false };
    const file = await consent(ctx).openEvidence(id, baseName(path));
    writeFileAtomic(path, file.content);
    return { saved: true };
  },

  async 'consent.saveForm'({ customerId }, ctx) {
    const doc = await createConsentDocuments(ctx.vault).form(customerId);
    return savePdf(ctx, doc, 'Simpan formulir persetujuan / Save the consent form');
  },

  async 'consent.saveReceipt'({ entryId, lang }, ctx) {
    const doc = await createConsentDocuments(ctx.vault).receipt(entryId, lang, 'pdf');
    return savePdf(ctx, doc, lang === 'id' ? 'Simpan tanda terima persetujuan' : 'Save the consent receipt');
  },

  async 'consent.receiptText'({ entryId, lang }, ctx) {
    const doc = await createConsentDocuments(ctx.vault).receipt(entryId, lang, 'whatsapp');
    await doc.record();
    return doc.output;
  },
};
