/**
 * What an export holds: the chosen fields (switched-on ones only) as columns with titles the
 * importer recognises, and the customers of the chosen scope, read page by page.
 */
import { SEARCH_PAGE_MAX, type Customer, type ExportInput, type FieldDef, type FieldErrorCode } from '../../contract';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { consentTest } from '../consent/current';
import { CUSTOMER_COLUMNS, customerColumns, rowToCustomer, type CustomerRow } from '../customers/repository';
import { searchCustomers } from '../customers/search';
import { restrictedIds } from '../restriction/repository';
import { availableTargets } from './headers';
import { EXPORT_PAGE } from './limits';

/** Column titles for the built-in fields: Indonesian, and each one the importer maps back. */
export const BUILTIN_TITLES: Record<string, string> = {
  name: 'Nama',
  phone: 'No HP',
  email: 'Email',
  address: 'Alamat',
  city: 'Kota',
  birthday: 'Tanggal Lahir',
  gender: 'Jenis Kelamin',
  notes: 'Catatan',
  tags: 'Label',
  preferences: 'Preferensi',
};
const GENDER_WORDS = { male: 'Laki-laki', female: 'Perempuan', other: 'Lainnya' } as const;

export interface ExportColumn {
  key: string;
  title: string;
}

/** The chosen fields, in order, each once; a switched-off or unknown field is refused (`fields.<i>`: field_disabled). */
export function exportColumns(keys: readonly string[], fields: readonly FieldDef[]): ExportColumn[] {
  const available = availableTargets(fields);
  const errors: Record<string, FieldErrorCode> = {};
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const columns: ExportColumn[] = [];
  keys.forEach((key, i) => {
    if (!available.has(key)) errors[`fields.${i}`] = 'field_disabled';
    else if (!columns.some((c) => c.key === key)) columns.push({ key, title: BUILTIN_TITLES[key] ?? labels.get(key) ?? key });
  });
  if (Object.keys(errors).length) throw new VaultError('invalid_input', errors);
  return columns;
}

/** A cell for a spreadsheet (CSV, XLSX): phones in the local display form, gender as a word, tags in one cell. */
export function sheetValue(c: Customer, key: string): string | number {
  switch (key) {
    case 'name':
      return c.name;
    case 'phone':
      return c.phoneDisplay ?? '';
    case 'email':
    case 'address':
    case 'city':
    case 'notes':
    case 'birthday':
    case 'preferences':
      return c[key] ?? '';
    case 'gender':
      return c.gender ? GENDER_WORDS[c.gender] : '';
    case 'tags':
      return c.tags.join(', ');
    default:
      return c.custom[key] ?? '';
  }
}

/** A value for JSON: phones in E.164, tags as an array, empty fields as null. */
export function jsonValue(c: Customer, key: string): string | number | string[] | null {
  switch (key) {
    case 'name':
      return c.name;
    case 'tags':
      return c.tags;
    case 'phone':
    case 'email':
    case 'address':
    case 'city':
    case 'notes':
    case 'birthday':
    case 'gender':
    case 'preferences':
      return c[key];
    default:
      return c.custom[key] ?? null;
  }
}

export interface CustomerStream {
  total: number;
  pages: AsyncGenerator<Customer[]>;
}

/**
 * The customers of the scope, in pages: all (by id), the current search and filter (as the list
 * sorts), or a selection (by id). With `consent` (a purpose key), only those whose current consent to
 * it is `given`: the test is in each statement that reads the rows, so a withdrawal committed before
 * a page is read keeps the customer out of it.
 */
export async function customersOf(db: Queryable, scope: ExportInput['scope'], consent: string | null = null): Promise<CustomerStream> {
  return leaveOutRestricted(db, scope, consent, await scopeRows(db, scope, consent));
}

/**
 * Restricted customers (Pasal 11, 41) are in no export, whoever runs it: each page goes without them,
 * and the total without those of them the scope holds (counted exactly: they are a handful).
 */
async function leaveOutRestricted(db: Queryable, scope: ExportInput['scope'], consent: string | null, stream: CustomerStream): Promise<CustomerStream> {
  const hidden = await restrictedIds(db);
  if (hidden.size === 0) return stream;
  const ids = [...hidden];
  const everyone = scope.kind === 'all' || (scope.kind === 'filter' && scope.query.trim() === '' && Object.values(scope.filter).every((v) => v === undefined));
  const query = everyone ? '' : scope.kind === 'filter' ? scope.query : '';
  const filter = scope.kind === 'filter' && !everyone ? scope.filter : {};
  const candidates = scope.kind === 'selection' ? ids.filter((id) => scope.ids.includes(id)) : ids;
  const inScope =
    candidates.length === 0
      ? 0
      : (await searchCustomers(db, { query, filter, offset: 0, limit: 1 }, { onlyIds: candidates, ...(consent === null ? {} : { consentGiven: consent }) })).total;
  return {
    total: Math.max(0, stream.total - inScope),
    pages: (async function* () {
      for await (const page of stream.pages) {
        const kept = page.filter((c) => !hidden.has(c.id));
        if (kept.length) yield kept;
      }
    })(),
  };
}

async function scopeRows(db: Queryable, scope: ExportInput['scope'], consent: string | null): Promise<CustomerStream> {
  // A filter that filters nothing is everyone: read by id, not page by page through the search.
  const everyone =
    scope.kind === 'all' ||
    (scope.kind === 'filter' && scope.query.trim() === '' && Object.values(scope.filter).every((v) => v === undefined));
  if (everyone && consent !== null) return consentedOf(db, consent);
  if (everyone) {
    const total = (await db.get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0;
    return {
      total,
      pages: (async function* () {
        let after = 0;
        for (;;) {
          const rows = await db.all<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id > ? ORDER BY id LIMIT ?`, [after, EXPORT_PAGE]);
          if (!rows.length) return;
          after = (rows.at(-1) as CustomerRow).id;
          yield rows.map(rowToCustomer);
        }
      })(),
    };
  }
  if (scope.kind === 'selection') {
    const ids = [...new Set(scope.ids)];
    const given = consent === null ? null : consentTest(consent, 'given');
    const total =
      given === null
        ? ids.length
        : ((await db.get<{ n: number }>(`SELECT count(*) AS n FROM customers WHERE id IN (SELECT value FROM json_each(?)) AND ${given.sql}`, [`[${ids.join(',')}]`, ...given.params]))?.n ?? 0);
    return {
      total,
      pages: (async function* () {
        for (let start = 0; start < ids.length; start += EXPORT_PAGE) {
          const chunk = ids.slice(start, start + EXPORT_PAGE);
          const rows = await db.all<CustomerRow>(
            `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id IN (${chunk.map(() => '?').join(', ')}) ${given ? `AND ${given.sql}` : ''} ORDER BY id`,
            [...chunk, ...(given?.params ?? [])],
          );
          if (rows.length) yield rows.map(rowToCustomer);
        }
      })(),
    };
  }
  const search = (offset: number) =>
    searchCustomers(db, { query: scope.query, filter: scope.filter, offset, limit: SEARCH_PAGE_MAX }, consent === null ? {} : { consentGiven: consent });
  const first = await search(0);
  return {
    total: first.total,
    pages: (async function* () {
      let page = first;
      while (page.items.length) {
        yield page.items;
        page = await search(page.offset + page.items.length);
      }
    })(),
  };
}

/**
 * Everyone who gave their consent to `purpose`, by id: `consent_current`'s rows for the purpose are
 * walked in customer order along its primary key (purpose_key, customer_id), each joined to its
 * customer by id — the export reads the consented customers only, not every customer and a test.
 */
async function consentedOf(db: Queryable, purpose: string): Promise<CustomerStream> {
  const total = (await db.get<{ n: number }>("SELECT count(*) AS n FROM consent_current WHERE purpose_key = ? AND state = 'given'", [purpose]))?.n ?? 0;
  return {
    total,
    pages: (async function* () {
      let after = 0;
      for (;;) {
        const rows = await db.all<CustomerRow>(
          `SELECT ${customerColumns('c')} FROM consent_current k CROSS JOIN customers c ON c.id = k.customer_id
           WHERE k.purpose_key = ? AND k.customer_id > ? AND k.state = 'given' ORDER BY k.customer_id LIMIT ?`,
          [purpose, after, EXPORT_PAGE],
        );
        if (!rows.length) return;
        after = (rows.at(-1) as CustomerRow).id;
        yield rows.map(rowToCustomer);
      }
    })(),
  };
}
