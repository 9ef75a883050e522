/**
 * The access pack and the portable copy as JSON, in the versioned schemas docs/export-schema.md
 * documents field by field: `brankas.access-pack/1` (everything held) and `brankas.portable/1` (what
 * the customer provided: a subset with the same shapes). Times are ISO 8601 in UTC; calendar dates
 * (a purchase, a birthday) stay YYYY-MM-DD; amounts are whole rupiah. A new field may be added
 * within a version; a field is never renamed or removed without a new version.
 */
import type { AccessPackData, PackTrailEntry } from '../documents/templates/access-pack-data';

export const ACCESS_SCHEMA = 'brankas.access-pack/1';
export const PORTABLE_SCHEMA = 'brankas.portable/1';

/** Said on every export entry of the trail, in both languages. */
export const EXPORT_NOTE = {
  en: 'An export entry does not yet list which customers it held: this customer may or may not have been in it.',
  id: 'Catatan ekspor belum mencantumkan pelanggan mana yang ada di dalamnya: pelanggan ini mungkin termasuk, mungkin tidak.',
} as const;

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

function customerJson(d: AccessPackData) {
  const c = d.customer;
  return {
    id: c.id,
    ...c.values,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    lastVerifiedAt: isoOrNull(c.lastVerifiedAt),
    purchaseSummary: c.purchaseSummary,
    ...(d.portable
      ? {}
      : { restriction: c.restriction && { since: iso(c.restriction.since), reason: c.restriction.reason, by: c.restriction.by, request: c.restriction.request } }),
  };
}

const scopeOf = (e: PackTrailEntry): 'this_customer' | 'whole_vault' | 'maybe' => (e.kind === 'backup' ? 'whole_vault' : e.kind === 'export' ? 'maybe' : 'this_customer');

function trailJson(e: PackTrailEntry) {
  return {
    at: iso(e.at),
    action: e.action,
    outcome: e.outcome,
    kind: e.kind,
    scope: scopeOf(e),
    by: e.by,
    ...(e.fields ? { fields: e.fields } : {}),
    ...(e.purpose ? { purpose: e.purpose } : {}),
    ...(e.kind === 'export' ? { note: EXPORT_NOTE.en } : {}),
  };
}

/** The parts both schemas share: what the customer provided. */
function provided(d: AccessPackData) {
  return {
    generatedAt: iso(d.generatedAt),
    shop: d.shop,
    customer: customerJson(d),
    customFields: d.customFields.map((f) => ({ key: f.key, label: f.label, kind: f.kind, value: f.value })),
    purchases: d.purchases.map((p) => ({ id: p.id, date: p.date, description: p.description, amount: p.amount, channel: p.channel, recordedAt: iso(p.recordedAt) })),
    tags: [...d.tags],
    consent: d.consent.map((e) => ({
      id: e.id,
      purpose: e.purpose,
      state: e.state,
      at: iso(e.at),
      method: e.method,
      recordedBy: e.recordedBy,
      noticeVersion: e.noticeVersion,
      evidence: e.evidence,
      evidenceRef: e.evidenceRef,
      guardian: e.guardian,
    })),
  };
}

export function accessPackJson(d: AccessPackData) {
  return {
    schema: ACCESS_SCHEMA,
    ...provided(d),
    requests: d.requests.map((r) => ({
      number: r.number,
      type: r.type,
      channel: r.channel,
      state: r.state,
      receivedAt: iso(r.receivedAt),
      dueAt: iso(r.dueAt),
      dueBasis: r.dueBasis,
      requester: r.requester,
      asked: r.asked,
      outcome: r.outcome,
      reason: r.reason,
      answeredAt: isoOrNull(r.answeredAt),
      closedAt: isoOrNull(r.closedAt),
      takenBy: r.takenBy,
      steps: r.steps.map((s) => ({ at: iso(s.at), kind: s.kind, state: s.state, by: s.by })),
    })),
    purposes: d.purposes.map((p) => ({ ...p, fields: p.fields.map((f) => ({ key: f.key, label: f.label, held: f.held })) })),
    access: d.access.map((a) => ({ ...a })),
    trail: d.trail.map(trailJson),
  };
}

export function portableJson(d: AccessPackData) {
  return { schema: PORTABLE_SCHEMA, ...provided(d) };
}

/** The JSON document of a pack: the whole pack, or the portable copy when the data is portable. */
export const packDocument = (d: AccessPackData) => (d.portable ? portableJson(d) : accessPackJson(d));

export const jsonBytes = (doc: object): Buffer => Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
