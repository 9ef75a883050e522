/**
 * Defence in depth for the audit trail's `details`: callers are meant to record only counts,
 * field names, file names and roles, but whatever slips through is caught here before it is
 * stored (and MAC'd, so it could never be scrubbed afterwards).
 *
 * - A key named like a secret (password, secret, otp, code, token) is dropped with its value.
 *   That includes harmless names such as `backupCodes`; use `count` and the like instead.
 * - A key that itself looks like an e-mail address or a phone number is dropped.
 * - A string (or an item of a string[]) that contains an e-mail address, or 7+ digits with
 *   only spaces, dashes, `+` or brackets between them (a phone number, an ID number), becomes
 *   '[redacted]'. ISO dates and times ("2024-05-01", "2024-05-01T10:30:00Z") are not counted as
 *   digits, so a dated file name survives.
 * - Anything that is not a string, finite number, boolean, null or string[] is dropped.
 * Numbers are kept as they are: counts of a million rows are not phone numbers.
 */
import type { AuditDetails } from '../../contract/audit';

export const REDACTED = '[redacted]';

const SECRET_KEY = /pass(word|wd|phrase)?|secret|otp|code|token/i;
const EMAIL = /[^\s@<>()[\]{}",;:]+@[^\s@<>()[\]{}",;:]+\.[a-z]{2,}/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}(?:[T_ ]\d{2}[:-]\d{2}(?:[:-]\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g;
const DIGITS = /\d(?:[\s\-+()]*\d){6,}/;

/** Whether `text` looks like it holds an e-mail address or a phone/ID number. */
export function looksSensitive(text: string): boolean {
  return EMAIL.test(text) || DIGITS.test(text.replace(ISO_DATE, '#'));
}

const safeString = (s: string): string => (looksSensitive(s) ? REDACTED : s);

export function safeDetails(details: AuditDetails): AuditDetails {
  const out: AuditDetails = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (SECRET_KEY.test(key) || looksSensitive(key)) continue;
    if (typeof value === 'string') out[key] = safeString(value);
    else if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) out[key] = value.map(safeString);
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) out[key] = value;
    } else if (typeof value === 'boolean' || value === null) out[key] = value;
  }
  return out;
}

/** The stored text: safe details with their keys sorted, so equal details give equal text. */
export function detailsJson(details: AuditDetails | undefined): string {
  const safe = safeDetails(details ?? {});
  return JSON.stringify(Object.fromEntries(Object.keys(safe).sort().map((k) => [k, safe[k]])));
}
