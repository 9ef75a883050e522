import { CustomerInput, GENDERS, type Customer, type FieldDef, type FieldErrorCode, type Gender } from '../../contract';
import { enabledFields } from '../../store/fieldsSlice';

/** Built-in fields edited as text (gender and birthday have their own inputs). */
const TEXT_FIELDS = ['phone', 'email', 'address', 'city', 'notes', 'preferences'] as const;
const MULTILINE = new Set<string>(['address', 'notes', 'preferences']);

export interface FormValues {
  name: string;
  tags: string;
  phone: string;
  email: string;
  address: string;
  city: string;
  notes: string;
  preferences: string;
  birthday: string;
  gender: string;
  /** Custom field values as typed, by key. */
  custom: Record<string, string>;
}
type BuiltinValue = Exclude<keyof FormValues, 'custom'>;

/** Errors by field key: 'name', 'phone', …, 'tags', or a custom key. */
export type FormErrors = Partial<Record<string, FieldErrorCode>>;

export const emptyValues: FormValues = {
  name: '',
  tags: '',
  phone: '',
  email: '',
  address: '',
  city: '',
  notes: '',
  preferences: '',
  birthday: '',
  gender: '',
  custom: {},
};

const isBuiltinValue = (key: string): key is BuiltinValue => key !== 'custom' && key in emptyValues;

export const valueOf = (values: FormValues, key: string): string =>
  isBuiltinValue(key) ? values[key] : (values.custom[key] ?? '');

export const withValue = (values: FormValues, key: string, value: string): FormValues =>
  isBuiltinValue(key) ? { ...values, [key]: value } : { ...values, custom: { ...values.custom, [key]: value } };

export function valuesFrom(customer: Customer): FormValues {
  return {
    name: customer.name,
    tags: customer.tags.join(', '),
    phone: customer.phoneDisplay ?? customer.phone ?? '',
    email: customer.email ?? '',
    address: customer.address ?? '',
    city: customer.city ?? '',
    notes: customer.notes ?? '',
    preferences: customer.preferences ?? '',
    birthday: customer.birthday ?? '',
    gender: customer.gender ?? '',
    custom: Object.fromEntries(Object.entries(customer.custom).map(([k, v]) => [k, String(v)])),
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

/** The keys the form shows, in order: name, the enabled fields, tags. */
export const formKeys = (fields: FieldDef[] | null): string[] => ['name', ...enabledFields(fields).map((f) => f.key), 'tags'];

/** "12,5" or "12.5" → 12.5; not a number → null. */
function parseNumber(text: string): number | null {
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised) ? Number(normalised) : null;
}

/**
 * What goes over the bridge: only the fields that are switched on; empty ones are left out
 * (= no value; the main process keeps the values of switched-off fields on its own).
 */
export function toInput(values: FormValues, fields: FieldDef[] | null): { input: CustomerInput; errors: FormErrors } {
  const input: CustomerInput = { name: values.name.trim(), tags: parseTags(values.tags) };
  const errors: FormErrors = {};
  const custom: Record<string, string | number> = {};
  let hasCustomFields = false;
  for (const field of enabledFields(fields)) {
    if (field.builtin) {
      const key = field.key;
      if ((TEXT_FIELDS as readonly string[]).includes(key)) {
        const k = key as (typeof TEXT_FIELDS)[number];
        const value = MULTILINE.has(k) ? values[k].trimEnd() : values[k].trim();
        if (value.trim()) input[k] = value;
      } else if (key === 'birthday' && values.birthday) input.birthday = values.birthday;
      else if (key === 'gender' && (GENDERS as readonly string[]).includes(values.gender)) input.gender = values.gender as Gender;
      continue;
    }
    hasCustomFields = true;
    const text = (values.custom[field.key] ?? '').trim();
    if (!text) continue;
    if (field.kind === 'number') {
      const n = parseNumber(text);
      if (n === null) errors[field.key] = 'invalid_number';
      else custom[field.key] = n;
    } else custom[field.key] = text;
  }
  if (hasCustomFields) input.custom = custom;
  return { input, errors };
}

/** Client-side checks with the contract's zod schema, mapped to field error codes. */
export function validate(values: FormValues, fields: FieldDef[] | null): { input: CustomerInput | null; errors: FormErrors } {
  const { input: candidate, errors } = toInput(values, fields);
  const parsed = CustomerInput.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { input: parsed.data, errors: {} };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [top, sub] = issue.path;
    const field = top === 'custom' && typeof sub === 'string' ? sub : typeof top === 'string' ? top : null;
    if (!field || errors[field]) continue;
    if (issue.code === 'too_small') errors[field] = field === 'name' ? 'required' : 'too_short';
    else if (issue.code === 'too_big') errors[field] = field === 'tags' && issue.path.length === 1 ? 'too_many' : 'too_long';
    else if (field === 'birthday') errors[field] = 'invalid_date';
    else errors[field] = 'invalid_value';
  }
  return { input: null, errors };
}

/**
 * The server's `invalid_input` field map, keyed by form field. Accepts `phone`, `customer.phone`,
 * `customer.tags.2` and `customer.custom.custom_3` alike; null if no key matches a field on the form.
 */
export function fieldErrorsFromServer(fields: Record<string, FieldErrorCode>, keys: string[]): FormErrors | null {
  const errors: FormErrors = {};
  for (const [key, code] of Object.entries(fields)) {
    const field = key.split('.').find((part) => keys.includes(part));
    if (field) errors[field] ??= code;
  }
  return Object.keys(errors).length === 0 ? null : errors;
}

export const firstInvalid = (errors: FormErrors, keys: string[]): string | undefined => keys.find((k) => errors[k]);

/** Keys of the values this customer came with masked, and each masked value exactly as sent. */
export function maskedValues(customer: Customer): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const key of customer.masked) {
    const raw =
      key === 'phone'
        ? (customer.phoneDisplay ?? customer.phone)
        : key.startsWith('custom_')
          ? customer.custom[key]
          : isBuiltinValue(key)
            ? (customer as unknown as Record<string, unknown>)[key]
            : undefined;
    if (typeof raw === 'string' || typeof raw === 'number') shown[key] = String(raw);
  }
  return shown;
}

/** The values with the still-masked keys emptied, so they are neither validated nor sent as typed. */
export const withoutKeys = (values: FormValues, keys: Iterable<string>): FormValues => {
  let next = values;
  for (const key of keys) next = withValue(next, key, '');
  return next;
};

/**
 * Puts the still-masked values back into the input unchanged (the main process then keeps what it
 * stores). Only fields on the form are sent; the rest the main process keeps on its own.
 */
export function withMaskedValues(input: CustomerInput, customer: Customer, locked: Iterable<string>, fields: FieldDef[] | null): CustomerInput {
  const onForm = new Set(enabledFields(fields).map((f) => f.key));
  const out: CustomerInput = { ...input };
  for (const key of locked) {
    if (!onForm.has(key)) continue;
    if (key.startsWith('custom_')) {
      const raw = customer.custom[key];
      if (raw !== undefined) out.custom = { ...out.custom, [key]: raw };
    } else if (key === 'phone' || key === 'email' || key === 'address' || key === 'birthday') {
      const raw = customer[key];
      if (raw !== null) out[key] = raw;
    }
  }
  return out;
}
