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
