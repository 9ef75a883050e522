/**
 * Comparison: for a candidate pair, one level per field — an ordered list, the first that holds wins
 * (Splink's comparison levels). `null` when either side has no value: missing says nothing. Two
 * addresses are similar only within a typo: on the same street, another house number is another house.
 */
import { jaroWinkler, tokenSetSimilarity } from './similarity';
import { tokenWeight } from './names';
import type { Prepared } from './prepare';

export type NameLevel = 'exact' | 'close' | 'similar' | 'weak' | 'different';
export type PhoneLevel = 'same' | 'different';
export type EmailLevel = 'same' | 'different';
export type AddressLevel = 'same' | 'similar' | 'different';
export type CityLevel = 'same' | 'different';

export interface Levels {
  name: NameLevel;
  /** The token-set similarity behind `name`, for the reasons shown. */
  nameScore: number;
  phone: PhoneLevel | null;
  email: EmailLevel | null;
  address: AddressLevel | null;
  city: CityLevel | null;
}

export function compare(a: Prepared, b: Prepared): Levels {
  const s = a.nameKey === b.nameKey ? 1 : tokenSetSimilarity(a.tokens, b.tokens, tokenWeight);
  const name: NameLevel = a.nameKey === b.nameKey ? 'exact' : s >= 0.95 ? 'close' : s >= 0.9 ? 'similar' : s >= 0.85 ? 'weak' : 'different';
  const phone = a.phones.length === 0 || b.phones.length === 0 ? null : a.phones.some((p) => b.phones.includes(p)) ? 'same' : 'different';
  const email = a.email === null || b.email === null ? null : a.email === b.email ? 'same' : 'different';
  const address = a.address === null || b.address === null ? null : a.address === b.address ? 'same' : jaroWinkler(a.address, b.address) >= 0.97 ? 'similar' : 'different';
  const city = a.city === null || b.city === null ? null : a.city === b.city ? 'same' : 'different';
  return { name, nameScore: s, phone, email, address, city };
}
