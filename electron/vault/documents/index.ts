/** Documents: typed templates (id, en) → a small layout layer → PDF bytes, Markdown or short text. */
export { renderNotice, noticeDigest, noticeFormats, type NoticeFormat, type NoticeOutput } from './notice';
export { DEFAULT_AUTHORITY, lawfulBases, retentionStarts } from './templates/notice-data';
export type { NoticeData, NoticePurpose, NoticeRecipient, LawfulBasis, RetentionStart, Localized } from './templates/notice-data';
export { renderPdf } from './render';
export { noticeT } from './templates/notice-text';
export { renderMarkdown } from './markdown';
export type { Block, DocumentModel } from './model';
