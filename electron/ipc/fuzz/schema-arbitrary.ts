/**
 * Arbitraries read off a channel's own zod schema: `validOf` builds inputs that (mostly) parse, so
 * a fuzz run reaches the handler and not only the parser; `mutatedOf` takes such an input and
 * breaks exactly one thing in it (a value swapped for a hostile one, a key dropped, a key added).
 * Best effort by design: a generated value that does not parse is still a fine fuzz input.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { hostileKey, hostileValue, knownStrings } from './arbitraries';

/** Zod 4 keeps a schema's definition here; only the parts this walker reads are typed. */
interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
}
interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Check[] => (d.checks ?? []).map((c) => c._zod.def);

function stringOf(d: Def): fc.Arbitrary<string> {
  const checks = checksOf(d);
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
  const max = Math.min(2_000, ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity));
  const fits = (s: string) => s.length >= min && s.length <= max;
  const format = checks.find((c) => c.check === 'string_format');
  if (format?.format === 'uuid') return fc.uuid();
  if (format?.pattern) {
    const pattern = format.pattern;
    const known = knownStrings.filter((s) => pattern.test(s) && fits(s));
    const generated = fc.stringMatching(pattern).filter(fits);
    return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, generated) : generated;
  }
  const known = knownStrings.filter(fits);
  const generated = fc.string({ minLength: min, maxLength: Math.min(max, min + 40), unit: 'grapheme' });
  // Known strings first: a real phone, e-mail or password gets a call past the service's own checks.
  return known.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known) }, generated) : generated;
}

function numberOf(d: Def): fc.Arbitrary<number> {
  const checks = checksOf(d);
  const isInt = checks.some((c) => c.check === 'number_format');
  let lo = -1e9;
  let hi = 1e9;
  for (const c of checks) {
    const v = c.value ?? 0;
    if (c.check === 'greater_than') lo = c.inclusive ? v : isInt ? v + 1 : v + Number.EPSILON;
    if (c.check === 'less_than') hi = c.inclusive ? v : isInt ? v - 1 : v - Number.EPSILON;
  }
  if (!isInt) return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  // Small values first: they name rows that exist (ids 1…5), so more calls reach real data.
  return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: lo, max: Math.min(hi, lo + 6) }) }, fc.integer({ min: lo, max: hi }));
}

/** Inputs that parse under `schema` (most of the time). */
export function validOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  switch (d.type) {
    case 'string':
      return stringOf(d);
    case 'number':
      return numberOf(d);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(d.values ?? []));
    case 'nullable':
      return fc.option(validOf(d.innerType as z.ZodType), { nil: null });
    case 'optional':
    case 'default':
      return fc.option(validOf(d.innerType as z.ZodType), { nil: undefined });
    case 'pipe':
      return validOf(d.in as z.ZodType);
    case 'union':
      return fc.oneof(...(d.options ?? []).map(validOf));
    case 'array': {
      const checks = checksOf(d);
      const minLength = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
      const max = Math.min(...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity));
      return fc.array(validOf(d.element as z.ZodType), { minLength, maxLength: Math.min(max, minLength + 4) });
    }
    case 'record':
      return fc.dictionary(validOf(d.keyType as z.ZodType) as fc.Arbitrary<string>, validOf(d.valueType as z.ZodType), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape ?? {};
      const required = Object.keys(shape).filter((k) => !['optional', 'default'].includes(defOf(shape[k] as z.ZodType).type));
      const parts = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, validOf(s)]));
      // fc.record leaves optional keys out (rather than setting them to undefined) half the time.
      return fc.record(parts, { requiredKeys: required }).map(dropUndefined);
    }
    default:
      return hostileValue;
  }
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

type Mutation = 'replace' | 'drop' | 'add' | 'wrap';

/** Every place in a value one mutation can go: the containers on the way down to each leaf. */
function places(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) places(c, [...path, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

/** A copy of `v` with one mutation at the place picked by `pick`. */
export function mutate(v: unknown, pick: number, how: Mutation, replacement: unknown, key: string): unknown {
  const root: { v: unknown } = { v: structuredClone(v) };
  const all = places(root.v, ['v']);
  const path = all[pick % all.length] as (string | number)[];
  let parent: Record<string | number, unknown> = root as unknown as Record<string, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const at = path[path.length - 1] as string | number;
  const target = parent[at];
  if (how === 'replace') parent[at] = replacement;
  else if (how === 'wrap') parent[at] = [target];
  else if (how === 'drop' && path.length > 1) delete parent[at];
  else if (target && typeof target === 'object' && !Array.isArray(target)) {
    // An own property even for "__proto__" (as JSON.parse makes it), never the prototype setter.
    Object.defineProperty(target, key, { value: replacement, enumerable: true, writable: true, configurable: true });
  } else parent[at] = replacement;
  return root.v;
}

/** A valid input with exactly one thing wrong with it. */
export function mutatedOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc
    .tuple(validOf(schema), fc.nat(), fc.constantFrom<Mutation>('replace', 'replace', 'drop', 'add', 'wrap'), hostileValue, hostileKey)
    .map(([v, pick, how, replacement, key]) => mutate(v, pick, how, replacement, key));
}

/**
 * What one fuzz run sends to a channel: mostly its own schema's inputs with one thing broken
 * (these reach the handler's edges), some valid ones, and values of the wrong kind altogether.
 */
export function inputFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: mutatedOf(schema) },
    { weight: 3, arbitrary: validOf(schema) },
    { weight: 2, arbitrary: hostileValue },
  );
}
