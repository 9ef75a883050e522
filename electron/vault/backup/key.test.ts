import { pbkdf2Sync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { tempDir } from '../db/testing';
import { vaultErrorOf } from '../testing';
import { decodeBackupKey, deriveBackupKey, encodeBackupKey, readBackupSalt } from './key';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('backup key', () => {
  it('is SQLCipher 4 PBKDF2-HMAC-SHA512 at 256000 iterations over the NFC passphrase, with a random 16-byte salt', async () => {
    const a = await deriveBackupKey('Kafe\u0301 kopi');
    expect(a.key).toHaveLength(32);
    expect(a.salt).toHaveLength(16);
    expect(a.key.equals(pbkdf2Sync(Buffer.from('Kafé kopi'), a.salt, 256000, 32, 'sha512'))).toBe(true);
    const again = await deriveBackupKey('Kafé kopi', a.salt);
    expect(again.key.equals(a.key)).toBe(true);
    const other = await deriveBackupKey('Kafé kopi');
    expect(other.salt.equals(a.salt)).toBe(false);
    await expect(deriveBackupKey('x', Buffer.alloc(8))).rejects.toThrow(/16 bytes/);
  });

  it('encodes as hex K‖S and decodes only that', async () => {
    const k = await deriveBackupKey('p');
    const text = encodeBackupKey(k);
    expect(text).toMatch(/^[0-9a-f]{96}$/);
    expect(text.endsWith(k.salt.toString('hex'))).toBe(true);
    const back = decodeBackupKey(text);
    expect(back?.key.equals(k.key) && back.salt.equals(k.salt)).toBe(true);
    for (const bad of ['', text.slice(2), text.toUpperCase(), `${text}00`, 'zz'.repeat(48)]) expect(decodeBackupKey(bad)).toBeNull();
  });

  it('reads the salt from a file header; short, plain SQLite and missing files are refused', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const f = join(dir, 'a.brankas');
    writeFileSync(f, Buffer.concat([Buffer.alloc(16, 7), Buffer.alloc(100)]));
    expect(readBackupSalt(f).equals(Buffer.alloc(16, 7))).toBe(true);
    writeFileSync(f, Buffer.alloc(10));
    expect((await vaultErrorOf(() => readBackupSalt(f))).code).toBe('not_a_backup');
    writeFileSync(f, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080)]));
    expect((await vaultErrorOf(() => readBackupSalt(f))).code).toBe('not_a_backup');
    expect((await vaultErrorOf(() => readBackupSalt(join(dir, 'nope.brankas')))).code).toBe('not_found');
    expect((await vaultErrorOf(() => readBackupSalt(dir))).code).toBe('not_a_backup');
  });
});
