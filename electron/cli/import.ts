/**
 * `brankas import FILE`: the app's importer (same reader, mapping, checks and one transaction),
 * with the suggested mapping adjustable by --map. Valid rows are saved; invalid rows and rows left
 * alone (same phone or email as a customer with another name) are listed and make the exit code 2
 * so a script notices.
 */
import { basename, resolve } from 'node:path';
import { ON_DUPLICATE, type ImportProblem, type MappingTarget } from '../contract';
import { audited } from '../vault/audit/audited';
import { DriverError, type Queryable } from '../vault/db/driver';
import { VaultError } from '../vault/errors';
import { listFields } from '../vault/fields/repository';
import { listPurposes } from '../vault/purposes/repository';
import { dryRun, importDetails, reportProblems, runImport } from '../vault/transfer/import';
import { inspectFile, type InspectedFile } from '../vault/transfer/inspect';
import { choiceOption, flag, positionals, stringOption } from './args';
import type { Command } from './command';
import { CliError, EXIT, rejected, usageError } from './errors';
import { customers, drained, line, plural, type CliIo } from './io';
import { applyMap, parseMapOption } from './mapping';
import { fieldErrorMessage, importProblemMessage } from './messages';
import { progressLine } from './progress';
import { withSession } from './session';

const PROBLEMS_LISTED = 20;

const help = `Usage: brankas import FILE --user NAME [--map "Header=field,…"] [--sheet NAME]
                     [--on-duplicate skip|update|keep] [--dry-run] [--json]

Imports customers from a CSV file (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or
an Excel workbook (.xlsx) with the app's importer. Columns are matched to fields by their
headers in Indonesian or English (Nama, No HP, No. WA, Telepon, Alamat, Kota, Email, Catatan,
Tgl Lahir, …); unmatched columns are left out. Only fields switched on in the app's field
catalogue can be imported. A row with the same phone or email as a customer already in the vault
(or earlier in the file) and the same name is a duplicate (names match when equal ignoring case,
extra spaces and accents: "BUDI  santoso" = "Budi Santoso"). The same phone or email under
another name (families often share one WhatsApp number) is not a duplicate: that row is neither
imported nor used to update anyone, and is listed as "same phone/email as a customer with
another name" for you to decide. Everything is saved in one transaction: on any error or Ctrl-C
nothing is changed.

Rows that are not valid (no name), and rows left alone as above, are not imported; they are
listed (row, column, reason) and make the exit code 2, while the valid rows are saved. A row whose
only fault is an optional value (a malformed e-mail or phone, a birthday that is no date, a consent
answer that is neither yes nor no) is imported without that value, which is listed as "row
imported without this value" (the exit code stays 0).

A column of consent answers (ya/tidak, 1/0, yes/no, y/n, true/false, setuju/tidak setuju; empty:
nothing recorded) maps to a purpose that needs consent with consent:KEY ("Setuju promo WA" is
suggested as consent:promotions_wa). Each answer becomes a consent entry (given or refused, method
"imported", the file name as evidence, the import's time, --user as the recorder). A duplicate
updated with --on-duplicate update gets an entry only when its answer differs from the current
state, and a withdrawal is never undone by a file. Use --dry-run first to
check a file (it exits 2 too when rows are not valid or left alone). A file with no customer rows
(empty, or only a header row) exits 2. A full disk imports nothing and exits 2. A mapping that
cannot work (no column for the name, two columns for one field, a --map naming no column or field)
is a usage error (exit 1); a field switched off in the catalogue is refused (exit 2).

Options:
  --map "Header=field,…"     change the mapping: a column by its header (any case) or number
                             (#3), a field by its key (name, phone, email, address, city,
                             birthday, gender, notes, preferences, tags, custom_N) or a custom
                             field's label, or consent:PURPOSE for consent answers; "-" or
                             "ignore" leaves the column out. Repeatable.
  --sheet NAME               Excel: the sheet to read (default: the first)
  --on-duplicate skip|update|keep
                             skip duplicates (default), or update them with the row's values
                             (never the name); keep skips duplicates too, and imports a row whose
                             phone or e-mail is another customer's under another name (a family
                             on one WhatsApp number) as a customer of its own
  --dry-run                  check the whole file and count new, duplicate, left-alone and
                             invalid rows; changes nothing
  --json                     print the result as JSON: {"imported","updated","skipped",
                             "invalid":[{"row","column","code"}],"conflicts":[{"row","column",
                             "code"}],"skippedRows":[{"row","existingId"}],"kept":[{"row",
                             "existingId","customerId"}],"dropped":[…],"consent":{"given",
                             "refused","unchanged"},"leftOut":[]}; with --dry-run {"total","new","duplicates",
                             "conflicts","invalid","partial","consent":{"given","refused"},
                             "problems":[{"row","column","code"}],"dropped":[…]}. A conflict's
                             code is same_phone_other_name or same_email_other_name; a value
                             the row was imported without has "dropped":true.

Examples:
  brankas import pelanggan.csv --user "Ibu Sari" --dry-run
  brankas import pelanggan.xlsx --user "Ibu Sari" --sheet Juli --map "WA=phone,Memo=-" --json
  brankas import pelanggan.csv --user "Ibu Sari" --map "Setuju promo WA=consent:promotions_wa"`;

export const importCommand: Command = {
  name: 'import',
  summary: 'import customers from CSV or Excel with the app importer',
  help,
  options: {
    map: { type: 'string', multiple: true },
    sheet: { type: 'string' },
    'on-duplicate': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },

  async run({ io, p }) {
    const [file = ''] = positionals(p, ['FILE'], 'import');
    const onDuplicate = choiceOption(p, 'on-duplicate', ON_DUPLICATE, 'import') ?? 'skip';
    const mapValues = (p.values.map as string[] | undefined) ?? [];
    const entries = parseMapOption(mapValues);
    const sheet = stringOption(p, 'sheet') ?? null;
    const json = flag(p, 'json');
    const path = resolve(io.cwd ?? process.cwd(), file);

    return withSession(io, p, 'import', 'data.import', async ({ db, vault }) => {
      const inspected = await inspect(db, path, sheet);
      const fields = await listFields(db);
      const mapping = applyMap(inspected.mapping, inspected.headers, entries, fields, await listPurposes(db));
      const source = { path, sheet: inspected.sheet };
      const progress = progressLine(io, flag(p, 'dry-run') ? 'Checking' : 'Importing', 'rows');
      const opts = { onProgress: progress.report, ...(io.signal ? { signal: io.signal } : {}), ...(io.now ? { now: io.now } : {}) };
      if (!json) describeFile(io, file, inspected, mapping);
      try {
        if (flag(p, 'dry-run')) {
          const { result, problems, dropped } = await withMappingErrors(inspected, () => dryRun(db, source, mapping, opts));
          progress.done();
          if (json) line(io.stdout, JSON.stringify({ ...result, problems, dropped }));
          else {
            line(io.stdout, `Dry run, nothing was changed: ${plural(result.total, 'row')}; ${result.new} new, ${result.duplicates} already present (${onDuplicate === 'update' ? 'would be updated' : 'would be skipped'}), ${leftAlone(result.conflicts)}, ${result.invalid} not valid.`);
            describeExtras(io, result.partial, result.consent);
            listProblems(io, reportProblems(problems, dropped));
          }
          await drained(io.stdout);
          return result.invalid > 0 || result.conflicts > 0 ? EXIT.rejected : EXIT.ok;
        }
        // The import and its audit entry in one transaction: an entry that cannot be written imports nothing.
        const result = await withMappingErrors(inspected, () =>
          audited(
            db,
            (tx, entry) => vault.recordIn(tx, entry),
            (scoped) => runImport(scoped, source, mapping, onDuplicate, { ...opts, recordedBy: recorder(vault.user()) }),
            (r) => ({ action: 'data.import', targetType: 'file', targetId: basename(path), details: { via: 'cli', ...importDetails(r, onDuplicate) } }),
          ),
        );
        progress.done();
        if (json) line(io.stdout, JSON.stringify(result));
        else {
          const rows = new Set(result.invalid.map((x) => x.row)).size;
          line(io.stdout, `Imported ${customers(result.imported, 'new customer')}; ${result.updated} updated, ${result.skipped} skipped as already present, ${leftAlone(result.conflicts.length)}, ${plural(rows, 'row')} not valid.`);
          if (result.kept.length) line(io.stdout, `Kept as customers of their own (their phone or e-mail is another customer's): rows ${result.kept.map((k) => k.row).join(', ')}.`);
          describeExtras(io, new Set(result.dropped.map((x) => x.row)).size, result.consent);
          listProblems(io, [...result.invalid, ...result.conflicts, ...result.dropped].sort((a, b) => a.row - b.row));
        }
        await drained(io.stdout);
        return result.invalid.length > 0 || result.conflicts.length > 0 ? EXIT.rejected : EXIT.ok;
      } finally {
        progress.done();
      }
    }).catch((err: unknown) => {
      throw diskFull(err) ? rejected(DISK_FULL) : err;
    });
  },
};

const recorder = (user: { id: number; name: string } | null) => ({ id: user?.id ?? null, name: user?.name ?? 'system' });

/** Rows imported without an optional value, and consent answers (given / refused / unchanged). */
function describeExtras(io: CliIo, partial: number, consent: { given: number; refused: number; unchanged?: number }): void {
  if (partial > 0) line(io.stdout, `${plural(partial, 'row')} imported without a value that is not valid (listed below; the rest of the row is kept).`);
  const answers = consent.given + consent.refused + (consent.unchanged ?? 0);
  if (answers > 0) {
    const unchanged = consent.unchanged === undefined ? '' : `, ${consent.unchanged} unchanged (already so, or withdrawn)`;
    line(io.stdout, `Consent: ${consent.given} given, ${consent.refused} refused${unchanged} (method "imported").`);
  }
}

const leftAlone = (n: number): string => `${n} left alone (same phone or email as a customer with another name)`;

/**
 * A full disk is not unexpected, and the one transaction means nothing landed: say so and what to
 * do (exit 2), whether it struck the rows, the audit entry, the commit or the sign-in before them.
 */
const DISK_FULL =
  'The disk is full: nothing was imported, and the vault is as it was. Free up some space on the drive that holds the Brankas data folder, then run the import again.';
const diskFull = (err: unknown): boolean =>
  (err instanceof DriverError && err.sqliteCode === 'SQLITE_FULL') || (err instanceof VaultError && err.code === 'disk_full');

/** The file's header and suggested mapping; a wrong --sheet names the sheets there are. */
async function inspect(db: Queryable, path: string, sheet: string | null): Promise<InspectedFile> {
  try {
    const inspected = await inspectFile(db, path, sheet);
    if (sheet !== null && inspected.format !== 'xlsx') throw usageError('--sheet is for Excel (.xlsx) files only', 'import');
    return inspected;
  } catch (err) {
    if (!(err instanceof VaultError) || err.code !== 'sheet_not_found' || sheet === null) throw err;
    const file = await inspectFile(db, path, null);
    if (file.format !== 'xlsx') throw usageError('--sheet is for Excel (.xlsx) files only', 'import');
    throw rejected(`The workbook has no sheet named "${sheet}" (sheets: ${file.sheets.map((s) => `"${s}"`).join(', ')}).`);
  }
}

/** The importer refuses a mapping as invalid_input on `mapping.<column>` or `mapping`; say which column and why. */
async function withMappingErrors<T>(file: InspectedFile, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!(err instanceof VaultError) || err.code !== 'invalid_input' || !err.fields) throw err;
    const messages = Object.entries(err.fields).map(([key, code]) => {
      if (key === 'mapping') return 'no column is imported as the name: add --map "Header=name"';
      const i = Number(key.split('.')[1]);
      const column = `column "${file.headers[i] ?? `#${i + 1}`}"`;
      if (code === 'field_disabled') return `${column}: that field is switched off in the field catalogue (switch it on for a purpose: brankas fields enable KEY --purpose PURPOSE, or in the app's settings)`;
      if (code === 'invalid_value') return `${column}: another column already goes to that field or purpose`;
      if (code === 'invalid_choice') return `${column}: that purpose is retired or does not need consent (brankas purposes)`;
      return `${column}: ${fieldErrorMessage(code)}`;
    });
    const text = `Cannot import with this mapping: ${messages.join('; ')}.`;
    const onlyFixableHere = Object.values(err.fields).every((c) => c !== 'field_disabled');
    throw onlyFixableHere ? new CliError(EXIT.usage, text, 'import') : rejected(text);
  }
}

function describeFile(io: CliIo, file: string, f: InspectedFile, mapping: readonly MappingTarget[]): void {
  const kind =
    f.format === 'xlsx'
      ? `Excel, sheet "${f.sheet ?? ''}"`
      : `CSV, ${f.encoding ?? 'unknown encoding'}, ${f.delimiter === '\t' ? 'tab' : `"${f.delimiter ?? ','}"`}-separated`;
  line(io.stdout, `${file} (${kind})`);
  const width = Math.min(30, Math.max(...f.headers.map((h) => h.length), 4));
  f.headers.forEach((h, i) => line(io.stdout, `  ${(h || `#${i + 1}`).padEnd(width)}  → ${mapping[i] ?? '(left out)'}`));
}

function listProblems(io: CliIo, problems: readonly ImportProblem[]): void {
  for (const x of problems.slice(0, PROBLEMS_LISTED)) {
    line(io.stdout, `  row ${x.row}, column "${x.column}": ${importProblemMessage(x.code)}${x.dropped ? ' (row imported without this value)' : ''}`);
  }
  if (problems.length > PROBLEMS_LISTED) line(io.stdout, `  … and ${problems.length - PROBLEMS_LISTED} more (--json lists them all)`);
}
