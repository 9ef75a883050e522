/**
 * Seeded synthetic Indonesian customers, written as the CSV Indonesian Excel produces
 * (semicolon-separated, UTF-8 with BOM, CRLF) and streamed to disk: never all rows in memory.
 *
 * The same seed and count always give the same rows. Every record says what the importer
 * should do with it ('ok', 'invalid', 'duplicate'), so the raw baseline can insert exactly the rows
 * the importer keeps, already in their stored form.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  AREA_CODES,
  CITIES,
  FAMILY,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MAIL_DOMAINS,
  MOBILE_PREFIXES,
  MONONYMS,
  NOTES,
  STREETS,
  TAGS,
} from './names';

export interface SyntheticCustomer {
  /** What the importer should make of the row. */
  kind: 'ok' | 'invalid' | 'duplicate';
  name: string;
  /** As typed in the spreadsheet. */
  phoneText: string;
  /** The stored form, null when there is none (or it is invalid). */
  e164: string | null;
  /** The FTS phone tokens for `e164` (the same tokens the app indexes). */
  phoneTokens: string | null;
  emailText: string;
  /** Stored (lower-cased) email, or null. */
  email: string | null;
  address: string;
  city: string;
  tags: string[];
  notes: string;
}

export const CSV_HEADER = ['Nama', 'No HP', 'Email', 'Alamat', 'Kota', 'Tag', 'Catatan'] as const;

/** sfc32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

const CITY_TOTAL = CITIES.reduce((s, [, w]) => s + w, 0);

/** The app's FTS phone tokens for an Indonesian number (see electron/vault/customers/phone.ts). */
function indonesianPhoneTokens(national: string): string {
  const tokens = new Set<string>([`62${national}`, `0${national}`]);
  for (let i = 0; national.length - i >= 3; i++) tokens.add(national.slice(i));
  return [...tokens].join(' ');
}

const asciiLocal = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

/** Rows `0 … count-1` for `seed`. About 0.3 % are invalid and 0.3 % repeat an earlier customer's phone. */
export function* syntheticCustomers(seed: number, count: number): Generator<SyntheticCustomer> {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const digits = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10));
    return s;
  };
  const recent: { e164: string; national: string }[] = [];
  let landlines = 0;

  for (let i = 0; i < count; i++) {
    const female = r() < 0.52;
    const given = (): string => (female ? pick(GIVEN_FEMALE) : pick(GIVEN_MALE));
    const shape = r();
    let name: string;
    if (shape < 0.5) name = `${given()} ${pick(FAMILY)}`;
    else if (shape < 0.68) name = `${given()} ${given()} ${pick(FAMILY)}`;
    else if (shape < 0.83) name = `${given()} ${given()}`;
    else if (shape < 0.91) name = pick(MONONYMS);
    else if (shape < 0.97) name = `${female ? 'Bu' : 'Pak'} ${given()}`;
    else name = `Toko ${pick(FAMILY)} ${pick(['Jaya', 'Makmur', 'Sejahtera', 'Abadi', 'Sentosa', 'Baru'])}`;

    const roll = r();
    let kind: SyntheticCustomer['kind'] = roll < 0.003 ? 'invalid' : roll < 0.006 && recent.length > 0 ? 'duplicate' : 'ok';

    // Phone: unique per row (an odd multiplier not divisible by 5 permutes 0 … 10^8-1), as people type it.
    let phoneText = '';
    let e164: string | null = null;
    let phoneTokens: string | null = null;
    let national: string | null = null;
    if (kind === 'duplicate') {
      const earlier = recent[Math.floor(r() * recent.length)] as { e164: string; national: string };
      national = earlier.national;
    } else if (r() < 0.92) {
      if (r() < 0.93) {
        const sub = String((i * 48271 + 13_579_111) % 100_000_000).padStart(8, '0');
        national = `${pick(MOBILE_PREFIXES)}${sub}`;
      } else {
        const [area, len] = pick(AREA_CODES);
        national = `${area}${2 * 10 ** (len - 1) + landlines++}`;
      }
    }
    if (national !== null) {
      e164 = `+62${national}`;
      phoneTokens = indonesianPhoneTokens(national);
      const mobile = national.startsWith('8');
      const f = r();
      if (mobile) {
        const a = `0${national.slice(0, 3)}`;
        const b = national.slice(3, 7);
        const c = national.slice(7);
        phoneText =
          f < 0.35 ? `${a}-${b}-${c}` : f < 0.6 ? `0${national}` : f < 0.75 ? `${a} ${b} ${c}` : f < 0.88 ? `+62 ${a.slice(1)}-${b}-${c}` : `62${national}`;
      } else {
        const area = AREA_CODES.find(([code]) => national?.startsWith(code))?.[0] ?? national.slice(0, 2);
        const rest = national.slice(area.length);
        phoneText = f < 0.5 ? `(0${area}) ${rest}` : f < 0.8 ? `0${area}-${rest}` : `+62 ${area} ${rest}`;
      }
      if (kind === 'ok') {
        recent.push({ e164, national });
        if (recent.length > 1024) recent.splice(0, 512);
      }
    }

    // Email: unique per row (the row number is part of it), sometimes typed in capitals.
    let emailText = '';
    let email: string | null = null;
    if (r() < 0.6) {
      const parts = name.split(' ').filter((p) => p !== 'Bu' && p !== 'Pak' && p !== 'Toko').map(asciiLocal);
      const local = parts.slice(0, 2).join(r() < 0.5 ? '.' : '') || 'pelanggan';
      email = `${local}${i}@${pick(MAIL_DOMAINS)}`;
      emailText = r() < 0.1 ? email.replace(/^./, (c) => c.toUpperCase()) : email;
    }

    if (kind === 'invalid') {
      // One broken value: a phone too short to be a number, or an email without a domain.
      e164 = null;
      phoneTokens = null;
      if (r() < 0.5 || email === null) phoneText = digits(5);
      else emailText = `${email.split('@')[0] ?? 'x'}@`;
      email = null;
    }

    let city = '';
    if (r() < 0.9) {
      let w = r() * CITY_TOTAL;
      for (const [c, weight] of CITIES) {
        w -= weight;
        if (w <= 0) {
          city = c;
          break;
        }
      }
      city ||= 'Jakarta Selatan';
    }
    const address = r() < 0.5 ? `${pick(STREETS)} No. ${1 + Math.floor(r() * 200)}, RT ${digits(2)}/RW ${digits(2)}` : '';
    const tags: string[] = [];
    if (r() < 0.4) {
      const n = 1 + Math.floor(r() * r() * 3);
      while (tags.length < n) {
        const t = pick(TAGS);
        if (!tags.includes(t)) tags.push(t);
      }
    }
    let notes = '';
    const nr = r();
    if (nr < 0.25) notes = pick(NOTES);
    if (nr < 0.01) notes = `${pick(NOTES)}\n${pick(NOTES)}`; // a line break inside a quoted cell

    if (kind === 'duplicate' && national === null) kind = 'ok';
    yield { kind, name, phoneText, e164, phoneTokens, emailText, email, address, city, tags, notes };
  }
}

const needsQuotes = /[;"\r\n]/;
const cell = (v: string): string => (needsQuotes.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export const csvRow = (c: SyntheticCustomer): string =>
  [c.name, c.phoneText, c.emailText, c.address, c.city, c.tags.join(', '), c.notes].map(cell).join(';');

export interface GenerateResult {
  rows: number;
  ok: number;
  invalid: number;
  duplicate: number;
  bytes: number;
}

/** Writes `count` rows for `seed` to `path`, respecting the stream's back-pressure. */
export async function writeCsv(path: string, seed: number, count: number): Promise<GenerateResult> {
  const out = createWriteStream(path);
  const result: GenerateResult = { rows: 0, ok: 0, invalid: 0, duplicate: 0, bytes: 0 };
  const write = async (s: string): Promise<void> => {
    result.bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`\uFEFF${CSV_HEADER.join(';')}\r\n`);
  let chunk: string[] = [];
  for (const c of syntheticCustomers(seed, count)) {
    result.rows++;
    result[c.kind]++;
    chunk.push(csvRow(c));
    if (chunk.length === 2000) {
      await write(chunk.join('\r\n') + '\r\n');
      chunk = [];
    }
  }
  if (chunk.length) await write(chunk.join('\r\n') + '\r\n');
  out.end();
  await once(out, 'finish');
  return result;
}
