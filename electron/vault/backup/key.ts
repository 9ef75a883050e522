/**
 * The backup key. The Owner sets a backup passphrase once and keeps it on paper; the vault keeps
 * only the key derived from it, so scheduled backups never ask for it:
 *
 *   K = PBKDF2-HMAC-SHA512(NFC(passphrase), S, 256 000 iterations, 32 bytes)      S: 16 random bytes
 *
 * which is exactly SQLCipher 4's own passphrase KDF. Every backup is keyed with the raw key **and
 * its salt** (`KEY "x'<K><S>'"`), so the file's first 16 bytes are S and any SQLCipher 4 tool opens
 * it with `PRAGMA key = '<passphrase>'`. On a new PC: read S from the file, derive K from the typed
 * passphrase, open. Stored in `meta` as hex K‖S ('backup_key'); the passphrase is never stored.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { VaultError } from '../errors';
import { fsError } from '../files';

export interface BackupKey {
  key: Buffer;
  salt: Buffer;
}

/** SQLCipher 4 defaults: kdf_iter 256000, PBKDF2_HMAC_SHA512, 256-bit key, 16-byte salt. */
export const BACKUP_KDF = { iterations: 256_000, digest: 'sha512', keyBytes: 32, saltBytes: 16 } as const;
/** The `meta` key the encoded backup key is stored under. */
export const BACKUP_KEY_META = 'backup_key';

const pbkdf2Async = promisify(pbkdf2);

/** Derives the backup key; a new random salt unless `salt` (read from a backup file) is given. */
export async function deriveBackupKey(passphrase: string, salt?: Buffer): Promise<BackupKey> {
  const s = salt ? Buffer.from(salt) : randomBytes(BACKUP_KDF.saltBytes);
  if (s.length !== BACKUP_KDF.saltBytes) throw new TypeError('the backup salt must be 16 bytes');
  const key = await pbkdf2Async(Buffer.from(passphrase.normalize('NFC'), 'utf8'), s, BACKUP_KDF.iterations, BACKUP_KDF.keyBytes, BACKUP_KDF.digest);
  return { key, salt: s };
}

/** hex(K ‖ S): 96 characters, for `meta`. */
export function encodeBackupKey(k: BackupKey): string {
  return Buffer.concat([k.key, k.salt]).toString('hex');
}

export function decodeBackupKey(s: string): BackupKey | null {
  if (!/^[0-9a-f]{96}$/.test(s)) return null;
  const raw = Buffer.from(s, 'hex');
  return { key: raw.subarray(0, 32), salt: raw.subarray(32) };
}

/** The SQL literal that keys a file with K and writes S as its salt: `"x'…'"` (hex only, safe to inline). */
export function keyLiteral(k: BackupKey): string {
  return `"x'${encodeBackupKey(k)}'"`;
}

export function sameBackupKey(a: BackupKey, b: BackupKey): boolean {
  return a.key.equals(b.key) && a.salt.equals(b.salt);
}

const PLAIN_SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * The salt at the start of a backup file (SQLCipher keeps it in the first 16 bytes).
 * A file shorter than one page or a plain SQLite file is `not_a_backup`; a missing one `not_found`.
 */
export function readBackupSalt(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new VaultError('not_found', undefined, code);
    if (code === 'EISDIR') throw new VaultError('not_a_backup', undefined, code);
    const mapped = fsError(err);
    throw mapped instanceof VaultError ? new VaultError('file_unreadable', undefined, mapped.code) : mapped;
  }
  try {
    const buf = Buffer.alloc(BACKUP_KDF.saltBytes);
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, 0);
    } catch (err) {
      // EISDIR: a folder picked as a file.
      throw new VaultError((err as NodeJS.ErrnoException).code === 'EISDIR' ? 'not_a_backup' : 'file_unreadable', undefined, String(err));
    }
    if (n < buf.length) throw new VaultError('not_a_backup', undefined, 'shorter than a header');
    if (buf.equals(PLAIN_SQLITE)) throw new VaultError('not_a_backup', undefined, 'plaintext SQLite file');
    return buf;
  } finally {
    closeSync(fd);
  }
}
