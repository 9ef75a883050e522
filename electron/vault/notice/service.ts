/**
 * The notice service: the shop's profile, the recipients, the versions and every output. Takes a
 * VaultContext (never the VaultService) and writes each change with its audit entry in one
 * transaction — the app's channels and the CLI call the same functions.
 *
 * Publishing freezes the next number, today's local date, the full Markdown in id and en (what
 * renderNotice 'md' gives, version and fingerprint inside), its SHA-256 (noticeDigest: over both
 * languages' text, the same fingerprint the text prints), the digest of what it was made from,
 * and the NoticeData itself (meta 'notice_data_v<N>'), so its PDF can be made again byte for byte.
 */
import {
  EMPTY_PROFILE,
  type NoticeStatus,
  type NoticeVersionInfo,
  type NoticeWhich,
  type Recipient,
  type SaveRecipientInput,
  type ShopProfile,
  type ShopProfileInput,
} from '../../contract';
import type { Lang } from '../../contract/i18n';
import type { VaultContext } from '../context';
import type { Queryable } from '../db/driver';
import { noticeDigest, renderNotice, type NoticeData, type NoticeFormat, type NoticeOutput } from '../documents';
import { VaultError } from '../errors';
import { buildNoticeData, changedParts, localDate, sourceDigest } from './data';
import {
  deleteRecipient,
  frozenData,
  getProfile,
  insertVersion,
  latestVersion,
  listRecipients,
  saveProfileRow,
  writeRecipient,
  type StoredVersion,
} from './repository';

/** Which notice an output is made from, and whether it is an unpublished draft. */
export interface ResolvedNotice {
  data: NoticeData;
  draft: boolean;
  /** The published version it is, when not a draft. */
  version: StoredVersion | null;
}

const profileOf = async (q: Queryable): Promise<ShopProfile> => (await getProfile(q)) ?? EMPTY_PROFILE;
const ready = (p: ShopProfile): boolean => p.name.trim() !== '' && p.address.trim() !== '';

export function createNoticeService(ctx: VaultContext) {
  const db = () => ctx.db();

  /** Today's data as the next, unpublished version. */
  async function draftData(q: Queryable): Promise<NoticeData> {
    const latest = await latestVersion(q);
    return buildNoticeData(q, await profileOf(q), { number: (latest?.number ?? 0) + 1, date: localDate(ctx.now()), draft: true });
  }

  async function resolve(which: NoticeWhich): Promise<ResolvedNotice> {
    const q = db();
    const latest = which === 'current' ? await latestVersion(q) : null;
    const frozen = latest && (await frozenData(q, latest.number));
    if (latest && frozen) return { data: frozen, draft: false, version: latest };
    return { data: await draftData(q), draft: true, version: null };
  }

  return {
    profile: () => profileOf(db()),

    saveProfile: (input: ShopProfileInput): Promise<ShopProfile> =>
      db().transaction(async (tx) => {
        await saveProfileRow(tx, input);
        await ctx.recordIn(tx, { action: 'notice.update', targetType: 'notice', details: { part: 'profile' } });
        return profileOf(tx);
      }),

    recipients: (): Promise<Recipient[]> => listRecipients(db()),

    saveRecipient: (input: SaveRecipientInput): Promise<Recipient[]> =>
      db().transaction(async (tx) => {
        if (!(await writeRecipient(tx, input, ctx.now()))) throw new VaultError('not_found', undefined, `recipient ${input.id}`);
        const list = await listRecipients(tx);
        const id = input.id ?? list.at(-1)?.id ?? null;
        await ctx.recordIn(tx, { action: 'notice.update', targetType: 'recipient', targetId: id, details: { part: 'recipients', created: input.id === undefined, abroad: input.abroad } });
        return list;
      }),

    removeRecipient: (id: number): Promise<Recipient[]> =>
      db().transaction(async (tx) => {
        if (!(await deleteRecipient(tx, id))) throw new VaultError('not_found', undefined, `recipient ${id}`);
        await ctx.recordIn(tx, { action: 'notice.update', targetType: 'recipient', targetId: id, details: { part: 'recipients', removed: true } });
        return listRecipients(tx);
      }),

    async status(): Promise<NoticeStatus> {
      const q = db();
      const profile = await profileOf(q);
      const latest = await latestVersion(q);
      const current: NoticeVersionInfo | null = latest && { number: latest.number, date: latest.date, sha256: latest.sha256 };
      if (!latest) return { current, outOfDate: false, changed: [], profileReady: ready(profile) };
      const today = await buildNoticeData(q, profile, { number: latest.number + 1, date: localDate(ctx.now()) });
      const outOfDate = sourceDigest(today) !== latest.sourceDigest;
      const frozen = outOfDate ? await frozenData(q, latest.number) : null;
      return { current, outOfDate, changed: frozen ? changedParts(frozen, today) : [], profileReady: ready(profile) };
    },

    /** Freezes today's notice as the next version, with its `notice.publish` entry, in one transaction. */
    publish: (): Promise<NoticeVersionInfo> =>
      db().transaction(async (tx) => {
        const profile = await profileOf(tx);
        if (!ready(profile)) throw new VaultError('invalid_input', { name: 'required', address: 'required' }, 'no shop profile yet');
        const number = ((await latestVersion(tx))?.number ?? 0) + 1;
        const date = localDate(ctx.now());
        const data = await buildNoticeData(tx, profile, { number, date });
        const text = { id: await renderNotice(data, 'id', 'md'), en: await renderNotice(data, 'en', 'md') };
        const sha256 = noticeDigest(data);
        const user = ctx.user();
        await insertVersion(tx, { number, date, sha256, sourceDigest: sourceDigest(data), text, data, at: ctx.now(), by: { id: user?.id ?? null, name: user?.name ?? 'system' } });
        await ctx.recordIn(tx, { action: 'notice.publish', targetType: 'notice', targetId: number, details: { date, sha256 } });
        return { number, date, sha256 };
      }),

    resolve,

    /**
     * The notice in one form. A published version's Markdown is its frozen text, word for word; its
     * PDF, poster and WhatsApp text are rendered from its frozen data.
     */
    async render<F extends NoticeFormat>(which: NoticeWhich, lang: Lang, format: F): Promise<{ notice: ResolvedNotice; output: NoticeOutput<F> }> {
      const notice = await resolve(which);
      if (format === 'md' && notice.version) return { notice, output: notice.version.text[lang] as NoticeOutput<F> };
      return { notice, output: await renderNotice(notice.data, lang, format) };
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
