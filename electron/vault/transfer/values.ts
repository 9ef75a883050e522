/**
 * Reading spreadsheet cells the way Indonesian shops write them: gender words, dates in several
 * orders and Indonesian month names, tags in one cell, numbers with `.` thousands, phone numbers
 * that Excel stored as numbers (and so lost their leading 0).
 */
import type { Gender } from '../../contract';

/** Lower-case letters and digits only: "Laki-laki" → "lakilaki", "No. HP" → "nohp". */
export const compact = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const GENDER_WORDS: Record<string, Gender> = {};
const genders: [Gender, string[]][] = [
  ['male', ['l', 'lk', 'laki', 'lakilaki', 'lelaki', 'pria', 'cowok', 'm', 'male', 'man', 'bapak', 'pak', 'tuan']],
  ['female', ['p', 'pr', 'w', 'perempuan', 'wanita', 'cewek', 'f', 'female', 'woman', 'ibu', 'bu', 'nyonya']],
  ['other', ['lainnya', 'lain', 'other', 'x']],
];
for (const [g, words] of genders) for (const w of words) GENDER_WORDS[w] = g;

/** The gender a cell names, or the trimmed text unchanged (which the validator then refuses). */
export function readGender(text: string): string {
  return GENDER_WORDS[compact(text)] ?? text.trim();
}

const MONTHS: Record<string, number> = {};
const monthNames: string[][] = [
  ['januari', 'january', 'jan'],
  ['februari', 'pebruari', 'february', 'feb', 'peb'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'ags', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'december', 'des', 'dec'],
];
monthNames.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (n: number): string => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Two-digit years: up to this year's two digits is 20xx, above is 19xx. */
function fullYear(y: string, now: number): number {
  if (y.length !== 2) return Number(y);
  const n = Number(y);
  return n <= new Date(now).getFullYear() % 100 ? 2000 + n : 1900 + n;
}

/**
 * YYYY-MM-DD (also with a time after it, as XLSX dates come), YYYY/MM/DD, DD/MM/YYYY,
 * DD-MM-YYYY, DD.MM.YYYY (day first, the Indonesian order), and "D MMMM YYYY" with Indonesian or
 * English month names. Null when it is none of these or not a real day.
 */
export function readDate(text: string, now: number = Date.now()): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(t);
  if (m) return isoOf(fullYear(m[3] as string, now), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s\-/.]+(\p{L}+)\.?[\s\-/.,]+(\d{4}|\d{2})$/u.exec(t);
  if (m) {
    const month = MONTHS[compact(m[2] as string)];
    return month === undefined ? null : isoOf(fullYear(m[3] as string, now), month, Number(m[1]));
  }
  return null;
}

/** Tags in one cell, separated by commas or semicolons. */
export const readTags = (text: string): string[] =>
  text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');

/**
 * A number as shops write it: "1.250.000" and "1.250,5" (Indonesian), "1,250,000.5" (English),
 * "12,5", "Rp 15.000". Null when it is not a number.
 */
export function readNumber(text: string): number | null {
  let t = text.trim().replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^[+-]?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * A phone cell that lost its leading 0 because Excel stored it as a number (81234567890):
 * 8–13 digits not starting with 0 or 62 get the 0 back. Anything else is left to the validator.
 */
export function restorePhoneZero(text: string): string {
  const t = text.trim();
  return /^\d{8,13}$/.test(t) && !t.startsWith('0') && !t.startsWith('62') ? `0${t}` : t;
}
