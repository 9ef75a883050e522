import { describe, it, expect } from 'vitest';
import { BACKUP_CODE_KDF, generateBackupCodes, hashBackupCode, matchBackupCode, normaliseBackupCode } from './backup-codes';

describe('generateBackupCodes', () => {
  it('makes ten distinct XXXX-XXXX Crockford codes with one hash each (default cost)', () => {
    const started = Date.now();
    const { codes, hashes } = generateBackupCodes();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(codes).toHaveLength(10);
    expect(hashes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    for (const h of hashes) expect(h.startsWith(`scrypt$${BACKUP_CODE_KDF.N}$8$1$`)).toBe(true);
    codes.forEach((c, i) => expect(matchBackupCode(c, hashes)).toBe(i));
    // Nothing of the code is in the hash.
    for (const [i, c] of codes.entries()) expect(hashes[i]).not.toContain(c.replace('-', ''));
  });

  it('honours n and refuses silly counts', () => {
    expect(generateBackupCodes(3).codes).toHaveLength(3);
    expect(() => generateBackupCodes(0)).toThrow(RangeError);
    expect(() => generateBackupCodes(1.5)).toThrow(RangeError);
  });

  it('salts each set', () => {
    const a = hashBackupCode('AAAA0000', Buffer.alloc(16, 1));
    const b = hashBackupCode('AAAA0000', Buffer.alloc(16, 2));
    expect(a).not.toBe(b);
  });
});

describe('matchBackupCode', () => {
  const { codes, hashes } = generateBackupCodes(5);
  const code = codes[2]!;

  it('normalises case, spaces, dashes and look-alikes', () => {
    expect(normaliseBackupCode(' 4k7q - 9xw2 ')).toBe('4K7Q9XW2');
    expect(normaliseBackupCode('o1il-OOLI')).toBe('01110011');
    const plain = code.replace('-', '');
    expect(matchBackupCode(plain.toLowerCase(), hashes)).toBe(2);
    expect(matchBackupCode(`${plain.slice(0, 2)} ${plain.slice(2)}`, hashes)).toBe(2);
    const lookalike = plain.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(matchBackupCode(lookalike, hashes)).toBe(2);
  });

  it('returns -1 for a wrong, malformed or used code', () => {
    const wrong = code.startsWith('Z') ? `Y${code.slice(1)}` : `Z${code.slice(1)}`;
    expect(matchBackupCode(wrong, hashes)).toBe(-1);
    for (const bad of ['', 'ABC', 'ABCD-EFGH-J', 'UUUU-UUUU', '!!!!-!!!!']) expect(matchBackupCode(bad, hashes)).toBe(-1);
    const used = hashes.map((h, i) => (i === 2 ? '' : h));
    expect(matchBackupCode(code, used)).toBe(-1);
    expect(matchBackupCode(codes[3]!, used)).toBe(3);
    expect(matchBackupCode(code, [])).toBe(-1);
  });

  it('ignores unreadable stored entries', () => {
    const junk = ['garbage', 'scrypt$3000$8$1$AAAA$BBBB', `scrypt$${2 ** 30}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$x`, ...hashes];
    expect(matchBackupCode(code, junk)).toBe(5);
  });
});
