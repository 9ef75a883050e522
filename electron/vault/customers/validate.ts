/**
 * Turns a parsed customer form into what is stored: trimmed text, nulls for empty fields,
 * E.164 phone, lower-case email, de-duplicated tags. Reports every field problem at once.
 */
import { z } from 'zod';
import { CUSTOMER_LIMITS, type CustomerInput, type FieldErrorCode } from '../../contract';
import { invalid } from '../errors';
import { normalisePhone } from './phone';

export interface NormalisedCustomer {
  name: string;
  /** E.164 or null. */
  phone: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  notes: string | null;
  tags: string[];
}

const emailSchema = z.email();

const optional = (value: string | undefined): string | null => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
};

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

/**
 * The contract's schema has already checked shape and lengths; this re-checks the limits
 * (services are also called from tests and tools) and validates phone and email.
 * Throws `invalid({ field: code, … })` listing every problem.
 */
export function validateCustomer(input: CustomerInput): NormalisedCustomer {
  const errors: Record<string, FieldErrorCode> = {};
  const name = input.name.trim();
  const email = optional(input.email)?.toLowerCase() ?? null;
  const tags = normaliseTags(input.tags);
  const customer: NormalisedCustomer = {
    name,
    phone: null,
    email,
    address: optional(input.address),
    city: optional(input.city),
    notes: optional(input.notes),
    tags,
  };

  if (name === '') errors.name = 'required';
  for (const field of ['name', 'email', 'address', 'city', 'notes'] as const) {
    const value = customer[field];
    if (value !== null && value.length > CUSTOMER_LIMITS[field]) errors[field] = 'too_long';
  }

  const phone = normalisePhone(input.phone);
  if (phone === 'invalid') errors.phone = 'invalid_phone';
  else customer.phone = phone?.e164 ?? null;

  if (email !== null && !errors.email && !emailSchema.safeParse(email).success) errors.email = 'invalid_email';

  if (tags.length > CUSTOMER_LIMITS.tags) errors.tags = 'too_many';
  else if (tags.some((t) => t.length > CUSTOMER_LIMITS.tag)) errors.tags = 'too_long';

  if (Object.keys(errors).length > 0) throw invalid(errors);
  return customer;
}
