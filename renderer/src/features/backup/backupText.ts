import { errorCodes, type ErrorCode } from '../../contract';
import { formatNumber, type Locale, type MessageKey, type Translate } from '../../i18n/translate';
import { errorKey } from '../../i18n/useT';

const DAY = 86_400_000;

/** Bytes as megabytes with one decimal, the way Windows Explorer counts them: "12,3 MB". */
export function formatMegabytes(locale: Locale, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const text = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: mb < 10 ? 1 : 0 }).format(mb);
  return `${text} MB`;
}

/** "4,2 detik", "2 menit 5 detik". */
export function formatDuration(t: Translate, locale: Locale, ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) {
    const s = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(seconds);
    return t('backup.duration.seconds', { s });
  }
  const whole = Math.round(seconds);
  return t('backup.duration.minutes', { m: Math.floor(whole / 60), s: whole % 60 });
}

/** Whole calendar days between a moment and now, in local time (0 = today). */
export function daysSince(ms: number, now: number): number {
  const start = (x: number) => {
    const d = new Date(x);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  };
  return Math.max(0, Math.round((start(now) - start(ms)) / DAY));
}

/** "hari ini", "kemarin", "5 hari lalu". */
export function agoText(t: Translate, ms: number, now: number): string {
  const days = daysSince(ms, now);
  if (days === 0) return t('backup.ago.today');
  if (days === 1) return t('backup.ago.yesterday');
  return t('backup.ago.days', { n: days });
}

/** What a backup holds, in one line: "1.250 pelanggan, 3.400 pembelian, 3 orang, 980 catatan audit". */
export function countsText(t: Translate, locale: Locale, c: { customers: number; purchases: number; staff: number; auditEntries: number }): string {
  const part = (n: number, many: MessageKey, one: MessageKey) => (n === 1 ? t(one) : t(many, { n: formatNumber(locale, n) }));
  return t('backup.counts', {
    customers: part(c.customers, 'backup.count.customers', 'backup.count.customersOne'),
    purchases: part(c.purchases, 'backup.count.purchases', 'backup.count.purchasesOne'),
    staff: part(c.staff, 'backup.count.staff', 'backup.count.staffOne'),
    audit: part(c.auditEntries, 'backup.count.audit', 'backup.count.auditOne'),
  });
}

/** Why a scheduled backup failed, worded for a backup that runs by itself and is tried again later. */
const FAILURE_KEYS: Partial<Record<ErrorCode, MessageKey>> = {
  folder_missing: 'backup.failure.folder_missing',
  disk_full: 'backup.failure.disk_full',
  read_only: 'backup.failure.read_only',
  backup_not_configured: 'backup.failure.backup_not_configured',
};
export function failureKey(code: string): MessageKey {
  return FAILURE_KEYS[code as ErrorCode] ?? (isErrorCode(code) ? errorKey(code) : 'backup.failure.other');
}

const isErrorCode = (code: string): code is ErrorCode => (errorCodes as readonly string[]).includes(code);
