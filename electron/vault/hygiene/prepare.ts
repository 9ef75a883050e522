/**
 * A customer as the duplicate scan sees it: plain values (the worker receives rows, never a
 * database handle), each brought to its matching form once.
 */
import { addressKey, emailKey, phonesIn } from './contacts';
import { nameTokens } from './names';

export interface LinkRow {
  id: number;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  notes: string | null;
}

export interface Prepared {
  id: number;
  tokens: string[];
  /** Tokens sorted and joined: equal for the same name in any order and spelling. */
  nameKey: string;
  /** The phone and any second number in the notes, E.164. */
  phones: string[];
  email: string | null;
  address: string | null;
  city: string | null;
}

export function prepare(r: LinkRow): Prepared {
  const tokens = nameTokens(r.name);
  const phones = [...(r.phone ? [r.phone] : []), ...phonesIn(r.notes).filter((p) => p !== r.phone)];
  return {
    id: r.id,
    tokens,
    nameKey: [...tokens].sort().join(' '),
    phones,
    email: emailKey(r.email),
    address: addressKey(r.address),
    city: r.city ? r.city.trim().toLowerCase().replace(/^(kota|kab\.?|kabupaten)\s+/, '') : null,
  };
}
