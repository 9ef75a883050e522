/**
 * Everything the vault holds about ONE customer, as typed data for the access pack (UU PDP Pasal 7,
 * 32; GDPR Art. 15) and its portable subset (Pasal 13; Art. 20): every stored field with the custom
 * fields' labels, purchases, tags, the consent history, the requests that concern them, each purpose
 * with its basis and retention, which roles can see the data, and the processing trail (trail.ts).
 * Every query is by this customer's id (or their requests' numbers): nothing about anyone else is
 * read, so nothing about anyone else can appear. A customer that does not exist is `not_found`.
 */
import { can, roles, type ConsentState, type Role } from '../../contract';
import type { Queryable } from '../db/driver';
import { listEntries } from '../consent/repository';
import { CUSTOMER_COLUMNS, parseCustom, parseTags, type CustomerRow } from '../customers/repository';
import { noticeT, type Localized } from '../documents';
import {
  CORE_FIELDS,
  type AccessPackData,
  type CoreField,
  type Doer,
  type PackAccess,
  type PackCustomer,
  type PackCustomField,
  type PackPurpose,
  type PackRequest,
} from '../documents/templates/access-pack-data';
import { VaultError } from '../errors';
import { listFields } from '../fields/repository';
import { getProfile } from '../notice/repository';
import { listPurchases } from '../purchases/repository';
import { listPurposes } from '../purposes/repository';
import { listRequestRows, requestEvents } from '../requests/repository';
import { restrictionOf } from '../restriction/repository';
import { listStaff } from '../staff/repository';
import { collectTrail } from './trail';

export type { AccessPackData } from '../documents/templates/access-pack-data';

export interface CollectOptions {
  /** Name staff (the Owner's choice); otherwise roles only. */
  staffNames: boolean;
  /** The portable subset: what the customer provided (fields, custom fields, purchases, tags, consent). */
  portable?: boolean;
  now: number;
}

/** Who a staff id was, as the pack may say it: the role always, the name only when asked. */
export type DoerOf = (id: number | null, fallbackName: string) => Doer;

async function doers(q: Queryable, staffNames: boolean): Promise<{ doer: DoerOf; staff: Awaited<ReturnType<typeof listStaff>> }> {
  const staff = await listStaff(q);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const doer: DoerOf = (id, fallbackName) => {
    if (id === null) return { role: 'system' };
    const s = byId.get(id);
    if (!s) return staffNames ? { role: 'unknown', name: fallbackName } : { role: 'unknown' };
    return staffNames ? { role: s.role, name: s.name } : { role: s.role };
  };
  return { doer, staff };
}

const both = (make: (t: ReturnType<typeof noticeT>) => string): Localized => ({ id: make(noticeT('id')), en: make(noticeT('en')) });

/** A field's label as the customer would name it: the notice's words for built-in ones, the shop's label for custom ones. */
function labelOf(key: string, custom: ReadonlyMap<string, string | null>): Localized {
  if (key === 'name' || (CORE_FIELDS as readonly string[]).includes(key)) return both((t) => t(`field.${key as CoreField}`));
  const label = custom.get(key) ?? key;
  return { id: label, en: label };
}

async function customerOf(q: Queryable, id: number): Promise<CustomerRow> {
  const row = await q.get<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ?`, [id]);
  if (!row) throw new VaultError('not_found', undefined, `customer ${id}`);
  return row;
}

async function restrictionIn(q: Queryable, id: number, doer: DoerOf): Promise<PackCustomer['restriction']> {
  const r = await restrictionOf(q, id);
  if (!r) return null;
  // The restriction keeps who set it by name: their role is found through it.
  const by = await q.get<{ id: number }>('SELECT id FROM staff WHERE name = ?', [r.by]);
  return { since: r.since, reason: r.reason, by: doer(by?.id ?? -1, r.by), request: r.requestNumber };
}

function accessOf(staff: Awaited<ReturnType<typeof listStaff>>, staffNames: boolean): PackAccess[] {
  return roles.map((role: Role) => {
    const people = staff.filter((s) => s.status === 'active' && s.role === role);
    return {
      role,
      sees: can(role, 'customers.viewSensitive') ? 'all' : can(role, 'customers.reveal') ? 'reveal' : 'masked',
      canEdit: can(role, 'customers.edit'),
      canExport: can(role, 'data.export'),
      canSeeAudit: can(role, 'audit.view'),
      canHandleRequests: can(role, 'privacy.handle'),
      people: people.length,
      ...(staffNames ? { names: people.map((s) => s.name) } : {}),
    };
  });
}

async function requestsOf(q: Queryable, id: number, doer: DoerOf): Promise<PackRequest[]> {
  const rows = await listRequestRows(q, { customerId: id });
  const takers = new Map(
    (await q.all<{ number: number; taken_by: number | null }>('SELECT number, taken_by FROM requests WHERE number IN (SELECT request_number FROM request_customers WHERE customer_id = ?)', [id])).map(
      (r) => [r.number, r.taken_by],
    ),
  );
  const byIds = new Map(
    (await q.all<{ id: number; by_id: number | null }>('SELECT id, by_id FROM request_events WHERE request_number IN (SELECT request_number FROM request_customers WHERE customer_id = ?)', [id])).map(
      (r) => [r.id, r.by_id],
    ),
  );
  const out: PackRequest[] = [];
  for (const r of rows.reverse()) {
    const events = await requestEvents(q, r.number);
    out.push({
      number: r.number,
      type: r.type,
      channel: r.channel,
      state: r.state,
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      dueBasis: r.dueBasis,
      requester: r.requester,
      asked: r.asked,
      outcome: r.outcome,
      reason: r.reason,
      answeredAt: r.answeredAt,
      closedAt: r.closedAt,
      takenBy: doer(takers.get(r.number) ?? null, r.takerName),
      steps: events.map((e) => ({ at: e.at, kind: e.kind, state: e.state, by: doer(byIds.get(e.id) ?? null, e.by) })),
    });
  }
  return out;
}

function purposesOf(
  list: Awaited<ReturnType<typeof listPurposes>>,
  held: (key: string) => boolean,
  customLabels: ReadonlyMap<string, string | null>,
  consent: ReadonlyMap<string, ConsentState>,
): PackPurpose[] {
  return list.map((p) => ({
    key: p.key,
    name: p.name,
    description: p.description,
    basis: p.basis,
    needsConsent: p.needsConsent,
    retention: p.retention,
    status: p.status,
    fields: ['name', ...p.fields.filter((k) => k !== 'name')].map((key) => ({ key, label: labelOf(key, customLabels), held: held(key) })),
    consent: p.needsConsent ? (consent.get(p.key) ?? 'none') : null,
  }));
}

/** The pack's data for `customerId`; `not_found` when there is no such customer. */
export async function collectAccessPack(q: Queryable, customerId: number, opts: CollectOptions): Promise<AccessPackData> {
  const row = await customerOf(q, customerId);
  const { doer, staff } = await doers(q, opts.staffNames);
  const [fields, purchases, entries, purposes, profile, tagRows] = await Promise.all([
    listFields(q),
    listPurchases(q, customerId),
    listEntries(q, customerId),
    listPurposes(q),
    getProfile(q),
    q.all<{ tag: string }>('SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag', [customerId]),
  ]);
  const customLabels = new Map(fields.filter((f) => !f.builtin).map((f) => [f.key, f.label]));
  const kinds = new Map(fields.map((f) => [f.key, f.kind]));
  const values = Object.fromEntries(CORE_FIELDS.map((k) => [k, row[k]])) as Record<CoreField, string | null>;
  const custom = parseCustom(row.custom);
  const customFields: PackCustomField[] = Object.entries(custom).map(([key, value]) => ({ key, label: customLabels.get(key) ?? null, kind: kinds.get(key) ?? null, value }));
  const tags = [...new Set([...parseTags(row.tags), ...tagRows.map((t) => t.tag)])];
  const held = (key: string): boolean => (key in values ? values[key as CoreField] !== null && values[key as CoreField] !== '' : custom[key] !== undefined && custom[key] !== '');
  // The ledger is newest first; the latest entry per purpose is its current state.
  const current = new Map<string, ConsentState>();
  for (const e of entries) if (!current.has(e.purposeKey)) current.set(e.purposeKey, e.state);
  const consent = [...entries].reverse().map((e) => ({
    id: e.id,
    purpose: e.purposeKey,
    state: e.state,
    at: e.at,
    method: e.method,
    recordedBy: doer(e.recordedBy.id, e.recordedBy.name),
    noticeVersion: e.noticeVersion,
    evidence: e.evidence && { fileName: e.evidence.fileName, mediaType: e.evidence.mediaType, size: e.evidence.size },
    evidenceRef: e.evidenceRef,
    guardian: e.guardian,
  }));
  const portable = opts.portable === true;
  const requests = portable ? [] : await requestsOf(q, customerId, doer);
  const p = profile;
  return {
    generatedAt: opts.now,
    portable,
    staffNames: opts.staffNames,
    shop: {
      name: p?.name.trim() ?? '',
      address: p?.address.trim() ?? '',
      ...(p?.whatsapp.trim() ? { whatsapp: p.whatsapp.trim() } : {}),
      ...(p?.phone.trim() ? { phone: p.phone.trim() } : {}),
      ...(p?.email.trim() ? { email: p.email.trim() } : {}),
      authority: p?.authority.trim() ?? '',
    },
    customer: {
      id: row.id,
      values,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastVerifiedAt: row.last_verified_at,
      purchaseSummary: { count: row.purchase_count, total: row.purchase_total, lastDate: row.last_purchase_date },
      restriction: await restrictionIn(q, customerId, doer),
    },
    customFields,
    purchases: purchases.reverse().map((x) => ({ id: x.id, date: x.date, description: x.description, amount: x.amount, channel: x.channel, recordedAt: x.createdAt })),
    tags,
    consent,
    requests,
    purposes: portable ? [] : purposesOf(purposes, held, customLabels, current),
    access: portable ? [] : accessOf(staff, opts.staffNames),
    trail: portable ? [] : await collectTrail(q, { customerId, since: row.created_at, requests: requests.map((r) => r.number), doer }),
  };
}
