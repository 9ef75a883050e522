import { describe, it, expect } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { VaultError } from '../errors';
import {
  generateRecoveryCode,
  isWellFormedCode,
  keyCheckValue,
  keyMatchesCheck,
  normaliseRecoveryInput,
  parseRecoveryFile,
  pickChallenge,
  recoveryGroups,
  RECOVERY_KDF,
  unwrapKey,
  wrapKey,
  type RecoveryFile,
  type ScryptParams,
} from './recovery';

const CROCKFORD = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]+$/;
/** Lower cost for the many wrap/unwrap round trips; the default is exercised once below. */
const FAST: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

async function expectWrongCode(p: Promise<unknown>): Promise<void> {
  const err = await p.then(
    () => new Error('expected wrong_recovery_code'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VaultError);
  expect((err as VaultError).code).toBe('wrong_recovery_code');
}

/** Flips one bit of a base64 field. */
const flip = (b64: string, at = 0): string => {
  const buf = Buffer.from(b64, 'base64');
  buf[at] = buf[at]! ^ 0x01;
  return buf.toString('base64');
};

describe('the recovery code', () => {
  it('is 30 Crockford base32 characters shown as six groups of five', () => {
    for (let i = 0; i < 50; i++) {
      const code = generateRecoveryCode();
      expect(code).toHaveLength(30);
      expect(code).toMatch(CROCKFORD);
      expect(isWellFormedCode(code)).toBe(true);
      const groups = recoveryGroups(code);
      expect(groups).toHaveLength(6);
      for (const g of groups) expect(g).toHaveLength(5);
      expect(groups.join('')).toBe(code);
    }
  });

  it('is different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateRecoveryCode));
    expect(codes.size).toBe(200);
  });

  it('normalises what people type: case, dashes, spaces, O→0, I/L→1', () => {
    expect(normaliseRecoveryInput('abcde-fghjk mnpqr_stvwx.yz012 34567')).toBe('ABCDEFGHJKMNPQRSTVWXYZ01234567');
    expect(normaliseRecoveryInput(' 0o1iL ')).toBe('00111');
    expect(normaliseRecoveryInput('\tA B\nC')).toBe('ABC');
    const code = generateRecoveryCode();
    const typed = recoveryGroups(code).join(' - ').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normaliseRecoveryInput(typed)).toBe(code);
  });

  it('treats anything else as malformed', () => {
    expect(isWellFormedCode('A'.repeat(29))).toBe(false);
    expect(isWellFormedCode('A'.repeat(31))).toBe(false);
    expect(isWellFormedCode(`${'A'.repeat(29)}U`)).toBe(false);
    expect(isWellFormedCode(`${'A'.repeat(29)}a`)).toBe(false);
  });

  it('challenges two distinct group indexes, sorted and in range, covering every pair', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const c = pickChallenge();
      expect(c).toHaveLength(2);
      const [a, b] = c as [number, number];
      expect(Number.isInteger(a) && Number.isInteger(b)).toBe(true);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(6);
      expect(a).toBeLessThan(b);
      seen.add(`${a},${b}`);
    }
    expect(seen.size).toBe(15);
  });
});

describe('wrapKey / unwrapKey', () => {
  const setup = async (params = FAST) => {
    const key = randomBytes(32);
    const code = generateRecoveryCode();
    const vaultId = randomUUID();
    const file = await wrapKey(key, code, vaultId, params);
    return { key, code, vaultId, file };
  };

  it('round-trips the key with the code, typed loosely', async () => {
    const { key, code, vaultId, file } = await setup();
    expect(file.vaultId).toBe(vaultId);
    expect(file.kdf).toMatchObject({ name: 'scrypt', ...FAST });
    expect((await unwrapKey(file, code)).equals(key)).toBe(true);
    const typed = recoveryGroups(code).join('-').toLowerCase();
    expect((await unwrapKey(file, typed)).equals(key)).toBe(true);
  });

  it('uses the default scrypt parameters when none are given', async () => {
    expect(RECOVERY_KDF).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    const key = randomBytes(32);
    const code = generateRecoveryCode();
    const file = await wrapKey(key, code, randomUUID());
    expect(file.kdf).toMatchObject(RECOVERY_KDF);
    expect((await unwrapKey(file, code)).equals(key)).toBe(true);
  });

  it('salts and randomises every wrap', async () => {
    const key = randomBytes(32);
    const code = generateRecoveryCode();
    const a = await wrapKey(key, code, 'v', FAST);
    const b = await wrapKey(key, code, 'v', FAST);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
  });

  it('refuses a wrong or malformed code with wrong_recovery_code', async () => {
    const { file, code } = await setup();
    await expectWrongCode(unwrapKey(file, generateRecoveryCode()));
    const oneCharOff = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
    await expectWrongCode(unwrapKey(file, oneCharOff));
    await expectWrongCode(unwrapKey(file, code.slice(0, 29)));
    await expectWrongCode(unwrapKey(file, ''));
  });

  it.each([
    ['iv', (f: RecoveryFile) => ({ ...f, iv: flip(f.iv) })],
    ['tag', (f: RecoveryFile) => ({ ...f, tag: flip(f.tag, 15) })],
    ['wrappedKey', (f: RecoveryFile) => ({ ...f, wrappedKey: flip(f.wrappedKey, 31) })],
    ['vaultId (bound as associated data)', (f: RecoveryFile) => ({ ...f, vaultId: randomUUID() })],
    ['kdf salt', (f: RecoveryFile) => ({ ...f, kdf: { ...f.kdf, salt: flip(f.kdf.salt) } })],
    ['keyCheck', (f: RecoveryFile) => ({ ...f, keyCheck: keyCheckValue(randomBytes(32)) })],
  ])('refuses a sidecar with a tampered %s', async (_field, tamper) => {
    const { file, code } = await setup();
    await expectWrongCode(unwrapKey(tamper(file), code));
  });

  it('writes no copy of the key, the code or the derived key into the sidecar', async () => {
    const { key, code, file } = await setup();
    const json = JSON.stringify(file);
    const forbidden = [
      key.toString('hex'),
      key.toString('hex').toUpperCase(),
      key.toString('base64'),
      key.toString('base64url'),
      code,
      ...recoveryGroups(code),
    ];
    for (const f of forbidden) expect(json).not.toContain(f);
    expect(Object.keys(file).sort()).toEqual(['cipher', 'format', 'iv', 'kdf', 'keyCheck', 'tag', 'vaultId', 'wrappedKey']);
    expect(Object.keys(file.kdf).sort()).toEqual(['N', 'name', 'p', 'r', 'salt']);
    // The wrapped key is ciphertext of the same length as the key, not the key itself.
    expect(Buffer.from(file.wrappedKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(file.wrappedKey, 'base64').equals(key)).toBe(false);
  });
});

describe('the key check value', () => {
  it('tells the right key from a wrong one', () => {
    const key = randomBytes(32);
    const check = keyCheckValue(key);
    expect(check).toMatch(/^[0-9a-f]{64}$/);
    expect(check).not.toContain(key.toString('hex'));
    expect(keyMatchesCheck(key, check)).toBe(true);
    expect(keyMatchesCheck(randomBytes(32), check)).toBe(false);
    expect(keyMatchesCheck(key, '')).toBe(false);
    expect(keyMatchesCheck(key, 'zz')).toBe(false);
  });
});

describe('parseRecoveryFile', () => {
  const valid = async () => JSON.parse(JSON.stringify(await wrapKey(randomBytes(32), generateRecoveryCode(), randomUUID(), FAST)));

  it('accepts what wrapKey writes, after a JSON round trip', async () => {
    const f = await valid();
    expect(parseRecoveryFile(f)).toEqual(f);
  });

  it.each<[string, (f: Record<string, unknown> & { kdf: Record<string, unknown> }) => unknown]>([
    ['null', () => null],
    ['a string', () => 'sidecar'],
    ['an array', () => []],
    ['an empty object', () => ({})],
    ['another format', (f) => ({ ...f, format: 2 })],
    ['another cipher', (f) => ({ ...f, cipher: 'aes-128-cbc' })],
    ['no kdf', (f) => ({ ...f, kdf: undefined })],
    ['another kdf', (f) => ({ ...f, kdf: { ...f.kdf, name: 'pbkdf2' } })],
    ['an empty iv', (f) => ({ ...f, iv: '' })],
    ['a numeric tag', (f) => ({ ...f, tag: 12 })],
    ['no wrappedKey', (f) => ({ ...f, wrappedKey: undefined })],
    ['no keyCheck', (f) => ({ ...f, keyCheck: undefined })],
    ['no vaultId', (f) => ({ ...f, vaultId: undefined })],
    ['no salt', (f) => ({ ...f, kdf: { ...f.kdf, salt: undefined } })],
    ['N as a string', (f) => ({ ...f, kdf: { ...f.kdf, N: '4096' } })],
    ['a fractional r', (f) => ({ ...f, kdf: { ...f.kdf, r: 1.5 } })],
    ['p = 0', (f) => ({ ...f, kdf: { ...f.kdf, p: 0 } })],
    ['N above 2^20', (f) => ({ ...f, kdf: { ...f.kdf, N: 2 ** 21 } })],
    ['N not a power of two', (f) => ({ ...f, kdf: { ...f.kdf, N: 3000 } })],
    ['r so large scrypt would need gigabytes', (f) => ({ ...f, kdf: { ...f.kdf, N: 2 ** 20, r: 64 } })],
  ])('rejects %s', async (_what, make) => {
    expect(parseRecoveryFile(make(await valid()))).toBeNull();
  });
});
