/** The consent documents' dictionary per language, and the phrases the form and the receipt share. */
import { formatList, translator, type Lang } from '../../../contract/i18n';
import type { ShopContact } from './consent-data';
import { consentEn } from './consent.en';
import { consentId, type ConsentKey } from './consent.id';
import type { NoticePurpose } from './notice-data';
import { noticeT, retentionText } from './notice-text';

export const consentDictionaries = { id: consentId, en: consentEn } as const;

export type ConsentT = ReturnType<typeof consentT>;
export const consentT = (lang: Lang) => translator<ConsentKey>(consentDictionaries, lang);

/** How to reach the shop to withdraw (or give again): "kirim WhatsApp ke …, telepon … atau datang ke toko". */
export function waysText(t: ConsentT, shop: ShopContact): string {
  const ways = [
    ...(shop.whatsapp ? [t('ways.whatsapp', { number: shop.whatsapp })] : []),
    ...(shop.phone ? [t('ways.phone', { number: shop.phone })] : []),
    ...(shop.email && !shop.whatsapp && !shop.phone ? [t('ways.email', { email: shop.email })] : []),
    t('ways.shop'),
  ];
  return formatList(ways, t('or'));
}

/** The shop's address and numbers on one line. */
export function contactLine(lang: Lang, shop: ShopContact): string {
  const n = noticeT(lang);
  return [
    shop.address,
    ...(shop.whatsapp ? [n('who.whatsapp', { number: shop.whatsapp })] : []),
    ...(shop.phone ? [n('who.phone', { number: shop.phone })] : []),
    ...(shop.email ? [n('who.email', { email: shop.email })] : []),
  ].join(' · ');
}

/** A purpose's basis, data and retention in the notice's words, so every document says the same. */
export function purposeTerms(lang: Lang, p: NoticePurpose): { basis: string; fields: string; retention: string } {
  const n = noticeT(lang);
  return {
    basis: n(`basis.${p.basis}`),
    fields: formatList(p.fields.map((f) => f[lang]), n('and')),
    retention: retentionText(n, p.retention),
  };
}
