/** The notice's dictionary per language, and the phrases several outputs share (period, dates). */
import { formatDate, translator, type Lang } from '../../../contract/i18n';
import type { Block } from '../model';
import type { NoticeData, NoticePurpose } from './notice-data';
import { noticeEn } from './notice.en';
import { noticeId, type NoticeKey } from './notice.id';

export const noticeDictionaries = { id: noticeId, en: noticeEn } as const;

export type NoticeT = ReturnType<typeof noticeT>;
export const noticeT = (lang: Lang) => translator<NoticeKey>(noticeDictionaries, lang);

/** "10 tahun sejak pembelian terakhir" / "18 months after our last contact". */
export function retentionText(t: NoticeT, r: NoticePurpose['retention']): string {
  const period = r.months % 12 === 0 ? t('retention.years', { count: r.months / 12 }) : t('retention.months', { count: r.months });
  return t(`retention.from.${r.from}`, { period });
}

/** Placeholders every output fills the same way: the shop, the version and its date in words. */
export const versionParams = (lang: Lang, data: NoticeData) => ({
  shop: data.shop.name,
  version: data.version.number,
  date: formatDate(lang, data.version.date, 'long'),
});

/** A draft (not yet published) says so in big letters under the title, and in the footer. */
export const draftBlocks = (t: NoticeT, data: NoticeData): Block[] =>
  data.version.draft ? [{ kind: 'paragraph', text: t('draft', { version: data.version.number }), bold: true }] : [];

export const footerText = (t: NoticeT, data: NoticeData, v: ReturnType<typeof versionParams>): string =>
  data.version.draft ? t('footer.draft', v) : t('footer', v);
