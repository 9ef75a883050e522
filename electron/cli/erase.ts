/**
 * `brankas erase --customer ID [--request N]`: erases a customer for real, the app's erasure service
 * (the same rules, the same `customer.erase` entry in the erasure's transaction, the WAL truncated
 * and the register's copy written beside the vault). Like `fields disable --erase` it asks no
 * question (scripts and CI have no terminal): the command itself is the decision, and it says what
 * it did. Owner and Manager only.
 */
import { VaultError } from '../vault/errors';
import { createErasureService } from '../vault/erasure/service';
import { flag, intOption, positionals, stringOption, type Parsed } from './args';
import type { Command } from './command';
import { EXIT, rejected, usageError } from './errors';
import { drained, line, write } from './io';
import { withSession } from './session';

/** What `--json` prints. */
export interface EraseJson {
  customerId: number;
  /** ISO 8601, UTC. */
  erasedAt: string;
  keptPurchases: number;
  requestNumber: number | null;
}

const help = `Usage: brankas erase --customer ID [--request N] --user NAME [--json]

Erases customer ID for real (UU PDP Pasal 8, 42–44): the record, its custom values, tags, consent
entries and evidence, restriction and search-index tokens, in one transaction with its audit entry
(customer.erase, naming the customer by number only). Purchases a law requires the shop to keep
(a purpose with the legal_obligation basis, such as tax records, within its retention) are kept
without the person's name or contacts; the others go. What the customer said in their requests is
blanked. The erasure register (numbers and keyed hashes, nothing readable) makes a restore of an
older backup erase the customer again. No question is asked: the command is the decision.

--request N names the customer's erasure request (brankas request new --type erase): the erasure
becomes a step of it. The request must concern the customer.

Owner or Manager only. Exit 2 when there is no such customer or the request does not concern them.

Options:
  --customer ID   the customer's number (as brankas search shows it)
  --request N     the request this erasure answers
  --json          {"customerId","erasedAt" (ISO 8601),"keptPurchases","requestNumber"}

Example:
  BRANKAS_PASSWORD=… brankas erase --customer 42 --request 7 --user "Ibu Sari"`;

function customerId(p: Parsed): number {
  const raw = stringOption(p, 'customer');
  if (raw === undefined) throw usageError('--customer ID is required', 'erase');
  if (!/^[1-9][0-9]{0,15}$/.test(raw.trim())) throw usageError(`--customer must be a customer's number, not "${raw}"`, 'erase');
  return Number(raw.trim());
}

export const eraseCommand: Command = {
  name: 'erase',
  summary: 'erase a customer for real (Owner/Manager); purchases a law keeps stay without the person',
  help,
  options: { customer: { type: 'string' }, request: { type: 'string' }, json: { type: 'boolean' } },

  async run({ io, p }) {
    positionals(p, [], 'erase');
    const id = customerId(p);
    const requestNumber = intOption(p, 'request', 1, Number.MAX_SAFE_INTEGER, 'erase');
    const result = await withSession(io, p, 'erase', 'privacy.handle', async ({ vault }) => {
      try {
        return await createErasureService(vault).erase(id, { requestNumber });
      } catch (err) {
        if (err instanceof VaultError && err.code === 'not_found') throw rejected(`There is no customer ${id} in this vault. Nothing was erased.`);
        if (err instanceof VaultError && err.fields?.requestNumber) throw rejected(`Request ${requestNumber} does not concern customer ${id} (or does not exist). Nothing was erased.`);
        throw err;
      }
    });
    if (flag(p, 'json')) {
      const out: EraseJson = { customerId: result.customerId, erasedAt: new Date(result.erasedAt).toISOString(), keptPurchases: result.keptPurchases, requestNumber: result.requestNumber };
      write(io.stdout, JSON.stringify(out) + '\n');
    } else {
      line(io.stdout, `Erased customer ${result.customerId}${result.requestNumber === null ? '' : ` (request ${result.requestNumber})`}.`);
      line(io.stdout, `  ${result.keptPurchases} purchase${result.keptPurchases === 1 ? '' : 's'} kept without the person for a legal duty.`);
      line(io.stdout, `  Older backups still hold the customer until they rotate out (about ${result.backupsRotateAfterDays} days); restoring one erases them again.`);
    }
    await drained(io.stdout);
    return EXIT.ok;
  },
};
