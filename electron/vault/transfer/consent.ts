/**
 * Consent columns of an imported file: reading the answers (ya/tidak, 1/0, yes/no, y/n,
 * true/false, setuju/tidak setuju), suggesting the purpose a column title names (conservatively),
 * and writing the answers to the consent ledger inside the import's transaction (method
 * `imported`, the file's name as the evidence reference, the import's time, the importer, the notice
 * version in force).
 */
import { basename } from 'node:path';
import type { ConsentState, ImportConsentCounts, Purpose } from '../../contract';
import type { Queryable } from '../db/driver';
import { appendConsent, noticeInForce } from '../consent/repository';
import { compact } from './values';

/** One answer of a row: the purpose and what the customer said. */
export interface ConsentAnswer {
  purposeKey: string;
  state: Extract<ConsentState, 'given' | 'refused'>;
}

const ANSWERS = new Map<string, ConsentAnswer['state']>();
for (const w of ['ya', 'iya', 'y', 'yes', '1', 'true', 'benar', 'setuju', 'bersedia', 'agree', 'agreed']) ANSWERS.set(w, 'given');
for (const w of ['tidak', 'tdk', 'n', 'no', '0', 'false', 'salah', 'tidaksetuju', 'tidakbersedia', 'disagree', 'menolak']) ANSWERS.set(w, 'refused');

/** The state a cell says (case, spaces and punctuation ignored); null for an empty cell; 'invalid' otherwise ("mungkin"). */
export function readConsentAnswer(cell: string): ConsentAnswer['state'] | null | 'invalid' {
  const key = compact(cell);
  if (key === '') return null;
  return ANSWERS.get(key) ?? 'invalid';
}

/** Words that say "this column is about consent". */
const CONSENT_WORDS = new Set(['setuju', 'persetujuan', 'izin', 'ijin', 'bersedia', 'consent', 'consents', 'consented', 'optin', 'agree', 'agreed', 'boleh', 'mau']);
/** Words that carry no meaning for matching. */
const STOP = new Set(['lewat', 'via', 'melalui', 'dengan', 'dan', 'untuk', 'by', 'for', 'and', 'the', 'of', 'to', 'di', 'ke', 'pelanggan', 'customer', 'kirim', 'send']);
/** A few spellings of one thing. */
const SAME: Record<string, string> = {
  wa: 'whatsapp',
  whatsapp: 'whatsapp',
  promo: 'promo',
  promosi: 'promo',
  promotion: 'promo',
  promotions: 'promo',
  email: 'email',
  surel: 'email',
  mail: 'email',
  newsletter: 'newsletter',
  buletin: 'newsletter',
};

const words = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/e-mail/g, 'email')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => SAME[w] ?? w);

const meaningful = (ws: readonly string[]): string[] => ws.filter((w) => !STOP.has(w) && !CONSENT_WORDS.has(w));

/**
 * The consent purpose a column title names, or null. Conservative: every meaningful word of the
 * title must be a word of the purpose's name (id or en), and either the title says "consent"
 * (setuju, izin, consent, …) with at least one such word, or it has at least two ("Promo WhatsApp").
 * A title two purposes fit is left alone.
 */
export function consentPurposeForTitle(title: string, purposes: readonly Purpose[]): string | null {
  const ws = words(title);
  const saysConsent = ws.some((w) => CONSENT_WORDS.has(w));
  const own = meaningful(ws);
  if (own.length === 0 || (!saysConsent && own.length < 2)) return null;
  const fits = purposes.filter((p) => {
    if (!p.needsConsent || p.status !== 'active') return false;
    const vocabulary = new Set(meaningful([...words(p.name.id), ...words(p.name.en), ...words(p.key)]));
    return own.every((w) => vocabulary.has(w));
  });
  return fits.length === 1 ? (fits[0] as Purpose).key : null;
}

export interface ConsentWriter {
  /** Appends the answers of a new customer. */
  forNew(customerId: number, answers: readonly ConsentAnswer[]): Promise<void>;
  /**
   * Appends, for a customer already in the vault, each answer that differs from the current state
   * (a re-import does not flood the ledger). A withdrawal is never overwritten by a sheet: it was
   * recorded after the sheet was made (a "yes" would undo it; a "no" says nothing new) and stays in
   * force. Returns true if it wrote.
   */
  forExisting(customerId: number, answers: readonly ConsentAnswer[]): Promise<boolean>;
  counts: ImportConsentCounts;
}

/** Importer's details for the entries: who signed in (the CLI's --user, the app's person). */
export interface ConsentRecorder {
  id: number | null;
  name: string;
}

const EVIDENCE_REF_MAX = 255;

export async function consentWriter(tx: Queryable, filePath: string, recordedBy: ConsentRecorder, at: number): Promise<ConsentWriter> {
  const noticeVersion = await noticeInForce(tx);
  const evidenceRef = basename(filePath).slice(0, EVIDENCE_REF_MAX) || 'import';
  const counts: ImportConsentCounts = { given: 0, refused: 0, unchanged: 0 };
  const append = async (customerId: number, a: ConsentAnswer) => {
    await appendConsent(tx, { customerId, purposeKey: a.purposeKey, state: a.state, at, method: 'imported', recordedBy, noticeVersion, evidenceRef });
    counts[a.state]++;
  };
  return {
    counts,
    async forNew(customerId, answers) {
      for (const a of answers) await append(customerId, a);
    },
    async forExisting(customerId, answers) {
      let wrote = false;
      for (const a of answers) {
        const row = await tx.get<{ state: ConsentState }>('SELECT state FROM consent_current WHERE purpose_key = ? AND customer_id = ?', [a.purposeKey, customerId]);
        const current = row?.state;
        if (current === a.state || current === 'withdrawn') counts.unchanged++;
        else {
          await append(customerId, a);
          wrote = true;
        }
      }
      return wrote;
    },
  };
}
