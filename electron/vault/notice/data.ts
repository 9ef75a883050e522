/**
 * The notice's input from the real vault: the shop profile, the active purposes with the enabled
 * fields serving each (labelled as the customer would name them), the roles in use with what each
 * sees (masked or not, by contract/staff.ts), the backups, the recipients and the authority.
 * `sourceDigest` fingerprints all of it except the version: it is what tells a published version
 * is out of date.
 */
import { createHash } from 'node:crypto';
import { can, roles, type FieldDef, type NoticePart, type Role, type ShopProfile } from '../../contract';
import type { Queryable } from '../db/driver';
import { noticeT, type Localized, type NoticeData } from '../documents';
import { listFields } from '../fields/repository';
import { listPurposes } from '../purposes/repository';
import { listStaff } from '../staff/repository';
import { listRecipients } from './repository';

const both = (make: (t: ReturnType<typeof noticeT>) => string): Localized => ({ id: make(noticeT('id')), en: make(noticeT('en')) });

function fieldLabel(f: FieldDef): Localized {
  if (!f.builtin) return { id: f.label ?? f.key, en: f.label ?? f.key };
  return both((t) => t(`field.${f.key as 'phone'}`));
}

/** What a role sees, from its permissions: everything, or sensitive values masked (one at a time revealed, recorded). */
export function roleSees(role: Role): Localized {
  const base = can(role, 'customers.viewSensitive') ? 'sees.all' : can(role, 'customers.reveal') ? 'sees.reveal' : 'sees.masked';
  return both((t) => (can(role, 'audit.view') ? t('sees.audit', { sees: t(base) }) : t(base)));
}

const place = (p: ShopProfile): Localized | undefined => {
  const id = p.backupPlace.id.trim();
  const en = p.backupPlace.en.trim();
  if (!id && !en) return undefined;
  return { id: id || en, en: en || id };
};

const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

/** Everything the notice says, for `version` (the version itself is not part of what it is made from). */
export async function buildNoticeData(q: Queryable, profile: ShopProfile, version: NoticeData['version']): Promise<NoticeData> {
  const [purposes, fields, staff, recipients] = await Promise.all([listPurposes(q), listFields(q), listStaff(q), listRecipients(q)]);
  const enabled = new Map(fields.filter((f) => f.enabled).map((f) => [f.key, f]));
  // Every record has the customer's name (always on), so every purpose uses it.
  const name = both((t) => t('field.name'));
  const inUse = new Set(staff.filter((s) => s.status === 'active').map((s) => s.role));
  const shop = profile.name.trim();
  const whatsapp = optional(profile.whatsapp);
  const phone = optional(profile.phone);
  const email = optional(profile.email);
  const backupPlace = place(profile);
  return {
    shop: { name: shop, address: profile.address.trim(), ...(whatsapp ? { whatsapp } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
    purposes: purposes
      .filter((p) => p.status === 'active')
      .map((p) => ({
        key: p.key,
        name: p.name,
        description: p.description,
        basis: p.basis,
        fields: [name, ...p.fields.flatMap((k) => (enabled.has(k) ? [fieldLabel(enabled.get(k) as FieldDef)] : []))],
        retention: p.retention,
      })),
    access: roles.filter((r) => inUse.has(r)).map((role) => ({ role, sees: roleSees(role) })),
    // Every backup Brankas makes is encrypted; where they are kept is the shop's to say.
    backups: { encrypted: true, ...(backupPlace ? { place: backupPlace } : {}) },
    recipients: recipients.map((r) => ({ name: r.name, why: r.why, country: r.country, abroad: r.abroad })),
    authority: profile.authority.trim(),
    version,
  };
}

/** JSON with object keys sorted, so the same content always gives the same bytes. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** SHA-256 of what the notice is made from, without its version number, date or draft mark. */
export function sourceDigest(data: NoticeData): string {
  const { version: _version, ...source } = data;
  return sha256(canonical(source));
}

/** Which parts differ between two notices' data. */
export function changedParts(before: NoticeData, now: NoticeData): NoticePart[] {
  const parts: NoticePart[] = [];
  for (const part of ['shop', 'purposes', 'access', 'backups', 'recipients', 'authority'] as const) {
    if (canonical(before[part]) !== canonical(now[part])) parts.push(part);
  }
  return parts;
}

/** The shop's local calendar date (YYYY-MM-DD) at `ms`. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}


