/**
 * The recovery code and the sidecar file that uses it.
 *
 * The code is 30 characters of Crockford base32 (150 random bits), shown once as six groups of
 * five. The sidecar beside the vault holds the data key wrapped with AES-256-GCM under a key
 * derived from the code with scrypt (parameters stored with the wrap), the vault id (bound as
 * GCM associated data) and a key check value (HMAC of a fixed label under the data key: tells a
 * wrong key from a damaged file without revealing anything). Nothing else.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { VaultError } from '../errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U
export const RECOVERY_GROUPS = 6;
export const RECOVERY_GROUP_LENGTH = 5;
const CODE_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** The code already carries 150 random bits; scrypt here only slows down a stolen sidecar a little more. */
export const RECOVERY_KDF: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

export interface RecoveryFile {
  format: 1;
  vaultId: string;
  kdf: { name: 'scrypt'; salt: string } & ScryptParams;
  cipher: 'aes-256-gcm';
  iv: string;
  wrappedKey: string;
  tag: string;
  keyCheck: string;
}

export function generateRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const recoveryGroups = (code: string): string[] =>
  Array.from({ length: RECOVERY_GROUPS }, (_, i) => code.slice(i * RECOVERY_GROUP_LENGTH, (i + 1) * RECOVERY_GROUP_LENGTH));

/** Upper-cases, drops spaces and dashes, and reads the look-alikes O→0, I/L→1. */
export function normaliseRecoveryInput(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

/** Picks two distinct group indexes for the user to type back. */
export function pickChallenge(): number[] {
  const first = randomInt(RECOVERY_GROUPS);
  let second = randomInt(RECOVERY_GROUPS - 1);
  if (second >= first) second++;
  return [first, second].sort((a, b) => a - b);
}

export const keyCheckValue = (key: Buffer): string =>
  createHmac('sha256', key).update('brankas/key-check/v1').digest('hex');

export function keyMatchesCheck(key: Buffer, check: string): boolean {
  const a = Buffer.from(keyCheckValue(key), 'hex');
  const b = Buffer.from(check, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const deriveKey = (code: string, salt: Buffer, p: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(code, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

const aad = (vaultId: string) => Buffer.from(`brankas/recovery/v1/${vaultId}`);

export async function wrapKey(key: Buffer, code: string, vaultId: string, params: ScryptParams = RECOVERY_KDF): Promise<RecoveryFile> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKey(code, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(vaultId));
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    format: 1,
    vaultId,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    keyCheck: keyCheckValue(key),
  };
}

/** Unwraps the data key. A wrong or malformed code is `wrong_recovery_code`. */
export async function unwrapKey(file: RecoveryFile, input: string): Promise<Buffer> {
  const code = normaliseRecoveryInput(input);
  if (!isWellFormedCode(code)) throw new VaultError('wrong_recovery_code', undefined, 'malformed code');
  const kek = await deriveKey(code, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(file.iv, 'base64'));
    decipher.setAAD(aad(file.vaultId));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(file.wrappedKey, 'base64')), decipher.final()]);
    if (key.length !== 32 || !keyMatchesCheck(key, file.keyCheck)) throw new Error('key check failed');
    return key;
  } catch {
    throw new VaultError('wrong_recovery_code');
  }
}

/** Validates the shape of a parsed sidecar; anything else is treated as missing. */
export function parseRecoveryFile(json: unknown): RecoveryFile | null {
  const f = json as Partial<RecoveryFile> | null;
  const str = (v: unknown) => typeof v === 'string' && v.length > 0;
  const int = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (!f || f.format !== 1 || f.cipher !== 'aes-256-gcm' || !f.kdf || f.kdf.name !== 'scrypt') return null;
  if (![f.vaultId, f.iv, f.wrappedKey, f.tag, f.keyCheck, f.kdf.salt].every(str)) return null;
  if (![f.kdf.N, f.kdf.r, f.kdf.p].every(int) || f.kdf.N > 2 ** 20) return null;
  // Parameters scrypt would refuse (N not a power of two > 1) or that would need more than 1 GiB:
  // a damaged sidecar, to be reported as such rather than as an internal error from scrypt.
  const { N, r, p } = f.kdf as ScryptParams;
  if (N < 2 || (N & (N - 1)) !== 0 || 128 * N * r > 2 ** 30 || p > 16) return null;
  return f as RecoveryFile;
}
