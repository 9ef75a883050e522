/**
 * The consent ledger (migration 5): `consent_events` (append-only), `consent_current` (kept by a
 * trigger from the ledger) and `consent_evidence`. Plain functions, the handle first, SQL beside its
 * row mapper. `appendConsent` is the one write path: the customer form, the CLI and the import use it,
 * each inside its own transaction with its audit entry.
 */
import type { ConsentEntry, ConsentMethod, ConsentState, EvidenceInfo, Guardian } from '../../contract';
import type { Queryable } from '../db/driver';

export interface NewConsentEntry {
  customerId: number;
  purposeKey: string;
  state: ConsentState;
  at: number;
  method: ConsentMethod;
  recordedBy: { id: number | null; name: string };
  noticeVersion: number | null;
  evidenceId?: number | null;
  evidenceRef?: string | null;
  guardian?: Guardian | null;
}

export async function appendConsent(tx: Queryable, e: NewConsentEntry): Promise<number> {
  const { lastID } = await tx.run(
    `INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorded_by, recorder_name,
                                 notice_version, evidence_id, evidence_ref, guardian_name, guardian_relation)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.customerId,
      e.purposeKey,
      e.state,
      e.at,
      e.method,
      e.recordedBy.id,
      e.recordedBy.name,
      e.noticeVersion,
      e.evidenceId ?? null,
      e.evidenceRef ?? null,
      e.guardian?.name ?? null,
      e.guardian?.relation ?? null,
    ],
  );
  return lastID;
}

interface EntryRow {
  id: number;
  customer_id: number;
  purpose_key: string;
  state: string;
  at: number;
  method: string;
  recorded_by: number | null;
  recorder_name: string;
  notice_version: number | null;
  evidence_id: number | null;
  evidence_ref: string | null;
  guardian_name: string | null;
  guardian_relation: string | null;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
}

const ENTRY = `
  SELECT e.id, e.customer_id, e.purpose_key, e.state, e.at, e.method, e.recorded_by, e.recorder_name,
         e.notice_version, e.evidence_id, e.evidence_ref, e.guardian_name, e.guardian_relation,
         v.file_name, v.media_type, v.size
  FROM consent_events e LEFT JOIN consent_evidence v ON v.id = e.evidence_id`;

const toEntry = (r: EntryRow): ConsentEntry => ({
  id: r.id,
  customerId: r.customer_id,
  purposeKey: r.purpose_key,
  state: r.state as ConsentState,
  at: r.at,
  method: r.method as ConsentMethod,
  recordedBy: { id: r.recorded_by, name: r.recorder_name },
  noticeVersion: r.notice_version,
  evidence: r.evidence_id === null ? null : { id: r.evidence_id, fileName: r.file_name ?? '', mediaType: r.media_type ?? '', size: r.size ?? 0 },
  evidenceRef: r.evidence_ref,
  guardian: r.guardian_name === null ? null : { name: r.guardian_name, relation: r.guardian_relation ?? '' },
});

/** A customer's whole history, newest first (time, then id). */
export async function listEntries(q: Queryable, customerId: number): Promise<ConsentEntry[]> {
  const rows = await q.all<EntryRow>(`${ENTRY} WHERE e.customer_id = ? ORDER BY e.at DESC, e.id DESC`, [customerId]);
  return rows.map(toEntry);
}

export async function getEntry(q: Queryable, id: number): Promise<ConsentEntry | undefined> {
  const row = await q.get<EntryRow>(`${ENTRY} WHERE e.id = ?`, [id]);
  return row && toEntry(row);
}

/** The current entry per purpose for one customer. */
export async function currentEntries(q: Queryable, customerId: number): Promise<ConsentEntry[]> {
  const rows = await q.all<EntryRow>(`${ENTRY} JOIN consent_current c ON c.event_id = e.id WHERE c.customer_id = ?`, [customerId]);
  return rows.map(toEntry);
}

export async function insertEvidence(
  tx: Queryable,
  e: { customerId: number; fileName: string; mediaType: string; sha256: string; content: Buffer; at: number },
): Promise<number> {
  const { lastID } = await tx.run(
    'INSERT INTO consent_evidence (customer_id, file_name, media_type, size, sha256, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [e.customerId, e.fileName, e.mediaType, e.content.length, e.sha256, e.content, e.at],
  );
  return lastID;
}

export async function getEvidence(q: Queryable, id: number): Promise<(EvidenceInfo & { customerId: number; content: Buffer }) | undefined> {
  const row = await q.get<{ id: number; customer_id: number; file_name: string; media_type: string; size: number; content: Buffer }>(
    'SELECT id, customer_id, file_name, media_type, size, content FROM consent_evidence WHERE id = ?',
    [id],
  );
  return row && { id: row.id, customerId: row.customer_id, fileName: row.file_name, mediaType: row.media_type, size: row.size, content: row.content };
}

export async function evidenceInfo(q: Queryable, id: number): Promise<EvidenceInfo | undefined> {
  const row = await q.get<{ id: number; file_name: string; media_type: string; size: number }>('SELECT id, file_name, media_type, size FROM consent_evidence WHERE id = ?', [id]);
  return row && { id: row.id, fileName: row.file_name, mediaType: row.media_type, size: row.size };
}

/** The highest published notice version, the one new entries point at (null: none yet). */
export async function noticeInForce(q: Queryable): Promise<number | null> {
  const row = await q.get<{ n: number | null }>('SELECT max(number) AS n FROM notice_versions');
  return row?.n ?? null;
}
