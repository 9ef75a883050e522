/**
 * "Strict mode" key slots, LUKS-style, for PCs whose OS account is shared.
 *
 * In strict mode the keychain holds not the data key but a random 32-byte share K
 * (`strict:<hex>`). The data key is wrapped once per staff account:
 *
 *   KEK  = HMAC-SHA256(key = K, message = scrypt(NFC(password), salt, 32, params))
 *   slot = AES-256-GCM(KEK, iv, dataKey, AD = "brankas/keyslot/v1/<vaultId>/<staffId>")
 *
 * so opening needs both the keychain (K) and a staff password: the keychain alone opens nothing,
 * and a copied folder with a known password but without this PC's keychain opens nothing either.
 * Binding vault id and staff id as associated data stops a slot being moved to another vault or
 * relabelled as another person. The slots live in `vault.keyslots.json` beside the vault, with
 * each person's name and role in clear so the sign-in screen can list people before the vault
 * is open; nothing there is secret, and the role that counts is the one inside the vault.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { VaultError } from '../errors';
import { fsError, fsyncDir, writeFileAtomic } from '../files';
import { PASSWORD_KDF } from './password';
import type { ScryptParams } from './recovery';

export interface KeySlot {
  staffId: number;
  name: string;
  role: string;
  kdf: { name: 'scrypt'; salt: string } & ScryptParams;
  iv: string;
  wrappedKey: string;
  tag: string;
}

export interface KeySlotFile {
  format: 1;
  vaultId: string;
  slots: KeySlot[];
}

const KEY_BYTES = 32;

/** Canonical base64 of exactly `bytes` bytes. */
const b64 = (bytes: number) =>
  z.string().refine((s) => {
    const buf = Buffer.from(s, 'base64');
    return buf.length === bytes && buf.toString('base64') === s;
  });

const kdfSchema = z
  .strictObject({
    name: z.literal('scrypt'),
    salt: b64(16),
    N: z.number().int().min(2).max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  })
  // scrypt needs N a power of two; more than 1 GiB of memory is a damaged file, not a setting.
  .refine((k) => (k.N & (k.N - 1)) === 0 && 128 * k.N * k.r <= 2 ** 30);

const slotSchema = z.strictObject({
  staffId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: z.string().max(200),
  role: z.string().min(1).max(50),
  kdf: kdfSchema,
  iv: b64(12),
  wrappedKey: b64(KEY_BYTES),
  tag: b64(16),
});

const fileSchema = z
  .strictObject({ format: z.literal(1), vaultId: z.string().min(1).max(200), slots: z.array(slotSchema) })
  .refine((f) => new Set(f.slots.map((s) => s.staffId)).size === f.slots.length, 'duplicate staffId');

const corrupt = (detail: string) => new VaultError('corrupt_vault', undefined, `keyslots: ${detail}`);

const stretch = (password: string, salt: Buffer, p: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

const kekFor = async (share: Buffer, password: string, salt: Buffer, p: ScryptParams): Promise<Buffer> =>
  createHmac('sha256', share).update(await stretch(password, salt, p)).digest();

const slotAad = (vaultId: string, staffId: number) => Buffer.from(`brankas/keyslot/v1/${vaultId}/${staffId}`);

function requireKey(buf: Buffer, what: string): void {
  if (!Buffer.isBuffer(buf) || buf.length !== KEY_BYTES) throw new TypeError(`${what} must be ${KEY_BYTES} bytes`);
}

/** A fresh keychain share for strict mode. */
export const newKeychainShare = (): Buffer => randomBytes(KEY_BYTES);

export async function makeSlot(
  dataKey: Buffer,
  share: Buffer,
  person: { staffId: number; name: string; role: string },
  password: string,
  vaultId: string,
  params: ScryptParams = PASSWORD_KDF,
): Promise<KeySlot> {
  requireKey(dataKey, 'data key');
  requireKey(share, 'keychain share');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await kekFor(share, password, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(slotAad(vaultId, person.staffId));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  const slot: KeySlot = {
    staffId: person.staffId,
    name: person.name,
    role: person.role,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), N: params.N, r: params.r, p: params.p },
    iv: iv.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  if (!slotSchema.safeParse(slot).success) throw new TypeError('invalid key slot input');
  return slot;
}

/**
 * The data key, or null for a wrong password, a wrong share, another vault's or person's slot,
 * or a slot whose ciphertext was altered. A slot that is not even well-formed is `corrupt_vault`.
 */
export async function openSlot(slot: KeySlot, share: Buffer, password: string, vaultId: string): Promise<Buffer | null> {
  const parsed = slotSchema.safeParse(slot);
  if (!parsed.success) throw corrupt('malformed slot');
  const s = parsed.data;
  if (!Buffer.isBuffer(share) || share.length !== KEY_BYTES) return null;
  const kek = await kekFor(share, password, Buffer.from(s.kdf.salt, 'base64'), s.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(s.iv, 'base64'));
    decipher.setAAD(slotAad(vaultId, s.staffId));
    decipher.setAuthTag(Buffer.from(s.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(s.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Strict shape check of parsed JSON; `corrupt_vault` on anything else. */
export function parseSlotFile(json: unknown): KeySlotFile {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw corrupt(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** The slot file, or null when there is none (not strict mode). */
export function readSlotFile(path: string): KeySlotFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return null;
    throw fsError(err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corrupt('not JSON');
  }
  return parseSlotFile(json);
}

/** Temp file, fsync, rename, fsync the folder: the old file or the new one, never half of either. */
export function writeSlotFile(path: string, file: KeySlotFile): void {
  if (!fileSchema.safeParse(file).success) throw new TypeError('refusing to write a malformed key slot file');
  writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
}

export function removeSlotFile(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (err) {
    throw fsError(err);
  }
  fsyncDir(dirname(path));
}

/** Adds the slot, or replaces the one with the same staffId in place. */
export function upsertSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  const i = file.slots.findIndex((s) => s.staffId === slot.staffId);
  const slots = i === -1 ? [...file.slots, slot] : file.slots.map((s, j) => (j === i ? slot : s));
  return { ...file, slots };
}

export function dropSlot(file: KeySlotFile, staffId: number): KeySlotFile {
  return { ...file, slots: file.slots.filter((s) => s.staffId !== staffId) };
}

const STRICT_PREFIX = 'strict:';

export function encodeStrictShare(share: Buffer): string {
  requireKey(share, 'keychain share');
  return STRICT_PREFIX + share.toString('hex');
}

/** What the keychain entry holds: the data key itself (64 hex, as before strict mode) or a share. */
export function parseKeychainValue(v: string): { kind: 'data'; key: Buffer } | { kind: 'strict'; share: Buffer } | null {
  if (/^[0-9a-f]{64}$/i.test(v)) return { kind: 'data', key: Buffer.from(v, 'hex') };
  if (v.startsWith(STRICT_PREFIX)) {
    const hex = v.slice(STRICT_PREFIX.length);
    if (/^[0-9a-f]{64}$/i.test(hex)) return { kind: 'strict', share: Buffer.from(hex, 'hex') };
  }
  return null;
}
