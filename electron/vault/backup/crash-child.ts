/**
 * The process crash.test.ts kills with SIGKILL at random points. Bundled by the test (Vite's build
 * API, as bench/run.mjs does) and run with plain Node. Reads its task from argv/env:
 *   backup  DATA_DIR TARGET   loop: add a customer (print "committed <name>" after the commit),
 *                             write a backup into TARGET
 *   restore DATA_DIR FILE     loop: restore FILE, then undo or keep it (alternating), forever
 * The keychain service comes from BRANKAS_TEST_KEYCHAIN; the passphrase from BRANKAS_BACKUP_PASSPHRASE.
 */
import { systemKeychain } from '../keys/keychain';
import { VaultService } from '../service';
import { decodeBackupKey } from './key';
import { addCustomers } from './testing';
import { writeBackup } from './write';
import { getMeta } from '../meta';

const [mode, dataDir = '', arg = ''] = process.argv.slice(2);
const keychain = systemKeychain(process.env.BRANKAS_TEST_KEYCHAIN);
const passphrase = process.env.BRANKAS_BACKUP_PASSPHRASE ?? '';
const say = (text: string): void => void process.stdout.write(text + '\n');

async function main(): Promise<void> {
  const vault = new VaultService({ dataDir, keychain, passwordKdf: { N: 2 ** 12, r: 8, p: 1 } });
  const status = await vault.init();
  if (status.state !== 'locked') throw new Error(`vault did not open: ${JSON.stringify(status)}`);
  if (mode === 'backup') {
    const db = vault.backgroundDb();
    const key = decodeBackupKey((db && (await getMeta(db, 'backup_key'))) ?? '');
    if (!db || !key) throw new Error('no backup key');
    say('ready');
    for (let i = 0; ; i++) {
      const name = `Crash ${process.pid}-${i}`;
      await addCustomers(db, 1, name);
      say(`committed ${name} 1`);
      await writeBackup(db, { folder: arg, key, appVersion: 'crash', vaultId: vault.openVaultInfo()?.vaultId ?? '', shopName: 'Crash' });
      say('backup');
    }
  }
  if (mode === 'restore') {
    if (vault.previousVault()) await (Math.random() < 0.5 ? vault.undoRestore() : vault.confirmRestore());
    say('ready');
    for (let i = 0; ; i++) {
      await vault.restore(arg, { passphrase });
      say('restored');
      if (i % 2 === 0) await vault.undoRestore();
      else await vault.confirmRestore();
      say('decided');
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
