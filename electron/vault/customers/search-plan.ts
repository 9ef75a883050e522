/**
 * What the user typed, as an FTS5 MATCH expression: every word a prefix that must match somewhere; a
 * phone-like query matches phone fragments. The text only ever reaches SQLite as a bound MATCH string
 * built from quoted terms.
 */
import { phoneQueryDigits } from './phone';

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
