/**
 * Customer search: every word of the query is a prefix that must match somewhere
 * (name, phone, email, city, tags, notes); a phone-like query matches phone fragments.
 * The user's text only ever reaches SQLite as a bound MATCH string built from quoted terms.
 */
import type { CustomerPage, SearchCustomersInput } from '../../contract';
import type { Queryable } from '../db/driver';
import { phoneQueryDigits } from './phone';
import { CUSTOMER_COLUMNS, rowToCustomer, type CustomerRow } from './repository';

export type SearchPlan = { kind: 'all' } | { kind: 'none' } | { kind: 'match'; expression: string };

/** Runs of letters, numbers and their combining marks; everything else separates terms. */
const TERM_SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;
const HAS_LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** An FTS5 string (`"…"`, inner quotes doubled) matched as a prefix. */
const prefixTerm = (term: string): string => `"${term.replaceAll('"', '""')}"*`;

/**
 * Turns what the user typed into an FTS5 MATCH expression. Never throws: text that is
 * all punctuation (FTS syntax included) yields `none`, a blank query `all`.
 */
export function planSearch(query: string): SearchPlan {
  const text = query.normalize('NFC').trim();
  if (text === '') return { kind: 'all' };
  const digits = phoneQueryDigits(text);
  if (digits !== null) return { kind: 'match', expression: `phone : ${prefixTerm(digits)}` };
  const terms = text.split(TERM_SEPARATOR).filter((t) => HAS_LETTER_OR_NUMBER.test(t));
  if (terms.length === 0) return { kind: 'none' };
  return { kind: 'match', expression: terms.map(prefixTerm).join(' AND ') };
}

const ORDER_PAGE = 'ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?';

export async function searchCustomers(db: Queryable, input: SearchCustomersInput): Promise<CustomerPage> {
  const { offset, limit } = input;
  const plan = planSearch(input.query);
  if (plan.kind === 'none') return { items: [], total: 0, offset };

  let total: number;
  let rows: CustomerRow[];
  if (plan.kind === 'all') {
    total = (await db.get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0;
    rows = await db.all<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers ${ORDER_PAGE}`, [limit, offset]);
  } else {
    const match = plan.expression;
    total =
      (await db.get<{ n: number }>('SELECT count(*) AS n FROM customers_fts WHERE customers_fts MATCH ?', [match]))
        ?.n ?? 0;
    rows = await db.all<CustomerRow>(
      `SELECT ${CUSTOMER_COLUMNS} FROM customers
       WHERE id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)
       ${ORDER_PAGE}`,
      [match, limit, offset],
    );
  }
  return { items: rows.map(rowToCustomer), total, offset };
}
