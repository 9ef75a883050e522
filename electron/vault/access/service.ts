/**
 * The access pack (PDF + JSON + CSV) and the portable copy (JSON + CSV) of one customer, for the app's
 * channel and the command line alike. A pack is made first — so a missing customer or a request that
 * is not theirs is said before any dialog opens or any folder is made — then `record()` writes, in
 * ONE transaction, the audit entry `customer.accessPack` (never a value: the language, the choices,
 * the number of files) and, when it answers a request, the step on that request's history. The
 * caller writes the files only after `record()`: an entry that cannot be written leaves no file, and
 * a cancelled save records nothing.
 *
 * Staff are named only when the Owner chooses (`staffNames`): anyone else asking gets `forbidden`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../contract/i18n';
import type { VaultContext } from '../context';
import { renderAccessPack } from '../documents';
import { writeFileAtomic } from '../files';
import { VaultError } from '../errors';
import { localDate } from '../notice/data';
import { appendRequestEvent, assertConcerns } from '../requests/repository';
import { collectAccessPack } from './collect';
import { packCsvBytes } from './csv';
import { ACCESS_SCHEMA, jsonBytes, packDocument, PORTABLE_SCHEMA } from './json';

export interface PackOptions {
  lang: Lang;
  /** Name staff in the trail and the roles (Owner only); otherwise roles only. */
  staffNames: boolean;
  /** The request it answers: a step is added to its history when recorded. */
  requestNumber?: number;
  /** The portable copy (what the customer provided; JSON and CSV) instead of the whole pack. */
  portable?: boolean;
}

export interface PackFile {
  name: string;
  content: Buffer;
}

export interface AccessPack {
  /** The files' shared name without extension, e.g. `akses-data-12-2026-12-04`. */
  baseName: string;
  files: PackFile[];
  /** Records that the pack was handed out (call before writing the files). */
  record(): Promise<void>;
}

/** Safe on every system (Windows too): letters, digits and `-` only. */
export function packBaseName(customerId: number, date: string, lang: Lang, portable: boolean): string {
  const prefix = portable ? (lang === 'id' ? 'data-portabel' : 'portable-data') : lang === 'id' ? 'akses-data' : 'access-pack';
  return `${prefix}-${customerId}-${date}`.replace(/[^A-Za-z0-9-]/g, '-');
}

/**
 * Writes the pack's files into `dir` (each written whole or not at all) and returns their paths. If
 * one cannot be written (disk full, read-only), those already written are removed: a pack is whole.
 */
export function writePackFiles(dir: string, files: readonly PackFile[]): string[] {
  const written: string[] = [];
  try {
    for (const f of files) {
      const path = join(dir, f.name);
      writeFileAtomic(path, f.content);
      written.push(path);
    }
    return written;
  } catch (err) {
    for (const path of written) rmSync(path, { force: true });
    throw err;
  }
}

export function createAccessPacks(ctx: VaultContext) {
  return {
    async make(customerId: number, opts: PackOptions): Promise<AccessPack> {
      const db = ctx.db();
      const user = ctx.user();
      if (opts.staffNames && user?.role !== 'owner') throw new VaultError('forbidden', undefined, 'only the Owner may name staff in an access pack');
      const portable = opts.portable === true;
      const now = ctx.now();
      const data = await collectAccessPack(db, customerId, { staffNames: opts.staffNames, portable, now });
      if (opts.requestNumber !== undefined) await assertConcerns(db, opts.requestNumber, customerId, 'requestNumber');
      const baseName = packBaseName(customerId, localDate(now), opts.lang, portable);
      const doc = packDocument(data);
      const files: PackFile[] = [];
      if (!portable) {
        const meta = { schema: ACCESS_SCHEMA, ...(opts.requestNumber !== undefined ? { requestNumber: opts.requestNumber } : {}) };
        files.push({ name: `${baseName}.pdf`, content: await renderAccessPack(data, opts.lang, meta) });
      }
      files.push({ name: `${baseName}.json`, content: jsonBytes(doc) });
      files.push({ name: `${baseName}.csv`, content: packCsvBytes(doc) });
      const names = files.map((f) => f.name);
      return {
        baseName,
        files,
        record: () =>
          ctx.db().transaction(async (tx) => {
            await ctx.recordIn(tx, {
              action: 'customer.accessPack',
              targetType: 'customer',
              targetId: customerId,
              details: { lang: opts.lang, portable, staffNames: opts.staffNames, files: names.length, request: opts.requestNumber ?? null, schema: portable ? PORTABLE_SCHEMA : ACCESS_SCHEMA },
            });
            if (opts.requestNumber === undefined) return;
            await assertConcerns(tx, opts.requestNumber, customerId, 'requestNumber');
            const by = ctx.user();
            await appendRequestEvent(tx, opts.requestNumber, {
              at: ctx.now(),
              kind: 'document',
              by: by && { id: by.id, name: by.name },
              detail: { document: portable ? 'portable' : 'access_pack', files: names },
            });
          }),
      };
    },
  };
}

export type AccessPacks = ReturnType<typeof createAccessPacks>;
