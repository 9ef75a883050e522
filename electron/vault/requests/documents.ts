/**
 * The request documents from the register: the receipt (tanda terima) and the reply letter, each as
 * a PDF or a WhatsApp text in the customer's language. Made first (so a missing request, or a reply
 * to one not yet answered, is said before any dialog opens), then recorded by `record()` — the audit
 * entry and a `document` step on the request's history, in one transaction — before it is written
 * or shown: an entry that cannot be written leaves no file; a cancelled save records nothing.
 */
import { EMPTY_PROFILE, OUTCOMES, type RequestOutcome } from '../../contract';
import type { Lang } from '../../contract/i18n';
import { backupsRotateAfterDays } from '../erasure/service';
import type { VaultContext } from '../context';
import type { Queryable } from '../db/driver';
import { DEFAULT_AUTHORITY, renderRequestDoc, requestRef, type RequestDocData, type RequestDocKind } from '../documents';
import { VaultError } from '../errors';
import { getProfile } from '../notice/repository';
import { createNoticeService } from '../notice/service';
import { appendRequestEvent, getRequestRow, requestCustomers, type RequestRow } from './repository';

export interface RequestDocument<T> {
  fileName: string;
  output: T;
  record(): Promise<void>;
}

async function erasureFacts(q: Queryable, number: number): Promise<{ keptPurchases: number; backupDays: number }> {
  const row = await q.get<{ kept: number }>('SELECT coalesce(sum(kept_purchases), 0) AS kept FROM erasures WHERE request_number = ?', [number]);
  return { keptPurchases: row?.kept ?? 0, backupDays: await backupsRotateAfterDays(q) };
}

async function docData(ctx: VaultContext, q: Queryable, row: RequestRow, kind: RequestDocKind): Promise<RequestDocData> {
  const { data } = await createNoticeService(ctx).resolve('current');
  const profile = (await getProfile(q)) ?? EMPTY_PROFILE;
  const held = ((await requestCustomers(q, [row.number])).get(row.number) ?? []).find((c) => c.name !== null);
  const outcome = row.outcome as RequestOutcome | null;
  if (kind === 'reply' && (outcome === null || !(OUTCOMES as readonly string[]).includes(outcome) || row.answeredAt === null)) {
    throw new VaultError('invalid_input', { number: 'not_allowed' }, 'the request has no outcome yet');
  }
  return {
    shop: data.shop,
    authority: profile.authority.trim() || DEFAULT_AUTHORITY,
    request: {
      number: row.number,
      type: row.type,
      channel: row.channel,
      receivedAt: row.receivedAt,
      dueAt: row.dueAt,
      dueBasis: row.dueBasis,
      targetDays: Math.round((row.dueAt - row.receivedAt) / 86_400_000),
      from: held?.name ?? row.requester,
      asked: row.asked ?? '',
      takenBy: row.takerName,
    },
    ...(kind === 'reply' && outcome && row.answeredAt !== null
      ? {
          reply: {
            outcome,
            answeredAt: row.answeredAt,
            reason: row.reason,
            pasal15: row.pasal15 as NonNullable<RequestDocData['reply']>['pasal15'],
            ...(row.type === 'erase' && outcome !== 'refused' ? { erasure: await erasureFacts(q, row.number) } : {}),
          },
        }
      : {}),
  };
}

const PREFIX: Record<RequestDocKind, Record<Lang, string>> = {
  receipt: { id: 'tanda-terima', en: 'receipt' },
  reply: { id: 'surat-balasan', en: 'reply' },
};

export function createRequestDocuments(ctx: VaultContext) {
  return {
    async make<F extends 'pdf' | 'whatsapp'>(kind: RequestDocKind, number: number, lang: Lang, format: F): Promise<RequestDocument<F extends 'pdf' ? Buffer : string>> {
      const q = ctx.db();
      const row = await getRequestRow(q, number);
      if (!row) throw new VaultError('not_found', undefined, `request ${number}`);
      const output = await renderRequestDoc(kind, await docData(ctx, q, row, kind), lang, format);
      return {
        fileName: `${PREFIX[kind][lang]}-${requestRef(number)}.pdf`,
        output: output as F extends 'pdf' ? Buffer : string,
        record: () =>
          ctx.db().transaction(async (tx) => {
            const u = ctx.user();
            await appendRequestEvent(tx, number, { at: ctx.now(), kind: 'document', by: u && { id: u.id, name: u.name }, detail: { document: kind, format, lang } });
            await ctx.recordIn(tx, { action: 'request.document', targetType: 'request', targetId: String(number), details: { document: kind, format, lang } });
          }),
      };
    },
  };
}
