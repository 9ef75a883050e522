/**
 * zod issues → the contract's field map. Found by the fuzz suite: a key named like a member of
 * Object.prototype (`constructor`, `toString`, `__proto__`) was silently left out of the map (`??=`
 * saw the inherited member), so such an input came back as invalid_input naming no field at all;
 * and zod 4 keeps no input in its issues, so every value of the wrong type was called 'required'.
 */
import { describe, expect, it } from 'vitest';
import { CustomerRef, SaveCustomerInput } from '../contract';
import { fieldErrors } from './input-errors';

const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected the input to be refused');
  return fieldErrors(r.error as never, input);
};

describe('fieldErrors', () => {
  it('names extra keys that shadow Object.prototype members, as own entries', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
      const input = JSON.parse(`{"id":1,"${key}":1}`) as unknown;
      const fields = errorsOf(CustomerRef, input);
      expect(Object.keys(fields), key).toEqual([key]);
      expect(Object.hasOwn(fields, key), key).toBe(true);
      expect(fields[key], key).toBe('invalid_value');
      // The map is a plain record: nothing was written through to a prototype.
      expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>)['invalid_value']).toBeUndefined();
    }
  });

  it('names nested ones by path and keeps the first problem per field', () => {
    const input = JSON.parse('{"customer":{"name":"","constructor":1,"phone":5}}') as unknown;
    expect(errorsOf(SaveCustomerInput, input)).toEqual({ 'customer.name': 'required', 'customer.constructor': 'invalid_value', 'customer.phone': 'invalid_value' });
  });

  it('tells a missing field (required) from one of the wrong type (invalid_value)', () => {
    expect(errorsOf(CustomerRef, {})).toEqual({ id: 'required' });
    expect(errorsOf(CustomerRef, { id: '1' })).toEqual({ id: 'invalid_value' });
    expect(errorsOf(CustomerRef, { id: null })).toEqual({ id: 'invalid_value' });
    expect(errorsOf(SaveCustomerInput, { customer: {} })).toEqual({ 'customer.name': 'required' });
  });

  it('names the whole input when it is not an object', () => {
    expect(errorsOf(CustomerRef, null)).toEqual({ _: 'invalid_value' });
    expect(errorsOf(CustomerRef, undefined)).toEqual({ _: 'required' });
  });
});
