/**
 * Staff password policy: at least PASSWORD_MIN characters, a zxcvbn score of 3 or more, and none
 * of the shop's own words in it.
 *
 * Strength comes from zxcvbn-ts with the common (leaked passwords, keyboard layouts), English and
 * Indonesian dictionaries, built once on first use (~0.3 s). Levenshtein matching is left off:
 * it costs ~10× per check and the leaked-password list already catches the near misses we test.
 *
 * `userInputs` are the words an attacker who knows the shop would try first (shop name, the
 * person's name, "brankas", the owner's name). zxcvbn scores them as a tiny dictionary, and on top
 * of that any password containing one of their words (4+ characters, case-insensitive, also after
 * undoing simple l33t like 0→o, 4→a) is refused outright as 'contains_personal'.
 *
 * Length counts Unicode code points after NFC, so "é" is one character however it was typed.
 * `suggestions`/`warning` are zxcvbn's translation keys (e.g. 'anotherWord', 'similarToCommon')
 * for the renderer to put into words.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as id from '@zxcvbn-ts/language-id';

export const PASSWORD_MIN = 10;
export const PASSWORD_MIN_SCORE = 3;
/** Shorter personal words ("Bu", "Ani") are left to zxcvbn's scoring alone. */
const PERSONAL_MIN = 4;

export type PasswordRefusal = 'too_short' | 'too_weak' | 'too_common' | 'contains_personal';
export type PasswordCheck =
  | { ok: true; score: number }
  | { ok: false; reason: PasswordRefusal; score: number; suggestions?: string[]; warning?: string };

let factory: ZxcvbnFactory | undefined;
const zxcvbn = (): ZxcvbnFactory =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...id.dictionary },
    graphs: common.adjacencyGraphs,
  }));

const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/** Each input's words, and the words run together ("Toko Makmur" → toko, makmur, tokomakmur). */
export function personalWords(userInputs: readonly string[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const parts = fold(input).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const p of parts) words.add(p);
    words.add(parts.join(''));
  }
  return [...words].filter((w) => [...w].length >= PERSONAL_MIN);
}

const L33T: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** The forms of the password a personal word is looked for in. */
function searchForms(password: string): string[] {
  const base = fold(password);
  const joined = base.replace(/[^\p{L}\p{N}@$!]+/gu, '');
  const unl33t = (s: string, one: string) => s.replace(/[0134570@$!]/g, (c) => (c === '1' ? one : (L33T[c] ?? c)));
  return [...new Set([base, joined, unl33t(joined, 'i'), unl33t(joined, 'l')])];
}

export function containsPersonal(password: string, userInputs: readonly string[]): boolean {
  const forms = searchForms(password);
  return personalWords(userInputs).some((w) => forms.some((f) => f.includes(w)));
}

const COMMON_WARNINGS = new Set(['topTen', 'topHundred', 'common', 'similarToCommon', 'pwned']);

/** Most of the password is one dictionary word (a leaked password, a common word, a name). */
function isMostlyCommon(result: ZxcvbnResult, length: number): boolean {
  if (result.feedback.warning && COMMON_WARNINGS.has(result.feedback.warning)) return true;
  return result.sequence.some(
    (m) => m.pattern === 'dictionary' && (m as { dictionaryName?: string }).dictionaryName !== 'userInputs' && [...m.token].length * 2 >= length,
  );
}

export function checkPassword(password: string, context: { userInputs: string[] }): PasswordCheck {
  const pw = password.normalize('NFC');
  const length = [...pw].length;
  const words = personalWords(context.userInputs);
  const result = zxcvbn().check(pw, [...context.userInputs, ...words]);
  const score = result.score;
  const feedback = {
    ...(result.feedback.suggestions.length ? { suggestions: [...result.feedback.suggestions] } : {}),
    ...(result.feedback.warning ? { warning: result.feedback.warning } : {}),
  };
  if (length < PASSWORD_MIN) return { ok: false, reason: 'too_short', score, ...feedback };
  if (containsPersonal(pw, context.userInputs)) return { ok: false, reason: 'contains_personal', score, ...feedback };
  if (score < PASSWORD_MIN_SCORE)
    return { ok: false, reason: isMostlyCommon(result, length) ? 'too_common' : 'too_weak', score, ...feedback };
  return { ok: true, score };
}
