/**
 * The consent documents from the vault's own records: the form to print and sign (one pair of boxes
 * per consent purpose, the notice in force in brief) and a receipt for one ledger entry (PDF, or a
 * short text to send by WhatsApp). Purposes are described as the notice describes them — the frozen
 * version the entry names when there is one, else today's — so a receipt says what the customer was
 * told. A document is made first (so a missing customer or entry is said before any dialog opens),
 * then recorded (`consent.document`, its own transaction) by `record()` once the person has chosen
 * where it goes and before the file is written: an entry that cannot be written leaves no file, and
 * a cancelled save records nothing.
 */
import type { Lang } from '../../contract/i18n';
import type { VaultContext } from '../context';
import type { Queryable } from '../db/driver';
import {
  DEFAULT_AUTHORITY,
  noticeBrief,
  receiptNumber,
  renderConsentForm,
  renderConsentReceipt,
  type ConsentCustomer,
} from '../documents';
import { VaultError } from '../errors';
import { localDate } from '../notice/data';
import { frozenData, getProfile, versionInfo } from '../notice/repository';
import { createNoticeService } from '../notice/service';
import { EMPTY_PROFILE, type AuditDetails } from '../../contract';
import { getEntry } from './repository';

export interface ConsentDocument<T> {
  /** The name offered in the save dialog. */
  fileName: string;
  output: T;
  /** Records that the document was handed out (call before writing or showing it). */
  record(): Promise<void>;
}

async function customerOf(q: Queryable, id: number): Promise<ConsentCustomer> {
  const row = await q.get<{ name: string; phone: string | null }>('SELECT name, phone FROM customers WHERE id = ?', [id]);
  if (!row) throw new VaultError('not_found', undefined, `customer ${id}`);
  return row.phone ? { name: row.name, phone: row.phone } : { name: row.name };
}

const safeName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^\w -]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60) || 'pelanggan';

export function createConsentDocuments(ctx: VaultContext) {
  const db = () => ctx.db();
  const record = (targetType: 'customer' | 'notice', targetId: number | null, details: AuditDetails) =>
    db().transaction((tx) => ctx.recordIn(tx, { action: 'consent.document', targetType, targetId, details }));

  return {
    /** The A4 form (id then en), pre-filled for a customer or blank. */
    async form(customerId?: number): Promise<ConsentDocument<Buffer>> {
      const q = db();
      const customer = customerId === undefined ? null : await customerOf(q, customerId);
      // The notice in force (its frozen data), or today's draft before the first is published.
      const { data, draft } = await createNoticeService(ctx).resolve('current');
      const published = !draft;
      const date = localDate(ctx.now());
      const output = await renderConsentForm({ shop: data.shop, purposes: data.purposes, notice: published ? noticeBrief(data) : null, customer, date });
      const who = customer ? `-${safeName(customer.name)}` : '';
      return {
        fileName: `formulir-persetujuan${who}-${date}.pdf`,
        output,
        record: () =>
          record(customerId === undefined ? 'notice' : 'customer', customerId ?? null, { kind: 'form', blank: customer === null, noticeVersion: published ? data.version.number : null }),
      };
    },

    /** A receipt for one ledger entry: the PDF or the WhatsApp text. */
    async receipt<F extends 'pdf' | 'whatsapp'>(entryId: number, lang: Lang, format: F): Promise<ConsentDocument<F extends 'pdf' ? Buffer : string>> {
      const q = db();
      const entry = await getEntry(q, entryId);
      if (!entry) throw new VaultError('not_found', undefined, `consent entry ${entryId}`);
      const customer = await customerOf(q, entry.customerId);
      // As the version the entry names described the purpose; the notice as it stands only if that has none.
      const frozen = entry.noticeVersion === null ? null : await frozenData(q, entry.noticeVersion);
      const named = frozen?.purposes.find((p) => p.key === entry.purposeKey);
      const source = named ? frozen! : (await createNoticeService(ctx).resolve('current')).data;
      const purpose = named ?? source.purposes.find((p) => p.key === entry.purposeKey);
      if (!purpose) throw new VaultError('not_found', undefined, `purpose ${entry.purposeKey}`);
      const version = entry.noticeVersion === null ? null : await versionInfo(q, entry.noticeVersion);
      const profile = (await getProfile(q)) ?? EMPTY_PROFILE;
      const output = await renderConsentReceipt(
        {
          shop: source.shop,
          customer,
          purpose,
          entry,
          notice: version && { date: version.date, sha256: version.sha256 },
          recipients: source.recipients.map((r) => r.name),
          authority: profile.authority.trim() || DEFAULT_AUTHORITY,
        },
        lang,
        format,
      );
      const prefix = lang === 'id' ? 'tanda-terima-persetujuan' : 'consent-receipt';
      return {
        fileName: `${prefix}-${receiptNumber(entryId)}.pdf`,
        output: output as F extends 'pdf' ? Buffer : string,
        record: () => record('customer', entry.customerId, { kind: 'receipt', format, lang, entry: entryId, purpose: entry.purposeKey }),
      };
    },
  };
}

export type ConsentDocuments = ReturnType<typeof createConsentDocuments>;
