import { describe, it, expect } from 'vitest';
import { hashPassword, needsRehash, parseHash, PASSWORD_KDF, verifyPassword } from './password';
import type { ScryptParams } from './recovery';

const FAST: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(stored).not.toContain('correct horse battery');
  });

  it('salts every hash', async () => {
    const a = await hashPassword('same password', FAST);
    const b = await hashPassword('same password', FAST);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('stores its parameters in the hash: scrypt$N$r$p$salt$hash', async () => {
    const stored = await hashPassword('pw-pw-pw-pw', { N: 2 ** 11, r: 4, p: 2 });
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '2048', '4', '2']);
    const parsed = parseHash(stored);
    expect(parsed?.params).toEqual({ N: 2 ** 11, r: 4, p: 2 });
    expect(parsed?.salt).toHaveLength(16);
    expect(parsed?.hash).toHaveLength(32);
    // A hash made with other parameters still verifies: they come from the hash, not the caller.
    expect(await verifyPassword('pw-pw-pw-pw', stored)).toBe(true);
  });

  it('uses N=2^17, r=8, p=1 by default, and such a hash verifies', async () => {
    expect(PASSWORD_KDF).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const stored = await hashPassword('default cost password');
    expect(stored.startsWith(`scrypt$${2 ** 17}$8$1$`)).toBe(true);
    expect(await verifyPassword('default cost password', stored)).toBe(true);
    expect(await verifyPassword('default cost passwore', stored)).toBe(false);
  });

  it('treats composed and decomposed Unicode as the same password (NFC)', async () => {
    const composed = 'caf\u00e9 rahasia';
    const decomposed = 'cafe\u0301 rahasia';
    expect(composed).not.toBe(decomposed);
    const stored = await hashPassword(composed, FAST);
    expect(await verifyPassword(decomposed, stored)).toBe(true);
    const stored2 = await hashPassword(decomposed, FAST);
    expect(await verifyPassword(composed, stored2)).toBe(true);
  });

  it('returns false, not an error, for a malformed stored hash', async () => {
    const good = await hashPassword('pw-pw-pw-pw', FAST);
    const [, N, r, p, salt, hash] = good.split('$');
    const malformed = [
      '',
      'garbage',
      `bcrypt$${N}$${r}$${p}$${salt}$${hash}`,
      `scrypt$${N}$${r}$${p}$${salt}`,
      `scrypt$${N}$${r}$${p}$${salt}$${hash}$extra`,
      `scrypt$x$${r}$${p}$${salt}$${hash}`,
      `scrypt$${N}$0$${p}$${salt}$${hash}`,
      `scrypt$-4096$${r}$${p}$${salt}$${hash}`,
      `scrypt$${N}$${r}$${p}$${salt}$`,
      `scrypt$${N}$${r}$${p}$${salt}$${hash!.slice(0, 20)}`,
      // Parameters scrypt itself refuses.
      `scrypt$3000$${r}$${p}$${salt}$${hash}`,
      `scrypt$1$${r}$${p}$${salt}$${hash}`,
    ];
    for (const stored of malformed) await expect(verifyPassword('pw-pw-pw-pw', stored), stored).resolves.toBe(false);
  });
});

describe('needsRehash', () => {
  it('is true when the stored parameters differ from the wanted ones, or the hash is unreadable', async () => {
    const fast = await hashPassword('pw-pw-pw-pw', FAST);
    expect(needsRehash(fast)).toBe(true);
    expect(needsRehash(fast, FAST)).toBe(false);
    expect(needsRehash(fast, { ...FAST, r: 16 })).toBe(true);
    expect(needsRehash(fast, { ...FAST, p: 2 })).toBe(true);
    expect(needsRehash(`scrypt$${2 ** 17}$8$1$c2FsdA==$aGFzaA==`)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});
