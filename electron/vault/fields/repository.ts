/**
 * The `fields` table (the field catalogue) and where each field's values live in `customers`:
 * a built-in field is a column of its own, a custom field a key of the `custom` JSON object.
 */
import { BUILTIN_FIELDS, type BuiltinFieldKey, type FieldDef, type FieldKind } from '../../contract';
import type { Param, Queryable } from '../db/driver';

/** A `fields` row as SQLite returns it. */
export interface FieldRow {
  key: string;
  builtin: number;
  kind: string;
  label: string | null;
  /** JSON array of strings. */
  choices: string;
  enabled: number;
  purpose: string;
  sensitive: number;
  position: number;
  updated_at: number;
  /** JSON array of the active purposes' keys. */
  purposes: string;
}

/** The field's columns plus its active purposes (migration 4's links), in the shop's order. */
const FIELD_COLUMNS = `key, builtin, kind, label, choices, enabled, purpose, sensitive, position, updated_at,
  coalesce((SELECT json_group_array(k) FROM (
    SELECT p.key AS k FROM field_purposes fp JOIN purposes p ON p.key = fp.purpose_key
    WHERE fp.field_key = fields.key AND p.status = 'active' ORDER BY p.position, p.key)), '[]') AS purposes`;

export const CUSTOM_KEY = /^custom_(\d{1,6})$/;

export const isBuiltinKey = (key: string): key is BuiltinFieldKey => (BUILTIN_FIELDS as readonly string[]).includes(key);

/** Built-in fields whose values are also in the full-text index (`customers_fts` columns). */
export const FTS_FIELDS: ReadonlySet<BuiltinFieldKey> = new Set<BuiltinFieldKey>(['phone', 'email', 'city', 'notes']);

const parseChoices = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
};

export function rowToField(row: FieldRow): FieldDef {
  return {
    key: row.key,
    builtin: row.builtin === 1,
    kind: row.kind as FieldKind,
    label: row.label,
    choices: parseChoices(row.choices),
    enabled: row.enabled === 1,
    purposes: JSON.parse(row.purposes) as string[],
    purpose: row.purpose,
    sensitive: row.sensitive === 1,
    position: row.position,
  };
}

/** The whole catalogue in display order. */
export async function listFields(q: Queryable): Promise<FieldDef[]> {
  const rows = await q.all<FieldRow>(`SELECT ${FIELD_COLUMNS} FROM fields ORDER BY position, key`);
  return rows.map(rowToField);
}

export async function getField(q: Queryable, key: string): Promise<FieldDef | undefined> {
  const row = await q.get<FieldRow>(`SELECT ${FIELD_COLUMNS} FROM fields WHERE key = ?`, [key]);
  return row && rowToField(row);
}

/** What a write sets. The `purpose` column is not here: purposes/repository.ts `refreshSummaries` owns it. */
export interface FieldChange {
  enabled: boolean;
  sensitive: boolean;
  label: string | null;
  choices: string[];
}

export async function writeField(tx: Queryable, key: string, c: FieldChange, at: number): Promise<void> {
  await tx.run(
    `UPDATE fields SET enabled = ?, sensitive = ?, label = ?, choices = ?, updated_at = ? WHERE key = ?`,
    [c.enabled ? 1 : 0, c.sensitive ? 1 : 0, c.label, JSON.stringify(c.choices), at, key],
  );
}

export async function insertCustomField(
  tx: Queryable,
  key: string,
  kind: FieldKind,
  c: FieldChange,
  at: number,
): Promise<void> {
  // Inserted off: it is switched on (writeField) once its purposes are linked and summarised.
  const params: Param[] = [key, kind, c.label, JSON.stringify(c.choices), c.sensitive ? 1 : 0, at];
  await tx.run(
    `INSERT INTO fields (key, builtin, kind, label, choices, enabled, purpose, sensitive, position, updated_at)
     VALUES (?, 0, ?, ?, ?, 0, '', ?, (SELECT coalesce(max(position), 0) + 1 FROM fields), ?)`,
    params,
  );
}

export async function deleteFieldRow(tx: Queryable, key: string): Promise<void> {
  await tx.run('DELETE FROM fields WHERE key = ? AND builtin = 0', [key]);
}

/** The JSON path of a custom field's value in `customers.custom` (keys are checked against CUSTOM_KEY first). */
export function customPath(key: string): string {
  if (!CUSTOM_KEY.test(key)) throw new Error(`not a custom field key: ${key}`);
  return `$.${key}`;
}

/** SQL condition (with its parameters) that is true for customers holding a value in the field. */
export function hasValue(key: string): { sql: string; params: Param[] } {
  if (isBuiltinKey(key)) return { sql: `${key} IS NOT NULL`, params: [] };
  return { sql: 'json_extract(custom, ?) IS NOT NULL', params: [customPath(key)] };
}

/** How many customers hold a value in the field. */
export async function countValues(q: Queryable, key: string): Promise<number> {
  const cond = hasValue(key);
  return (await q.get<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE ${cond.sql}`, cond.params))?.n ?? 0;
}
