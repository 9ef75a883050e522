/** Jaro–Winkler against the published vectors, and names compared as weighted token sets. */
import { describe, expect, it } from 'vitest';
import { nameTokens, tokenWeight } from './names';
import { jaro, jaroWinkler, tokenSetSimilarity } from './similarity';

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

describe('Jaro–Winkler', () => {
  it('gives the published values', () => {
    expect(round(jaroWinkler('MARTHA', 'MARHTA'), 4)).toBe(0.9611);
    expect(round(jaroWinkler('DWAYNE', 'DUANE'), 2)).toBe(0.84);
    expect(round(jaroWinkler('DIXON', 'DICKSONX'), 4)).toBe(0.8133);
    expect(round(jaro('MARTHA', 'MARHTA'), 4)).toBe(0.9444);
  });

  it('is 1 for equal strings, 0 with nothing in common or an empty side, and symmetric', () => {
    expect(jaroWinkler('budi', 'budi')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'budi')).toBe(0);
    expect(jaroWinkler('rizki', 'riski')).toBeCloseTo(jaroWinkler('riski', 'rizki'), 12);
  });
});

describe('names as weighted token sets', () => {
  const sim = (a: string, b: string) => tokenSetSimilarity(nameTokens(a), nameTokens(b), tokenWeight);

  it('finds the same person however the name is ordered, titled or spelled', () => {
    expect(sim('Bpk. Muhammad Rizki', 'M. Rizky')).toBeGreaterThan(0.95);
    expect(sim('Santoso Budi', 'Budi Santoso')).toBe(1);
    expect(sim('Soekarno Hatta', 'Sukarno Hatta')).toBe(1);
    expect(sim('Dwi Cahyono', 'Dwi Tjahjono')).toBe(1);
  });

  it('keeps different people apart even when they share a common token', () => {
    expect(sim('Siti Aminah', 'Siti Rahayu')).toBeLessThan(0.75);
    expect(sim('Muhammad Rizki', 'Muhammad Fauzan')).toBeLessThan(0.75);
    expect(sim('Budi Santoso', 'Siti Santoso')).toBeLessThan(0.85);
  });
});
