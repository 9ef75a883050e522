/**
 * Backups when things are not as planned, in Bahasa Indonesia: with the keychain entry gone (and the
 * recovery code lost), the recovery screen restores from the backup, the old files kept and put back
 * byte for byte; files that are no backup are refused with a clear message and change nothing; a
 * cashier sees no Backups tab and is refused by the router when going straight to the bridge.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../electron/vault/backup/swap';
import { RECOVERY_FILE, VAULT_FILE } from '../electron/vault/paths';
import {
  addCustomer,
  createVault,
  expectRows,
  expectSignedIn,
  OWNER,
  PASSWORD,
  signIn,
  switchPerson,
} from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';
import { BACKUP_PASSPHRASE, BUDI, CASHIER, CASHIER_PASSWORD, DEWI, SITI, addCashier, backUpNow, cleanUpAfterBackupTest, closeSettings, confirmRestoredCode, dataFiles, emptyKeychain, fingerprint, inspect, names, openBackupTab, setBackupPassphrase, startRestore, tempDir } from './backup-steps';

test.afterEach(async ({ dataDir }) => cleanUpAfterBackupTest(dataDir));

test('the keychain entry is gone: restore from a backup on the recovery screen; the old files are kept and can be put back', async ({ openApp, dataDir }) => {
  test.slow(); // a backup, a restore and an undo
  const keychain = emptyKeychain();
  const usb = tempDir('usb');
  const first = await openApp({ keychain });
  const groups = await createVault(first.page);
  for (const c of [BUDI, SITI]) await addCustomer(first.page, c);
  await openBackupTab(first.page);
  await setBackupPassphrase(first.page);
  const fileName = await backUpNow(first, usb);
  await closeSettings(first.page);
  await addCustomer(first.page, DEWI); // after the backup
  await first.close();

  // The keychain entry goes (a reinstalled PC); the recovery code is nowhere to be found.
  const { vaultId } = JSON.parse(readFileSync(join(dataDir, RECOVERY_FILE), 'utf8')) as { vaultId: string };
  expect(await keychain.remove(vaultId)).toBe(true);
  const before = fingerprint(dataDir);

  const host = await openApp({ keychain });
  const { page } = host;
  await expect(page.getByTestId('recover-reason')).toHaveAttribute('data-reason', 'key_missing');
  await expect(page.getByText('File brankas yang sekarang tidak dihapus', { exact: false })).toBeVisible();
  for (const lang of ['en', 'id'] as const) {
    await setLanguage(page, lang);
    await expectAccessible(page, `recovery screen with the backup offer (${lang})`);
    await shot(page, `${lang}-42-recover-with-backup-offer`);
  }
  await page.getByRole('button', { name: 'Pulihkan dari cadangan' }).click();
  await expect(page.getByTestId('firstrun-restore-screen')).toHaveAttribute('data-mode', 'rescue');
  for (const lang of ['en', 'id'] as const) {
    await setLanguage(page, lang);
    await expectAccessible(page, `restore over an unopenable vault (${lang})`);
    await shot(page, `${lang}-43-rescue-restore`);
  }
  host.dialogs.willOpen(join(usb, fileName));
  await page.getByTestId('restore-pick').click();
  await expect(page.getByTestId('restore-file')).toHaveText(fileName);
  await inspect(page, BACKUP_PASSPHRASE);
  await expect(page.getByTestId('restore-flow')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('restore-preview-counts')).toContainText('2 pelanggan');
  await expect(page.getByTestId('restore-warning')).toContainText('tidak dihapus');
  await page.getByTestId('restore-run').click();

  // A new recovery code, confirmed; the people of the backup sign in; the customers are there.
  await confirmRestoredCode(page);
  await signIn(page, PASSWORD, OWNER);
  await expectSignedIn(page, OWNER, 'Pemilik');
  await expectRows(page, names([BUDI, SITI]));
  // The unopenable vault is kept, byte for byte, until Keep or Put back.
  expect(readJournal(dataDir)).toMatchObject({ phase: 'pending', previousVaultId: vaultId });
  expect(createHash('sha256').update(readFileSync(join(dataDir, 'vault.previous.db'))).digest('hex')).toBe(before[VAULT_FILE]);
  const banner = page.getByTestId('home-restore-banner');
  await expect(banner).toContainText(fileName);

  // Put back: the recovery screen again, the files as they were; the code, found after all, opens it.
  await banner.getByTestId('restore-undo').click();
  await page.getByTestId('restore-undo-confirm').click();
  await expect(page.getByTestId('recover-reason')).toHaveAttribute('data-reason', 'key_missing');
  expect(fingerprint(dataDir)).toEqual(before);
  await page.getByLabel('Kode pemulihan').fill(groups.join(' '));
  await page.getByRole('button', { name: 'Pulihkan akses' }).click();
  await signIn(page, PASSWORD, OWNER);
  await expectRows(page, names([BUDI, SITI, DEWI]));
  expect(await keychain.accounts()).toEqual([vaultId]);
});


test('files that are no backup: a clear message, nothing changed', async ({ openApp, dataDir }) => {
  const host = await openApp();
  const { page } = host;
  await createVault(page);
  await addCustomer(page, BUDI);
  await openBackupTab(page);
  await setBackupPassphrase(page);

  const junk = tempDir('junk');
  const random = join(junk, 'Brankas-acak.brankas');
  writeFileSync(random, randomBytes(10_000));
  const text = join(junk, 'catatan.brankas');
  writeFileSync(text, 'Ini hanya catatan belanja, bukan cadangan.\nBudi Santoso 0812-3456-7890\n');
  const before = dataFiles(dataDir);
  const vaultBytes = readFileSync(join(dataDir, VAULT_FILE));

  await startRestore(host, random);
  await inspect(page, BACKUP_PASSPHRASE);
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog.getByRole('alert')).toHaveText('File ini bukan file cadangan Brankas. Pilih file berakhiran .brankas.');
  await expect(dialog.getByTestId('restore-flow')).toHaveAttribute('data-step', 'passphrase');
  await expect(dialog.getByTestId('restore-run')).toHaveCount(0);

  // "Pilih file lain": the plain text file renamed .brankas.
  await dialog.getByTestId('restore-back').click();
  await expect(dialog.getByTestId('restore-flow')).toHaveAttribute('data-step', 'pick');
  host.dialogs.willOpen(text);
  await dialog.getByTestId('restore-pick').click();
  await expect(dialog.getByTestId('restore-file')).toHaveText('catatan.brankas');
  await inspect(page, BACKUP_PASSPHRASE);
  await expect(dialog.getByRole('alert')).toHaveText('File ini bukan file cadangan Brankas. Pilih file berakhiran .brankas.');
  await expect(dialog.getByTestId('restore-run')).toHaveCount(0);
  await dialog.getByTestId('restore-cancel').click();
  await expect(dialog).toBeHidden();
  await closeSettings(page);

  // Nothing changed: the same files, the same customers, no restore to decide about.
  expect(dataFiles(dataDir)).toEqual(before);
  expect(readJournal(dataDir)).toBeNull();
  await expectRows(page, [BUDI.name]);
  await expect(page.getByTestId('home-restore-banner')).toHaveCount(0);
  // The live vault's bytes only differ by what the session wrote since (WAL); its header is the same.
  expect(readFileSync(join(dataDir, VAULT_FILE)).subarray(0, 16)).toEqual(vaultBytes.subarray(0, 16));
});


test('a cashier has no Backups tab, and the bridge refuses backup and restore by role', async ({ openApp }) => {
  const host = await openApp();
  const { page } = host;
  await createVault(page);
  await addCustomer(page, BUDI);
  await openBackupTab(page);
  await setBackupPassphrase(page);
  await closeSettings(page);
  await addCashier(page);
  await expect(page.getByTestId('home-backup-banner')).toBeVisible();

  await switchPerson(page);
  await signIn(page, CASHIER_PASSWORD, CASHIER);
  await expectSignedIn(page, CASHIER, 'Kasir');
  await expectRows(page, [BUDI.name]);
  await expect(page.getByTestId('nav-settings')).toHaveCount(0);
  await expect(page.getByTestId('settings-tab-backup')).toHaveCount(0);
  await expect(page.getByTestId('home-backup-banner')).toHaveCount(0);
  await expect(page.getByTestId('home-restore-banner')).toHaveCount(0);

  // Straight to the bridge: refused by role before any dialog is asked (the test answers none).
  const answers = await page.evaluate(async () => ({
    run: await window.brankas.backup.run({ useScheduleFolder: false }),
    status: await window.brankas.backup.status({}),
    setup: await window.brankas.backup.setup({ passphrase: 'kopi sepeda hujan jendela', confirm: 'kopi sepeda hujan jendela' }),
    open: await window.brankas.restore.open({}),
    undo: await window.brankas.restore.undo({}),
  }));
  for (const [channel, answer] of Object.entries(answers)) expect(answer, channel).toEqual({ ok: false, error: { code: 'forbidden' } });
});
