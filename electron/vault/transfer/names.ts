/**
 * When two names are taken for the same person by the importer. Families share one WhatsApp
 * number, so a matching phone alone never makes a row "the same customer": the names must match
 * too, and an import never renames anyone.
 *
 * "Match" is deliberately narrow: equal after folding case, runs of spaces and diacritics
 * ("BUDI  santoso" = "Budi Santoso", "Déwi" = "Dewi", full-width letters = ASCII by NFKD). No
 * honorifics (Bpk., Ibu, Hj.), nicknames, initials or reordered parts: those are guesses, left to
 * the hygiene work, which adds full matching and a "keep both" choice. Unsure means "other name",
 * which costs a row for the person to look at; the other way round costs someone's records.
 */

/** The form names are compared in. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

export const sameName = (a: string, b: string): boolean => a === b || nameKey(a) === nameKey(b);

/** A 32-bit hash of the name's key (FNV-1a), for the dry run's compact memory of earlier rows. */
export function nameHash(name: string): number {
  const key = nameKey(name);
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
