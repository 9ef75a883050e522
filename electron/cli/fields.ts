/**
 * `brankas fields`: the field catalogue from the command line — list it, switch a field on for a
 * purpose (a purpose's KEY, or words that find or make one), switch it off (values kept hidden, or erased for real with `--erase`). A change is
 * the app's `fields.update`: the same service, the same audit entry, both in one transaction.
 */
import { PURPOSE_MAX, UpdateFieldInput, type FieldDef } from '../contract';
import { listPurposes } from '../vault/purposes/repository';
import { audited } from '../vault/audit/audited';
import { createFieldsService } from '../vault/fields/service';
import { countValues, listFields } from '../vault/fields/repository';
import { flag, stringOption, type Parsed } from './args';
import type { Command } from './command';
import { EXIT, rejected, usageError } from './errors';
import { drained, line, write, type CliIo } from './io';
import { withSession } from './session';
import { formatTable } from './table';

/** Built-in fields are labelled by the app's translations; the CLI prints the English label. */
const BUILTIN_LABELS: Record<string, string> = {
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  city: 'City',
  birthday: 'Birthday',
  gender: 'Gender',
  notes: 'Notes',
  preferences: 'Preferences',
};

/** What `--json` prints for one field. */
export interface FieldJson {
  key: string;
  label: string;
  enabled: boolean;
  /** Keys of the active purposes it serves (`brankas purposes` lists them). */
  purposes: string[];
  /** Their Indonesian names, as the customer form shows them. */
  purpose: string;
  sensitive: boolean;
  kind: string;
}

export const fieldJson = (f: FieldDef): FieldJson => ({
  key: f.key,
  label: f.label ?? BUILTIN_LABELS[f.key] ?? f.key,
  enabled: f.enabled,
  purposes: f.purposes,
  purpose: f.purpose,
  sensitive: f.sensitive,
  kind: f.kind,
});

const help = `Usage: brankas fields --user NAME [--json]
       brankas fields enable KEY --purpose PURPOSE --user NAME [--json]
       brankas fields disable KEY [--erase] --user NAME [--json]

The field catalogue: which personal data the shop collects, and why. Name is always on; every
other field is switched on one by one, for at least one purpose (see \`brankas purposes\`). Customers' values
for a switched-off field cannot be saved or imported (an import leaves that column out).

  fields            lists every field: KEY, label, on/off, sensitive, kind and its purposes
  fields enable     switches KEY on for PURPOSE (or adds PURPOSE to a field that is on) — Owner only
  fields disable    switches KEY off — Owner only. Stored values are kept: the app stops
                    showing and collecting the field, and they come back if it is switched on
                    again. With --erase they are erased for real (no question is asked: the
                    command prints how many customers' values were erased)

KEY is one of phone, email, address, city, birthday, gender, notes, preferences, or a custom
field's key (custom_1, …) as listed by \`brankas fields\`. Every change is recorded in the audit
trail as fields.update, like a change made in the app.

Options:
  --purpose PURPOSE  required for enable. A purpose's KEY (lower-case with an underscore, such
                  as order_updates: \`brankas purposes\` lists them) serves that purpose; it must
                  exist and be active. Anything else is words for customers (1-${PURPOSE_MAX}
                  characters): the purpose with exactly those words, or a new one made from them
                  (basis legitimate interest, 24 months from the last contact — review it with
                  \`brankas purposes\`)
  --erase         with disable: erase the stored values for real
  --json          list: {"fields":[{"key","label","enabled","purposes","purpose","sensitive","kind"}]}
                  ("purposes": keys; "purpose": their Indonesian names)
                  enable/disable: {"field":{…as in the list…},
                  "erased":N} (N: customers whose value was erased; 0 without --erase)

Examples:
  BRANKAS_PASSWORD=… brankas fields --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas fields enable address --purpose order_updates --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas fields enable birthday --purpose "Ucapan ulang tahun" --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas fields disable birthday --erase --user "Ibu Sari"`;

/** `--purpose` names a purpose by KEY when it looks like one (no spaces, an underscore); else it is words. */
const PURPOSE_KEY_LIKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

const ACTIONS = ['enable', 'disable'] as const;
type Action = (typeof ACTIONS)[number];

function parseArgs(p: Parsed): { action: Action | null; key: string | null } {
  const [action, key, extra] = p.positionals;
  if (action === undefined) {
    if (stringOption(p, 'purpose') !== undefined || flag(p, 'erase')) throw usageError('--purpose and --erase go with enable or disable', 'fields');
    return { action: null, key: null };
  }
  if (!(ACTIONS as readonly string[]).includes(action)) throw usageError(`unknown action "${action}" (use enable or disable)`, 'fields');
  if (key === undefined) throw usageError(`missing KEY (brankas fields ${action} KEY)`, 'fields');
  if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`, 'fields');
  if (action === 'enable') {
    if (stringOption(p, 'purpose') === undefined) throw usageError('--purpose PURPOSE is required: a purpose KEY, or words saying why the shop collects this field', 'fields');
    if (flag(p, 'erase')) throw usageError('--erase goes with disable', 'fields');
  } else if (stringOption(p, 'purpose') !== undefined) {
    throw usageError('--purpose goes with enable', 'fields');
  }
  return { action: action as Action, key };
}

function printList(io: CliIo, list: FieldDef[], json: boolean): void {
  if (json) {
    write(io.stdout, JSON.stringify({ fields: list.map(fieldJson) }) + '\n');
    return;
  }
  write(
    io.stdout,
    formatTable(
      ['KEY', 'LABEL', 'ON', 'SENSITIVE', 'KIND', 'PURPOSE'],
      list.map((f) => {
        const j = fieldJson(f);
        return [j.key, j.label, j.enabled ? 'yes' : 'no', j.sensitive ? 'yes' : 'no', j.kind, j.purposes.join(', ')];
      }),
    ),
  );
}

export const fieldsCommand: Command = {
  name: 'fields',
  summary: 'list the field catalogue; switch a field on (with its purpose) or off (Owner)',
  help,
  options: { purpose: { type: 'string' }, erase: { type: 'boolean' }, json: { type: 'boolean' } },

  async run({ io, p }) {
    const { action, key } = parseArgs(p);
    const json = flag(p, 'json');
    if (action === null || key === null) {
      // Reading the catalogue holds nothing personal (the app's fields.list records nothing either).
      await withSession(io, p, 'fields', 'customers.view', async ({ db }) => printList(io, await listFields(db), json));
      await drained(io.stdout);
      return EXIT.ok;
    }
    const erase = action === 'disable' && flag(p, 'erase');
    await withSession(io, p, 'fields', 'settings.manage', async ({ db, vault }) => {
      const current = (await listFields(db)).find((f) => f.key === key);
      if (!current) {
        const known = (await listFields(db)).map((f) => f.key).join(', ');
        throw rejected(`There is no field "${key}" in this vault's catalogue. Fields: ${known}. Nothing was changed.`);
      }
      const given = action === 'enable' ? (stringOption(p, 'purpose') ?? '').trim() : '';
      const byKey = PURPOSE_KEY_LIKE.test(given);
      if (byKey) {
        const active = (await listPurposes(db)).filter((x) => x.status === 'active').map((x) => x.key);
        if (!active.includes(given)) throw rejected(`There is no active purpose "${given}". Purposes: ${active.join(', ')}. Nothing was changed.`);
      }
      const parsed = UpdateFieldInput.safeParse({
        key,
        enabled: action === 'enable',
        // Switching off keeps the field's purposes linked (the app does the same); a KEY adds one.
        purpose: byKey ? '' : action === 'enable' ? given : current.purpose,
        ...(byKey ? { purposes: [...new Set([...current.purposes, given])] } : {}),
        ...(action === 'disable' ? { erase } : {}),
      });
      if (!parsed.success || (action === 'enable' && !byKey && parsed.data.purpose === '')) {
        throw rejected(`The purpose must be a purpose KEY or 1 to ${PURPOSE_MAX} characters in words for customers. Nothing was changed.`);
      }
      const input = parsed.data;
      // The change and its entry in one transaction: if the entry cannot be written, nothing changed.
      const { field, erased } = await audited(
        db,
        (tx, entry) => vault.recordIn(tx, entry),
        async (scoped) => {
          const held = erase ? await countValues(scoped, key) : 0;
          const list = await createFieldsService(scoped, io.now).update(input);
          const after = list.find((f) => f.key === key);
          if (!after) throw new Error(`field ${key} vanished during the update`);
          return { field: after, erased: held };
        },
        // The same entry as the app's (electron/ipc/audit.ts 'fields.update'), marked as the CLI's.
        () => ({
          action: 'fields.update',
          targetType: 'field',
          targetId: key,
          details: { via: 'cli', enabled: input.enabled, ...(input.erase !== undefined ? { erase: input.erase } : {}), ...(input.purposes ? { purposes: input.purposes } : {}) },
        }),
      );
      // The erased values leave the WAL for the encrypted main file (the service does this outside a transaction).
      if (erased > 0) await db.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
      if (json) {
        write(io.stdout, JSON.stringify({ field: fieldJson(field), erased }) + '\n');
      } else if (action === 'enable') {
        line(io.stdout, `Field "${key}" is on. Purposes: ${field.purposes.join(', ')} (${field.purpose})`);
      } else if (erase) {
        line(io.stdout, `Field "${key}" is off. Erased the values of ${erased} customer${erased === 1 ? '' : 's'} for real.`);
      } else {
        line(io.stdout, `Field "${key}" is off. Stored values are kept, not shown in the app; switch it on again to see them, or use --erase to erase them.`);
      }
      await drained(io.stdout);
    });
    return EXIT.ok;
  },
};
