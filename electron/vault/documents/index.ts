/** Documents: typed templates (id, en) → a small layout layer → PDF bytes, Markdown or short text. */
export { renderNotice, noticeDigest, noticeFormats, type NoticeFormat, type NoticeOutput } from './notice';
export { DEFAULT_AUTHORITY, lawfulBases, retentionStarts } from './templates/notice-data';
export type { NoticeData, NoticePurpose, NoticeRecipient, LawfulBasis, RetentionStart, Localized } from './templates/notice-data';
export { renderConsentForm, renderConsentReceipt, receiptFormats, type ReceiptFormat, type ReceiptOutput } from './consent';
export { DEFAULT_TIME_ZONE, SHOP_TIME_ZONES, receiptNumber } from './templates/consent-data';
export type { ConsentCustomer, ConsentFormData, ConsentReceiptData, ReceiptEntry, ShopContact, ShopTimeZone } from './templates/consent-data';
export { noticeBrief, type NoticeBrief } from './templates/notice-short';
export { WHATSAPP_MAX as RECEIPT_WHATSAPP_MAX } from './templates/consent-receipt';
export { renderPdf } from './render';
export { noticeT } from './templates/notice-text';
export { renderMarkdown } from './markdown';
export type { Block, DocumentModel } from './model';
export { renderAccessPack } from './access-pack';
export { accessPackModel, accessPackT, type AccessPackMeta } from './templates/access-pack';
export { CORE_FIELDS } from './templates/access-pack-data';
export type { AccessPackData, CoreField, Doer, PackTrailEntry } from './templates/access-pack-data';
export { renderRequestDoc, type RequestDocKind } from './requests';
export { requestRef, type RequestDocData } from './templates/request-data';
