/**
 * The purposes service (`purposes.*`): why the shop processes personal data, with the lawful basis
 * and retention of each. Rules the vault holds (never the renderer): a purpose needs consent exactly
 * when its basis is consent (a generated column); a purpose cannot be retired while an enabled field
 * serves it alone. Each write is one transaction; the router (or the CLI) adds its audit entry to it.
 */
import type { Purpose, SavePurposeInput } from '../../contract';
import type { Db, Queryable } from '../db/driver';
import { VaultError } from '../errors';
import {
  findActiveByText,
  getPurpose,
  insertPurpose,
  keyExists,
  listPurposes,
  refreshSummaries,
  setStatus,
  soleDependents,
  updatePurpose,
} from './repository';

export interface PurposesService {
  list(): Promise<Purpose[]>;
  /** Creates a purpose (no key: made from the English name) or updates one. Returns them all. */
  save(input: SavePurposeInput): Promise<Purpose[]>;
  /** Retires a purpose; refused (`conflict`, naming the fields) while an enabled field serves it alone. */
  retire(key: string): Promise<Purpose[]>;
}

const notFound = (key: string): VaultError => new VaultError('not_found', undefined, `purpose ${key}`);

/** `Promo WhatsApp!` → `promo_whatsapp`: ASCII letters and digits, at most 32, starting with a letter. */
export function slug(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 32)
    .replace(/_+$/, '');
  if (base.length < 2) return 'purpose';
  return /^[a-z]/.test(base) ? base : `p_${base}`.slice(0, 32);
}

/** A key not yet taken: the slug itself, else slug_2, slug_3, … */
export async function freeKey(q: Queryable, text: string): Promise<string> {
  const base = slug(text);
  if (!(await keyExists(q, base))) return base;
  for (let n = 2; ; n++) {
    const key = `${base.slice(0, 36)}_${n}`;
    if (!(await keyExists(q, key))) return key;
  }
}

/**
 * The purpose a field's free text stands for, inside the caller's transaction: an active purpose
 * with exactly these words, else a new one. A new one's basis is legitimate interest (the same safe
 * default as migration 4: it claims no contract, law or consent) for 24 months from the last contact;
 * the Owner reviews it (`brankas purposes`, purposes.save). Returns its key.
 */
export async function purposeFromText(tx: Queryable, text: string, at: number): Promise<string> {
  const existing = await findActiveByText(tx, text);
  if (existing) return existing;
  const key = await freeKey(tx, text);
  const name = text.length <= 120 ? text : `${text.slice(0, 119)}…`;
  await insertPurpose(
    tx,
    key,
    { name: { id: name, en: name }, description: { id: text, en: text }, basis: 'legitimate_interest', retention: { months: 24, from: 'last_contact' } },
    at,
  );
  return key;
}

export function createPurposesService(db: Db, now: () => number = Date.now): PurposesService {
  return {
    list: () => listPurposes(db),

    save(input) {
      return db.transaction(async (tx) => {
        const at = now();
        const { key, ...purpose } = input;
        if (key === undefined) {
          await insertPurpose(tx, await freeKey(tx, purpose.name.en), purpose, at);
        } else {
          if (!(await getPurpose(tx, key))) throw notFound(key);
          await updatePurpose(tx, key, purpose, at);
          // A new name shows in the customer form under every field serving it.
          await refreshSummaries(tx);
        }
        return listPurposes(tx);
      });
    },

    retire(key) {
      return db.transaction(async (tx) => {
        const purpose = await getPurpose(tx, key);
        if (!purpose) throw notFound(key);
        if (purpose.status === 'retired') return listPurposes(tx);
        const alone = await soleDependents(tx, key);
        // Each field that would be left without a purpose, by key: "this field still needs one".
        if (alone.length > 0) throw new VaultError('conflict', Object.fromEntries(alone.map((f) => [f, 'required'])), `purpose ${key} serves ${alone.join(', ')} alone`);
        await setStatus(tx, key, 'retired', now());
        await refreshSummaries(tx);
        return listPurposes(tx);
      });
    },
  };
}
