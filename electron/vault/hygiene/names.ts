/**
 * Names as Indonesian shops write them, brought to one form for matching (and, later, for the
 * search index):
 * - titles and honorifics go (Bpk, Bapak, Pak, Ibu, Bu, Sdr, Sdri, Mas, Mbak, H., Hj., Dr., Ir.,
 *   Prof. …), and academic degrees after the name (S.E., S.H., S.Kom., M.M., A.Md. …);
 * - the variants of Muhammad (Mohammad, Muhamad, Moh., Moch., Muh., M.) and of Abdul (Abd.) become one;
 * - the old spelling becomes the new: oe→u, dj→j, tj→c, and — only alongside them — j→y
 *   (Soekarno = Sukarno, Djoko = Joko, Tjahjono = Cahyono, Moehammad Jusuf = Muhammad Yusuf);
 * - a final y is i (Rizky = Rizki);
 * - the name is a set of tokens, in order of first appearance.
 */
import { jaroWinkler } from './similarity';

const HONORIFICS = new Set([
  'bpk', 'bapak', 'pak', 'ibu', 'bu', 'sdr', 'sdri', 'saudara', 'saudari', 'mas', 'mbak', 'mba', 'kak', 'kakak', 'dik', 'adik',
  'tn', 'tuan', 'ny', 'nyonya', 'nn', 'nona', 'om', 'tante', 'h', 'hj', 'haji', 'hajah', 'hajjah', 'dr', 'drs', 'dra', 'ir', 'prof', 'drg', 'kh', 'ust', 'ustadz', 'ustaz', 'ustadzah',
]);

/** Degrees written after the name: S.E., S.H., S.Kom., M.M., A.Md., Ph.D., … (dots and case ignored). */
const DEGREES = new Set([
  'se', 'sh', 'skom', 'mm', 'amd', 'spd', 'st', 'mkom', 'ssos', 'spsi', 'msi', 'phd', 'sked', 'mba', 'ssi', 'sag', 'mpd', 'mh', 'mt',
  'sik', 'sikom', 'sp', 'sfarm', 'apt', 'sgz', 'skep', 'ners', 'mkes', 'spd', 'sstp', 'ssn', 'sds', 'amkeb', 'amkep', 'ak', 'cpa', 'ma', 'msc', 'bsc', 'ba', 'llm', 'mag',
]);

const MUHAMMAD = new Set(['muhammad', 'mohammad', 'muhamad', 'mohamad', 'mohamed', 'muhammed', 'mochammad', 'mochamad', 'muchammad', 'muchamad', 'mohammed', 'moh', 'moch', 'much', 'muh', 'mhd', 'mohd', 'md', 'm']);
const ABDUL = new Set(['abdul', 'abd', 'abdoel']);

/** Tokens that many people share: agreeing on one says little. */
export const COMMON_TOKENS = new Set(['muhammad', 'siti', 'sri', 'nur', 'nurul', 'wayan', 'made', 'nyoman', 'ketut', 'putu', 'kadek', 'komang', 'gede', 'ni', 'i', 'dewi', 'ayu', 'abdul', 'agus', 'ahmad', 'putri', 'dwi', 'tri', 'eka']);

/** Marks of the old (pre-1972) spelling: oe, dj, tj (and sj, or nj at the start of a word). */
const OLD = /oe|dj|tj/;
const oldWord = (w: string): boolean => OLD.test(w) || /sj/.test(w) || /^nj/.test(w);

/**
 * One word in today's spelling. `oldName`: the name it belongs to is written the old way, so its
 * j are y too (Moehammad Jusuf → Muhammad Yusuf); otherwise j→y only in a word with an old mark
 * (Tjahjono → Cahyono), and today's Joko, Jaya and Tanjung stay as they are.
 */
export function modernSpelling(word: string, oldName = false): string {
  const old = oldName || oldWord(word);
  if (!old) return word;
  // `J` (never in a lower-cased token) holds the j that dj became, so it is not turned into y.
  const w = word.replace(/oe/g, 'u').replace(/dj/g, 'J').replace(/tj/g, 'c').replace(/j/g, 'y');
  return w.replace(/J/g, 'j');
}

const LONG_TITLES = [...HONORIFICS].filter((h) => h.length >= 3);
/** A mistyped title at the front of a name: within one letter of Bpk, Ibu, Bapak, Sdri, … */
const looksLikeTitle = (w: string): boolean => w.length >= 4 && w.length <= 6 && LONG_TITLES.some((h) => jaroWinkler(w, h) >= 0.92 && w[0] === h[0]);

function token(raw: string, oldName: boolean): string | null {
  const t = raw.replace(/[^a-z0-9]/g, '');
  if (t === '') return null;
  const modern = modernSpelling(t, oldName);
  if (MUHAMMAD.has(modern) || MUHAMMAD.has(t)) return 'muhammad';
  if (ABDUL.has(modern) || ABDUL.has(t)) return 'abdul';
  return modern.length > 2 && modern.endsWith('y') ? `${modern.slice(0, -1)}i` : modern;
}

/** A name's tokens in one form, honorifics and degrees removed; empty when nothing is left. */
export function nameTokens(name: string): string[] {
  const text = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  // Degrees come after a comma ("Budi, S.E., M.M.") or as dotted abbreviations anywhere.
  const [main = '', ...after] = text.split(',');
  const words = main.split(/[\s]+/).filter(Boolean);
  // A name with one word in the old spelling is written the old way throughout.
  const oldName = words.some((w) => OLD.test(w));
  const out: string[] = [];
  const dropDegree = (w: string) => DEGREES.has(w.replace(/[.\s]/g, '')) && /\./.test(w);
  for (const [i, w] of words.entries()) {
    const bare = w.replace(/\./g, '');
    // Honorifics go wherever they stand (while something is left), a mistyped one at the front too
    // ("Bppk."); "M." is Muhammad, never a title.
    if (words.length > 1 && !(bare === 'm' || bare === 'md') && (HONORIFICS.has(bare) || (i === 0 && looksLikeTitle(bare)))) continue;
    if (dropDegree(w)) continue;
    for (const part of bare.split(/[-'’]/)) {
      const t = token(part, oldName);
      if (t && !out.includes(t)) out.push(t);
    }
  }
  // Anything after a comma that is not a degree is part of the name (rare: "Santoso, Budi").
  for (const part of after) {
    for (const w of part.split(/\s+/).filter(Boolean)) {
      if (DEGREES.has(w.replace(/\./g, ''))) continue;
      const t = token(w.replace(/\./g, ''), oldName);
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

/** How telling a token is when two names share it. */
export const tokenWeight = (t: string): number => (COMMON_TOKENS.has(t) ? 0.3 : t.length <= 2 ? 0.5 : 1);

/** The normalised name as one string (tokens sorted): a blocking key and a search form. */
export const nameKey = (name: string): string => [...nameTokens(name)].sort().join(' ');
