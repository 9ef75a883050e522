/**
 * `brankas consent`: a customer's consent from the command line — record what they said about a
 * consent purpose (give, withdraw, refuse) and list the history. The app's consent service: the
 * same rules (only consent purposes, a guardian for a child, evidence ≤ 10 MB inside the vault), the
 * same audit entries, each in the transaction of the entry it records.
 */
import { CONSENT_METHODS, EVIDENCE_TYPES, type ConsentEntry, type ConsentMethod, type ConsentState, type CustomerConsent } from '../contract';
import { readEvidence } from '../vault/consent/evidence-file';
import { createConsentService, type EvidenceFile } from '../vault/consent/service';
import { VaultError } from '../vault/errors';
import type { Queryable } from '../vault/db/driver';
import { listPurposes } from '../vault/purposes/repository';
import { flag, stringOption, type Parsed } from './args';
import type { Command } from './command';
import { EXIT, rejected, usageError } from './errors';
import { drained, line, write, type CliIo } from './io';
import { withSession } from './session';
import { formatTable } from './table';

/** What `--json` prints for one entry. */
export interface ConsentEntryJson {
  id: number;
  purpose: string;
  state: ConsentState;
  /** ISO 8601, UTC. */
  at: string;
  method: ConsentMethod;
  recordedBy: string;
  noticeVersion: number | null;
  evidence: { fileName: string; mediaType: string; size: number } | null;
  evidenceRef: string | null;
  guardian: { name: string; relation: string } | null;
}

export const entryJson = (e: ConsentEntry): ConsentEntryJson => ({
  id: e.id,
  purpose: e.purposeKey,
  state: e.state,
  at: new Date(e.at).toISOString(),
  method: e.method,
  recordedBy: e.recordedBy.name,
  noticeVersion: e.noticeVersion,
  evidence: e.evidence && { fileName: e.evidence.fileName, mediaType: e.evidence.mediaType, size: e.evidence.size },
  evidenceRef: e.evidenceRef,
  guardian: e.guardian,
});

const currentJson = (c: CustomerConsent) =>
  c.rows.map((r) => ({ purpose: r.purposeKey, state: r.status, since: r.current ? new Date(r.current.at).toISOString() : null, entry: r.current?.id ?? null }));

const help = `Usage: brankas consent give|withdraw|refuse --customer ID --purpose KEY --method METHOD
                      [--evidence FILE] [--minor] [--guardian NAME --relation RELATION] --user NAME [--json]
       brankas consent list --customer ID --user NAME [--json]

A customer's consent to each purpose that rests on consent (\`brankas purposes\` shows which:
CONSENT "needed"). Every entry is kept: the current state of a purpose is its latest entry, and a
purpose nobody asked about is "none", which counts as no consent. A withdrawal is in force the
moment it is recorded: \`brankas export --purpose KEY\` leaves the customer out from then on.

  consent give       the customer agreed to PURPOSE
  consent withdraw   the customer took their consent back
  consent refuse     the customer was asked and said no
  consent list       the current state per purpose and the whole history, newest first

Options:
  --customer ID      the customer's number (\`brankas search\` shows it)
  --purpose KEY      a purpose whose basis is consent, e.g. promotions_wa
  --method METHOD    how it was said: ${CONSENT_METHODS.join(', ')}
  --evidence FILE    a scan or screenshot (jpg, png, webp, heic, pdf, txt; at most 10 MB), kept
                     encrypted inside the vault
  --minor            the customer is under 18 (when no birthday is on file); a child's consent
                     is given by a parent or guardian:
  --guardian NAME    the parent's or guardian's name, with
  --relation REL     how they are related (Ibu, Ayah, Wali, …)
  --json             give/withdraw/refuse: {"entry":{"id","purpose","state","at","method",
                     "recordedBy","noticeVersion","evidence","evidenceRef","guardian"},
                     "current":[{"purpose","state","since","entry"}]}
                     list: {"customer":ID,"current":[…],"history":[{…entry…}]}

Each entry is recorded in the audit trail (consent.give, consent.withdraw, consent.refuse; a list
as consent.view), like the app's. Cashiers may record; any signed-in role may list.

Examples:
  BRANKAS_PASSWORD=… brankas consent give --customer 12 --purpose promotions_wa --method paper --evidence form.jpg --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas consent withdraw --customer 12 --purpose promotions_wa --method whatsapp --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas consent list --customer 12 --json --user "Ibu Sari"`;

const STATES = { give: 'given', withdraw: 'withdrawn', refuse: 'refused' } as const;
type Action = keyof typeof STATES | 'list';

function customerId(p: Parsed, action: string): number {
  const raw = stringOption(p, 'customer');
  if (raw === undefined) throw usageError(`--customer ID is required (brankas consent ${action} --customer ID …)`, 'consent');
  if (!/^[1-9][0-9]{0,15}$/.test(raw.trim())) throw usageError(`--customer must be a customer's number, not "${raw}"`, 'consent');
  return Number(raw.trim());
}

function parseAction(p: Parsed): Action {
  const [action, extra] = p.positionals;
  if (action === undefined) throw usageError('say what to do: give, withdraw, refuse or list', 'consent');
  if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`, 'consent');
  if (action !== 'list' && !(action in STATES)) throw usageError(`unknown action "${action}" (use give, withdraw, refuse or list)`, 'consent');
  if (action === 'list') {
    for (const o of ['purpose', 'method', 'evidence', 'guardian', 'relation'] as const) {
      if (stringOption(p, o) !== undefined) throw usageError(`--${o} goes with give, withdraw or refuse`, 'consent');
    }
  }
  return action as Action;
}

function evidenceFrom(path: string): EvidenceFile {
  try {
    return readEvidence(path);
  } catch (err) {
    const code = err instanceof VaultError ? err.code : null;
    const why =
      code === 'unsupported_file' ? `is not a photo, PDF or text file (${Object.keys(EVIDENCE_TYPES).join(', ')})`
      : code === 'file_too_large' ? 'is larger than 10 MB'
      : code === 'file_empty' ? 'is empty'
      : 'cannot be read (does it exist, and may you open it?)';
    throw rejected(`The evidence file "${path}" ${why}. Nothing was recorded.`);
  }
}

/** Says which of the two does not exist, in words (the service's not_found names neither). */
async function known(db: Queryable, id: number, purposeKey: string | null): Promise<void> {
  if (!(await db.get('SELECT 1 FROM customers WHERE id = ?', [id]))) throw rejected(`There is no customer ${id} in this vault. Nothing was recorded.`);
  if (purposeKey === null) return;
  const purposes = (await listPurposes(db)).filter((x) => x.needsConsent && x.status === 'active');
  if (!purposes.some((x) => x.key === purposeKey)) {
    throw rejected(`"${purposeKey}" is not an active purpose that rests on consent. Those are: ${purposes.map((x) => x.key).join(', ') || 'none'}. Nothing was recorded.`);
  }
}

function printCurrent(io: CliIo, c: CustomerConsent): void {
  write(io.stdout, formatTable(['PURPOSE', 'STATE', 'SINCE', 'METHOD'], c.rows.map((r) => [r.purposeKey, r.status, r.current ? new Date(r.current.at).toISOString() : '-', r.current?.method ?? '-'])));
}

export const consentCommand: Command = {
  name: 'consent',
  summary: "record a customer's consent to a purpose (give, withdraw, refuse) or list it",
  help,
  options: {
    customer: { type: 'string' },
    purpose: { type: 'string' },
    method: { type: 'string' },
    evidence: { type: 'string' },
    minor: { type: 'boolean' },
    guardian: { type: 'string' },
    relation: { type: 'string' },
    json: { type: 'boolean' },
  },

  async run({ io, p }) {
    const action = parseAction(p);
    const id = customerId(p, action);
    const json = flag(p, 'json');
    if (action === 'list') {
      await withSession(io, p, 'consent', 'customers.view', async ({ vault, db }) => {
        await known(db, id, null);
        const c = await createConsentService(vault).get(id);
        if (json) {
          write(io.stdout, JSON.stringify({ customer: id, current: currentJson(c), history: c.history.map(entryJson) }) + '\n');
          return;
        }
        printCurrent(io, c);
        line(io.stdout);
        write(io.stdout, formatTable(['ID', 'AT', 'PURPOSE', 'STATE', 'METHOD', 'BY', 'NOTICE', 'EVIDENCE'], c.history.map((e) => {
          const j = entryJson(e);
          return [String(j.id), j.at, j.purpose, j.state, j.method, j.recordedBy, j.noticeVersion === null ? '-' : `v${j.noticeVersion}`, j.evidence?.fileName ?? j.evidenceRef ?? '-'];
        })));
      });
      await drained(io.stdout);
      return EXIT.ok;
    }

    const purposeKey = stringOption(p, 'purpose')?.trim();
    if (!purposeKey) throw usageError('--purpose KEY is required (a purpose that rests on consent: brankas purposes)', 'consent');
    const method = stringOption(p, 'method')?.trim();
    if (!method) throw usageError(`--method is required: ${CONSENT_METHODS.join(', ')}`, 'consent');
    if (!(CONSENT_METHODS as readonly string[]).includes(method)) throw usageError(`--method must be one of ${CONSENT_METHODS.join(', ')}, not "${method}"`, 'consent');
    const guardianName = stringOption(p, 'guardian')?.trim();
    const relation = stringOption(p, 'relation')?.trim();
    if (Boolean(guardianName) !== Boolean(relation)) throw usageError('--guardian NAME and --relation RELATION go together', 'consent');
    const evidencePath = stringOption(p, 'evidence');
    // The file is read before signing in: a missing or oversized file costs no session.
    const evidence = evidencePath === undefined ? undefined : evidenceFrom(evidencePath);

    await withSession(io, p, 'consent', 'customers.edit', async ({ vault, db }) => {
      await known(db, id, purposeKey);
      const c = await createConsentService(vault).record(
        {
          customerId: id,
          purposeKey,
          state: STATES[action],
          method: method as ConsentMethod,
          ...(flag(p, 'minor') ? { minor: true } : {}),
          ...(guardianName && relation ? { guardian: { name: guardianName, relation } } : {}),
        },
        evidence,
      );
      const entry = c.history[0];
      if (!entry) throw new Error('the entry just recorded is missing');
      if (json) {
        write(io.stdout, JSON.stringify({ entry: entryJson(entry), current: currentJson(c) }) + '\n');
        return;
      }
      line(io.stdout, `Recorded: customer ${id} ${entry.state} ${purposeKey} (${entry.method}), entry ${entry.id}${entry.noticeVersion === null ? '' : `, privacy notice v${entry.noticeVersion}`}.`);
      printCurrent(io, c);
    });
    await drained(io.stdout);
    return EXIT.ok;
  },
};
