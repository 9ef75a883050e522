import { errorCodes, type ErrorCode } from '../../contract';
import { formatNumber } from '../../contract';
import type { Locale, MessageKey, Translate } from '../../i18n/translate';
import { errorKey } from '../../i18n/useT';

const DAY = 86_400_000;

/** Bytes as megabytes with one decimal, the way Windows Explorer counts them: "12,3 MB". */
export function formatMegabytes(locale: Locale, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const text = formatNumber(locale, mb, { maximumFractionDigits: 1, minimumFractionDigits: mb < 10 ? 1 : 0 });
  return `${text} MB`;
}

/** "4,2 detik", "2 menit 5 detik". */
export function formatDuration(t: Translate, locale: Locale, ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) {
    const s = formatNumber(locale, seconds, { maximumFractionDigits: seconds < 10 ? 1 : 0 });
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

/** What a backup holds, in one line (plural forms from the dictionaries): "1.250 pelanggan, 3.400 pembelian, 3 orang, 980 catatan audit". */
export function countsText(t: Translate, c: { customers: number; purchases: number; staff: number; auditEntries: number }): string {
  return t('backup.counts', {
    customers: t('backup.count.customers', { count: c.customers }),
    purchases: t('backup.count.purchases', { count: c.purchases }),
    staff: t('backup.count.staff', { count: c.staff }),
    audit: t('backup.count.audit', { count: c.auditEntries }),
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
