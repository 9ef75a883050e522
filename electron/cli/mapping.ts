/**
 * `--map "Header=field,…"`: overrides of the importer's suggested mapping, one per column.
 * A column is named by its header (any case) or by its number (`#3`); the field by its key
 * (`phone`, `custom_2`) or a custom field's label; `consent:KEY` reads the column as consent
 * answers for purpose KEY (one that needs consent); `-` or `ignore` leaves the column out.
 */
import { consentPurposeOf, type FieldDef, type MappingTarget, type Purpose } from '../contract';
import { availableTargets } from '../vault/transfer/headers';
import { usageError } from './errors';

export interface MapEntry {
  column: string;
  field: string;
}

const IGNORE = new Set(['-', 'ignore', '']);
const BUILTIN_TARGETS = ['name', 'tags', 'phone', 'email', 'address', 'city', 'birthday', 'gender', 'notes', 'preferences'];

/** Splits the --map values (several --map options add up) into entries; syntax only. */
export function parseMapOption(values: readonly string[]): MapEntry[] {
  const entries: MapEntry[] = [];
  for (const value of values) {
    for (const part of value.split(',')) {
      if (part.trim() === '') continue;
      const eq = part.lastIndexOf('=');
      if (eq <= 0) throw usageError(`--map: "${part.trim()}" is not Header=field`, 'import');
      entries.push({ column: part.slice(0, eq).trim(), field: part.slice(eq + 1).trim() });
    }
  }
  return entries;
}

const fold = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('id');

function columnIndex(column: string, headers: readonly string[]): number {
  const number = /^#(\d+)$/.exec(column);
  if (number) {
    const i = Number(number[1]) - 1;
    if (i < 0 || i >= headers.length) throw usageError(`--map: the file has no column #${number[1]} (it has ${headers.length})`, 'import');
    return i;
  }
  const matches = headers.flatMap((h, i) => (fold(h) === fold(column) ? [i] : []));
  if (matches.length === 0) {
    throw usageError(`--map: the file has no column "${column}" (columns: ${headers.map((h) => `"${h}"`).join(', ')})`, 'import');
  }
  if (matches.length > 1) {
    throw usageError(`--map: "${column}" names ${matches.length} columns; use their numbers (${matches.map((i) => `#${i + 1}`).join(', ')})`, 'import');
  }
  return matches[0] as number;
}

/** `consent:KEY` for an active purpose that needs consent; a usage error naming those there are otherwise. */
function consentTargetOf(target: string, purposes: readonly Purpose[]): string {
  const key = consentPurposeOf(target) ?? '';
  const open = purposes.filter((p) => p.needsConsent && p.status === 'active');
  if (open.some((p) => p.key === key)) return target;
  const list = open.length ? open.map((p) => `consent:${p.key}`).join(', ') : 'none: no active purpose needs consent';
  throw usageError(`--map: "${target}" is not a purpose that needs consent (${list})`, 'import');
}

function target(field: string, fields: readonly FieldDef[], purposes: readonly Purpose[]): MappingTarget {
  if (IGNORE.has(fold(field))) return null;
  const key = fold(field);
  if (key.startsWith('consent:')) return consentTargetOf(key, purposes);
  if (BUILTIN_TARGETS.includes(key) || /^custom_\d{1,6}$/.test(key)) return key;
  const custom = fields.find((f) => !f.builtin && f.label && fold(f.label) === key);
  if (custom) return custom.key;
  const known = [...availableTargets(fields)].map((k) => {
    const label = fields.find((f) => f.key === k)?.label;
    return label ? `${k} ("${label}")` : k;
  });
  throw usageError(`--map: unknown field "${field}" (fields: ${known.join(', ')}, consent:PURPOSE, or - to ignore)`, 'import');
}

/**
 * The suggested mapping with the entries applied on top. A field given to a column by --map is
 * taken away from the column the suggestion gave it to (tags may come from several columns).
 */
export function applyMap(
  suggested: readonly MappingTarget[],
  headers: readonly string[],
  entries: readonly MapEntry[],
  fields: readonly FieldDef[],
  purposes: readonly Purpose[] = [],
): MappingTarget[] {
  const explicit = new Map<number, MappingTarget>();
  for (const e of entries) explicit.set(columnIndex(e.column, headers), target(e.field, fields, purposes));
  const chosen = new Set([...explicit.values()].filter((t) => t !== null && t !== 'tags'));
  return headers.map((_, i) => {
    if (explicit.has(i)) return explicit.get(i) ?? null;
    const t = suggested[i] ?? null;
    return t !== null && chosen.has(t) ? null : t;
  });
}
