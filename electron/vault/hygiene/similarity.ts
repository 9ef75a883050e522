/**
 * String similarity for record linkage: Jaro and Jaro–Winkler (Winkler 1990), the measure census
 * linkage uses for names — forgiving of one transposed or dropped letter, and of a differing tail
 * more than a differing start. Written here (a dozen lines) rather than taken from a package, with
 * the published test vectors: MARTHA/MARHTA 0.9611, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.8133.
 */

export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 1 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aMatched = new Uint8Array(la);
  const bMatched = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/** Jaro–Winkler with the usual prefix scale 0.1 over at most 4 common leading characters. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const j = jaro(a, b);
  let prefix = 0;
  const max = Math.min(4, a.length, b.length);
  while (prefix < max && a[prefix] === b[prefix]) prefix++;
  return j + prefix * prefixScale * (1 - j);
}

/**
 * Two names as token sets (order varies, many people have one name): every token of each name takes
 * its best Jaro–Winkler partner in the other. A token that finds one (≥ 0.9) counts by how telling it
 * is (`weight`: agreeing on a common token such as Muhammad or Siti says less); one that does not
 * counts fully against, common or not (Nur Ayu Jayadi is not Ayu Jayadi just because Nur is common).
 * 1 when the sets agree, near 0 when nothing does; symmetric.
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[], weight: (token: string) => number = () => 1): number {
  if (a.length === 0 || b.length === 0) return 0;
  let got = 0;
  let total = 0;
  const side = (from: readonly string[], to: readonly string[]) => {
    for (const t of from) {
      let best = 0;
      for (const u of to) best = Math.max(best, jaroWinkler(t, u));
      if (best >= MATCHED) {
        const w = weight(t);
        got += w * best;
        total += w;
      } else {
        // Unmatched: a near miss (a typo beyond the threshold) keeps a little, a different word nothing.
        got += best * best;
        total += 1;
      }
    }
  };
  side(a, b);
  side(b, a);
  return got / total;
}

/** Two tokens at least this close are the same word (a typo, y/i). */
const MATCHED = 0.9;
