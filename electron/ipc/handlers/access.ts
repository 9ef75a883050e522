/**
 * requests.savePack: the access pack (or the portable copy) into a folder the person chooses. The
 * pack is made FIRST, so a missing customer or a request that is not theirs fails before any dialog;
 * then the folder; then `record()` (the entry and the request's step, one transaction); then the
 * files. Cancelled: nothing recorded, nothing written. An entry that cannot be written leaves no file.
 */
import { createAccessPacks, writePackFiles } from '../../vault/access/service';
import type { Handler } from '../context';

const baseName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

export const accessHandlers: { 'requests.savePack': Handler<'requests.savePack'> } = {
  async 'requests.savePack'({ customerId, lang, staffNames, requestNumber, portable }, ctx) {
    const pack = await createAccessPacks(ctx.vault).make(customerId, { lang, staffNames, portable, ...(requestNumber !== undefined ? { requestNumber } : {}) });
    const title = portable
      ? lang === 'id' ? 'Pilih folder untuk data portabel' : 'Choose a folder for the portable data'
      : lang === 'id' ? 'Pilih folder untuk salinan data pribadi' : 'Choose a folder for the access pack';
    const folder = await ctx.dialogs.openFolder({ title });
    if (folder === null) return null;
    await pack.record();
    writePackFiles(folder, pack.files);
    return { folder: baseName(folder), files: pack.files.map((f) => f.name) };
  },
};
