/**
 * The access pack as a document model, in the customer's language (UU PDP Pasal 7, 32; GDPR Art.
 * 15): their data field by field, the shop's own fields, purchases, tags, consent history, requests,
 * each purpose with its basis, data and retention, who inside sees what, and the processing trail by
 * role — or, for portability (Pasal 13), only what they provided. Same input, same bytes: the PDF is
 * dated from the data's `generatedAt`, times are printed in the shop's zone.
 */
import { type Message, dayIn, formatClock, formatDate, formatRupiah, translator, type Lang } from '../../../contract/i18n';
import type { Block, DocumentModel } from '../model';
import { CORE_FIELDS, type AccessPackData, type Doer, type PackTrailEntry } from './access-pack-data';
import { accessPackEn } from './access-pack.en';
import { accessPackId, type AccessPackKey } from './access-pack.id';
import { DEFAULT_TIME_ZONE, SHOP_TIME_ZONES } from './consent-data';
import { consentT } from './consent-text';
import { DEFAULT_AUTHORITY } from './notice-data';
import { noticeT, retentionText } from './notice-text';

/** The pack's labels, one dictionary per language. */
export const accessPackDictionaries: Readonly<Record<Lang, Readonly<Record<AccessPackKey, Message>>>> = { id: accessPackId, en: accessPackEn };
export const accessPackT = (lang: Lang) => translator<AccessPackKey>(accessPackDictionaries, lang);
type T = ReturnType<typeof accessPackT>;

interface Words {
  t: T;
  n: ReturnType<typeof noticeT>;
  c: ReturnType<typeof consentT>;
  lang: Lang;
}

const ZONE = DEFAULT_TIME_ZONE;
const moment = (w: Words, ms: number): string => `${formatDate(w.lang, dayIn(ms, ZONE), 'short')} ${formatClock(w.lang, ms, ZONE)} ${SHOP_TIME_ZONES[ZONE]}`;
const day = (w: Words, ms: number): string => formatDate(w.lang, dayIn(ms, ZONE), 'short');

export function doerText(w: Words, d: Doer): string {
  const role = d.role === 'system' ? w.t('by.system') : d.role === 'unknown' ? w.t('by.unknown') : w.n(`role.${d.role}`);
  return d.name ? `${d.name} (${role})` : role;
}

function customerBlocks(w: Words, d: AccessPackData): Block[] {
  const { t, n } = w;
  const c = d.customer;
  const rows: [string, string][] = [[t('customer.id'), String(c.id)]];
  for (const key of CORE_FIELDS) {
    const v = c.values[key];
    if (v === null || v === '') continue;
    const shown = key === 'gender' && (v === 'female' || v === 'male' || v === 'other') ? t(`gender.${v}`) : key === 'birthday' ? formatDate(w.lang, v, 'long') : v;
    rows.push([n(`field.${key}`), shown]);
  }
  rows.push([t('customer.created'), moment(w, c.createdAt)], [t('customer.updated'), moment(w, c.updatedAt)]);
  if (c.lastVerifiedAt !== null) rows.push([t('customer.verified'), moment(w, c.lastVerifiedAt)]);
  const s = c.purchaseSummary;
  rows.push([t('customer.purchases'), t('customer.purchasesValue', { count: s.count, total: formatRupiah(s.total), last: s.lastDate ? formatDate(w.lang, s.lastDate, 'short') : t('none') })]);
  if (c.restriction && !d.portable) rows.push([t('customer.restricted'), t('customer.restrictedValue', { since: day(w, c.restriction.since), reason: c.restriction.reason })]);
  for (const f of d.customFields) rows.push([f.label ?? t('custom.removed', { key: f.key }), String(f.value)]);
  return [{ kind: 'heading', text: t('customer.heading') }, { kind: 'facts', rows }];
}

function purchaseBlocks(w: Words, d: AccessPackData): Block[] {
  const { t } = w;
  if (d.purchases.length === 0) return [{ kind: 'heading', text: t('purchases.heading') }, { kind: 'paragraph', text: t('purchases.none') }];
  return [
    { kind: 'heading', text: t('purchases.heading') },
    {
      kind: 'table',
      columns: [t('purchases.col.date'), t('purchases.col.description'), t('purchases.col.amount'), t('purchases.col.channel')],
      rows: d.purchases.map((p) => [formatDate(w.lang, p.date, 'short'), p.description, formatRupiah(p.amount), t(`channel.${p.channel}`)]),
      widths: [1.4, 4, 1.6, 1.4],
    },
    { kind: 'heading', text: t('tags.heading') },
    { kind: 'paragraph', text: d.tags.length ? d.tags.join(', ') : t('tags.none') },
  ];
}

function consentBlocks(w: Words, d: AccessPackData): Block[] {
  const { t, c } = w;
  const head: Block = { kind: 'heading', text: t('consent.heading') };
  if (d.consent.length === 0) return [head, { kind: 'paragraph', text: t('consent.none') }];
  const purposeName = new Map(d.purposes.map((p) => [p.key, p.name[w.lang]]));
  return [
    head,
    {
      kind: 'table',
      columns: [t('consent.col.at'), t('consent.col.purpose'), t('consent.col.state'), t('consent.col.how')],
      rows: d.consent.map((e) => [
        moment(w, e.at),
        purposeName.get(e.purpose) ?? e.purpose,
        c(`state.${e.state}`),
        [
          c(`method.${e.method}`),
          doerText(w, e.recordedBy),
          ...(e.guardian ? [t('consent.guardian', { ...e.guardian })] : []),
          ...(e.evidence ? [t('consent.evidence', { file: e.evidence.fileName })] : e.evidenceRef ? [t('consent.evidence', { file: e.evidenceRef })] : []),
        ].join(' · '),
      ]),
      widths: [1.8, 2.4, 1.4, 3.2],
    },
  ];
}

function requestBlocks(w: Words, d: AccessPackData): Block[] {
  const { t } = w;
  const head: Block = { kind: 'heading', text: t('requests.heading') };
  if (d.requests.length === 0) return [head, { kind: 'paragraph', text: t('requests.none') }];
  return [
    head,
    {
      kind: 'bullets',
      items: d.requests.map((r) => {
        const line = t('requests.item', { number: r.number, type: t(`type.${r.type}`), received: moment(w, r.receivedAt), due: moment(w, r.dueAt), state: t(`state.${r.state}`) });
        return r.asked ? `${line}. ${t('requests.asked', { asked: r.asked })}` : line;
      }),
    },
  ];
}

function purposeBlocks(w: Words, d: AccessPackData): Block[] {
  const { t, n } = w;
  return [
    { kind: 'heading', text: t('purposes.heading') },
    {
      kind: 'table',
      columns: [t('purposes.col.purpose'), t('purposes.col.basis'), t('purposes.col.data'), t('purposes.col.retention')],
      rows: d.purposes.map((p) => [
        {
          bold: `${p.name[w.lang]}${p.status === 'retired' ? ` ${t('purposes.retired')}` : ''}`,
          text: [p.description[w.lang], ...(p.consent ? [t('purposes.consent', { state: p.consent === 'none' ? t('purposes.consentNone') : w.c(`state.${p.consent}`) })] : [])].join(' '),
        },
        n(`basis.${p.basis}`),
        p.fields.map((f) => `${f.label[w.lang]}${f.held ? ' ✓' : ''}`).join(', '),
        retentionText(n, p.retention),
      ]),
      widths: [3, 2.2, 2.4, 1.8],
    },
  ];
}

function accessBlocks(w: Words, d: AccessPackData): Block[] {
  const { t, n } = w;
  return [
    { kind: 'heading', text: t('access.heading') },
    {
      kind: 'table',
      columns: [t('access.col.role'), t('access.col.sees'), t('access.col.can'), t('access.col.people')],
      rows: d.access.map((a) => {
        const can = [...(a.canEdit ? [t('can.edit')] : []), ...(a.canExport ? [t('can.export')] : []), ...(a.canSeeAudit ? [t('can.audit')] : []), ...(a.canHandleRequests ? [t('can.requests')] : [])];
        return [n(`role.${a.role}`), t(`sees.${a.sees}`), can.length ? can.join(', ') : t('can.nothing'), a.names?.length ? `${a.people}: ${a.names.join(', ')}` : String(a.people)];
      }),
      widths: [1.8, 3, 2.6, 1.4],
    },
  ];
}

const ACTION_KEYS = new Set<string>(Object.keys(accessPackId).filter((k) => k.startsWith('action.')));

export function trailWhat(w: Words, e: PackTrailEntry, purposeNames: ReadonlyMap<string, string> = new Map(), fieldNames: ReadonlyMap<string, string> = new Map()): string {
  const { t } = w;
  const base = e.kind === 'backup' ? t('trail.backup') : e.kind === 'export' ? t('trail.export') : ACTION_KEYS.has(`action.${e.action}`) ? t(`action.${e.action}` as AccessPackKey) : e.action;
  const what = e.fields?.length ? t('trail.fields', { what: base, fields: e.fields.map((f) => fieldNames.get(f) ?? f).join(', ') }) : e.purpose ? t('trail.fields', { what: base, fields: purposeNames.get(e.purpose) ?? e.purpose }) : base;
  return e.outcome === 'ok' ? what : t(`trail.outcome.${e.outcome}`, { what });
}

function trailBlocks(w: Words, d: AccessPackData): Block[] {
  const { t } = w;
  const purposeNames = new Map(d.purposes.map((p) => [p.key, p.name[w.lang]]));
  const fieldNames = new Map<string, string>([...CORE_FIELDS.map((k): [string, string] => [k, w.n(`field.${k}`)]), ...d.customFields.flatMap((f): [string, string][] => (f.label ? [[f.key, f.label]] : []))]);
  return [
    { kind: 'heading', text: t('trail.heading') },
    { kind: 'paragraph', text: `${t('trail.intro')} ${d.staffNames ? t('trail.names') : t('trail.roles')}` },
    ...(d.trail.some((e) => e.kind === 'export') ? [{ kind: 'paragraph', text: t('trail.exportNote') } as const] : []),
    d.trail.length === 0
      ? { kind: 'paragraph', text: t('trail.none') }
      : { kind: 'table', columns: [t('trail.col.at'), t('trail.col.what'), t('trail.col.by')], rows: d.trail.map((e) => [moment(w, e.at), trailWhat(w, e, purposeNames, fieldNames), doerText(w, e.by)]), widths: [2, 4.4, 2.2] },
  ];
}

export interface AccessPackMeta {
  /** The schema of the JSON beside it. */
  schema: string;
  requestNumber?: number;
}

export function accessPackModel(d: AccessPackData, lang: Lang, meta: AccessPackMeta): DocumentModel {
  const w: Words = { t: accessPackT(lang), n: noticeT(lang), c: consentT(lang), lang };
  const { t } = w;
  const shop = d.shop.name;
  const title = d.portable ? t('title.portable') : t('title');
  const lead = [d.portable ? t('lead.portable') : t('lead'), t('lead.files', { schema: meta.schema }), ...(meta.requestNumber ? [t('lead.request', { number: meta.requestNumber })] : [])];
  return {
    title: `${title} — ${shop || d.customer.values.name}`,
    author: shop,
    date: new Date(d.generatedAt),
    kind: 'document',
    blocks: [
      { kind: 'title', text: title },
      { kind: 'subtitle', text: t('subtitle', { shop, id: d.customer.id, moment: moment(w, d.generatedAt) }) },
      ...lead.map((text): Block => ({ kind: 'paragraph', text })),
      ...customerBlocks(w, d),
      ...purchaseBlocks(w, d),
      ...consentBlocks(w, d),
      ...(d.portable ? [] : [...requestBlocks(w, d), ...purposeBlocks(w, d), ...accessBlocks(w, d), ...trailBlocks(w, d)]),
      {
        kind: 'group',
        blocks: [
          { kind: 'heading', text: t('rights.heading') },
          { kind: 'paragraph', text: t('rights.text', { authority: d.shop.authority || DEFAULT_AUTHORITY }) },
        ],
      },
    ],
    footer: t('footer', { shop, id: d.customer.id }),
    pageLabel: (page, total) => t('page', { page, total }),
  };
}
