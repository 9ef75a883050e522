/**
 * The privacy notice in every form it takes — the one entry point for the app and the later
 * `brankas notice [--lang] [--format]` command: `renderNotice(data, lang, format)`.
 *   pdf      A4, the full notice, footer on every page
 *   poster   A4, big type, the essentials for the counter
 *   md       the full notice as Markdown
 *   whatsapp a short text to send
 * The full text carries its SHA-256 (over the Markdown of both languages without that line), so
 * a published version can be recognised from its words; the PDF bytes are deterministic too.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../../contract/i18n';
import { renderMarkdown } from './markdown';
import { renderPdf } from './render';
import type { NoticeData } from './templates/notice-data';
import { noticeModel } from './templates/notice';
import { posterModel, whatsappText } from './templates/notice-short';

export type NoticeFormat = 'pdf' | 'poster' | 'md' | 'whatsapp';
export const noticeFormats: readonly NoticeFormat[] = ['pdf', 'poster', 'md', 'whatsapp'];
export type NoticeOutput<F extends NoticeFormat> = F extends 'pdf' | 'poster' ? Buffer : string;

/** SHA-256 (hex) of the notice's full text in Indonesian and English — what a published version freezes. */
export function noticeDigest(data: NoticeData): string {
  const text = (['id', 'en'] as const).map((lang) => renderMarkdown(noticeModel(data, lang))).join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function renderNotice<F extends NoticeFormat>(data: NoticeData, lang: Lang, format: F): Promise<NoticeOutput<F>> {
  const out = await render(data, lang, format);
  return out as NoticeOutput<F>;
}

function render(data: NoticeData, lang: Lang, format: NoticeFormat): Promise<Buffer> | string {
  switch (format) {
    case 'pdf':
      return renderPdf(noticeModel(data, lang, noticeDigest(data)));
    case 'poster':
      return renderPdf(posterModel(data, lang));
    case 'md':
      return renderMarkdown(noticeModel(data, lang, noticeDigest(data)));
    case 'whatsapp':
      return whatsappText(data, lang);
  }
}
