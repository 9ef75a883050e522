/**
 * `npm run bench -- --backup [--quick]`: backup and restore at shop scale, against the raw floor in
 * the same run on the same connection:
 *   raw        `ATTACH … KEY "x'<K><S>'"` + `SELECT sqlcipher_export(…)` + DETACH on the vault's own
 *              connection with SQLite's defaults for the output (rollback journal, synchronous=FULL,
 *              2 MB cache), no flush, no check: the issue's baseline, what the 1.3× target is against;
 *   raw tuned  the same with the output settings writeBackup uses (`exportPragmas`: no journal, no
 *              sync, 16 MiB cache): the floor of the export alone, for reference (no target);
 *   backup     `writeBackup` (electron/vault/backup/write.ts): that tuned export plus the metadata
 *              table in one transaction, fsync, the check on separate connections and the rename,
 *              with check `quick` (the app's default), `pages` and `full` — target ≤ 1.3× raw;
 *   check      `verifyBackupFile(…, 'quick')` alone on the file just written (the share of
 *              writeBackup spent checking), each round; `full` once at the end;
 *   inspect    `inspectBackup` with the passphrase (what the restore screen runs before its preview);
 *   restore    `VaultService.restore` into an empty data folder (first run): verify, export into a new
 *              vault with a new key, re-seal the audit trail, open and check it, swap in.
 * Rounds alternate the order (raw, raw tuned, full, quick + check, pages, then the reverse); the
 * best of each is reported.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveBackupKey, keyLiteral, type BackupKey } from '../electron/vault/backup/key';
import { inspectBackup, verifyBackupFile } from '../electron/vault/backup/verify';
import { exportPragmas, writeBackup } from '../electron/vault/backup/write';
import { VaultService } from '../electron/vault/service';
import { int, mb, note, out, ratio, table, timed } from './stats';
import { MemoryKeychain, signedInService, type BenchVault } from './vault';

export const BACKUP_TARGET = 1.3;
const PASSPHRASE = 'bench passphrase, synthetic data only';

export interface BackupFigures {
  count: number;
  customers: number;
  vaultBytes: number;
  backupBytes: number;
  rawMs: number[];
  /** The same export with writeBackup's output settings (exportPragmas). */
  rawTunedMs: number[];
  backupMs: number[];
  /** writeBackup with `check: 'quick'` (quick_check instead of integrity_check). */
  quickMs: number[];
  /** writeBackup with `check: 'pages'` (page HMACs and counts only). */
  pagesMs: number[];
  /** verifyBackupFile alone: quick on each round's fresh file, full once (the share of writeBackup spent checking). */
  verifyFullMs: number;
  verifyQuickMs: number[];
  inspectMs: number;
  restoreMs: number;
}

const rmFolder = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
};

export async function backupBench(vault: BenchVault, count: number, work: string, rounds: number, log: (s: string) => void): Promise<BackupFigures> {
  const svc = await signedInService(vault);
  const key: BackupKey = await deriveBackupKey(PASSPHRASE);
  const target = join(work, 'usb');
  const rawFile = join(target, 'raw.sqlcipher');
  const figures: BackupFigures = { count, customers: 0, vaultBytes: statSync(join(vault.dir, 'vault.db')).size, backupBytes: 0, rawMs: [], rawTunedMs: [], backupMs: [], quickMs: [], pagesMs: [], verifyFullMs: 0, verifyQuickMs: [], inspectMs: 0, restoreMs: 0 };
  try {
    const db = svc.db();
    figures.customers = (await db.get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0;
    const raw = async (tuned = false) => {
      // The vault's connection is opened without SQLITE_OPEN_CREATE (so are its attachments): create the file first, as writeBackup does.
      writeFileSync(rawFile, '');
      const t = await timed(async () => {
        await db.run(`ATTACH DATABASE ? AS raw_out KEY ${keyLiteral(key)}`, [rawFile]);
        if (tuned) await db.exec(exportPragmas('raw_out'));
        await db.get("SELECT sqlcipher_export('raw_out')");
        await db.run('DETACH DATABASE raw_out');
      });
      (tuned ? figures.rawTunedMs : figures.rawMs).push(t.ms);
    };
    const app = async (check: 'full' | 'quick' | 'pages' = 'full') => {
      rmFolder(target);
      const t = await timed(() => writeBackup(db, { folder: target, key, appVersion: 'bench', vaultId: vault.vaultId, shopName: 'Bench', now: () => Date.UTC(2026, 0, 1), check }));
      (check === 'full' ? figures.backupMs : check === 'quick' ? figures.quickMs : figures.pagesMs).push(t.ms);
      figures.backupBytes = t.value.bytes;
      // The write-time check alone, on the file just written (its pages as fresh in the OS cache as writeBackup saw them).
      if (check === 'quick') figures.verifyQuickMs.push((await timed(() => verifyBackupFile(t.value.path, { key }, 'quick'))).ms);
    };
    rmFolder(target);
    log(`${count}: warm-up export`);
    await raw();
    figures.rawMs = [];
    const steps = [() => raw(), () => raw(true), () => app('full'), () => app('quick'), () => app('pages')];
    for (let r = 0; r < rounds; r++) {
      log(`${count}: round ${r + 1}/${rounds}`);
      for (const step of r % 2 === 0 ? steps : [...steps].reverse()) await step();
    }
    rmSync(rawFile, { force: true });
  } finally {
    await svc.close();
  }
  const file = readdirSync(target).find((f) => f.endsWith('.brankas'));
  if (!file) throw new Error('no backup written');
  const path = join(target, file);
  log(`${count}: verify alone`);
  figures.verifyFullMs = (await timed(() => verifyBackupFile(path, { key }, 'full'))).ms;
  log(`${count}: inspect`);
  figures.inspectMs = (await timed(() => inspectBackup(path, { passphrase: PASSPHRASE }))).ms;
  const pc = join(work, 'new-pc');
  rmSync(pc, { recursive: true, force: true });
  const fresh = new VaultService({ dataDir: pc, keychain: new MemoryKeychain(), passwordKdf: { N: 2 ** 12, r: 8, p: 1 } });
  await fresh.init();
  log(`${count}: restore`);
  figures.restoreMs = (await timed(() => fresh.restore(path, { passphrase: PASSPHRASE }))).ms;
  await fresh.close();
  rmSync(pc, { recursive: true, force: true });
  rmSync(target, { recursive: true, force: true });
  return figures;
}

const best = (xs: number[]) => Math.min(...xs);
const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;

export function printBackup(figs: BackupFigures[]): void {
  const v = (x: number) => (x <= BACKUP_TARGET ? 'PASS' : 'MISS');
  out('Backup (best of the rounds; raw = ATTACH … KEY + sqlcipher_export + DETACH on the same connection with SQLite defaults, no flush, no check;');
  out(`raw tuned = the same with writeBackup's output settings; the target is ≤ ${BACKUP_TARGET}× raw)`);
  out(
    table(
      ['size', 'vault', 'backup file', 'raw', 'raw tuned', 'quick', 'quick/raw', 'quick/tuned', 'pages', 'pages/raw', 'pages/tuned', 'full', 'full/raw', 'full/tuned', `≤ ${BACKUP_TARGET}× raw q|p|f`],
      figs.map((f) => {
        const raw = best(f.rawMs);
        const tuned = best(f.rawTunedMs);
        const [q, p, full] = [best(f.quickMs), best(f.pagesMs), best(f.backupMs)];
        return [
          `${int(f.customers)} customers`,
          mb(f.vaultBytes),
          mb(f.backupBytes),
          s(raw),
          s(tuned),
          s(q),
          ratio(q / raw),
          ratio(q / tuned),
          s(p),
          ratio(p / raw),
          ratio(p / tuned),
          s(full),
          ratio(full / raw),
          ratio(full / tuned),
          `${v(q / raw)} | ${v(p / raw)} | ${v(full / raw)}`,
        ];
      }),
    ),
  );
  out();
  out('Checks and restore (check quick: best of the rounds on each fresh file; the rest once)');
  out(
    table(
      ['size', 'check quick (write-time)', 'check full', 'inspect', 'restore (first run)'],
      figs.map((f) => [`${int(f.customers)} customers`, s(best(f.verifyQuickMs)), s(f.verifyFullMs), s(f.inspectMs), s(f.restoreMs)]),
    ),
  );
  const all = (xs: number[]) => xs.map(Math.round).join('/');
  note(
    `all rounds (ms): ${figs
      .map((f) => `${f.count}: raw ${all(f.rawMs)}, raw tuned ${all(f.rawTunedMs)}, quick ${all(f.quickMs)}, pages ${all(f.pagesMs)}, full ${all(f.backupMs)}, check quick ${all(f.verifyQuickMs)}`)
      .join('; ')}`,
  );
}
