/**
 * `brankas purposes`: why the shop processes personal data — each purpose with its lawful basis
 * (UU PDP Pasal 20(2)), retention, whether it needs consent, and the fields serving it. Reading them
 * holds nothing personal, so like the app's purposes.list it records nothing.
 */
import type { Purpose } from '../contract';
import { listPurposes } from '../vault/purposes/repository';
import { flag } from './args';
import type { Command } from './command';
import { EXIT, usageError } from './errors';
import { drained, write } from './io';
import { withSession } from './session';
import { formatTable } from './table';

/** What `--json` prints for one purpose. */
export interface PurposeJson {
  key: string;
  name: { id: string; en: string };
  description: { id: string; en: string };
  basis: Purpose['basis'];
  retention: { months: number; from: Purpose['retention']['from'] };
  needsConsent: boolean;
  fields: string[];
  status: Purpose['status'];
}

export const purposeJson = (p: Purpose): PurposeJson => ({
  key: p.key,
  name: p.name,
  description: p.description,
  basis: p.basis,
  retention: p.retention,
  needsConsent: p.needsConsent,
  fields: p.fields,
  status: p.status,
});

const retention = (p: Purpose): string => `${p.retention.months} month${p.retention.months === 1 ? '' : 's'} from ${p.retention.from}`;

const help = `Usage: brankas purposes --user NAME [--json]

Lists why the shop processes personal data: each purpose with its KEY, its name in Indonesian and
English, its lawful basis (UU PDP Pasal 20(2): consent, contract, legal_obligation, vital_interest,
public_task, legitimate_interest), how long data is kept for it and from when (last_purchase,
last_contact, consent_withdrawn, contract_end), whether it needs the customer's consent (exactly
when the basis is consent), the fields serving it, and whether it is active or retired. A field is
switched on for a purpose with \`brankas fields enable KEY --purpose PURPOSE_KEY\`; words instead
of a KEY make a new purpose (legitimate interest, 24 months from the last contact).

Options:
  --json    {"purposes":[{"key","name":{"id","en"},"description":{"id","en"},"basis",
            "retention":{"months","from"},"needsConsent","fields":[…],"status"}]}

Examples:
  BRANKAS_PASSWORD=… brankas purposes --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas purposes --json --user "Ibu Sari"`;

export const purposesCommand: Command = {
  name: 'purposes',
  summary: 'list the purposes: lawful basis, retention, consent, fields',
  help,
  options: { json: { type: 'boolean' } },

  async run({ io, p }) {
    const [extra] = p.positionals;
    if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`, 'purposes');
    const json = flag(p, 'json');
    await withSession(io, p, 'purposes', 'customers.view', async ({ db }) => {
      const list = await listPurposes(db);
      if (json) {
        write(io.stdout, JSON.stringify({ purposes: list.map(purposeJson) }) + '\n');
        return;
      }
      write(
        io.stdout,
        formatTable(
          ['KEY', 'NAME (ID)', 'NAME (EN)', 'BASIS', 'RETENTION', 'CONSENT', 'FIELDS', 'STATUS'],
          list.map((x) => [x.key, x.name.id, x.name.en, x.basis, retention(x), x.needsConsent ? 'needed' : 'no', x.fields.join(', ') || '-', x.status]),
        ),
      );
    });
    await drained(io.stdout);
    return EXIT.ok;
  },
};
