/**
 * Phones, e-mails and addresses in one form for matching: phones as E.164 (and any second number
 * written in the notes), e-mail case-folded, addresses with their usual abbreviations spelled one
 * way (Jl./Jln./Jalan, Gg./Gang, Komp., Perum., Kel., Kec., Kab.) and RT/RW as plain numbers.
 */
import { normalisePhone } from '../customers/phone';

export const emailKey = (email: string | null): string | null => (email ? email.trim().toLowerCase() : null);

const PHONE_IN_TEXT = /(?:\+62|62|0)[\s\-.]?8[\d\s\-.]{7,15}\d/g;

/** Phone numbers written in free text (a second number in the notes), as E.164, each once. */
export function phonesIn(text: string | null): string[] {
  const out: string[] = [];
  for (const m of (text ?? '').matchAll(PHONE_IN_TEXT)) {
    const p = normalisePhone(m[0]);
    if (p && p !== 'invalid' && !out.includes(p.e164)) out.push(p.e164);
  }
  return out;
}

const WORDS: [RegExp, string][] = [
  [/\b(?:jalan|jln|jl)\b\.?/g, 'jl'],
  [/\b(?:gang|gg)\b\.?/g, 'gg'],
  [/\b(?:kompleks|komplek|komp|kompl)\b\.?/g, 'komp'],
  [/\b(?:perumahan|perum)\b\.?/g, 'perum'],
  [/\b(?:kelurahan|kel)\b\.?/g, 'kel'],
  [/\b(?:kecamatan|kec)\b\.?/g, 'kec'],
  [/\b(?:kabupaten|kab)\b\.?/g, 'kab'],
  [/\b(?:nomor|nomer|no)\b\.?/g, 'no'],
  [/\b(?:blok|blk)\b\.?/g, 'blok'],
];

/** An address in one form: "Jln. Mawar No.5 RT 02/RW 05" and "jl mawar no 5 rt.002 rw.005" agree. */
export function addressKey(address: string | null): string | null {
  if (!address) return null;
  let a = address
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  // RT/RW as numbers without leading zeros, whichever way they are written.
  a = a.replace(/\brt\.?\s*0*(\d+)\s*\/\s*(?:rw\.?\s*)?0*(\d+)/g, ' rt $1 rw $2 ');
  a = a.replace(/\b(rt|rw)\.?\s*0*(\d+)/g, ' $1 $2 ');
  for (const [re, to] of WORDS) a = a.replace(re, ` ${to} `);
  a = a.replace(/[^a-z0-9]+/g, ' ').trim().replace(/\s+/g, ' ');
  return a === '' ? null : a;
}
