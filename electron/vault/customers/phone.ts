/**
 * Phone numbers: parse what shop staff type (Indonesian habits first), store E.164,
 * show the local form, and index digit fragments so "812 34" finds +6281234567890.
 */
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

export interface NormalisedPhone {
  /** E.164, e.g. +6281234567890 */
  e164: string;
  /** Indonesian national form for +62 (0812-3456-7890, (021) 5551234); international otherwise. */
  display: string;
}

const DEFAULT_COUNTRY = 'ID';
/** Digits, one leading plus, and the separators people type. Letters (ext, x, names) are refused. */
const PHONE_CHARS = /^\+?[0-9\s\-.()/]+$/;
/** What a search query may contain to be read as a phone fragment. */
const PHONE_QUERY_CHARS = /^[0-9\s\-.()+]+$/;
const MIN_FRAGMENT = 3;

const valid = (n: PhoneNumber | undefined): n is PhoneNumber => n !== undefined && n.isValid() && !n.ext;

const INDONESIA_CODE = '62';

const display = (n: PhoneNumber): string =>
  n.countryCallingCode === INDONESIA_CODE ? n.formatNational() : n.formatInternational();

/**
 * `null` for an empty field, `'invalid'` when it is not a valid number, otherwise the
 * stored and displayed forms. Without a plus the number is read as Indonesian; when that
 * reading is invalid and the digits start with 62, they are read as +62….
 */
/**
 * Indonesian mobile numbers, the great majority of a shop's list: libphonenumber's own mobile
 * rule for +62 (national number `8[1-35-9]` followed by 7–10 digits). Written as `0…` or `+62…`
 * such a number is valid whatever else the metadata says, so it skips the full parse (~40 µs),
 * which matters when importing a million rows. Anything else goes through the library.
 */
const ID_MOBILE = /^8[1-35-9]\d{7,10}$/;

function fastIndonesianMobile(text: string): string | null {
  const digits = text.replace(/[\s\-.()/]/g, '');
  const national = digits.startsWith('+62') ? digits.slice(3) : digits.startsWith('0') ? digits.slice(1) : null;
  return national !== null && ID_MOBILE.test(national) ? `+62${national}` : null;
}

export function normalisePhone(input: string | null | undefined): NormalisedPhone | null | 'invalid' {
  const text = (input ?? '').trim();
  if (text === '') return null;
  if (!PHONE_CHARS.test(text)) return 'invalid';
  const fast = fastIndonesianMobile(text);
  if (fast) return { e164: fast, get display() { return displayPhone(fast); } };
  let parsed = parsePhoneNumberFromString(text, DEFAULT_COUNTRY);
  if (!valid(parsed) && !text.startsWith('+')) {
    const digits = text.replace(/\D/g, '');
    if (digits.startsWith(INDONESIA_CODE)) parsed = parsePhoneNumberFromString(`+${digits}`);
  }
  if (!valid(parsed)) return 'invalid';
  const number = parsed;
  // The display form is only wanted by some callers: computed when read.
  return { e164: number.number, get display() { return display(number); } };
}

/** The display form of a stored E.164 number (falls back to the stored text if it no longer parses). */
export function displayPhone(e164: string): string {
  // Indonesian mobiles, most of every list page: libphonenumber's own national format rules for
  // them (0812-345-678, 0812-3456-789, 0812-3456-7890, 0812-3456-78901) without a parse per row.
  const national = e164.startsWith('+62') ? e164.slice(3) : null;
  if (national !== null && ID_MOBILE.test(national)) {
    const middle = national.length <= 10 ? national.length - 6 : 4;
    return `0${national.slice(0, 3)}-${national.slice(3, 3 + middle)}-${national.slice(3 + middle)}`;
  }
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? display(parsed) : e164;
}

/**
 * Space-separated tokens for the FTS phone column: the full international digits,
 * the Indonesian trunk form (0 + national digits) for +62 numbers, and every suffix of the
 * national digits of at least 3 digits — so an FTS prefix query on any digit run matches.
 */
export function phoneSearchTokens(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  // Stored +62 numbers are valid E.164: the national number is what follows the country code.
  // Skipping the parse there keeps bulk imports fast (parsing costs tens of µs per number).
  const indonesian = e164.startsWith(`+${INDONESIA_CODE}`);
  const parsed = indonesian ? undefined : parsePhoneNumberFromString(e164);
  const national = indonesian ? digits.slice(INDONESIA_CODE.length) : parsed ? String(parsed.nationalNumber) : digits;
  const tokens = new Set<string>([digits]);
  if (indonesian) tokens.add(`0${national}`);
  for (let i = 0; national.length - i >= MIN_FRAGMENT; i++) tokens.add(national.slice(i));
  return [...tokens].join(' ');
}

/**
 * If the search text looks like (part of) a phone number — only digits and the separators
 * `space - . ( ) +`, with at least 3 digits — its digits; otherwise null.
 */
export function phoneQueryDigits(query: string): string | null {
  if (!PHONE_QUERY_CHARS.test(query)) return null;
  const digits = query.replace(/\D/g, '');
  return digits.length >= MIN_FRAGMENT ? digits : null;
}
