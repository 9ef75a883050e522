import { describe, expect, it } from 'vitest';
import { nameHash, nameKey, sameName } from './names';

describe('when the importer takes two names for the same person', () => {
  it.each([
    ['Budi Santoso', 'Budi Santoso'],
    ['Budi Santoso', 'BUDI SANTOSO'],
    ['Budi Santoso', '  budi   santoso '],
    ['Budi Santoso', 'Budi\tSantoso'],
    ['Déwi Ayu', 'Dewi Ayu'],
    ['Dewi Ayu', 'De\u0301wi Ayu'], // the accent typed as a combining mark
    ['Ｂｕｄｉ', 'Budi'], // full-width letters from an East Asian keyboard
  ])('%j = %j', (a, b) => {
    expect(sameName(a, b)).toBe(true);
    expect(nameHash(a)).toBe(nameHash(b));
  });

  it.each([
    ['Budi Santoso', 'Siti Santoso'], // one family, one WhatsApp number
    ['Budi Santoso', 'Budi'], // a part is not the whole
    ['Budi Santoso', 'Santoso Budi'],
    ['Budi Santoso', 'Bpk. Budi Santoso'], // honorifics are the hygiene work's, not a guess here
    ['Budi Santoso', 'BudiSantoso'],
  ])('%j ≠ %j', (a, b) => {
    expect(sameName(a, b)).toBe(false);
    expect(nameHash(a)).not.toBe(nameHash(b));
  });

  it('folds to one comparable form', () => {
    expect(nameKey('  Ñoman   ÇAHYA ')).toBe('noman cahya');
  });
});
