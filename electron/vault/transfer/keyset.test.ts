import { describe, expect, it } from 'vitest';
import { HashedKeySet } from './keyset';

describe('HashedKeySet', () => {
  it('remembers every key added, and no other, across growth', () => {
    const set = new HashedKeySet(4);
    const key = (i: number) => (i % 2 ? `p:+62812${String(i).padStart(8, '0')}` : `e:pelanggan${i}@contoh.id`);
    for (let i = 0; i < 200_000; i++) set.add(key(i));
    set.add(key(7)); // again: no change
    expect(set.size).toBe(200_000);
    for (let i = 0; i < 200_000; i++) if (!set.has(key(i))) throw new Error(`lost ${key(i)}`);
    let false_positives = 0;
    for (let i = 200_000; i < 400_000; i++) if (set.has(key(i))) false_positives++;
    expect(false_positives).toBe(0);
    expect(set.has('')).toBe(false);
    set.add('');
    expect(set.has('')).toBe(true);
  });
});

describe('HashedKeySet values', () => {
  it('keeps the value a key was first added with, across growth', () => {
    const set = new HashedKeySet(4);
    for (let i = 0; i < 50_000; i++) set.add(`p:${i}`, i * 7919);
    set.add('p:3', 1); // again: the first value stays
    for (let i = 0; i < 50_000; i++) if (set.get(`p:${i}`) !== (i * 7919) >>> 0) throw new Error(`wrong value for p:${i}`);
    expect(set.get('p:3')).toBe(3 * 7919);
    expect(set.get('p:50000')).toBeUndefined();
    set.add('e:x', 0xffffffff);
    expect(set.get('e:x')).toBe(0xffffffff);
  });
});
