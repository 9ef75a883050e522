/** `brankas search QUERY`: the app's customer search (name prefixes, phone fragments, email, city, tags, notes). */
import { can, SEARCH_PAGE_MAX, type Customer } from '../contract';
import { audited } from '../vault/audit/audited';
import { createCustomersService } from '../vault/customers/service';
import { flag, intOption, positionals } from './args';
import type { Command } from './command';
import { EXIT, usageError } from './errors';
import { customers as count, drained, line, write } from './io';
import { withSession } from './session';
import { restrictedIds } from '../vault/restriction/repository';
import { seesRestricted } from '../vault/restriction/visibility';
import { formatTable } from './table';

export const SEARCH_LIMIT_MAX = 1000;
const DEFAULT_LIMIT = 20;
const QUERY_MAX = 200;

const help = `Usage: brankas search QUERY --user NAME [--limit N] [--json]

Finds customers the way the app's search box does: every word is the start of a word in the
name, email, city, tags or notes ("bud sur" finds Budi Surabaya); a phone-like query matches any
part of the number ("0812", "812 34"). An empty QUERY ("") lists everyone by name.
A QUERY that starts with "-" goes after "--": brankas search --user NAME -- "-123".

Options:
  --limit N   at most N customers (1-${SEARCH_LIMIT_MAX}, default ${DEFAULT_LIMIT})
  --json      print {"total","capped","items":[customer…]} (total counts every match)

Example:
  BRANKAS_PASSWORD=… brankas search "0812 34" --user "Ibu Sari" --json`;

export const searchCommand: Command = {
  name: 'search',
  summary: 'find customers by name, phone fragment, email, city, tag or note',
  help,
  options: { limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } },

  async run({ io, p }) {
    const [query = ''] = positionals(p, ['QUERY'], 'search');
    const limit = intOption(p, 'limit', 1, SEARCH_LIMIT_MAX, 'search') ?? DEFAULT_LIMIT;
    if (query.length > QUERY_MAX) throw usageError(`QUERY is longer than ${QUERY_MAX} characters`, 'search');
    const json = flag(p, 'json');
    await withSession(io, p, 'search', 'customers.view', async ({ db, vault }) => {
      const user = vault.user();
      // The search and its audit entry in one transaction: nothing is printed unless the entry committed.
      const { items, total, capped } = await audited(
        db,
        (tx, entry) => vault.recordIn(tx, entry),
        async (scoped) => {
          const customers = createCustomersService(scoped, io.now, { mask: !user || !can(user.role, 'customers.viewSensitive') });
          // A restricted customer is not there for a Cashier or View-only (restriction/visibility.ts).
          const hidden = seesRestricted(user?.role) ? new Set<number>() : await restrictedIds(scoped);
          const hiddenMatches = hidden.size ? (await customers.search({ query, offset: 0, limit: 1 }, { onlyIds: [...hidden] })).total : 0;
          const found: Customer[] = [];
          let all = 0;
          let cut = false;
          let read = 0;
          while (found.length < limit) {
            const page = await customers.search({ query, offset: read, limit: Math.min(SEARCH_PAGE_MAX, limit - found.length + hidden.size) });
            all = page.total - hiddenMatches;
            cut = page.capped === true;
            read += page.items.length;
            found.push(...page.items.filter((c) => !hidden.has(c.id)));
            if (page.items.length === 0 || read >= page.total) break;
          }
          found.splice(limit);
          return { items: found, total: all, capped: cut };
        },
        (r) => ({ action: 'customer.search', targetType: 'customer', details: { via: 'cli search', results: r.items.length, query: query.trim() !== '' } }),
      );
      if (json) {
        write(io.stdout, JSON.stringify({ total, capped, items }) + '\n');
      } else if (items.length === 0) {
        line(io.stdout, 'No customers found.');
      } else {
        write(
          io.stdout,
          formatTable(
            ['ID', 'NAME', 'PHONE', 'EMAIL', 'CITY'],
            items.map((c) => [String(c.id), c.name, c.phoneDisplay ?? '', c.email ?? '', c.city ?? '']),
          ),
        );
        const of = capped ? `at least ${total}` : String(total);
        line(io.stdout, items.length < total ? `${items.length} of ${of} customers (use --limit to see more)` : count(items.length));
      }
      await drained(io.stdout);
    });
    return EXIT.ok;
  },
};
