import type { z } from 'zod';
import type { FieldErrorCode } from '../contract';

/** Turns zod issues into the contract's field → code map (first problem per field wins). */
export function fieldErrors(error: z.ZodError): Record<string, FieldErrorCode> {
  const fields: Record<string, FieldErrorCode> = {};
  for (const issue of error.issues) {
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => [...issue.path, k].join('.'))
        : [issue.path.length ? issue.path.join('.') : '_'];
    for (const path of paths) fields[path] ??= codeFor(issue);
  }
  return fields;
}

function codeFor(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return 'too_short';
      return issue.minimum === 1 && issue.origin === 'string' ? 'required' : 'too_short';
    case 'too_big':
      return issue.origin === 'array' ? 'too_many' : 'too_long';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid_value';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_value';
    default:
      return 'invalid_value';
  }
}
