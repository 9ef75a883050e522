/**
 * `brankas notice`: the privacy notice in force (the latest published version; before the first,
 * the draft, said on stderr) as Markdown or PDF, in Indonesian or English — and
 * `brankas notice publish`, which freezes today's notice as the next version. Signed in and
 * audited as the app: reading needs customers.view (entry notice.document), publishing
 * settings.manage (entry notice.publish, in the publishing transaction).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { recordAlone } from '../vault/audit/audited';
import { createNoticeService } from '../vault/notice/service';
import { choiceOption, flag, stringOption } from './args';
import type { Command } from './command';
import { EXIT, usageError } from './errors';
import { drained, line, write } from './io';
import { withSession } from './session';

const help = `Usage: brankas notice --user NAME [--lang id|en] [--format pdf|md] [--out FILE]
       brankas notice publish --user NAME [--json]

The shop's privacy notice (UU PDP Pasal 5, 20–25, 40; GDPR Art. 13), generated from the shop
profile, the purposes, the fields, the roles in use, the backups and the recipients.

Without a subcommand: writes the notice in force — the latest published version, exactly as it
was frozen. Before any version is published it writes the draft instead, marked "KONSEP / DRAFT"
on every page, and says so on standard error. Markdown goes to standard output unless --out is
given; a PDF needs --out.

publish: freezes today's notice as the next version (number, today's date, the full text in
Indonesian and English, its SHA-256) and prints it. Needs the shop profile (name and address)
to be filled in, in the app. Consent recorded from then on names this version.

Options:
  --lang id|en      the language (default id)
  --format pdf|md   Markdown (default) or an A4 PDF
  --out FILE        write to FILE (replaced if it exists)
  --json            publish only: {"number":N,"date":"YYYY-MM-DD","sha256":"…"}

Examples:
  BRANKAS_PASSWORD=… brankas notice --user "Ibu Sari" > pemberitahuan.md
  BRANKAS_PASSWORD=… brankas notice --lang en --format pdf --out notice-en.pdf --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas notice publish --json --user "Ibu Sari"`;

export const noticeCommand: Command = {
  name: 'notice',
  summary: 'the privacy notice in force (md or pdf, id or en); publish a new version',
  help,
  options: { lang: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },

  async run({ io, p }) {
    const [sub, extra] = p.positionals;
    if (extra !== undefined || (sub !== undefined && sub !== 'publish')) throw usageError(`unexpected argument "${extra ?? sub}"`, 'notice');
    if (sub === 'publish') {
      for (const option of ['lang', 'format', 'out'] as const) {
        if (stringOption(p, option) !== undefined) throw usageError(`--${option} is not used with publish`, 'notice');
      }
      const json = flag(p, 'json');
      await withSession(io, p, 'notice', 'settings.manage', async ({ vault }) => {
        const v = await createNoticeService(vault).publish();
        if (json) line(io.stdout, JSON.stringify({ number: v.number, date: v.date, sha256: v.sha256 }));
        else line(io.stdout, `Published version ${v.number} of the privacy notice, in effect from ${v.date}.\nSHA-256: ${v.sha256}`);
      });
      await drained(io.stdout);
      return EXIT.ok;
    }

    if (flag(p, 'json')) throw usageError('--json is only for "brankas notice publish"', 'notice');
    const lang = choiceOption(p, 'lang', ['id', 'en'] as const, 'notice') ?? 'id';
    const format = choiceOption(p, 'format', ['pdf', 'md'] as const, 'notice') ?? 'md';
    const out = stringOption(p, 'out');
    if (format === 'pdf' && out === undefined) throw usageError('a PDF needs --out FILE', 'notice');
    await withSession(io, p, 'notice', 'customers.view', async ({ vault, db }) => {
      const { notice, output } = await createNoticeService(vault).render('current', lang, format);
      if (notice.draft) {
        line(io.stderr, `No version of the notice is published yet: this is the DRAFT (konsep) of version ${notice.data.version.number}. Publish it with "brankas notice publish".`);
      }
      // Recorded before anything is written: an entry that cannot be written leaves no file.
      await recordAlone(db, vault.recordIn, {
        action: 'notice.document',
        targetType: 'notice',
        targetId: notice.draft ? null : notice.data.version.number,
        details: { kind: format, lang, draft: notice.draft, file: out === undefined ? 'stdout' : basename(out), via: 'cli' },
      });
      if (out === undefined) write(io.stdout, output as string);
      else await writeFile(out, output);
    });
    await drained(io.stdout);
    return EXIT.ok;
  },
};
