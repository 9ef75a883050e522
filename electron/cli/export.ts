/**
 * `brankas export`: the app's exporter (CSV with BOM and formula escaping, XLSX, JSON) to a file
 * or standard output. An export is not encrypted, which the command says every time.
 */
import { recordAlone } from '../vault/audit/audited';
import { basename, relative, resolve, isAbsolute } from 'node:path';
import { CUSTOMER_LIMITS, EXPORT_FORMATS, PurposeKey, type ExportInput, type FieldDef, type Purpose } from '../contract';
import type { Queryable } from '../vault/db/driver';
import { VaultError } from '../vault/errors';
import { listFields } from '../vault/fields/repository';
import { listPurposes } from '../vault/purposes/repository';
import { exportToFile, exportToStream } from '../vault/transfer/export';
import { availableTargets } from '../vault/transfer/headers';
import { choiceOption, positionals, stringOption } from './args';
import type { Command } from './command';
import { EXIT, rejected, usageError } from './errors';
import { customers, drained, line } from './io';
import { progressLine } from './progress';
import { withSession } from './session';

const help = `Usage: brankas export --format csv|xlsx|json --user NAME [--out FILE] [--fields a,b,…]
                     [--delimiter ';'|','] [--query TEXT] [--tag TAG] [--city CITY] [--purpose KEY]

Exports customers with the app's exporter. CSV is UTF-8 with a BOM so Excel opens it (";" by
default, as Excel expects with Indonesian regional settings); cells that start with =, +, -, @
are escaped against formula injection. JSON is an array of objects with phones in +62 form.
Without --out, CSV and JSON go to standard output; XLSX needs --out.

THE EXPORT IS NOT ENCRYPTED: anyone who can open the file can read these customers' details.
Keep it safe and delete it when it is no longer needed.

Options:
  --format csv|xlsx|json   the file format (required)
  --out FILE               write to FILE (replaced if it exists; written whole or not at all)
  --fields a,b,…           columns in order, by key (name, phone, email, address, city, birthday,
                           gender, notes, preferences, tags, custom_N) or custom field label;
                           default: name, every field switched on, tags
  --delimiter ';'|','      CSV only (default ';')
  --query TEXT             only customers the search finds (as \`brankas search\`)
  --tag TAG, --city CITY   only customers with this tag / in this city
  --purpose KEY            what the export is for (\`brankas purposes\` lists the keys; recorded in
                           the audit trail). When the purpose needs consent, only customers whose
                           consent to it is current are exported, with their name and the fields
                           the purpose uses (the default then). Without it the export works as before.

Examples:
  brankas export --format xlsx --out pelanggan.xlsx --user "Ibu Sari"
  brankas export --format json --fields name,phone --user "Ibu Sari" > pelanggan.json
  brankas export --format csv --purpose promotions_wa --out promo.csv --user "Ibu Sari"`;

const fold = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('id');

function defaultFields(fields: readonly FieldDef[], purpose: Purpose | null): string[] {
  const enabled = fields.filter((f) => f.enabled).map((f) => f.key);
  // A consent-based purpose: the name and the fields it uses, nothing more.
  if (purpose?.needsConsent) return ['name', ...enabled.filter((k) => purpose.fields.includes(k))];
  return ['name', ...enabled, 'tags'];
}

/** `--purpose`: an active purpose, or a refusal that lists the keys. */
async function purposeOption(db: Queryable, key: string | undefined): Promise<Purpose | null> {
  if (key === undefined) return null;
  const all = await listPurposes(db);
  const found = all.find((p) => p.key === key);
  const keys = all.filter((p) => p.status === 'active').map((p) => p.key).join(', ');
  if (!found) throw rejected(`--purpose: no purpose "${key}" (purposes: ${keys}; see brankas purposes).`);
  if (found.status !== 'active') throw rejected(`--purpose: "${key}" is retired; nothing may be exported for it (purposes: ${keys}).`);
  return found;
}

/** `--fields` names → keys: a key as it is, or a custom field's label. Unknown names are usage errors. */
function fieldKeys(option: string, fields: readonly FieldDef[]): string[] {
  const names = option.split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw usageError('--fields needs at least one field', 'export');
  return names.map((name) => {
    const key = fold(name);
    if (['name', 'tags'].includes(key) || fields.some((f) => f.key === key)) return key;
    const custom = fields.find((f) => !f.builtin && f.label && fold(f.label) === key);
    if (custom) return custom.key;
    throw usageError(`--fields: unknown field "${name}" (fields: ${[...availableTargets(fields)].join(', ')})`, 'export');
  });
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export customers as CSV, Excel or JSON (not encrypted)',
  help,
  options: {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    fields: { type: 'string' },
    delimiter: { type: 'string' },
    query: { type: 'string' },
    tag: { type: 'string' },
    city: { type: 'string' },
    purpose: { type: 'string' },
  },

  async run({ io, p }) {
    positionals(p, [], 'export');
    const format = choiceOption(p, 'format', EXPORT_FORMATS, 'export');
    if (!format) throw usageError(`--format is required (${EXPORT_FORMATS.join(', ')})`, 'export');
    const delimiter = choiceOption(p, 'delimiter', [';', ','] as const, 'export');
    if (delimiter && format !== 'csv') throw usageError('--delimiter is for CSV only', 'export');
    const outOption = stringOption(p, 'out');
    if (format === 'xlsx' && !outOption) throw usageError('--out FILE is required for xlsx', 'export');
    const query = stringOption(p, 'query');
    const tag = stringOption(p, 'tag')?.trim();
    const city = stringOption(p, 'city')?.trim();
    if (query !== undefined && query.length > 200) throw usageError('--query is longer than 200 characters', 'export');
    if (tag !== undefined && (tag === '' || tag.length > CUSTOMER_LIMITS.tag)) throw usageError(`--tag must be 1 to ${CUSTOMER_LIMITS.tag} characters`, 'export');
    if (city !== undefined && (city === '' || city.length > CUSTOMER_LIMITS.city)) throw usageError(`--city must be 1 to ${CUSTOMER_LIMITS.city} characters`, 'export');
    const purposeKey = stringOption(p, 'purpose')?.trim();
    if (purposeKey !== undefined && !PurposeKey.safeParse(purposeKey).success) throw usageError(`--purpose: "${purposeKey}" is not a purpose key (see brankas purposes)`, 'export');
    const filtered = query !== undefined || tag !== undefined || city !== undefined;
    const scope: ExportInput['scope'] = filtered
      ? { kind: 'filter', query: query ?? '', filter: { ...(tag ? { tag } : {}), ...(city ? { city } : {}) } }
      : { kind: 'all' };

    return withSession(io, p, 'export', 'data.export', async ({ db, dataDir, vault }) => {
      const catalogue = await listFields(db);
      const purpose = await purposeOption(db, purposeKey);
      const fieldsOption = stringOption(p, 'fields');
      const keys = fieldsOption === undefined ? defaultFields(catalogue, purpose) : fieldKeys(fieldsOption, catalogue);
      const input: ExportInput = { format, fields: keys, scope, ...(delimiter ? { delimiter } : {}), ...(purpose ? { purpose: purpose.key } : {}) };
      const out = outOption === undefined ? null : resolve(io.cwd ?? process.cwd(), outOption);
      if (out) {
        const inside = relative(dataDir, out);
        if (!inside.startsWith('..') && !isAbsolute(inside)) {
          throw rejected(`Do not put an export in the vault's data folder (${dataDir}): everything there must stay encrypted.`);
        }
      }
      if (purpose?.needsConsent) line(io.stderr, `"${purpose.key}" needs consent: only customers whose consent to it is current are exported.`);
      line(io.stderr, `Warning: the export is not encrypted. Anyone who can open ${out ?? 'it'} can read these customers' details; keep it safe and delete it when no longer needed.`);
      const progress = progressLine(io, 'Exporting', 'customers');
      const entry = (n: number | null) => ({
        action: 'data.export' as const,
        targetType: 'file',
        targetId: out ? basename(out) : 'stdout',
        details: { via: 'cli', what: 'customers', format, count: n, scope: scope.kind, fields: keys, purpose: purpose?.key ?? null },
      });
      // A file: the entry is written before the file is put in place. Standard output cannot be taken
      // back, so there the entry (with the number selected) is written before the first byte.
      const opts = {
        onProgress: progress.report,
        ...(io.signal ? { signal: io.signal } : {}),
        ...(out ? { beforeCommit: (n: number) => recordAlone(db, vault.recordIn, entry(n)) } : { beforeOutput: (n: number | null) => recordAlone(db, vault.recordIn, entry(n)) }),
      };
      let count: number;
      try {
        ({ count } = await fieldErrors(keys, purpose, () => (out ? exportToFile(db, out, input, opts) : exportToStream(db, io.stdout, input, opts))));
      } finally {
        progress.done();
      }
      if (out) line(io.stdout, `Exported ${customers(count)} to ${out}.`);
      else {
        await drained(io.stdout);
        line(io.stderr, `Exported ${customers(count)}.`);
      }
      return EXIT.ok;
    });
  },
};

/** The exporter refuses switched-off fields (and, for a consent-based purpose, fields it does not use) as invalid_input on `fields.<i>`: name them. */
async function fieldErrors<T>(keys: readonly string[], purpose: Purpose | null, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof VaultError) || err.code !== 'invalid_input' || !err.fields) throw err;
    const named = (code: string) =>
      Object.entries(err.fields ?? {})
        .filter(([, c]) => c === code)
        .map(([k]) => `"${keys[Number(k.split('.')[1])] ?? k}"`);
    const notUsed = named('not_for_purpose');
    if (purpose && notUsed.length > 0) {
      throw rejected(`Cannot export ${notUsed.join(', ')} for "${purpose.key}": that purpose uses only ${['name', ...purpose.fields].join(', ')}.`);
    }
    const names = named('field_disabled');
    if (names.length === 0) throw err;
    throw rejected(`Cannot export ${names.join(', ')}: switched off in the field catalogue (switch it on for a purpose: brankas fields enable KEY --purpose PURPOSE, or in the app's settings).`);
  }
}
