/**
 * The access pack's channel (issue 12, "Access & copy" and "Portability"), spread into `channels`
 * beside the requests register's. It answers a customer's request for their data: the PDF (id or en),
 * JSON and CSV of everything held about them — or, `portable`, what they provided as JSON and CSV —
 * saved into a folder the person chooses in the system's dialog. Schemas: docs/export-schema.md.
 */
import { z } from 'zod';
import { def } from './channel-def';
import { RequestNumber } from './requests';

export const AccessPackInput = z
  .object({
    customerId: z.number().int().positive(),
    /** The PDF's language (the customer's). */
    lang: z.enum(['id', 'en']),
    /** Name staff in the trail and the roles: the Owner only (anyone else: `forbidden`). */
    staffNames: z.boolean().default(false),
    /** The request it answers: a step is added to its history (it must concern this customer). */
    requestNumber: RequestNumber.optional(),
    /** The portable copy (Pasal 13): what the customer provided, JSON and CSV. */
    portable: z.boolean().default(false),
  })
  .strict();
export type AccessPackInput = z.input<typeof AccessPackInput>;

/** Where the pack went: the folder's name (not its path) and the files written into it. */
export interface SavedPack {
  folder: string;
  files: string[];
}

export const accessChannels = {
  /**
   * Makes the pack (a missing customer or a request not theirs fails before any dialog), asks for a
   * folder, records `customer.accessPack` (and the request's step) in one transaction, then writes
   * the files. null: cancelled, nothing recorded or written.
   */
  'requests.savePack': def<SavedPack | null>()(AccessPackInput, 'unlocked', 'privacy.handle'),
} as const;
