/**
 * `brankas access-pack`: a customer's access pack (PDF + JSON + CSV) or portable copy (JSON + CSV)
 * into a folder, over the app's access service: the same files, the same audit entry
 * (`customer.accessPack`) and, with --request, the same step on the request's history, recorded in
 * one transaction before any file is written. A missing customer is said before anything is made.
 */
import { mkdirSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { createAccessPacks, writePackFiles } from '../vault/access/service';
import { ACCESS_SCHEMA, PORTABLE_SCHEMA } from '../vault/access/json';
import { VaultError } from '../vault/errors';
import { fsError } from '../vault/files';
import { choiceOption, flag, intOption, positionals, stringOption } from './args';
import type { Command } from './command';
import { CliError, EXIT, rejected, usageError } from './errors';
import { drained, line, write } from './io';
import { withSession } from './session';

const help = `Usage: brankas access-pack --customer ID --out DIR --user NAME [--lang id|en] [--staff-names]
                          [--request N] [--portable] [--json]

Answers a customer's request for their data (UU PDP Pasal 7 and 32: access and a copy, within
3×24 hours). Writes into DIR (made if missing):
  <base>.pdf    the pack to hand over, in the customer's language
  <base>.json   the same data, schema ${ACCESS_SCHEMA} (docs/export-schema.md)
  <base>.csv    the same data as section,item,field,value rows (UTF-8 with BOM, formula-safe)
where <base> is akses-data-ID-YYYY-MM-DD (id) or access-pack-ID-YYYY-MM-DD (en). The pack holds
every field, custom field, purchase, tag, consent entry and request of this customer, each
purpose with its basis and retention, which roles can see the data, and the processing trail by
role. No other customer appears in it.

With --portable (Pasal 13: portability), only what the customer provided — fields, custom fields,
purchases, tags and consent — as data-portabel-… / portable-data-… .json (schema ${PORTABLE_SCHEMA})
and .csv, for another app to read.

THE FILES ARE NOT ENCRYPTED: give them to the customer and delete your copy.

Options:
  --customer ID    the customer's number (\`brankas search\` shows it)
  --out DIR        the folder to write into (not inside the vault's data folder)
  --lang id|en     the PDF's language (default id)
  --staff-names    name staff in the trail and the roles (the Owner only; default: roles only)
  --request N      the request it answers: a step is added to its history (it must concern
                   this customer)
  --portable       the portable copy instead of the whole pack
  --json           print {"customerId":ID,"files":["/abs/path/…pdf", …]}

Recorded in the audit trail (customer.accessPack), like the app's. Owner and Manager may make it.

Examples:
  BRANKAS_PASSWORD=… brankas access-pack --customer 12 --out ./permintaan-7 --request 7 --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas access-pack --customer 12 --out ./pindah --portable --lang en --user "Ibu Sari"`;

function customerId(raw: string | undefined): number {
  if (raw === undefined) throw usageError('--customer ID is required', 'access-pack');
  if (!/^[1-9][0-9]{0,15}$/.test(raw.trim())) throw usageError(`--customer must be a customer's number, not "${raw}"`, 'access-pack');
  return Number(raw.trim());
}

export const accessPackCommand: Command = {
  name: 'access-pack',
  summary: "save a customer's access pack (PDF, JSON, CSV) or portable copy into a folder",
  help,
  options: {
    customer: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    'staff-names': { type: 'boolean' },
    request: { type: 'string' },
    portable: { type: 'boolean' },
    json: { type: 'boolean' },
  },

  async run({ io, p }) {
    positionals(p, [], 'access-pack');
    const id = customerId(stringOption(p, 'customer'));
    const outOption = stringOption(p, 'out');
    if (!outOption?.trim()) throw usageError('--out DIR is required (the folder to write the pack into)', 'access-pack');
    const lang = choiceOption(p, 'lang', ['id', 'en'] as const, 'access-pack') ?? 'id';
    const requestNumber = intOption(p, 'request', 1, Number.MAX_SAFE_INTEGER, 'access-pack');
    const portable = flag(p, 'portable');
    const staffNames = flag(p, 'staff-names');
    const out = resolve(io.cwd ?? process.cwd(), outOption);

    const files = await withSession(io, p, 'access-pack', 'privacy.handle', async ({ vault, dataDir }) => {
      const inside = relative(dataDir, out);
      if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
        throw rejected(`Do not put an access pack in the vault's data folder (${dataDir}): everything there must stay encrypted.`);
      }
      let pack;
      try {
        pack = await createAccessPacks(vault).make(id, { lang, staffNames, portable, ...(requestNumber !== undefined ? { requestNumber } : {}) });
      } catch (err) {
        if (!(err instanceof VaultError)) throw err;
        if (err.code === 'not_found' && err.detail?.startsWith('customer')) throw rejected(`There is no customer ${id} in this vault. Nothing was written.`);
        if (err.code === 'not_found') throw rejected(`There is no request ${requestNumber} in this vault. Nothing was written.`);
        if (err.code === 'invalid_input') throw rejected(`Request ${requestNumber} does not concern customer ${id}. Nothing was written.`);
        if (err.code === 'forbidden') throw new CliError(EXIT.vault, 'Only the Owner may name staff in an access pack (leave out --staff-names). Nothing was written.');
        throw err;
      }
      try {
        mkdirSync(out, { recursive: true });
      } catch (err) {
        throw fsError(err);
      }
      await pack.record();
      const written = writePackFiles(out, pack.files);
      line(io.stderr, `Warning: these files are not encrypted. Give them to the customer and delete your copy from ${out}.`);
      return written;
    });

    if (flag(p, 'json')) write(io.stdout, `${JSON.stringify({ customerId: id, files })}\n`);
    else for (const f of files) line(io.stdout, f);
    await drained(io.stdout);
    return EXIT.ok;
  },
};
