import type { AuditAction, AuditDetails, AuditEntry, AuditOutcome, AuditVerification } from '../../contract';
import { dictionaries, formatNumber, type Locale, type MessageKey, type Translate } from '../../i18n/translate';
import { builtinLabels } from '../fields/fieldText';

export const actionKey = (a: AuditAction): MessageKey => `auditAction.${a}` satisfies MessageKey;
export const outcomeKey = (o: AuditOutcome): MessageKey => `audit.outcome.${o}` satisfies MessageKey;

/** A details key in words: a translation when there is one, else "fileName" → "file name". */
export function detailLabel(t: Translate, key: string): string {
  const k = `auditDetail.${key}`;
  if (k in dictionaries.id) return t(k as MessageKey);
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_.]/g, ' ').toLowerCase();
}

const ROLE_DETAILS = new Set(['role', 'fromRole', 'toRole', 'require2faRoles']);
const FIELD_DETAILS = new Set(['field', 'fields']);
/** Details whose values are the app's own codes (decisions, reasons, scopes), said in words. */
const VALUE_DETAILS = new Set(['decision', 'reason', 'via', 'scope', 'what', 'status']);
const FIELD_WORDS: Record<string, MessageKey> = { ...builtinLabels, name: 'form.name', tags: 'form.tags' };

/** A stored code in words where the app has words for it (roles, built-in fields); else as stored. */
function word(t: Translate, key: string | undefined, v: string): string {
  if (key && ROLE_DETAILS.has(key) && `role.${v}` in dictionaries.id) return t(`role.${v}` as MessageKey);
  if (key && FIELD_DETAILS.has(key) && v in FIELD_WORDS) return t(FIELD_WORDS[v]!);
  if (key && VALUE_DETAILS.has(key) && `auditValue.${v}` in dictionaries.id) return t(`auditValue.${v}` as MessageKey);
  return v;
}

/** One details value as text: lists joined, yes/no for flags, a dash for nothing; `key` translates roles and fields. */
export function detailValue(t: Translate, value: AuditDetails[string], key?: string): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value)) return value.map((v) => word(t, key, String(v))).join(', ');
  return typeof value === 'string' ? word(t, key, value) : String(value);
}

/** What an entry was about: "Pelanggan #12", "Akun #3", or the raw type and id. */
export function targetText(t: Translate, entry: Pick<AuditEntry, 'targetType' | 'targetId'>): string {
  if (!entry.targetType && !entry.targetId) return '—';
  if (entry.targetType === 'customer') return t('audit.target.customer', { id: entry.targetId ?? '' });
  if (entry.targetType === 'staff') return t('audit.target.staff', { id: entry.targetId ?? '' });
  return [entry.targetType, entry.targetId && `#${entry.targetId}`].filter(Boolean).join(' ');
}

/** The result of `audit.verify` in plain words. */
export function verificationText(t: Translate, locale: Locale, v: AuditVerification): string {
  const count = formatNumber(locale, v.entries);
  if (v.ok) return t('audit.verify.ok', { count });
  if (v.reason === 'truncated' || v.firstBrokenId === null) return t('audit.verify.truncated', { count });
  return t(v.reason === 'altered' ? 'audit.verify.altered' : 'audit.verify.missing', { id: v.firstBrokenId, count });
}

/** A `YYYY-MM-DD` date input as the first (or, with `end`, the last) millisecond of that local day. */
export function dayToMs(iso: string, end = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return end ? new Date(y, mo - 1, d + 1).getTime() - 1 : new Date(y, mo - 1, d).getTime();
}
