/**
 * Turns a parsed customer form (or an imported row) into what is stored: trimmed text, nulls for
 * empty fields, E.164 phone, lower-case email, de-duplicated tags, custom values of their field's
 * kind. Checks the field catalogue: a value for a switched-off field is refused (seed principle 1).
 * Reports every field problem at once.
 */
import { z } from 'zod';
import {
  BUILTIN_FIELDS,
  CUSTOMER_LIMITS,
  GENDERS,
  type CustomerInput,
  type FieldDef,
  type FieldErrorCode,
  type Gender,
} from '../../contract';
import { invalid } from '../errors';
import { normalisePhone } from './phone';

/** What is stored for a customer: the validator's output, and the importer's input to the batch path. */
export interface NormalisedCustomer {
  name: string;
  /** E.164 or null. */
  phone: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  notes: string | null;
  tags: string[];
  /** ISO date. */
  birthday: string | null;
  gender: Gender | null;
  preferences: string | null;
  /** Custom field values by key; a field without a value has no key. */
  custom: Record<string, string | number>;
}

export type CustomerCheck =
  | { ok: true; customer: NormalisedCustomer }
  | { ok: false; errors: Record<string, FieldErrorCode> };

const emailSchema = z.email();
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Birthdays before this are typing mistakes. */
const EARLIEST_BIRTHDAY = '1900-01-01';

const optional = (value: string | undefined | null): string | null => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

/** True for an ISO `YYYY-MM-DD` that names a real calendar day (no 2026-02-30). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Today's date on this machine's clock, as ISO `YYYY-MM-DD`. */
export function localIsoDate(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Trimmed, empty ones dropped, first spelling kept for case-insensitive duplicates, order kept. */
export function normaliseTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags ?? []) {
    const tag = raw.trim();
    const key = tag.normalize('NFC').toLocaleLowerCase('id');
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

interface Catalogue {
  enabled: Set<string>;
  /** Enabled custom fields by key. */
  custom: Map<string, FieldDef>;
}
const catalogues = new WeakMap<readonly FieldDef[], Catalogue>();
function catalogueOf(fields: readonly FieldDef[]): Catalogue {
  let c = catalogues.get(fields);
  if (!c) {
    const on = fields.filter((f) => f.enabled);
    c = { enabled: new Set(on.map((f) => f.key)), custom: new Map(on.filter((f) => !f.builtin).map((f) => [f.key, f])) };
    catalogues.set(fields, c);
  }
  return c;
}

type CustomResult = { value: string | number } | { error: FieldErrorCode } | null;

/** A custom value checked against its field's kind; null when blank. */
function customValue(field: FieldDef, raw: string | number): CustomResult {
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  if (text === '') return null;
  switch (field.kind) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
      return Number.isFinite(n) ? { value: n } : { error: 'invalid_number' };
    }
    case 'date':
      return isRealIsoDate(text) ? { value: text } : { error: 'invalid_date' };
    case 'choice': {
      const lower = text.toLocaleLowerCase('id');
      const choice = field.choices.find((c) => c.toLocaleLowerCase('id') === lower);
      return choice === undefined ? { error: 'invalid_choice' } : { value: choice };
    }
    default:
      return text.length > CUSTOMER_LIMITS.customText ? { error: 'too_long' } : { value: text };
  }
}

/**
 * Normalises and checks a customer without throwing (the importer checks a million rows).
 * Built-in fields that are sent blank count as not sent. `now` decides what "in the future" means.
 */
export function checkCustomer(input: CustomerInput, fields: readonly FieldDef[], now: number = Date.now()): CustomerCheck {
  const catalogue = catalogueOf(fields);
  const errors: Record<string, FieldErrorCode> = {};
  const name = input.name.trim();
  const tags = normaliseTags(input.tags);
  const customer: NormalisedCustomer = {
    name,
    phone: null,
    email: optional(input.email)?.toLowerCase() ?? null,
    address: optional(input.address),
    city: optional(input.city),
    notes: optional(input.notes),
    tags,
    birthday: optional(input.birthday),
    gender: null,
    preferences: optional(input.preferences),
    custom: {},
  };

  if (name === '') errors.name = 'required';
  else if (name.length > CUSTOMER_LIMITS.name) errors.name = 'too_long';

  const phone = normalisePhone(input.phone);
  if (phone === 'invalid') errors.phone = 'invalid_phone';
  else customer.phone = phone?.e164 ?? null;

  for (const field of ['email', 'address', 'city', 'notes', 'preferences'] as const) {
    const value = customer[field];
    if (value !== null && value.length > CUSTOMER_LIMITS[field]) errors[field] = 'too_long';
  }
  if (customer.email !== null && !errors.email && !emailSchema.safeParse(customer.email).success) errors.email = 'invalid_email';

  const birthday = customer.birthday;
  if (birthday !== null && (!isRealIsoDate(birthday) || birthday < EARLIEST_BIRTHDAY || birthday > localIsoDate(now))) {
    errors.birthday = 'invalid_date';
  }

  const gender = optional(input.gender);
  if (gender !== null) {
    if ((GENDERS as readonly string[]).includes(gender)) customer.gender = gender as Gender;
    else errors.gender = 'invalid_value';
  }

  if (tags.length > CUSTOMER_LIMITS.tags) errors.tags = 'too_many';
  else if (tags.some((t) => t.length > CUSTOMER_LIMITS.tag)) errors.tags = 'too_long';

  // A switched-off built-in field takes no value: that replaces any other problem with it.
  for (const key of BUILTIN_FIELDS) {
    const sent = key === 'phone' ? optional(input.phone) !== null : key === 'gender' ? gender !== null : customer[key] !== null;
    if (sent && !catalogue.enabled.has(key)) errors[key] = 'field_disabled';
  }

  for (const [key, raw] of Object.entries(input.custom ?? {})) {
    const field = catalogue.custom.get(key);
    const checked = field ? customValue(field, raw) : String(raw).trim() === '' ? null : { error: 'field_disabled' as const };
    if (checked === null) continue;
    if ('error' in checked) errors[key] = checked.error;
    else customer.custom[key] = checked.value;
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, customer };
}

/**
 * The contract's schema has already checked shape and lengths; this re-checks them (services are
 * also called from tests, tools and the importer) and validates against the field catalogue.
 * Throws `invalid({ field: code, … })` listing every problem.
 */
export function validateCustomer(input: CustomerInput, fields: readonly FieldDef[], now: number = Date.now()): NormalisedCustomer {
  const result = checkCustomer(input, fields, now);
  if (!result.ok) throw invalid(result.errors);
  return result.customer;
}
