/**
 * The `purposes` table and the `field_purposes` links (migration 4). Plain functions, the handle
 * first, SQL beside its row mapper. Links to a retired purpose stay as history and count for nothing.
 */
import type { LawfulBasis, Purpose, PurposeStatus, RetentionFrom, SavePurposeInput } from '../../contract';
import type { Queryable } from '../db/driver';

interface PurposeRow {
  key: string;
  name_id: string;
  name_en: string;
  description_id: string;
  description_en: string;
  basis: string;
  needs_consent: number;
  retention_months: number;
  retention_from: string;
  status: string;
  updated_at: number;
  /** JSON array of field keys in catalogue order. */
  fields: string;
}

const SELECT = `
  SELECT p.key, p.name_id, p.name_en, p.description_id, p.description_en, p.basis, p.needs_consent,
         p.retention_months, p.retention_from, p.status, p.updated_at,
         coalesce((SELECT json_group_array(k) FROM (
           SELECT f.key AS k FROM field_purposes fp JOIN fields f ON f.key = fp.field_key
           WHERE fp.purpose_key = p.key ORDER BY f.position, f.key)), '[]') AS fields
  FROM purposes p`;

const rowToPurpose = (r: PurposeRow): Purpose => ({
  key: r.key,
  name: { id: r.name_id, en: r.name_en },
  description: { id: r.description_id, en: r.description_en },
  basis: r.basis as LawfulBasis,
  retention: { months: r.retention_months, from: r.retention_from as RetentionFrom },
  needsConsent: r.needs_consent === 1,
  fields: JSON.parse(r.fields) as string[],
  status: r.status as PurposeStatus,
  updatedAt: r.updated_at,
});

/** Every purpose: active first, then in the shop's order. */
export async function listPurposes(q: Queryable): Promise<Purpose[]> {
  const rows = await q.all<PurposeRow>(`${SELECT} ORDER BY p.status = 'retired', p.position, p.key`);
  return rows.map(rowToPurpose);
}

export async function getPurpose(q: Queryable, key: string): Promise<Purpose | undefined> {
  const row = await q.get<PurposeRow>(`${SELECT} WHERE p.key = ?`, [key]);
  return row && rowToPurpose(row);
}

export async function keyExists(q: Queryable, key: string): Promise<boolean> {
  return (await q.get('SELECT 1 FROM purposes WHERE key = ?', [key])) !== undefined;
}

/** The active purpose whose Indonesian or English name or description is exactly `text`, if any. */
export async function findActiveByText(q: Queryable, text: string): Promise<string | undefined> {
  const row = await q.get<{ key: string }>(
    `SELECT key FROM purposes WHERE status = 'active' AND ? IN (name_id, name_en, description_id, description_en) ORDER BY position LIMIT 1`,
    [text],
  );
  return row?.key;
}

type PurposeWrite = Omit<SavePurposeInput, 'key'>;
const values = (p: PurposeWrite) => [p.name.id, p.name.en, p.description.id, p.description.en, p.basis, p.retention.months, p.retention.from];

export async function insertPurpose(tx: Queryable, key: string, p: PurposeWrite, at: number): Promise<void> {
  await tx.run(
    `INSERT INTO purposes (key, name_id, name_en, description_id, description_en, basis, retention_months, retention_from, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM purposes), ?, ?)`,
    [key, ...values(p), at, at],
  );
}

export async function updatePurpose(tx: Queryable, key: string, p: PurposeWrite, at: number): Promise<void> {
  await tx.run(
    `UPDATE purposes SET name_id = ?, name_en = ?, description_id = ?, description_en = ?, basis = ?, retention_months = ?, retention_from = ?, updated_at = ?
     WHERE key = ?`,
    [...values(p), at, key],
  );
}

export async function setStatus(tx: Queryable, key: string, status: PurposeStatus, at: number): Promise<void> {
  await tx.run('UPDATE purposes SET status = ?, updated_at = ? WHERE key = ?', [status, at, key]);
}

/** The active purposes a field serves, in the shop's order. */
export async function activeLinks(q: Queryable, fieldKey: string): Promise<string[]> {
  const rows = await q.all<{ key: string }>(
    `SELECT p.key FROM field_purposes fp JOIN purposes p ON p.key = fp.purpose_key
     WHERE fp.field_key = ? AND p.status = 'active' ORDER BY p.position, p.key`,
    [fieldKey],
  );
  return rows.map((r) => r.key);
}

/** Which of `keys` are not active purposes. */
export async function notActive(q: Queryable, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await q.all<{ key: string }>(
    `SELECT key FROM purposes WHERE status = 'active' AND key IN (${keys.map(() => '?').join(', ')})`,
    [...keys],
  );
  const active = new Set(rows.map((r) => r.key));
  return keys.filter((k) => !active.has(k));
}

/** Makes the field's active links exactly `keys` (links to retired purposes are kept as history). */
export async function setActiveLinks(tx: Queryable, fieldKey: string, keys: readonly string[]): Promise<void> {
  await tx.run(
    `DELETE FROM field_purposes WHERE field_key = ? AND purpose_key IN (SELECT key FROM purposes WHERE status = 'active')`,
    [fieldKey],
  );
  for (const key of new Set(keys)) {
    await tx.run('INSERT OR IGNORE INTO field_purposes (field_key, purpose_key) VALUES (?, ?)', [fieldKey, key]);
  }
}

/** Enabled fields whose only active purpose is `purposeKey` (they stop it being retired). */
export async function soleDependents(q: Queryable, purposeKey: string): Promise<string[]> {
  const rows = await q.all<{ key: string }>(
    `SELECT f.key FROM fields f
     WHERE f.enabled = 1
       AND EXISTS (SELECT 1 FROM field_purposes fp WHERE fp.field_key = f.key AND fp.purpose_key = ?)
       AND NOT EXISTS (SELECT 1 FROM field_purposes fp JOIN purposes p ON p.key = fp.purpose_key
                       WHERE fp.field_key = f.key AND p.status = 'active' AND p.key <> ?)
     ORDER BY f.position, f.key`,
    [purposeKey, purposeKey],
  );
  return rows.map((r) => r.key);
}

/**
 * Rewrites every field's `purpose` column from its active purposes' Indonesian names: the column
 * the customer form shows and migration 2's CHECK holds (an enabled field's must not be empty).
 * Run after links change and before a field is switched on.
 */
export async function refreshSummaries(tx: Queryable): Promise<void> {
  await tx.run(`UPDATE fields SET purpose = coalesce((
      SELECT string_agg(p.name_id, '; ' ORDER BY p.position, p.key)
      FROM field_purposes fp JOIN purposes p ON p.key = fp.purpose_key
      WHERE fp.field_key = fields.key AND p.status = 'active'
    ), '')`);
}
