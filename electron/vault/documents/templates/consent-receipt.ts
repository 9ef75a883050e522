/**
 * The consent receipt the customer keeps after an entry is recorded — given, withdrawn or refused —
 * in the customer's language. It holds the fields PRIVACY.md lists for a consent record (after the
 * Kantara Consent Receipt): receipt number, time, jurisdiction, language, the shop and its contact,
 * the customer, the purpose (code, text, basis, data, retention, third parties), the state, the
 * method, who recorded it, the notice version and its SHA-256, then how to withdraw and the rights.
 * Also as a short WhatsApp text (WhatsApp's *bold* only, at most WHATSAPP_MAX characters).
 */
import { dayIn, formatClock, formatDate, type Lang } from '../../../contract/i18n';
import type { DocumentModel } from '../model';
import { DEFAULT_TIME_ZONE, receiptNumber, SHOP_TIME_ZONES, type ConsentReceiptData } from './consent-data';
import { consentT, contactLine, purposeTerms, waysText, type ConsentT } from './consent-text';

export const WHATSAPP_MAX = 700;

/** "4 Desember 2026 pukul 14.05 WIB" / "4 December 2026 at 14:05 WIB", in the shop's zone. */
function moment(t: ConsentT, lang: Lang, data: ConsentReceiptData): string {
  const zone = data.timeZone ?? DEFAULT_TIME_ZONE;
  const { at } = data.entry;
  return t('receipt.moment', { date: formatDate(lang, dayIn(at, zone), 'long'), time: formatClock(lang, at, zone), zone: SHOP_TIME_ZONES[zone] });
}

function noticeText(t: ConsentT, lang: Lang, data: ConsentReceiptData): string {
  const version = data.entry.noticeVersion;
  if (version === null) return t('receipt.noticeNone');
  return data.notice ? t('receipt.noticeDated', { version, date: formatDate(lang, data.notice.date, 'long') }) : t('receipt.noticeVersion', { version });
}

function facts(t: ConsentT, lang: Lang, data: ConsentReceiptData): [string, string][] {
  const { entry, purpose, customer } = data;
  const terms = purposeTerms(lang, purpose);
  return [
    [t('receipt.ref'), receiptNumber(entry.id)],
    [t('receipt.shop'), data.shop.name],
    [t('receipt.contact'), contactLine(lang, data.shop)],
    [t('receipt.customer'), customer.phone ? `${customer.name} · ${customer.phone}` : customer.name],
    [t('receipt.purpose'), `${purpose.name[lang]} — ${purpose.description[lang]}`],
    [t('receipt.purposeKey'), purpose.key],
    [t('receipt.basis'), terms.basis],
    [t('receipt.data'), terms.fields],
    [t('receipt.retention'), terms.retention],
    [t('receipt.recipients'), data.recipients.length ? data.recipients.join(', ') : t('receipt.recipientsNone')],
    [t('receipt.state'), t(`state.${entry.state}`)],
    [t('receipt.at'), moment(t, lang, data)],
    [t('receipt.method'), t(`method.${entry.method}`)],
    [t('receipt.recordedBy'), entry.recordedBy.name],
    ...(entry.guardian ? [[t('receipt.guardian'), t('receipt.guardianValue', { ...entry.guardian })] as [string, string]] : []),
    [t('receipt.notice'), noticeText(t, lang, data)],
    ...(data.notice && entry.noticeVersion !== null ? [[t('receipt.noticeSha'), data.notice.sha256] as [string, string]] : []),
    [t('receipt.jurisdiction'), t('receipt.jurisdictionValue')],
    [t('receipt.language'), t('receipt.languageValue')],
  ];
}

export function receiptModel(data: ConsentReceiptData, lang: Lang): DocumentModel {
  const t = consentT(lang);
  const { state } = data.entry;
  const ref = receiptNumber(data.entry.id);
  const ways = waysText(t, data.shop);
  return {
    title: `${t(`receipt.title.${state}`)} ${ref} — ${data.shop.name}`,
    author: data.shop.name,
    date: new Date(data.entry.at),
    kind: 'document',
    blocks: [
      { kind: 'title', text: t(`receipt.title.${state}`) },
      { kind: 'subtitle', text: t('receipt.subtitle', { shop: data.shop.name, ref }) },
      { kind: 'paragraph', text: t(`receipt.lead.${state}`) },
      { kind: 'facts', rows: facts(t, lang, data) },
      {
        kind: 'group',
        blocks: [
          { kind: 'heading', text: t('receipt.next.heading') },
          { kind: 'paragraph', text: t(`receipt.next.${state}`, { ways, moment: moment(t, lang, data) }) },
        ],
      },
      {
        kind: 'group',
        blocks: [
          { kind: 'heading', text: t('receipt.rights.heading') },
          { kind: 'paragraph', text: t('receipt.rights', { authority: data.authority }) },
          { kind: 'paragraph', text: t('receipt.keep'), bold: true },
        ],
      },
    ],
    footer: t('receipt.footer', { shop: data.shop.name, ref }),
    pageLabel: (page, total) => t('page', { page, total }),
  };
}

/** A few lines to send by WhatsApp; a long purpose description is shortened to stay within WHATSAPP_MAX. */
export function receiptWhatsapp(data: ConsentReceiptData, lang: Lang): string {
  const t = consentT(lang);
  const { entry, purpose } = data;
  const text = (description: string) =>
    [
      // A shop that has not filled in its profile yet: the title alone, not "— " and nothing.
      data.shop.name.trim() ? t('wa.title', { title: t(`receipt.title.${entry.state}`), shop: data.shop.name }) : `*${t(`receipt.title.${entry.state}`)}*`,
      t('wa.ref', { ref: receiptNumber(entry.id), moment: moment(t, lang, data) }),
      t('wa.customer', { name: data.customer.name }),
      t('wa.purpose', { name: purpose.name[lang], description }),
      t('wa.state', { state: t(`state.${entry.state}`), method: t(`method.${entry.method}`), by: entry.recordedBy.name }),
      ...(entry.guardian ? [t('wa.guardian', { ...entry.guardian })] : []),
      ...(entry.noticeVersion !== null ? [t('wa.notice', { version: entry.noticeVersion })] : []),
      t(`wa.next.${entry.state}`),
      t('wa.rights', { authority: data.authority }),
      t('wa.disclaimer'),
    ].join('\n');
  const full = text(purpose.description[lang]);
  if (full.length <= WHATSAPP_MAX) return full;
  const room = Math.max(0, purpose.description[lang].length - (full.length - WHATSAPP_MAX) - 1);
  return text(`${purpose.description[lang].slice(0, room).trimEnd()}…`);
}
