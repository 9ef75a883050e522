/**
 * The dry run's memory of phones and emails seen earlier in the file. A million-row file holds two
 * million keys; as JS strings in a Set that is well over 100 MB. Here each key is a 64-bit hash in
 * an open-addressing table of two Uint32Arrays: 16 bytes a key at most. Two different keys share a
 * hash with a chance of about n²/2⁶⁵ (≈ 10⁻⁷ for two million keys): at worst a dry run counts one
 * duplicate too many. The import itself looks keys up in the vault, exactly.
 * Each key carries a 32-bit value (the dry run keeps the hash of the name that first had it): 24 bytes
 * a key at most.
 */
const EMPTY_HI = 0;
const EMPTY_LO = 0;

/** Two independent 32-bit hashes of the string's UTF-16 code units (murmur3-style mixing). */
function hash64(key: string): [number, number] {
  let h1 = 0x9747b28c ^ key.length;
  let h2 = 0x85ebca6b ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h2 = Math.imul(h2 ^ c, 0x1b873593);
    h2 = (h2 << 13) | (h2 >>> 19);
    h2 = Math.imul(h2, 5) + 0xe6546b64;
  }
  const fmix = (h: number): number => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const hi = fmix(h1);
  const lo = fmix(h2 ^ hi);
  // (0, 0) marks an empty slot.
  return hi === EMPTY_HI && lo === EMPTY_LO ? [0, 1] : [hi, lo];
}

export class HashedKeySet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private val: Uint32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.val = new Uint32Array(slots);
  }

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const [hi, lo] = hash64(key);
    return this.find(hi, lo) >= 0;
  }

  /** The value the key was first added with, or undefined. */
  get(key: string): number | undefined {
    const [hi, lo] = hash64(key);
    const i = this.find(hi, lo);
    return i >= 0 ? this.val[i] : undefined;
  }

  /** Adds the key with `value`; a key already there keeps its first value. */
  add(key: string, value = 0): void {
    const [hi, lo] = hash64(key);
    if (this.find(hi, lo) >= 0) return;
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    this.put(hi, lo, value >>> 0);
  }

  /** The slot holding (hi, lo), or -1. */
  private find(hi: number, lo: number): number {
    const mask = this.hi.length - 1;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const h = this.hi[i] as number;
      const l = this.lo[i] as number;
      if (h === hi && l === lo) return i;
      if (h === EMPTY_HI && l === EMPTY_LO) return -1;
    }
  }

  private put(hi: number, lo: number, value: number): void {
    const mask = this.hi.length - 1;
    let i = lo & mask;
    while (this.hi[i] !== EMPTY_HI || this.lo[i] !== EMPTY_LO) i = (i + 1) & mask;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.val[i] = value;
    this.count++;
  }

  private grow(): void {
    const { hi, lo, val } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.val = new Uint32Array(val.length * 2);
    this.count = 0;
    for (let i = 0; i < hi.length; i++) {
      if (hi[i] !== EMPTY_HI || lo[i] !== EMPTY_LO) this.put(hi[i] as number, lo[i] as number, val[i] as number);
    }
  }
}
