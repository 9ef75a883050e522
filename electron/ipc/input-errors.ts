import type { z } from 'zod';
import type { FieldErrorCode } from '../contract';

/**
 * Turns zod issues into the contract's field → code map (first problem per field wins). `input` is
 * what was parsed: zod 4 does not keep the offending value in its issues, and only the input says
 * whether a field of the wrong type was missing ('required') or there but wrong ('invalid_value').
 */
export function fieldErrors(error: z.ZodError, input?: unknown): Record<string, FieldErrorCode> {
  // A Map, then own entries: a path such as "constructor" or "__proto__" is a field like any other
  // (a plain object would see the inherited member and skip it, or set its prototype).
  const fields = new Map<string, FieldErrorCode>();
  for (const issue of error.issues) {
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => [...issue.path, k].join('.'))
        : [issue.path.length ? issue.path.join('.') : '_'];
    for (const path of paths) if (!fields.has(path)) fields.set(path, codeFor(issue, input));
  }
  return Object.fromEntries(fields);
}

/** The value at `path` in `input`, own properties only; undefined where there is none. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function codeFor(issue: z.core.$ZodIssue, input: unknown): FieldErrorCode {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return 'too_short';
      return issue.minimum === 1 && issue.origin === 'string' ? 'required' : 'too_short';
    case 'too_big':
      return issue.origin === 'array' ? 'too_many' : 'too_long';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid_value';
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? 'required' : 'invalid_value';
    default:
      return 'invalid_value';
  }
}
