/**
 * `brankas request`: the rights desk from the command line — take a customer's request (its due
 * time fixed at receipt: 72 hours where UU PDP states hours, the shop's target otherwise), list the
 * register with the time left, show one with its history, close one with its outcome. The app's
 * requests service: the same rules, the same audit entries, each in the transaction of its step.
 */
import { OUTCOMES, PASAL_15_GROUNDS, REQUEST_CHANNELS, REQUEST_TYPES, type RequestDetail, type RequestSummary } from '../contract';
import { requestRef } from '../vault/documents';
import { createRequestsService } from '../vault/requests/service';
import { choiceOption, flag, stringOption, type Parsed } from './args';
import type { Command } from './command';
import { EXIT, rejected, usageError } from './errors';
import { drained, line, write } from './io';
import { withSession } from './session';
import { formatTable } from './table';

const iso = (ms: number) => new Date(ms).toISOString();

/** What `--json` prints for a request in a list. */
export const summaryJson = (r: RequestSummary) => ({
  number: r.number,
  ref: requestRef(r.number),
  type: r.type,
  channel: r.channel,
  state: r.state,
  receivedAt: iso(r.receivedAt),
  dueAt: iso(r.dueAt),
  dueBasis: r.dueBasis,
  hoursLeft: r.hoursLeft,
  overdue: r.urgency === 'overdue',
  customers: r.customers.map((c) => c.id),
});

const detailJson = (r: RequestDetail) => ({
  ...summaryJson(r),
  customers: r.customers,
  notCustomer: r.notCustomer,
  requester: r.requester,
  asked: r.asked,
  lang: r.lang,
  takenBy: r.takenBy,
  outcome: r.outcome,
  reason: r.reason,
  pasal15: r.pasal15,
  next: r.next,
  history: r.history.map((e) => ({ at: iso(e.at), kind: e.kind, state: e.state, by: e.by, detail: e.detail })),
});

const help = `Usage: brankas request new --type TYPE --channel CHANNEL [--customer ID] [--not-customer]
                           [--requester NAME] [--note TEXT] [--lang id|en] --user NAME [--json]
       brankas request list [--open] --user NAME [--json]
       brankas request show N --user NAME [--json]
       brankas request close N --outcome done|partly|refused [--reason TEXT] [--pasal15 GROUND] --user NAME [--json]

Customers' requests about their personal data (UU PDP Pasal 5–13). The clock starts when a request
is received: access, correction, withdrawing consent and restriction must be answered within 3×24
hours (72 wall-clock hours, weekends included); the other types get the shop's own target (7 days
unless the Owner changes it in the app), and say so.

  request new     take a request; prints its number and when it is due
  request list    the register, open requests first (most urgent on top), with the hours left
  request show N  one request with its history
  request close N record the outcome, that the customer was told, and close it (each step on the
                  request's history)

Options:
  --type TYPE        ${REQUEST_TYPES.join(', ')}
  --channel CHANNEL  how it came: ${REQUEST_CHANNELS.join(', ')}
  --customer ID      the customer it concerns (\`brankas search\` shows the number)
  --not-customer     asked by someone who is not a customer of ours
  --requester NAME   the name they gave (when not, or not yet, matched to a customer)
  --note TEXT        what was asked, in the customer's words
  --lang id|en       the language to answer in (default id)
  --open             list only requests whose clock is running
  --outcome OUTCOME  done, partly (partly done) or refused
  --reason TEXT      why (required for refused; what could not be done for partly)
  --pasal15 GROUND   when a refusal rests on UU PDP Pasal 15(1): ${PASAL_15_GROUNDS.join(', ')}
  --json             new: {"number","ref","dueAt",…}; list: [{"number","type","state","receivedAt",
                     "dueAt","hoursLeft",…}]; show/close: the request with its "history"

Times are ISO 8601 (UTC). hoursLeft is whole hours (negative: overdue), null once answered. Every
step is in the audit trail (request.create, request.update, request.view). Whoever adds customers
may take a request; listing, showing and closing need the Owner or a Manager.

Examples:
  BRANKAS_PASSWORD=… brankas request new --type access --channel walk-in --customer 12 --note "Minta salinan data" --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas request list --open --json --user "Ibu Sari"
  BRANKAS_PASSWORD=… brankas request close 3 --outcome refused --reason "Data diminta penyidik" --pasal15 law_enforcement --user "Ibu Sari"`;

type Action = 'new' | 'list' | 'show' | 'close';
const ACTIONS: readonly Action[] = ['new', 'list', 'show', 'close'];

function parseAction(p: Parsed): { action: Action; number: number | null } {
  const [action, arg, extra] = p.positionals;
  if (action === undefined) throw usageError('say what to do: new, list, show or close', 'request');
  if (!(ACTIONS as readonly string[]).includes(action)) throw usageError(`unknown action "${action}" (use new, list, show or close)`, 'request');
  const needsNumber = action === 'show' || action === 'close';
  if (needsNumber && arg === undefined) throw usageError(`the request's number is required (brankas request ${action} N)`, 'request');
  if (!needsNumber && arg !== undefined) throw usageError(`unexpected argument "${arg}"`, 'request');
  if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`, 'request');
  if (needsNumber && !/^[1-9][0-9]{0,15}$/.test(arg!.trim())) throw usageError(`a request's number is a whole number, not "${arg}"`, 'request');
  return { action: action as Action, number: needsNumber ? Number(arg) : null };
}

function customerOption(p: Parsed): number[] {
  const raw = stringOption(p, 'customer');
  if (raw === undefined) return [];
  if (!/^[1-9][0-9]{0,15}$/.test(raw.trim())) throw usageError(`--customer must be a customer's number, not "${raw}"`, 'request');
  return [Number(raw.trim())];
}

export const requestCommand: Command = {
  name: 'request',
  summary: "customers' requests about their data: take one, list the register, show, close",
  help,
  options: {
    type: { type: 'string' },
    channel: { type: 'string' },
    customer: { type: 'string' },
    'not-customer': { type: 'boolean' },
    requester: { type: 'string' },
    note: { type: 'string' },
    lang: { type: 'string' },
    open: { type: 'boolean' },
    outcome: { type: 'string' },
    reason: { type: 'string' },
    pasal15: { type: 'string' },
    json: { type: 'boolean' },
  },

  async run({ io, p }) {
    const { action, number } = parseAction(p);
    const json = flag(p, 'json');
    const print = (value: unknown) => write(io.stdout, JSON.stringify(value) + '\n');

    if (action === 'new') {
      const type = choiceOption(p, 'type', REQUEST_TYPES, 'request');
      if (!type) throw usageError(`--type is required: ${REQUEST_TYPES.join(', ')}`, 'request');
      const channel = choiceOption(p, 'channel', REQUEST_CHANNELS, 'request');
      if (!channel) throw usageError(`--channel is required: ${REQUEST_CHANNELS.join(', ')}`, 'request');
      const customerIds = customerOption(p);
      const notCustomer = flag(p, 'not-customer');
      if (notCustomer && customerIds.length) throw usageError('--not-customer and --customer cannot go together', 'request');
      const asked = stringOption(p, 'note')?.trim() ?? '';
      if (asked.length > 2000) throw usageError('--note is longer than 2000 characters', 'request');
      const requester = stringOption(p, 'requester')?.trim();
      const lang = choiceOption(p, 'lang', ['id', 'en'] as const, 'request') ?? 'id';
      await withSession(io, p, 'request', 'customers.edit', async ({ vault, db }) => {
        for (const id of customerIds) if (!(await db.get('SELECT 1 FROM customers WHERE id = ?', [id]))) throw rejected(`There is no customer ${id} in this vault. Nothing was recorded.`);
        const r = await createRequestsService(vault).create({ type, channel, customerIds, notCustomer, asked, lang, ...(requester ? { requester } : {}) });
        if (json) return print({ ...summaryJson(r), takenBy: r.takenBy });
        line(io.stdout, `Request ${r.number} (${requestRef(r.number)}) recorded: ${r.type}, due ${iso(r.dueAt)} (${r.hoursLeft} hours; ${r.dueBasis === 'law' ? '3×24 hours under UU PDP' : "the shop's own target"}).`);
      });
    } else if (action === 'list') {
      await withSession(io, p, 'request', 'privacy.handle', async ({ vault }) => {
        const rows = await createRequestsService(vault).list({ open: flag(p, 'open') });
        if (json) return print(rows.map(summaryJson));
        if (rows.length === 0) return line(io.stdout, flag(p, 'open') ? 'No open requests.' : 'No requests yet.');
        write(io.stdout, formatTable(['NUMBER', 'TYPE', 'STATE', 'RECEIVED', 'DUE', 'HOURS LEFT', 'CUSTOMERS'], rows.map((r) => {
          const j = summaryJson(r);
          return [String(j.number), j.type, j.state, j.receivedAt, j.dueAt, j.hoursLeft === null ? '-' : j.overdue ? `${j.hoursLeft} (overdue)` : String(j.hoursLeft), j.customers.join(' ') || (r.notCustomer ? 'not a customer' : '-')];
        })));
      });
    } else {
      const n = number!;
      const outcome = action === 'close' ? choiceOption(p, 'outcome', OUTCOMES, 'request') : undefined;
      if (action === 'close' && !outcome) throw usageError(`--outcome is required: ${OUTCOMES.join(', ')}`, 'request');
      const reason = stringOption(p, 'reason')?.trim();
      if (outcome === 'refused' && !reason) throw usageError('a refusal says why: --reason TEXT', 'request');
      const pasal15 = choiceOption(p, 'pasal15', PASAL_15_GROUNDS, 'request');
      await withSession(io, p, 'request', 'privacy.handle', async ({ vault, db }) => {
        if (!(await db.get('SELECT 1 FROM requests WHERE number = ?', [n]))) throw rejected(`There is no request ${n} in this vault.${action === 'close' ? ' Nothing was changed.' : ''}`);
        const svc = createRequestsService(vault);
        const r = outcome ? await svc.close({ number: n, outcome, ...(reason ? { reason } : {}), ...(pasal15 ? { pasal15 } : {}) }) : await svc.get(n);
        if (json) return print(detailJson(r));
        line(io.stdout, `Request ${r.number} (${requestRef(r.number)}): ${r.type}, ${r.state}${r.outcome ? ` (${r.outcome})` : ''}; received ${iso(r.receivedAt)}, due ${iso(r.dueAt)}${r.hoursLeft === null ? '' : `, ${r.hoursLeft} hours left`}.`);
        if (r.asked) line(io.stdout, `Asked: ${r.asked}`);
        write(io.stdout, formatTable(['AT', 'STEP', 'BY'], r.history.map((e) => [iso(e.at), e.state ?? e.kind, e.by])));
      });
    }
    await drained(io.stdout);
    return EXIT.ok;
  },
};
