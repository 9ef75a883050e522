/** Rotation keeps the newest backup of the last N days and of M weeks before them, for one shop only. */
import { describe, expect, it } from 'vitest';
import { filesToDelete, isoWeek, parseBackupName } from './rotation';

const name = (shop: string, y: number, m: number, d: number, hhmm = '1430') =>
  `Brankas-${shop}-${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}-${hhmm}.brankas`;

describe('backup rotation', () => {
  it('reads the names Brankas writes and nothing else', () => {
    expect(parseBackupName('Brankas-Ibu-Sari-2026-11-29-1430.brankas')).toMatchObject({ shop: 'Ibu-Sari', day: '2026-11-29' });
    expect(parseBackupName('.Brankas-Ibu-Sari-2026-11-29-1430.brankas.partial')).toBeNull();
    expect(parseBackupName('Brankas-Ibu-Sari-2026-02-30-1430.brankas')).toBeNull();
    expect(parseBackupName('foto-liburan.jpg')).toBeNull();
  });

  it('ISO weeks: Monday starts the week, the year of its Thursday names it', () => {
    expect(isoWeek(new Date(2026, 10, 29).getTime())).toBe('2026-W48'); // Sunday
    expect(isoWeek(new Date(2026, 10, 30).getTime())).toBe('2026-W49'); // Monday
    expect(isoWeek(new Date(2027, 0, 1).getTime())).toBe('2026-W53');
    expect(isoWeek(new Date(2021, 0, 3).getTime())).toBe('2020-W53');
  });

  it('keeps 7 daily + 4 weekly out of 60 days of daily backups, newest of each', () => {
    const files: string[] = [];
    for (let i = 0; i < 60; i++) {
      const d = new Date(2026, 10, 29 - i);
      files.push(name('Toko', d.getFullYear(), d.getMonth() + 1, d.getDate()));
    }
    const gone = new Set(filesToDelete(files, 'Toko', 7, 4));
    const kept = files.filter((f) => !gone.has(f));
    expect(kept).toHaveLength(11);
    expect(kept.slice(0, 7)).toEqual(files.slice(0, 7));
    const weeks = kept.slice(7).map((f) => isoWeek(parseBackupName(f)!.at));
    expect(new Set(weeks).size).toBe(4);
    // the weekly ones are the newest of their weeks, all older than the daily ones
    for (const f of kept.slice(7)) expect(parseBackupName(f)!.at).toBeLessThan(parseBackupName(kept[6]!)!.at);
  });

  it('a second backup on the same day replaces the first; other shops and other files are never touched', () => {
    const files = [name('Toko', 2026, 11, 29, '0900'), name('Toko', 2026, 11, 29, '1800'), name('Lain', 2026, 1, 1), 'catatan.txt'];
    expect(filesToDelete(files, 'Toko', 7, 4)).toEqual([name('Toko', 2026, 11, 29, '0900')]);
  });

  it('keepWeekly 0 keeps only the daily ones', () => {
    const files = [1, 2, 3, 10, 20].map((d) => name('Toko', 2026, 11, d));
    expect(filesToDelete(files, 'Toko', 2, 0).sort()).toEqual([1, 2, 3].map((d) => name('Toko', 2026, 11, d)).sort());
  });
});
