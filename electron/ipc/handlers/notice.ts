/** notice.*: the shop profile, recipients, versions, and the notice as a file or a text to copy. */
import { writeFile } from 'node:fs/promises';
import { recordAlone } from '../../vault/audit/audited';
import { noticeFileFilter, noticeFileName } from '../../vault/notice/files';
import { createNoticeService } from '../../vault/notice/service';
import type { Context, HandlerMap } from '../context';

const notice = ({ vault }: Context) => createNoticeService(vault);
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

export const noticeHandlers: HandlerMap<'notice'> = {
  'notice.status': (_input, ctx) => notice(ctx).status(),
  'notice.profile': (_input, ctx) => notice(ctx).profile(),
  'notice.saveProfile': (input, ctx) => notice(ctx).saveProfile(input),
  'notice.recipients': (_input, ctx) => notice(ctx).recipients(),
  'notice.saveRecipient': (input, ctx) => notice(ctx).saveRecipient(input),
  'notice.removeRecipient': (input, ctx) => notice(ctx).removeRecipient(input.id),
  'notice.publish': (_input, ctx) => notice(ctx).publish(),
  async 'notice.save'({ kind, lang, which }, ctx) {
    const service = notice(ctx);
    const { notice: resolved, output } = await service.render(which, lang, kind);
    const path = await ctx.dialogs.saveFile({
      title: lang === 'id' ? 'Simpan pemberitahuan privasi' : 'Save the privacy notice',
      defaultName: noticeFileName(kind, lang, resolved),
      filters: noticeFileFilter(kind),
    });
    if (path === null) return null;
    const fileName = baseName(path);
    // Before the file is put in place: an entry that cannot be written leaves no file.
    await recordAlone(ctx.vault.db(), ctx.vault.recordIn, {
      action: 'notice.document',
      targetType: 'notice',
      targetId: resolved.draft ? null : resolved.data.version.number,
      details: { kind, lang, draft: resolved.draft, file: fileName },
    });
    await writeFile(path, output);
    return { fileName };
  },
  'notice.whatsapp': async ({ lang, which }, ctx) => (await notice(ctx).render(which, lang, 'whatsapp')).output,
};
