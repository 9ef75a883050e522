/**
 * From a file row to a customer: the mapping (column → field) is checked once against the field
 * catalogue, then each row's cells are read (gender words, dates, tags, numbers, phone zeros)
 * and checked by the customers validator. Problems name the row and the column as the file has them.
 */
import { consentPurposeOf, type CustomerInput, type FieldDef, type FieldErrorCode, type ImportProblem, type MappingTarget } from '../../contract';
import { VaultError } from '../errors';
import { displayPhone } from '../customers/phone';
import { checkCustomer, type NormalisedCustomer } from '../customers/validate';
import type { SourceRow } from './csv-reader';
import { unescapeFormula } from './formula';
import { readConsentAnswer, type ConsentAnswer } from './consent';
import { availableTargets } from './headers';
import { readDate, readGender, readNumber, readTags, restorePhoneZero } from './values';

export interface CompiledMapping {
  /** Mapped field columns only, in file order. */
  columns: { index: number; target: string }[];
  /** Consent columns: the column and the purpose its answers are for. */
  consents: { index: number; purposeKey: string; target: string }[];
  /** Target → the column label problems are reported under (header text, or the column letter). */
  labels: Map<string, string>;
  fields: readonly FieldDef[];
  kinds: Map<string, FieldDef['kind']>;
}

export type RowResult =
  | {
      row: number;
      ok: true;
      customer: NormalisedCustomer;
      consents: ConsentAnswer[];
      /** Optional values that were not valid and are left empty (`dropped: true`); the rest of the row is fine. */
      dropped: ImportProblem[];
    }
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
 * Checks a mapping against the headers, the catalogue and the consent purposes (`consentKeys`: the
 * active purposes that need consent). Refused (invalid_input, by `mapping.<i>`): a switched-off or
 * unknown field (field_disabled), a consent column for a purpose that is not one of those
 * (invalid_choice), a field or purpose given two columns (invalid_value; tags may come from several
 * columns), and no column for the name (`mapping: required`).
 */
export function compileMapping(
  headers: readonly string[],
  mapping: readonly MappingTarget[],
  fields: readonly FieldDef[],
  consentKeys: ReadonlySet<string> = new Set(),
): CompiledMapping {
  const available = availableTargets(fields);
  const errors: Record<string, FieldErrorCode> = {};
  const columns: CompiledMapping['columns'] = [];
  const consents: CompiledMapping['consents'] = [];
  const labels = new Map<string, string>();
  mapping.forEach((target, index) => {
    if (target === null || index >= headers.length) return;
    const purposeKey = consentPurposeOf(target);
    if (purposeKey !== null) {
      if (!consentKeys.has(purposeKey)) errors[`mapping.${index}`] = 'invalid_choice';
      else if (labels.has(target)) errors[`mapping.${index}`] = 'invalid_value';
      else {
        consents.push({ index, purposeKey, target });
        labels.set(target, headers[index] || columnLetter(index));
      }
      return;
    }
    if (!available.has(target)) errors[`mapping.${index}`] = 'field_disabled';
    else if (labels.has(target) && target !== 'tags') errors[`mapping.${index}`] = 'invalid_value';
    else {
      columns.push({ index, target });
      if (!labels.has(target)) labels.set(target, headers[index] || columnLetter(index));
    }
  });
  if (!labels.has('name') && !errors.mapping) errors.mapping = 'required';
  if (Object.keys(errors).length) throw new VaultError('invalid_input', errors);
  return { columns, consents, labels, fields, kinds: new Map(fields.map((f) => [f.key, f.kind])) };
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

/** Leaves the value of `key` out of the input (the validator then sees it as not sent). */
function leaveOut(input: CustomerInput, key: string): void {
  if (key in input && key !== 'name' && key !== 'custom') delete (input as Record<string, unknown>)[key];
  else if (input.custom) delete input.custom[key];
}

/**
 * A row is refused only for a fault in what it cannot do without (the name). A value that is
 * optional and not valid — a malformed e-mail or phone, a birthday that is no date, an answer in a
 * consent column that is neither yes nor no — is left empty: the row is imported without it, and
 * the value is listed (`dropped`).
 */
export function convertRow(m: CompiledMapping, src: SourceRow, now: number): RowResult {
  const input = toInput(m, src.cells, now);
  const problemOf = (key: string, code: FieldErrorCode): ImportProblem => ({
    row: src.row,
    column: m.labels.get(key) ?? m.labels.get(key.split('.')[0] ?? key) ?? key,
    code,
  });
  const consents: ConsentAnswer[] = [];
  const dropped: ImportProblem[] = [];
  for (const c of m.consents) {
    const state = readConsentAnswer(unescapeFormula(src.cells[c.index] ?? ''));
    if (state === 'invalid') dropped.push({ ...problemOf(c.target, 'invalid_choice'), dropped: true });
    else if (state !== null) consents.push({ purposeKey: c.purposeKey, state });
  }
  let checked = checkCustomer(input, m.fields, now);
  if (!checked.ok && !('name' in checked.errors)) {
    for (const [key, code] of Object.entries(checked.errors)) {
      dropped.push({ ...problemOf(key, code), dropped: true });
      leaveOut(input, key);
    }
    checked = checkCustomer(input, m.fields, now);
  }
  if (checked.ok) return { row: src.row, ok: true, customer: checked.customer, consents, dropped: dropped.sort(byColumn(m)) };
  // Refused: every fault is listed, the consent answers' among them.
  const problems = [...Object.entries(checked.errors).map(([key, code]) => problemOf(key, code)), ...dropped.map(({ row, column, code }) => ({ row, column, code }))];
  return { row: src.row, ok: false, problems, input };
}

/** Dropped values in the file's column order. */
const byColumn = (m: CompiledMapping) => {
  const order = new Map<string, number>();
  for (const c of [...m.columns, ...m.consents]) if (!order.has(m.labels.get(c.target) ?? '')) order.set(m.labels.get(c.target) ?? '', c.index);
  return (a: ImportProblem, b: ImportProblem) => (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0);
};

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
  if (result.ok) for (const a of result.consents) out[`consent:${a.purposeKey}`] = a.state;
  return out;
}
