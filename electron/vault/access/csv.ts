/**
 * The pack (or the portable copy) as ONE CSV with four columns, `section,item,field,value`, made
 * from the same JSON document so the two never disagree: `section` is the JSON's top-level key,
 * `item` names one element of a list (its id, number or key; else its place, from 1), `field` is the
 * path inside it (dots for objects, `[n]` for lists, from 1; `value` for a bare scalar) and `value` the scalar (booleans as
 * true/false, null as empty). UTF-8 with a BOM and CRLF, like the customer export, so Excel opens it;
 * every cell that could start a formula gets a leading `'` (transfer/formula.ts).
 */
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from '../transfer/formula';

export const CSV_HEADER = ['section', 'item', 'field', 'value'] as const;

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json | undefined };
type Row = [section: string, item: string, field: string, value: string];

const scalar = (v: string | number | boolean | null): string => (v === null ? '' : String(v));

function flatten(value: Json | undefined, path: string, emit: (field: string, value: string) => void): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') return emit(path, scalar(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return emit(path, '');
    value.forEach((v: Json, i) => flatten(v, `${path}[${i + 1}]`, emit));
    return;
  }
  const entries = Object.entries(value as Record<string, Json | undefined>);
  if (entries.length === 0) return emit(path, '');
  for (const [k, v] of entries) flatten(v, path ? `${path}.${k}` : k, emit);
}

/** An element's name in the `item` column: its id, number or key when it has one, else its place. */
function itemOf(v: Json, i: number): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, Json | undefined>;
    for (const k of ['id', 'number', 'key', 'role']) {
      const x = o[k];
      if (typeof x === 'string' || typeof x === 'number') return String(x);
    }
  }
  return String(i + 1);
}

export function packRows(doc: Record<string, Json | undefined>): Row[] {
  const rows: Row[] = [];
  for (const [section, value] of Object.entries(doc)) {
    if (Array.isArray(value)) {
      value.forEach((v: Json, i) => flatten(v, '', (field, cell) => rows.push([section, itemOf(v, i), field || 'value', cell])));
    } else {
      flatten(value, '', (field, cell) => rows.push([section, '', field || 'value', cell]));
    }
  }
  return rows;
}

export function packCsvBytes(doc: object): Buffer {
  const rows = packRows(doc as Record<string, Json | undefined>).map((r) => r.map(escapeFormula));
  const text = stringify([[...CSV_HEADER], ...rows], { delimiter: ',', record_delimiter: 'windows' });
  return Buffer.from(`\ufeff${text}`, 'utf8');
}
