/**
 * The privacy notice as a document model (UU PDP Pasal 5–13, 20–25; GDPR Art. 13): who the shop
 * is, each purpose with its basis, data and retention, who inside sees what, where the data is
 * kept, who receives it, the customer's rights with the 3×24 h answers, and the authority.
 */
import type { Lang } from '../../../contract/i18n';
import type { Block, DocumentModel } from '../model';
import type { NoticeData } from './notice-data';
import { draftBlocks, footerText, noticeT, retentionText, versionParams, type NoticeT } from './notice-text';

const RIGHTS = ['5', '6', '7', '8', '9', '10', '11', '12', '13'] as const;

function contactLines(t: NoticeT, shop: NoticeData['shop']): string[] {
  return [
    t('who.address', { address: shop.address }),
    ...(shop.whatsapp ? [t('who.whatsapp', { number: shop.whatsapp })] : []),
    ...(shop.phone ? [t('who.phone', { number: shop.phone })] : []),
    ...(shop.email ? [t('who.email', { email: shop.email })] : []),
  ];
}

function howToUse(t: NoticeT, shop: NoticeData['shop']): string[] {
  return [
    t('use.walkIn', { address: shop.address }),
    ...(shop.whatsapp ? [t('use.whatsapp', { number: shop.whatsapp })] : []),
    ...(shop.phone ? [t('use.phone', { number: shop.phone })] : []),
    ...(shop.email ? [t('use.email', { email: shop.email })] : []),
  ];
}

function purposeBlocks(t: NoticeT, lang: Lang, data: NoticeData): Block[] {
  const rows = data.purposes.map((p) => [
    { bold: p.name[lang], text: p.description[lang] },
    t(`basis.${p.basis}`),
    p.fields.map((f) => f[lang]).join(', '),
    retentionText(t, p.retention),
  ]);
  return [
    { kind: 'heading', text: t('purposes.heading') },
    { kind: 'paragraph', text: t('purposes.count', { count: data.purposes.length }) },
    {
      kind: 'table',
      columns: [t('purposes.col.purpose'), t('purposes.col.basis'), t('purposes.col.data'), t('purposes.col.retention')],
      rows,
      widths: [3.2, 2.2, 2.2, 1.8],
    },
    ...(data.purposes.some((p) => p.basis === 'consent') ? [{ kind: 'paragraph', text: t('purposes.consentNote') } as const] : []),
  ];
}

function storageLines(t: NoticeT, lang: Lang, data: NoticeData): string[] {
  const backups = !data.backups
    ? t('storage.noBackups')
    : data.backups.place
      ? t('storage.backupsPlace', { place: data.backups.place[lang] })
      : t('storage.backups');
  return [t('storage.pc'), backups];
}

function abroadBlock(t: NoticeT, data: NoticeData): Block {
  const abroad = data.recipients.filter((r) => r.abroad).map((r) => r.name);
  return { kind: 'paragraph', text: abroad.length ? t('recipients.abroad', { names: abroad.join(', ') }) : t('recipients.notAbroad') };
}

/**
 * The notice in one language. `digest` is the SHA-256 of the full text (see notice-digest.ts);
 * it is left out while that very text is being hashed.
 */
export function noticeModel(data: NoticeData, lang: Lang, digest?: string): DocumentModel {
  const t = noticeT(lang);
  const v = versionParams(lang, data);
  const blocks: Block[] = [
    { kind: 'title', text: t('title') },
    { kind: 'subtitle', text: t('subtitle', v) },
    ...draftBlocks(t, data),
    ...(digest ? [{ kind: 'paragraph', text: t('digest', { sha: digest }) } as const] : []),
    { kind: 'paragraph', text: t('intro', { shop: data.shop.name }) },
    { kind: 'heading', text: t('who.heading') },
    { kind: 'paragraph', text: data.shop.name, bold: true },
    { kind: 'bullets', items: contactLines(t, data.shop) },
    ...purposeBlocks(t, lang, data),
    { kind: 'heading', text: t('access.heading') },
    { kind: 'paragraph', text: t('access.intro') },
    { kind: 'bullets', items: data.access.map((a) => t('access.item', { role: t(`role.${a.role}`), sees: a.sees[lang] })) },
    { kind: 'heading', text: t('storage.heading') },
    { kind: 'bullets', items: storageLines(t, lang, data) },
    { kind: 'heading', text: t('recipients.heading') },
    ...(data.recipients.length === 0
      ? [{ kind: 'paragraph', text: t('recipients.none') } as const]
      : [
          { kind: 'paragraph', text: t('recipients.intro') } as const,
          {
            kind: 'bullets',
            items: data.recipients.map((r) => t('recipients.item', { name: r.name, why: r.why[lang], country: r.country[lang] })),
          } as const,
          abroadBlock(t, data),
        ]),
    { kind: 'heading', text: t('rights.heading') },
    { kind: 'bullets', items: RIGHTS.map((n) => t(`rights.${n}`)) },
    { kind: 'heading', text: t('use.heading') },
    { kind: 'paragraph', text: t('use.intro') },
    { kind: 'bullets', items: howToUse(t, data.shop) },
    { kind: 'paragraph', text: t('use.identity') },
    { kind: 'heading', text: t('complaint.heading') },
    { kind: 'paragraph', text: t('complaint.text', { authority: data.authority }) },
  ];
  return {
    title: `${t('title')} — ${data.shop.name}`,
    author: data.shop.name,
    date: new Date(`${data.version.date}T00:00:00Z`),
    kind: 'document',
    blocks,
    footer: footerText(t, data, v),
    pageLabel: (page, total) => t('page', { page, total }),
  };
}
