/** The fuzz files together cover every channel of the contract, each once. */
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../contract';
import { fuzzGroups } from './groups';

describe('fuzz coverage', () => {
  it('names every channel exactly once', () => {
    const named = Object.values(fuzzGroups).flat();
    expect([...named].sort()).toEqual([...channelNames].sort());
    expect(new Set(named).size).toBe(named.length);
  });
});
