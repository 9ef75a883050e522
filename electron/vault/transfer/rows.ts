/**
 * From a file row to a customer: the mapping (column → field) is checked once against the field
 * catalogue, then each row's cells are read (gender words, dates, tags, numbers, phone zeros)
 * and checked by the customers validator. Problems name the row and the column as the file has them.
 */
import type { CustomerInput, FieldDef, FieldErrorCode, ImportProblem, ImportTarget } from '../../contract';
import { VaultError } from '../errors';
import { displayPhone } from '../customers/phone';
import { checkCustomer, type NormalisedCustomer } from '../customers/validate';
import type { SourceRow } from './csv-reader';
import { unescapeFormula } from './formula';
import { availableTargets } from './headers';
import { readDate, readGender, readNumber, readTags, restorePhoneZero } from './values';

export interface CompiledMapping {
  /** Mapped columns only, in file order. */
  columns: { index: number; target: string }[];
  /** Target → the column label problems are reported under (header text, or the column letter). */
  labels: Map<string, string>;
  fields: readonly FieldDef[];
  kinds: Map<string, FieldDef['kind']>;
}

export type RowResult =
  | { row: number; ok: true; customer: NormalisedCustomer }
  | { row: number; ok: false; problems: ImportProblem[]; input: CustomerInput };

/** "A", "B", … "Z", "AA": how a spreadsheet names the column at `index` (0-based). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Checks a mapping against the headers and the catalogue. Refused (invalid_input, by `mapping.<i>`):
 * a switched-off or unknown field (field_disabled), a field given two columns (invalid_value; tags
 * may come from several columns), and no column for the name (`mapping: required`).
 */
export function compileMapping(headers: readonly string[], mapping: readonly ImportTarget[], fields: readonly FieldDef[]): CompiledMapping {
  const available = availableTargets(fields);
  const errors: Record<string, FieldErrorCode> = {};
  const columns: CompiledMapping['columns'] = [];
  const labels = new Map<string, string>();
  mapping.forEach((target, index) => {
    if (target === null || index >= headers.length) return;
    if (!available.has(target)) errors[`mapping.${index}`] = 'field_disabled';
    else if (labels.has(target) && target !== 'tags') errors[`mapping.${index}`] = 'invalid_value';
    else {
      columns.push({ index, target });
      if (!labels.has(target)) labels.set(target, headers[index] || columnLetter(index));
    }
  });
  if (!labels.has('name') && !errors.mapping) errors.mapping = 'required';
  if (Object.keys(errors).length) throw new VaultError('invalid_input', errors);
  return { columns, labels, fields, kinds: new Map(fields.map((f) => [f.key, f.kind])) };
}

/** The row's cells as the validator's input: each cell read as its field's kind. */
function toInput(m: CompiledMapping, cells: readonly string[], now: number): CustomerInput {
  const input: CustomerInput = { name: '' };
  const tags: string[] = [];
  const custom: Record<string, string | number> = {};
  for (const { index, target } of m.columns) {
    const cell = unescapeFormula((cells[index] ?? '').trim());
    if (target === 'tags') {
      tags.push(...readTags(cell));
      continue;
    }
    if (cell === '') continue;
    switch (target) {
      case 'name':
      case 'email':
      case 'address':
      case 'city':
      case 'notes':
      case 'preferences':
        input[target] = cell;
        break;
      case 'phone':
        input.phone = restorePhoneZero(cell);
        break;
      case 'gender':
        input.gender = readGender(cell) as CustomerInput['gender'];
        break;
      case 'birthday':
        input.birthday = readDate(cell, now) ?? cell;
        break;
      default: {
        const kind = m.kinds.get(target);
        custom[target] = kind === 'number' ? (readNumber(cell) ?? cell) : kind === 'date' ? (readDate(cell, now) ?? cell) : cell;
      }
    }
  }
  if (tags.length) input.tags = tags;
  if (Object.keys(custom).length) input.custom = custom;
  return input;
}

export function convertRow(m: CompiledMapping, src: SourceRow, now: number): RowResult {
  const input = toInput(m, src.cells, now);
  const checked = checkCustomer(input, m.fields, now);
  if (checked.ok) return { row: src.row, ok: true, customer: checked.customer };
  const problems = Object.entries(checked.errors).map(([key, code]) => ({
    row: src.row,
    column: m.labels.get(key) ?? m.labels.get(key.split('.')[0] ?? key) ?? key,
    code,
  }));
  return { row: src.row, ok: false, problems, input };
}

/** What the preview shows for a row: the stored form when valid, the read values otherwise. */
export function previewValues(result: RowResult): Record<string, string> {
  const out: Record<string, string> = {};
  const c = result.ok ? result.customer : null;
  const source: CustomerInput | NormalisedCustomer = result.ok ? result.customer : result.input;
  const put = (key: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') out[key] = String(value);
  };
  put('name', source.name);
  put('phone', c ? c.phone && displayPhone(c.phone) : source.phone);
  for (const k of ['email', 'address', 'city', 'notes', 'birthday', 'gender', 'preferences'] as const) put(k, source[k]);
  if (source.tags?.length) out.tags = source.tags.join(', ');
  for (const [k, v] of Object.entries(source.custom ?? {}) as [string, string | number][]) put(k, v);
  return out;
}
