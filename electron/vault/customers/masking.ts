/**
 * Masking for roles that may not see sensitive values in full (a cashier sees `0812****7890`).
 * Which fields are sensitive comes from the field catalogue (phone, email, address, birthday and
 * any custom field the Owner marked). A form that sends a masked value back unchanged keeps what
 * is stored, so a cashier can edit a customer's name without ever seeing the phone number.
 */
import { MASK, type Customer, type CustomerInput, type FieldDef } from '../../contract';

const STARS = MASK;

export function maskPhone(display: string): string {
  const digits = display.replace(/\D/g, '');
  if (digits.length <= 8) return digits.slice(0, 2) + STARS;
  return `${digits.slice(0, 4)}${STARS}${digits.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return STARS;
  return `${email.slice(0, Math.min(2, at))}${STARS}${email.slice(at)}`;
}

export function maskText(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? '';
  return first.length > 0 && first.length <= 6 ? `${first} ${STARS}` : STARS;
}

export const sensitiveKeys = (fields: readonly FieldDef[]): Set<string> =>
  new Set(fields.filter((f) => f.sensitive).map((f) => f.key));

type Maskable = 'phone' | 'email' | 'address' | 'birthday';

function maskedOf(c: Customer, key: string): string | null {
  switch (key as Maskable) {
    case 'phone':
      return c.phone === null ? null : maskPhone(c.phoneDisplay ?? c.phone);
    case 'email':
      return c.email === null ? null : maskEmail(c.email);
    case 'address':
      return c.address === null ? null : maskText(c.address);
    case 'birthday':
      return c.birthday === null ? null : STARS;
    default:
      return c.custom[key] === undefined ? null : STARS;
  }
}

/** The customer as a role without `customers.viewSensitive` sees it. */
export function maskCustomer(c: Customer, sensitive: ReadonlySet<string>): Customer {
  const out: Customer = { ...c, custom: { ...c.custom }, masked: [] };
  for (const key of sensitive) {
    const m = maskedOf(c, key);
    if (m === null) continue;
    out.masked.push(key);
    if (key === 'phone') {
      out.phone = m;
      out.phoneDisplay = m;
    } else if (key === 'email' || key === 'address' || key === 'birthday') {
      out[key] = m;
    } else {
      out.custom[key] = m;
    }
  }
  return out;
}

/** Replaces each masked value the form sent back unchanged with the stored value. */
export function unmaskInput(input: CustomerInput, stored: Customer, sensitive: ReadonlySet<string>): CustomerInput {
  const out: CustomerInput = { ...input, ...(input.custom ? { custom: { ...input.custom } } : {}) };
  for (const key of sensitive) {
    const m = maskedOf(stored, key);
    if (m === null) continue;
    if (key === 'phone' || key === 'email' || key === 'address' || key === 'birthday') {
      if (out[key] === m) out[key] = stored[key] ?? undefined;
    } else if (out.custom?.[key] === m) {
      const value = stored.custom[key];
      if (value !== undefined) out.custom[key] = value;
    }
  }
  return out;
}

/** One value in full, for `customers.reveal`. */
export function revealValue(c: Customer, key: string): { value: string | number | null; display: string | null } {
  switch (key as Maskable) {
    case 'phone':
      return { value: c.phone, display: c.phoneDisplay };
    case 'email':
    case 'address':
    case 'birthday':
      return { value: c[key as 'email'], display: c[key as 'email'] };
    default: {
      const v = c.custom[key] ?? null;
      return { value: v, display: v === null ? null : String(v) };
    }
  }
}
