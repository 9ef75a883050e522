/** The MAC chain's building blocks: the derived key, the canonical encoding and the head record. */
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalEntry, entryMac, GENESIS_MAC, headMatches, headValue, parseHead, sameMac, type ChainEntry } from './chain';
import { auditKey } from './key';

const entry: ChainEntry = {
  id: 1,
  at: 1_714_550_400_000,
  actorId: 1,
  actorName: 'Ibu Sari',
  action: 'customer.update',
  targetType: 'customer',
  targetId: '42',
  outcome: 'ok',
  detailsJson: '{"fields":["city"]}',
};

describe('auditKey', () => {
  it('is HKDF-SHA256 of the data key: 32 bytes, deterministic, not the data key', () => {
    const data = randomBytes(32);
    const k = auditKey(data);
    expect(k).toHaveLength(32);
    expect(auditKey(Buffer.from(data)).equals(k)).toBe(true);
    expect(k.equals(data)).toBe(false);
    expect(auditKey(randomBytes(32)).equals(k)).toBe(false);
  });

  it('matches RFC 5869 HKDF with the audit label', () => {
    const data = Buffer.alloc(32, 7);
    const prk = createHmac('sha256', Buffer.alloc(32)).update(data).digest();
    const okm = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('brankas/audit/v1'), Buffer.from([1])])).digest();
    expect(auditKey(data).equals(okm)).toBe(true);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => auditKey(Buffer.alloc(16))).toThrow();
  });
});

describe('chain', () => {
  const key = randomBytes(32);

  it('encodes every column, the id first, as a JSON array', () => {
    expect(canonicalEntry(entry)).toBe('[1,1714550400000,1,"Ibu Sari","customer.update","customer","42","ok","{\\"fields\\":[\\"city\\"]}"]');
    expect(canonicalEntry({ ...entry, actorId: null, targetType: null, targetId: null })).toContain(',null,"Ibu Sari","customer.update",null,null,');
  });

  it('MACs the previous MAC and the entry; any change changes it', () => {
    const mac = entryMac(key, GENESIS_MAC, entry);
    expect(mac).toBe(createHmac('sha256', key).update(GENESIS_MAC + canonicalEntry(entry)).digest('hex'));
    const variants: ChainEntry[] = [
      { ...entry, id: 2 },
      { ...entry, at: entry.at + 1 },
      { ...entry, actorId: 2 },
      { ...entry, actorName: 'Ibu  Sari' },
      { ...entry, action: 'customer.delete' },
      { ...entry, targetType: null },
      { ...entry, targetId: '43' },
      { ...entry, outcome: 'denied' },
      { ...entry, detailsJson: '{"fields":["name"]}' },
    ];
    for (const v of variants) expect(entryMac(key, GENESIS_MAC, v)).not.toBe(mac);
    expect(entryMac(key, mac, entry)).not.toBe(mac);
    expect(entryMac(randomBytes(32), GENESIS_MAC, entry)).not.toBe(mac);
  });

  it('compares MACs in constant time and rejects malformed ones', () => {
    const mac = entryMac(key, GENESIS_MAC, entry);
    expect(sameMac(mac, `${mac}`)).toBe(true);
    expect(sameMac(mac, mac.toUpperCase())).toBe(false);
    expect(sameMac(mac, mac.slice(1))).toBe(false);
    expect(sameMac(mac, GENESIS_MAC)).toBe(false);
  });

  it('writes and checks the head record', () => {
    const mac = entryMac(key, GENESIS_MAC, entry);
    const value = headValue(key, 1, mac);
    expect(value).toMatch(/^1:[0-9a-f]{64}$/);
    const head = parseHead(value);
    expect(head).toEqual({ lastId: 1, mac: value.slice(2) });
    expect(headMatches(key, head!, 1, mac)).toBe(true);
    expect(headMatches(key, head!, 2, mac)).toBe(false);
    expect(headMatches(key, head!, 1, GENESIS_MAC)).toBe(false);
    expect(headMatches(randomBytes(32), head!, 1, mac)).toBe(false);
    for (const bad of [undefined, '', '1', `01:${mac}`, `-1:${mac}`, `1:${mac}x`, `x:${mac}`]) expect(parseHead(bad), String(bad)).toBeNull();
  });
});
