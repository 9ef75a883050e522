/**
 * `npm run bench -- --backup [--quick]`: backup and restore at shop scale, against the raw floor in
 * the same run on the same connection:
 *   raw      `ATTACH … KEY "x'<K><S>'"` + `SELECT sqlcipher_export(…)` + DETACH on the vault's own
 *            connection (no flush, no verification): the least any encrypted backup costs;
 *   backup   `writeBackup` (electron/vault/backup/write.ts): the same export plus the metadata
 *            table in one transaction, fsync, a separate full verification (integrity_check,
 *            cipher_integrity_check, counts) and the rename — target ≤ 1.3× raw;
 *   inspect  `inspectBackup` with the passphrase (what the restore screen runs before its preview);
 *   restore  `VaultService.restore` into an empty data folder (first run): verify, export into a new
 *            vault with a new key, re-seal the audit trail, open and check it, swap in.
 * Rounds alternate which of raw/backup goes first; the best of each is reported.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveBackupKey, keyLiteral, type BackupKey } from '../electron/vault/backup/key';
import { inspectBackup, verifyBackupFile } from '../electron/vault/backup/verify';
import { writeBackup } from '../electron/vault/backup/write';
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
  backupMs: number[];
  /** writeBackup with `check: 'quick'` (quick_check instead of integrity_check). */
  quickMs: number[];
  /** writeBackup with `check: 'pages'` (page HMACs and counts only). */
  pagesMs: number[];
  /** verifyBackupFile alone, full and quick (the share of writeBackup spent checking). */
  verifyFullMs: number;
  verifyQuickMs: number;
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
  const figures: BackupFigures = { count, customers: 0, vaultBytes: statSync(join(vault.dir, 'vault.db')).size, backupBytes: 0, rawMs: [], backupMs: [], quickMs: [], pagesMs: [], verifyFullMs: 0, verifyQuickMs: 0, inspectMs: 0, restoreMs: 0 };
  try {
    const db = svc.db();
    figures.customers = (await db.get<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0;
    const raw = async () => {
      // The vault's connection is opened without SQLITE_OPEN_CREATE (so are its attachments): create the file first, as writeBackup does.
      writeFileSync(rawFile, '');
      const t = await timed(async () => {
        await db.run(`ATTACH DATABASE ? AS raw_out KEY ${keyLiteral(key)}`, [rawFile]);
        await db.get("SELECT sqlcipher_export('raw_out')");
        await db.run('DETACH DATABASE raw_out');
      });
      figures.rawMs.push(t.ms);
    };
    const app = async (check: 'full' | 'quick' | 'pages' = 'full') => {
      rmFolder(target);
      const t = await timed(() => writeBackup(db, { folder: target, key, appVersion: 'bench', vaultId: vault.vaultId, shopName: 'Bench', now: () => Date.UTC(2026, 0, 1), check }));
      (check === 'full' ? figures.backupMs : check === 'quick' ? figures.quickMs : figures.pagesMs).push(t.ms);
      figures.backupBytes = t.value.bytes;
    };
    rmFolder(target);
    log(`${count}: warm-up export`);
    await raw();
    figures.rawMs = [];
    for (let r = 0; r < rounds; r++) {
      log(`${count}: round ${r + 1}/${rounds}`);
      if (r % 2 === 0) {
        await raw();
        await app('full');
        await app('quick');
        await app('pages');
      } else {
        await app('pages');
        await app('quick');
        await app('full');
        await raw();
      }
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
  figures.verifyQuickMs = (await timed(() => verifyBackupFile(path, { key }, 'quick'))).ms;
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
  out(`Backup and restore (best of the rounds; raw = ATTACH … KEY + sqlcipher_export + DETACH on the same connection, no flush, no check)`);
  out(
    table(
      ['size', 'vault', 'backup file', 'raw export', 'writeBackup (full)', 'full/raw', 'writeBackup (quick)', 'quick/raw', 'writeBackup (pages)', 'pages/raw', `≤ ${BACKUP_TARGET}× full|quick|pages`, 'check full | quick', 'inspect', 'restore (first run)'],
      figs.map((f) => {
        const r = best(f.backupMs) / best(f.rawMs);
        const q = best(f.quickMs) / best(f.rawMs);
        const pg = best(f.pagesMs) / best(f.rawMs);
        const v = (x: number) => (x <= BACKUP_TARGET ? 'PASS' : 'MISS');
        return [
          `${int(f.customers)} customers`,
          mb(f.vaultBytes),
          mb(f.backupBytes),
          s(best(f.rawMs)),
          s(best(f.backupMs)),
          ratio(r),
          s(best(f.quickMs)),
          ratio(q),
          s(best(f.pagesMs)),
          ratio(pg),
          `${v(r)} | ${v(q)} | ${v(pg)}`,
          `${s(f.verifyFullMs)} | ${s(f.verifyQuickMs)}`,
          s(f.inspectMs),
          s(f.restoreMs),
        ];
      }),
    ),
  );
  note(`all rounds (ms): ${figs.map((f) => `${f.count}: raw ${f.rawMs.map(Math.round).join('/')}, full ${f.backupMs.map(Math.round).join('/')}, quick ${f.quickMs.map(Math.round).join('/')}, pages ${f.pagesMs.map(Math.round).join('/')}`).join('; ')}`);
}
