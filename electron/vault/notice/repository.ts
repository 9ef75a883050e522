/**
 * Where the notice's own data lives: the shop profile as one JSON value in `meta` ('shop_profile'),
 * the recipients (`notice_recipients`, migration 5), and the published versions (`notice_versions`,
 * append-only by trigger). The NoticeData a version was made from is frozen beside it in `meta` as
 * 'notice_data_v<N>', written in the publishing transaction: a published PDF or poster is rendered
 * again from exactly that data (the stored Markdown is the text; the PDF needs the structure).
 */
import { EMPTY_PROFILE, type NoticeVersionInfo, type Recipient, type SaveRecipientInput, type ShopProfile } from '../../contract';
import type { Queryable } from '../db/driver';
import type { NoticeData } from '../documents';
import { getMeta, setMeta } from '../meta';

export const PROFILE_META = 'shop_profile';
export const frozenDataKey = (n: number): string => `notice_data_v${n}`;

export async function getProfile(q: Queryable): Promise<ShopProfile | null> {
  const stored = await getMeta(q, PROFILE_META);
  if (stored === undefined) return null;
  try {
    const p = JSON.parse(stored) as Partial<ShopProfile>;
    return { ...EMPTY_PROFILE, ...p, backupPlace: { ...EMPTY_PROFILE.backupPlace, ...p.backupPlace } };
  } catch {
    return null;
  }
}

export const saveProfileRow = (tx: Queryable, p: ShopProfile): Promise<void> => setMeta(tx, PROFILE_META, JSON.stringify(p));

interface RecipientRow {
  id: number;
  name: string;
  why_id: string;
  why_en: string;
  country_id: string;
  country_en: string;
  abroad: number;
}

const rowToRecipient = (r: RecipientRow): Recipient => ({
  id: r.id,
  name: r.name,
  why: { id: r.why_id, en: r.why_en },
  country: { id: r.country_id, en: r.country_en },
  abroad: r.abroad === 1,
});

export async function listRecipients(q: Queryable): Promise<Recipient[]> {
  const rows = await q.all<RecipientRow>('SELECT id, name, why_id, why_en, country_id, country_en, abroad FROM notice_recipients ORDER BY id');
  return rows.map(rowToRecipient);
}

export async function countRecipients(q: Queryable): Promise<number> {
  return (await q.get<{ n: number }>('SELECT count(*) AS n FROM notice_recipients'))?.n ?? 0;
}

/** Inserts (no id) or updates; false when the id names no recipient. */
export async function writeRecipient(tx: Queryable, r: SaveRecipientInput, at: number): Promise<boolean> {
  const values = [r.name, r.why.id, r.why.en, r.country.id, r.country.en, r.abroad ? 1 : 0];
  if (r.id === undefined) {
    await tx.run(
      'INSERT INTO notice_recipients (name, why_id, why_en, country_id, country_en, abroad, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [...values, at, at],
    );
    return true;
  }
  const res = await tx.run(
    'UPDATE notice_recipients SET name = ?, why_id = ?, why_en = ?, country_id = ?, country_en = ?, abroad = ?, updated_at = ? WHERE id = ?',
    [...values, at, r.id],
  );
  return res.changes > 0;
}

export async function deleteRecipient(tx: Queryable, id: number): Promise<boolean> {
  return (await tx.run('DELETE FROM notice_recipients WHERE id = ?', [id])).changes > 0;
}

export interface StoredVersion extends NoticeVersionInfo {
  sourceDigest: string;
  text: { id: string; en: string };
}

interface VersionRow {
  number: number;
  effective_date: string;
  sha256: string;
  source_digest: string;
  text_id: string;
  text_en: string;
}

export async function latestVersion(q: Queryable): Promise<StoredVersion | null> {
  const r = await q.get<VersionRow>(
    'SELECT number, effective_date, sha256, source_digest, text_id, text_en FROM notice_versions ORDER BY number DESC LIMIT 1',
  );
  return r ? { number: r.number, date: r.effective_date, sha256: r.sha256, sourceDigest: r.source_digest, text: { id: r.text_id, en: r.text_en } } : null;
}

/** A published version's number, date and fingerprint (null: no such version). */
export async function versionInfo(q: Queryable, n: number): Promise<NoticeVersionInfo | null> {
  const r = await q.get<{ number: number; effective_date: string; sha256: string }>('SELECT number, effective_date, sha256 FROM notice_versions WHERE number = ?', [n]);
  return r ? { number: r.number, date: r.effective_date, sha256: r.sha256 } : null;
}

export interface NewVersion extends StoredVersion {
  at: number;
  by: { id: number | null; name: string };
  data: NoticeData;
}

/** Appends a version and freezes its data beside it, inside the caller's transaction. */
export async function insertVersion(tx: Queryable, v: NewVersion): Promise<void> {
  await tx.run(
    `INSERT INTO notice_versions (number, effective_date, published_at, published_by, publisher_name, text_id, text_en, sha256, source_digest)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [v.number, v.date, v.at, v.by.id, v.by.name, v.text.id, v.text.en, v.sha256, v.sourceDigest],
  );
  await setMeta(tx, frozenDataKey(v.number), JSON.stringify(v.data));
}

export async function frozenData(q: Queryable, n: number): Promise<NoticeData | null> {
  const stored = await getMeta(q, frozenDataKey(n));
  return stored === undefined ? null : (JSON.parse(stored) as NoticeData);
}
