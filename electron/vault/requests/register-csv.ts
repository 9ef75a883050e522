/**
 * The register as CSV for an inspection (Pasal 14: requests are recorded): one row per request,
 * UTF-8 with a BOM, `;`, CRLF, an English header, times in ISO 8601, customers by id only (the
 * register proves the shop answered on time; it need not repeat who the customers are), every text
 * cell escaped against formula injection.
 */
import { stringify } from 'csv-stringify/sync';
import type { RequestSummary } from '../../contract';
import { requestRef } from '../documents';
import { escapeFormula } from '../transfer/formula';

export const REGISTER_CSV_HEADER = [
  'number',
  'ref',
  'type',
  'channel',
  'state',
  'received_at',
  'due_at',
  'due_basis',
  'hours_left',
  'overdue',
  'customer_ids',
  'not_customer',
  'taken_by',
] as const;

const iso = (ms: number) => new Date(ms).toISOString();

export function registerCsv(rows: readonly RequestSummary[]): string {
  const records = rows.map((r) => [
    String(r.number),
    requestRef(r.number),
    r.type,
    r.channel,
    r.state,
    iso(r.receivedAt),
    iso(r.dueAt),
    r.dueBasis,
    r.hoursLeft === null ? '' : String(r.hoursLeft),
    r.urgency === 'overdue' ? 'yes' : 'no',
    r.customers.map((c) => c.id).join(' '),
    r.notCustomer ? 'yes' : 'no',
    escapeFormula(r.takenBy),
  ]);
  return `\ufeff${stringify([[...REGISTER_CSV_HEADER], ...records], { delimiter: ';', record_delimiter: 'windows' })}`;
}
