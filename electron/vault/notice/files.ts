/** A notice output as a file: its default name, the save dialog's filter, and the bytes. */
import type { NoticeFileKind } from '../../contract';
import type { Lang } from '../../contract/i18n';
import type { ResolvedNotice } from './service';

const EXT: Record<NoticeFileKind, string> = { pdf: 'pdf', poster: 'pdf', md: 'md', whatsapp: 'txt' };
const FILTER: Record<NoticeFileKind, string> = { pdf: 'PDF', poster: 'PDF', md: 'Markdown', whatsapp: 'Teks' };
const STEM: Record<NoticeFileKind, string> = { pdf: 'pemberitahuan-privasi', poster: 'poster-privasi', md: 'pemberitahuan-privasi', whatsapp: 'pesan-whatsapp-privasi' };

/** "pemberitahuan-privasi-v2-id.pdf", "poster-privasi-konsep-en.pdf". */
export function noticeFileName(kind: NoticeFileKind, lang: Lang, notice: ResolvedNotice): string {
  const which = notice.draft ? 'konsep' : `v${notice.data.version.number}`;
  return `${STEM[kind]}-${which}-${lang}.${EXT[kind]}`;
}

export const noticeFileFilter = (kind: NoticeFileKind) => [{ name: FILTER[kind], extensions: [EXT[kind]] }];
