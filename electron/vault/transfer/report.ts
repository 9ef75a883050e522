/**
 * The invalid rows (and the rows left alone as same phone or email, other name, and the rows
 * imported without an optional value that was not valid, marked so) of a dry run or import as a CSV (UTF-8 with BOM, so Excel opens it): the row
 * number, the column(s), the reason(s), then the row's original cells under the original header —
 * fix the cells, and the file imports again (the first three columns are not matched to any field).
 */
import { stringify } from 'csv-stringify/sync';
import type { ImportProblem } from '../../contract';
import { escapeFormula } from './formula';
import { isKnownHeader } from './headers';
import { openAtomic } from './output';
import type { ImportSourceRef } from './scan';
import { openTable } from './table';

export type ReportLanguage = 'id' | 'en';

const REASONS: Record<ImportProblem['code'], [string, string]> = {
  required: ['Wajib diisi', 'Required'],
  too_long: ['Terlalu panjang', 'Too long'],
  too_short: ['Terlalu pendek', 'Too short'],
  invalid_phone: ['Nomor telepon tidak valid', 'Not a valid phone number'],
  invalid_email: ['Alamat email tidak valid', 'Not a valid email address'],
  invalid_value: ['Isian tidak valid', 'Not a valid value'],
  mismatch: ['Tidak cocok', 'Does not match'],
  too_many: ['Terlalu banyak', 'Too many'],
  invalid_date: ['Tanggal tidak valid (contoh: 1990-08-17 atau 17/08/1990)', 'Not a valid date (e.g. 1990-08-17 or 17/08/1990)'],
  invalid_number: ['Bukan angka', 'Not a number'],
  invalid_choice: ['Bukan salah satu pilihan', 'Not one of the choices'],
  field_disabled: ['Kolom ini tidak dikumpulkan (dimatikan di pengaturan)', 'This field is switched off in settings'],
  not_for_purpose: ['Tidak dipakai untuk tujuan ini', 'Not used for this purpose'],
  too_weak: ['Terlalu mudah ditebak', 'Too easy to guess'],
  too_common: ['Terlalu umum', 'Too common'],
  contains_personal: ['Berisi nama pribadi atau nama toko', 'Contains a personal or shop name'],
  too_large: ['Terlalu besar', 'Too large'],
  no_consent_needed: ['Tujuan ini tidak berdasarkan persetujuan', 'This purpose does not rest on consent'],
  purpose_retired: ['Tujuan ini sudah tidak dipakai', 'This purpose is retired'],
  guardian_required: ['Perlu orang tua atau wali (di bawah 18 tahun)', 'Needs a parent or guardian (under 18)'],
  not_allowed: ['Tidak bisa dari keadaan ini', 'Not possible from this state'],
  in_future: ['Waktu di masa depan', 'A time in the future'],
  not_customer: ['Bukan pelanggan kami', 'Not a customer of ours'],
  same_phone_other_name: [
    'Nomor HP sama dengan pelanggan lain yang namanya berbeda: tidak diimpor, tidak ada yang diubah. Periksa dan putuskan sendiri',
    'Same phone number as a customer with another name: not imported, nothing changed. Check it and decide',
  ],
  same_email_other_name: [
    'Email sama dengan pelanggan lain yang namanya berbeda: tidak diimpor, tidak ada yang diubah. Periksa dan putuskan sendiri',
    'Same email as a customer with another name: not imported, nothing changed. Check it and decide',
  ],
};
/** Said after the reason of a value the row was imported without. */
const DROPPED: Record<ReportLanguage, string> = {
  id: 'baris diimpor tanpa nilai ini',
  en: 'row imported without this value',
};
const TITLES: Record<ReportLanguage, [string, string, string]> = {
  id: ['Baris', 'Kolom', 'Masalah'],
  en: ['Row', 'Column', 'Problem'],
};

export const reasonText = (code: ImportProblem['code'], lang: ReportLanguage = 'id'): string => REASONS[code][lang === 'id' ? 0 : 1];

export interface ReportOptions {
  /** Re-read this file to put each invalid row's original cells into the report. */
  original?: ImportSourceRef | null;
  /** Default: the original file's, when it is a comma CSV; otherwise `;` (Excel with Indonesian settings). */
  delimiter?: ';' | ',';
  lang?: ReportLanguage;
}

/** Writes the report to `path` (atomically); returns the number of rows written. */
export async function writeProblemsCsv(path: string, problems: readonly ImportProblem[], opts: ReportOptions = {}): Promise<number> {
  const lang = opts.lang ?? 'id';
  let delimiter = opts.delimiter ?? ';';
  const csv = (records: (string | number)[][]) =>
    stringify(
      records.map((r) => r.map((v) => (typeof v === 'string' ? escapeFormula(v) : v))),
      { delimiter, record_delimiter: 'windows' },
    );
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) {
    const list = byRow.get(p.row);
    if (list) list.push(p);
    else byRow.set(p.row, [p]);
  }
  const summary = (list: ImportProblem[]): [string, string] => [
    [...new Set(list.map((p) => p.column))].join('; '),
    list.map((p) => `${p.column}: ${reasonText(p.code, lang)}${p.dropped ? ` (${DROPPED[lang]})` : ''}`).join('; '),
  ];
  const out = openAtomic(path);
  let written = 0;
  try {
    await out.write('\ufeff');
    if (opts.original) {
      const table = await openTable(opts.original.path, opts.original.sheet, isKnownHeader);
      // The report is written like the file it reports on (a comma CSV stays a comma CSV).
      if (!opts.delimiter && table.info.delimiter === ',') delimiter = ',';
      try {
        await out.write(csv([[...TITLES[lang], ...table.headers]]));
        for await (const { row, cells } of table.rows) {
          const list = byRow.get(row);
          if (!list) continue;
          await out.write(csv([[row, ...summary(list), ...table.headers.map((_, i) => cells[i] ?? '')]]));
          written++;
        }
      } finally {
        await table.rows.return(undefined);
      }
    } else {
      await out.write(csv([TITLES[lang]]));
      for (const [row, list] of byRow) {
        await out.write(csv([[row, ...summary(list)]]));
        written++;
      }
    }
    await out.commit();
    return written;
  } catch (err) {
    await out.abort();
    throw err;
  }
}
