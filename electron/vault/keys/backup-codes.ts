/**
 * One-time backup codes for the TOTP second factor.
 *
 * A code is 8 Crockford base32 characters (40 random bits), shown once as "4K7Q-9XW2".
 * Only a hash is kept, as `scrypt$N$r$p$salt$hash`.
 *
 * Why scrypt at a low cost rather than plain SHA-256: 40 bits is well within reach of a GPU
 * against a fast hash (2^40 SHA-256 is minutes), and the hashes are only worth having if they
 * still protect the codes once someone holds them. They sit inside the SQLCipher vault, so that
 * someone already has the data key — the hash is defence in depth, not the main lock. scrypt at
 * N=2^14, r=8 (16 MiB, a few tens of ms) makes each guess cost memory and time. One salt per set
 * means one derivation per attempt rather than one per stored code, so matching stays cheap
 * enough to run synchronously; the salt still stops precomputation across sets and vaults.
 * An HMAC would need a key stored somewhere, and that gains nothing over this.
 *
 * Used codes: the caller replaces a used hash with '' (keeping indexes stable) or removes it.
 * Empty or unreadable entries never match.
 */
import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';
import type { ScryptParams } from './recovery';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
export const BACKUP_CODE_LENGTH = 8; // 8 × 5 bits = 40 bits
export const BACKUP_CODE_COUNT = 10;
export const BACKUP_CODE_KDF: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

const derive = (code: string, salt: Buffer, p: ScryptParams): Buffer =>
  scryptSync(code, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 16 * 1024 * 1024 });

/** Upper-cases, drops spaces, dashes and dots, and reads the look-alikes O→0, I/L→1. */
export function normaliseBackupCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

const isWellFormed = (code: string): boolean =>
  code.length === BACKUP_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c));

/** "4K7Q9XW2" → "4K7Q-9XW2". */
export const formatBackupCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export function hashBackupCode(code: string, salt: Buffer, params: ScryptParams = BACKUP_CODE_KDF): string {
  const hash = derive(normaliseBackupCode(code), salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** `n` fresh codes (formatted for display) and their hashes, index for index. */
export function generateBackupCodes(
  n: number = BACKUP_CODE_COUNT,
  params: ScryptParams = BACKUP_CODE_KDF,
): { codes: string[]; hashes: string[] } {
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new RangeError('backup code count must be 1–100');
  const salt = randomBytes(16);
  const raw = new Set<string>();
  while (raw.size < n) {
    let code = '';
    for (let i = 0; i < BACKUP_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    raw.add(code);
  }
  const list = [...raw];
  return { codes: list.map(formatBackupCode), hashes: list.map((c) => hashBackupCode(c, salt, params)) };
}

interface ParsedHash {
  key: string; // params + salt: entries sharing it need one derivation
  params: ScryptParams;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0)) return null;
  // Refuse parameters scrypt would reject or that would cost more than 64 MiB per guess.
  if (N < 2 || (N & (N - 1)) !== 0 || 128 * N * r > 64 * 1024 * 1024 || p > 4) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || hash.length !== 32) return null;
  return { key: parts.slice(1, 5).join('$'), params: { N, r, p }, salt, hash };
}

/**
 * The index of the stored hash the typed code matches, or -1. Compares against every entry
 * (timing-safe, no early exit) so the time taken does not say which one matched.
 */
export function matchBackupCode(input: string, hashes: readonly string[]): number {
  const code = normaliseBackupCode(input);
  if (!isWellFormed(code)) return -1;
  const derived = new Map<string, Buffer>();
  let found = -1;
  hashes.forEach((stored, i) => {
    const parsed = stored ? parse(stored) : null;
    if (!parsed) return;
    let candidate = derived.get(parsed.key);
    if (!candidate) {
      candidate = derive(code, parsed.salt, parsed.params);
      derived.set(parsed.key, candidate);
    }
    if (timingSafeEqual(candidate, parsed.hash) && found === -1) found = i;
  });
  return found;
}
