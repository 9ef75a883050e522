/**
 * Which old backups to delete from the schedule's folder: keep the newest backup of each of the
 * last `keepDaily` days that have one, and the newest of each of the `keepWeekly` ISO weeks before
 * those; everything else made for the same shop goes. Files are recognised by their name only
 * (`Brankas-<shop>-YYYY-MM-DD-HHmm.brankas`); anything else in the folder is never touched.
 */
const NAME = /^Brankas-(?:(.+)-)?(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})\.brankas$/;

export interface BackupFileName {
  name: string;
  shop: string;
  /** Local time the name carries, as ms since the epoch. */
  at: number;
  day: string;
}

export function parseBackupName(name: string): BackupFileName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, shop, y, mo, d, h, mi] = m as unknown as [string, string, string, string, string, string, string];
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d)) return null;
  return { name, shop, at: date.getTime(), day: `${y}-${mo}-${d}` };
}

/** ISO 8601 week of a local date, e.g. "2026-W48". */
export function isoWeek(at: number): string {
  const local = new Date(at);
  // The Thursday of the same Monday-to-Sunday week decides the year; count weeks from 1 January.
  const d = new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The file names to delete. `shop` limits the rotation to this shop's backups. */
export function filesToDelete(names: readonly string[], shop: string, keepDaily: number, keepWeekly: number): string[] {
  const mine = names
    .map(parseBackupName)
    .filter((f): f is BackupFileName => f !== null && f.shop === shop)
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  const days: string[] = [];
  for (const f of mine) {
    if (days.includes(f.day)) continue;
    if (days.length >= keepDaily) break;
    days.push(f.day);
    keep.add(f.name);
  }
  const oldestKeptDay = days.at(-1);
  const weeks: string[] = [];
  for (const f of mine) {
    if (keep.has(f.name) || (oldestKeptDay !== undefined && f.day >= oldestKeptDay)) continue;
    const week = isoWeek(f.at);
    if (weeks.includes(week)) continue;
    if (weeks.length >= keepWeekly) break;
    weeks.push(week);
    keep.add(f.name);
  }
  return mine.filter((f) => !keep.has(f.name)).map((f) => f.name);
}
