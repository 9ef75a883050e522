/** The notice's essentials: a counter poster (A4, big type) and a short WhatsApp text. */
import { formatList, type Lang } from '../../../contract/i18n';
import type { DocumentModel } from '../model';
import type { Localized, NoticeData } from './notice-data';
import { draftBlocks, footerText, noticeT, versionParams } from './notice-text';

export function posterModel(data: NoticeData, lang: Lang): DocumentModel {
  const t = noticeT(lang);
  const v = versionParams(lang, data);
  const names = data.recipients.map((r) => r.name).join(', ');
  return {
    title: t('poster.title', { shop: data.shop.name }),
    author: data.shop.name,
    date: new Date(`${data.version.date}T00:00:00Z`),
    kind: 'poster',
    blocks: [
      { kind: 'title', text: t('poster.title', { shop: data.shop.name }) },
      ...draftBlocks(t, data),
      { kind: 'heading', text: t('poster.uses') },
      { kind: 'bullets', items: data.purposes.map((p) => p.name[lang]) },
      { kind: 'paragraph', text: data.recipients.length ? t('poster.shared', { names }) : t('poster.safe') },
      { kind: 'paragraph', text: t('poster.rights'), bold: true },
      { kind: 'paragraph', text: data.shop.whatsapp ? t('poster.askWhatsapp', { number: data.shop.whatsapp }) : t('poster.ask') },
      { kind: 'subtitle', text: t('poster.full', v) },
    ],
    footer: footerText(t, data, v),
    pageLabel: (page, total) => t('page', { page, total }),
  };
}

/** A few lines to paste into WhatsApp (its *bold* and _italic_ marks), well under one screen. */
export function whatsappText(data: NoticeData, lang: Lang): string {
  const t = noticeT(lang);
  const names = data.recipients.map((r) => r.name).join(', ');
  return [
    ...(data.version.draft ? [t('wa.draft')] : []),
    t('wa.title', versionParams(lang, data)),
    t('wa.uses', { purposes: formatList(data.purposes.map((p) => p.name[lang]), t('and')) }),
    data.recipients.length ? t('wa.storedShared', { names }) : t('wa.stored'),
    t('wa.rights'),
    t('wa.full'),
    t('wa.disclaimer'),
  ].join('\n\n');
}

/** What the notice says in brief, cut from its full input — enough for the consent form. */
export interface NoticeBrief {
  version: NoticeData['version'];
  /** Every purpose the notice names, consent-based or not. */
  purposes: readonly Localized[];
  /** Who outside the shop receives data, by name; empty: no one. */
  recipients: readonly string[];
}

export const noticeBrief = (data: NoticeData): NoticeBrief => ({
  version: data.version,
  purposes: data.purposes.map((p) => p.name),
  recipients: data.recipients.map((r) => r.name),
});

/** The notice in three sentences for paper, in the poster's words: what for, where kept and who gets it, the rights. */
export function noticeInBrief(brief: NoticeBrief, lang: Lang): string {
  const t = noticeT(lang);
  const names = brief.recipients.join(', ');
  return [
    `${t('poster.uses')} ${formatList(brief.purposes.map((p) => p[lang]), t('and'))}.`,
    brief.recipients.length ? t('poster.shared', { names }) : t('poster.safe'),
    t('poster.rights'),
  ].join(' ');
}
