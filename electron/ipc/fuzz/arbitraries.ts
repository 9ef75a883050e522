/**
 * Hostile values for the fuzz suite: what a compromised or buggy renderer could put across the
 * bridge. Electron's IPC structured-clones its arguments, so besides JSON-like values it can carry
 * BigInt, Date, Map, Set, RegExp and typed arrays; functions and symbols cannot cross and are left out.
 */
import fc from 'fast-check';

/** Passwords and names the fuzz vaults really use: with them a generated input can get past a check. */
export const FUZZ_PASSWORDS = {
  owner: 'kopi-susu-gula-aren-42',
  manager: 'hujan-deras-di-malang-19',
  staff: 'sepeda-tua-ke-pasar-77',
  viewer: 'lampu-jalan-redup-malam-31',
} as const;

/** Strings worth trying wherever a string goes (a generator picks those its schema allows). */
export const knownStrings: readonly string[] = [
  ...Object.values(FUZZ_PASSWORDS),
  'Ibu Sari',
  'Budi Santoso',
  '0812-3456-7890',
  'budi@contoh.co.id',
  'custom_1',
  'phone',
  'abcdefghijkl',
  '2026-01-02',
  '1990-05-17',
  "'; DROP TABLE customers; --",
  '"unclosed NEAR( * OR',
  '%_\\',
  '../../../../etc/passwd',
  '\u202Eevil\u202C',
  '\uD800',
  '  ',
];

/** Built once: a few MB each, shared by every run so memory stays flat. */
const HUGE = {
  ascii: 'a'.repeat(3 * 1024 * 1024),
  spaces: ' '.repeat(1024 * 1024),
  unicode: '\u{1F600}ऄ'.repeat(256 * 1024),
  nul: '\u0000'.repeat(64 * 1024),
};
const LONG_ARRAY = Array.from({ length: 200_000 }, (_, i) => i + 1);

function nested(depth: number, asArray: boolean): unknown {
  let v: unknown = asArray ? [] : {};
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}
const DEEP = [nested(3_000, false), nested(3_000, true), nested(50, false)];

/** Own `__proto__`/`constructor`/`prototype` properties, as JSON.parse makes them. */
const PROTO_JSON = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"prototype":{"polluted":true}}',
  '{"__proto__":null,"id":1}',
  '{"id":1,"__proto__":{"id":2},"constructor":"x"}',
  '[{"__proto__":{"role":"owner"}}]',
];

export const specialNumbers = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e308);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, '', 'null', '1', '1e3', 'NaN', '__proto__'),
  specialNumbers,
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.string({ maxLength: 30, unit: 'binary' }),
  fc.constantFrom(...knownStrings),
  fc.constantFrom(...Object.values(HUGE)),
  fc.nat({ max: 600 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom(...PROTO_JSON).map((j) => JSON.parse(j) as unknown),
  fc.constantFrom(...DEEP),
  fc.constant(LONG_ARRAY),
  fc.constantFrom(new Date(NaN), new Date(0), new Map([['id', 1]]), new Set([1]), /x/g, new Uint8Array(8), new ArrayBuffer(4)),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
);

export const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', 'id', 'extra'), fc.string({ maxLength: 12 }));
