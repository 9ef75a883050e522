import { CustomerInput, type Customer, type FieldErrorCode } from '../../contract';

export const FIELDS = ['name', 'phone', 'email', 'address', 'city', 'notes', 'tags'] as const;
export type FieldName = (typeof FIELDS)[number];
export type FormValues = Record<FieldName, string>;
export type FormErrors = Partial<Record<FieldName, FieldErrorCode>>;

export const emptyValues: FormValues = { name: '', phone: '', email: '', address: '', city: '', notes: '', tags: '' };

export function valuesFrom(customer: Customer): FormValues {
  return {
    name: customer.name,
    phone: customer.phoneDisplay ?? customer.phone ?? '',
    email: customer.email ?? '',
    address: customer.address ?? '',
    city: customer.city ?? '',
    notes: customer.notes ?? '',
    tags: customer.tags.join(', '),
  };
}

/** "langganan, grosir,, Langganan" → ["langganan", "grosir"] (trimmed, no empties, no duplicates). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLocaleLowerCase())) {
      seen.add(tag.toLocaleLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** What goes over the bridge: empty optional fields are left out (= no value). */
export function toInput(values: FormValues): CustomerInput {
  const input: CustomerInput = { name: values.name.trim(), tags: parseTags(values.tags) };
  for (const field of ['phone', 'email', 'address', 'city', 'notes'] as const) {
    const value = field === 'notes' || field === 'address' ? values[field].trimEnd() : values[field].trim();
    if (value.trim()) input[field] = value;
  }
  return input;
}

const isField = (key: unknown): key is FieldName => typeof key === 'string' && (FIELDS as readonly string[]).includes(key);

/** Client-side checks with the contract's zod schema, mapped to field error codes. */
export function validate(values: FormValues): { input: CustomerInput | null; errors: FormErrors } {
  const candidate = toInput(values);
  const parsed = CustomerInput.safeParse(candidate);
  if (parsed.success) return { input: parsed.data, errors: {} };
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isField(field) || errors[field]) continue;
    if (issue.code === 'too_small') errors[field] = field === 'name' ? 'required' : 'too_short';
    else if (issue.code === 'too_big') errors[field] = field === 'tags' && issue.path.length === 1 ? 'too_many' : 'too_long';
    else errors[field] = 'invalid_value';
  }
  return { input: null, errors };
}

/**
 * The server's `invalid_input` field map, keyed by form field. Accepts `phone`,
 * `customer.phone` and `customer.tags.2` alike; returns null if some key matches no field.
 */
export function fieldErrorsFromServer(fields: Record<string, FieldErrorCode>): FormErrors | null {
  const errors: FormErrors = {};
  let unmatched = false;
  for (const [key, code] of Object.entries(fields)) {
    const field = key.split('.').find(isField);
    if (field) errors[field] ??= code;
    else unmatched = true;
  }
  return unmatched && Object.keys(errors).length === 0 ? null : errors;
}

export const firstInvalid = (errors: FormErrors): FieldName | undefined => FIELDS.find((f) => errors[f]);
