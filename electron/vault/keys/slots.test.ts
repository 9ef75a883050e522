import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../errors';
import { PASSWORD_KDF } from './password';
import type { ScryptParams } from './recovery';
import {
  dropSlot,
  encodeStrictShare,
  makeSlot,
  newKeychainShare,
  openSlot,
  parseKeychainValue,
  readSlotFile,
  removeSlotFile,
  upsertSlot,
  writeSlotFile,
  type KeySlot,
  type KeySlotFile,
} from './slots';

const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const VAULT = 'v-5f0c2a';
const budi = { staffId: 1, name: 'Budi', role: 'owner' };
const siti = { staffId: 2, name: 'Siti', role: 'staff' };

const flip = (b64: string, at = 0): string => {
  const buf = Buffer.from(b64, 'base64');
  buf[at] = (buf[at] ?? 0) ^ 1;
  return buf.toString('base64');
};

describe('makeSlot / openSlot', () => {
  const dataKey = randomBytes(32);
  const share = newKeychainShare();
  let slot: KeySlot;
  beforeEach(async () => {
    slot = await makeSlot(dataKey, share, budi, 'kuda-biru-melompat', VAULT, FAST);
  });

  it('round-trips with the right share and password, and holds nothing secret in clear', async () => {
    expect(await openSlot(slot, share, 'kuda-biru-melompat', VAULT)).toEqual(dataKey);
    expect(slot).toMatchObject({ staffId: 1, name: 'Budi', role: 'owner', kdf: { name: 'scrypt', ...FAST } });
    const text = JSON.stringify(slot);
    expect(text).not.toContain(dataKey.toString('hex'));
    expect(text).not.toContain(dataKey.toString('base64'));
    expect(text).not.toContain(share.toString('hex'));
  });

  it('uses the staff password KDF by default and normalises the password (NFC)', async () => {
    const s = await makeSlot(dataKey, share, budi, 'caf\u00e9-rahasia', VAULT);
    expect(s.kdf).toMatchObject(PASSWORD_KDF);
    expect(await openSlot(s, share, 'cafe\u0301-rahasia', VAULT)).toEqual(dataKey);
  });

  it('gives null for a wrong password or a wrong share', async () => {
    expect(await openSlot(slot, share, 'kuda-biru-melompaT', VAULT)).toBeNull();
    expect(await openSlot(slot, share, '', VAULT)).toBeNull();
    expect(await openSlot(slot, newKeychainShare(), 'kuda-biru-melompat', VAULT)).toBeNull();
    expect(await openSlot(slot, Buffer.alloc(16), 'kuda-biru-melompat', VAULT)).toBeNull();
  });

  it('gives null for a tampered slot', async () => {
    for (const t of [
      { ...slot, wrappedKey: flip(slot.wrappedKey, 5) },
      { ...slot, tag: flip(slot.tag) },
      { ...slot, iv: flip(slot.iv) },
      { ...slot, kdf: { ...slot.kdf, salt: flip(slot.kdf.salt) } },
      { ...slot, kdf: { ...slot.kdf, N: 2 ** 11 } },
    ])
      expect(await openSlot(t, share, 'kuda-biru-melompat', VAULT)).toBeNull();
  });

  it('is bound to its vault and its person', async () => {
    expect(await openSlot(slot, share, 'kuda-biru-melompat', 'v-other')).toBeNull();
    expect(await openSlot({ ...slot, staffId: 2 }, share, 'kuda-biru-melompat', VAULT)).toBeNull();
    // Another person's slot with the same password cannot be relabelled as Budi.
    const other = await makeSlot(dataKey, share, siti, 'kuda-biru-melompat', VAULT, FAST);
    expect(await openSlot({ ...other, staffId: 1 }, share, 'kuda-biru-melompat', VAULT)).toBeNull();
    expect(await openSlot(other, share, 'kuda-biru-melompat', VAULT)).toEqual(dataKey);
  });

  it('throws corrupt_vault on a malformed slot', async () => {
    const bad = [
      { ...slot, iv: 'not base64!' },
      { ...slot, wrappedKey: Buffer.alloc(31).toString('base64') },
      { ...slot, kdf: { ...slot.kdf, N: 3000 } },
      { ...slot, kdf: { ...slot.kdf, name: 'argon2id' } },
      { ...slot, staffId: 0 },
      { ...slot, extra: 1 },
    ] as unknown as KeySlot[];
    for (const b of bad) await expect(openSlot(b, share, 'kuda-biru-melompat', VAULT)).rejects.toMatchObject({ code: 'corrupt_vault' });
  });

  it('refuses keys of the wrong size when making a slot', async () => {
    await expect(makeSlot(Buffer.alloc(16), share, budi, 'pw', VAULT, FAST)).rejects.toThrow(TypeError);
    await expect(makeSlot(dataKey, Buffer.alloc(31), budi, 'pw', VAULT, FAST)).rejects.toThrow(TypeError);
  });
});

describe('slot file', () => {
  let dir: string;
  let path: string;
  let file: KeySlotFile;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brankas-slots-'));
    path = join(dir, 'vault.keyslots.json');
    const key = randomBytes(32);
    const share = newKeychainShare();
    file = {
      format: 1,
      vaultId: VAULT,
      slots: [await makeSlot(key, share, budi, 'a-password', VAULT, FAST), await makeSlot(key, share, siti, 'b-password', VAULT, FAST)],
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is null when absent', () => {
    expect(readSlotFile(path)).toBeNull();
  });

  it('writes atomically (no temp file left, owner-only) and reads back', () => {
    writeSlotFile(path, file);
    expect(readdirSync(dir)).toEqual(['vault.keyslots.json']);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readSlotFile(path)).toEqual(file);
    const next = dropSlot(file, 2);
    writeSlotFile(path, next);
    expect(readdirSync(dir)).toEqual(['vault.keyslots.json']);
    expect(readSlotFile(path)).toEqual(next);
    removeSlotFile(path);
    expect(readdirSync(dir)).toEqual([]);
    removeSlotFile(path); // already gone: fine
  });

  it('refuses to write a malformed file', () => {
    expect(() => writeSlotFile(path, { ...file, format: 2 } as unknown as KeySlotFile)).toThrow(TypeError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a malformed file as corrupt_vault', () => {
    const slot = file.slots[0]!;
    const cases: unknown[] = [
      'not json',
      null,
      [],
      { ...file, format: 2 },
      { ...file, vaultId: '' },
      { ...file, slots: {} },
      { ...file, unknown: true },
      { ...file, slots: [slot, slot] },
      { ...file, slots: [{ ...slot, tag: 'AAAA' }] },
      { ...file, slots: [{ ...slot, kdf: { ...slot.kdf, N: 2 ** 24 } }] },
      { ...file, slots: [{ ...slot, staffId: '1' }] },
      { ...file, slots: [{ ...slot, role: '' }] },
    ];
    for (const c of cases) {
      writeFileSync(path, typeof c === 'string' ? c : JSON.stringify(c));
      let err: unknown;
      try {
        readSlotFile(path);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(c)).toBeInstanceOf(VaultError);
      expect((err as VaultError).code).toBe('corrupt_vault');
    }
  });
});

describe('upsertSlot / dropSlot', () => {
  it('adds, replaces in place and drops, without touching the input', async () => {
    const key = randomBytes(32);
    const share = newKeychainShare();
    const a = await makeSlot(key, share, budi, 'pw-one', VAULT, FAST);
    const b = await makeSlot(key, share, siti, 'pw-two', VAULT, FAST);
    const a2 = await makeSlot(key, share, { ...budi, role: 'admin' }, 'pw-new', VAULT, FAST);
    const empty: KeySlotFile = { format: 1, vaultId: VAULT, slots: [] };
    const two = upsertSlot(upsertSlot(empty, a), b);
    expect(two.slots.map((s) => s.staffId)).toEqual([1, 2]);
    const replaced = upsertSlot(two, a2);
    expect(replaced.slots).toEqual([a2, b]);
    expect(two.slots).toEqual([a, b]);
    expect(dropSlot(replaced, 1).slots).toEqual([b]);
    expect(dropSlot(replaced, 99).slots).toEqual([a2, b]);
    expect(empty.slots).toEqual([]);
  });
});

describe('keychain value', () => {
  it('tells a plain data key from a strict-mode share', () => {
    const share = newKeychainShare();
    const encoded = encodeStrictShare(share);
    expect(encoded).toBe(`strict:${share.toString('hex')}`);
    expect(parseKeychainValue(encoded)).toEqual({ kind: 'strict', share });
    const key = randomBytes(32);
    expect(parseKeychainValue(key.toString('hex'))).toEqual({ kind: 'data', key });
    expect(parseKeychainValue(key.toString('hex').toUpperCase())).toEqual({ kind: 'data', key });
  });

  it('is null for anything else', () => {
    const hex = randomBytes(32).toString('hex');
    for (const v of ['', hex.slice(2), `${hex}00`, `strict:${hex.slice(2)}`, `strict:`, `STRICT:${hex}`, `strict:${hex}\n`, `x${hex.slice(1)}`])
      expect(parseKeychainValue(v), v).toBeNull();
    expect(() => encodeStrictShare(Buffer.alloc(16))).toThrow(TypeError);
  });
});
