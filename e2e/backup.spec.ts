/**
 * Issue 5's journeys, in Bahasa Indonesia, through the UI: the Owner sets the backup passphrase,
 * backs up to a "USB" folder, adds a customer, restores (the customer is gone, the rest intact) and
 * puts the previous vault back; a second restore is kept and the previous vault's files go. A new PC
 * (fresh data folder, empty keychain) restores from the file on the first-run screen.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from '../electron/vault/backup/swap';
import { systemKeychain } from '../electron/vault/keys/keychain';
import { RECOVERY_FILE, VAULT_FILE } from '../electron/vault/paths';
import {
  addCustomer,
  createVault,
  expectRows,
  expectSignedIn,
  OWNER,
  PASSWORD,
  personOnList,
  rows,
  signIn,
  switchPerson,
} from './app';
import { expect, test } from './fixtures';
import { openHost } from './host/host';
import { BACKUP_PASSPHRASE, BUDI, CASHIER, CASHIER_PASSWORD, DEWI, NEW_ONE, SITI, addCashier, backUpNow, cleanUpAfterBackupTest, closeSettings, confirmRestoredCode, dataFiles, emptyKeychain, inspect, names, openBackupTab, setBackupPassphrase, startRestore, tempDir } from './backup-steps';

test.afterEach(async ({ dataDir }) => cleanUpAfterBackupTest(dataDir));

test('back up to a folder, add a customer, restore it away, put the previous vault back; restore again and keep it', async ({ openApp, dataDir }) => {
  test.slow(); // several passphrase derivations, two restores, an undo
  const host = await openApp();
  const { page } = host;
  const usb = tempDir('usb');

  await createVault(page);
  for (const c of [BUDI, SITI, DEWI]) await addCustomer(page, c);
  await expectRows(page, names([BUDI, SITI, DEWI]));
  // No backup yet: the home screen says so.
  await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'never');

  // Settings › Cadangan: back up is not possible before the passphrase; a weak one is refused.
  await openBackupTab(page);
  await expect(page.getByTestId('backup-now')).toBeDisabled();
  await expect(page.getByTestId('backup-explain')).toBeVisible();
  await page.getByTestId('backup-setup-passphrase').fill('rahasia');
  await page.getByTestId('backup-setup-confirm').fill('rahasia');
  await page.getByTestId('backup-setup-submit').click();
  await expect(page.getByTestId('backup-setup-passphrase')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#backup-setup-passphrase-error')).not.toBeEmpty();
  await expect(page.getByTestId('backup-configured')).toHaveCount(0);
  // A mismatch is caught too, then the real one is set.
  await page.getByTestId('backup-setup-passphrase').fill(BACKUP_PASSPHRASE);
  await page.getByTestId('backup-setup-confirm').fill(`${BACKUP_PASSPHRASE}x`);
  await page.getByTestId('backup-setup-submit').click();
  await expect(page.getByTestId('backup-setup-confirm')).toHaveAttribute('aria-invalid', 'true');
  await setBackupPassphrase(page);
  await expect(page.getByTestId('notice')).toContainText('Kata sandi cadangan sudah dibuat.');

  // Cadangkan sekarang: progress while the folder is chosen and the file written, then the result.
  // The folder dialog is held open until the progress has been seen.
  const release = host.dialogs.hold();
  host.dialogs.willChooseFolder(usb);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-progress')).toBeVisible();
  await expect(page.getByTestId('backup-cancel')).toBeEnabled();
  release();
  await expect(page.getByTestId('backup-result')).toBeVisible();
  await expect(page.getByTestId('backup-progress')).toBeHidden();
  const fileName = (await page.getByTestId('backup-result-file').innerText()).trim();
  expect(fileName).toMatch(/^Brankas-.+-\d{4}-\d{2}-\d{2}-\d{4}\.brankas$/);
  await expect(page.getByTestId('backup-result-counts')).toContainText('3 pelanggan');
  await expect(page.getByTestId('backup-result-size')).toContainText('MB');
  await expect(page.getByTestId('backup-result-duration')).toContainText('detik');
  // Exactly one file on the "USB stick": the verified backup, no temporary left behind.
  expect(readdirSync(usb)).toEqual([fileName]);
  const backupFile = join(usb, fileName);
  expect(statSync(backupFile).size % 4096).toBe(0);
  await expect(page.getByTestId('backup-last-file')).toHaveText(fileName);
  await closeSettings(page);

  // The home screen shows the last backup.
  await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('home-backup-last')).toContainText('Cadangan terakhir: hari ini');

  // A customer added after the backup.
  await addCustomer(page, { name: NEW_ONE, phone: '0813 9999 0000' });
  await expectRows(page, [...names([BUDI, SITI, DEWI]), NEW_ONE]);
  const before = dataFiles(dataDir);
  const originalVaultId = (JSON.parse(readFileSync(join(dataDir, RECOVERY_FILE), 'utf8')) as { vaultId: string }).vaultId;

  // Restore from Settings: the file, a wrong passphrase (refused, nothing touched), the right one.
  await startRestore(host, backupFile);
  await expect(page.getByTestId('restore-file')).toHaveText(fileName);
  await inspect(page, 'kopi sepeda hujan jendela biru');
  await expect(page.getByTestId('restore-passphrase')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('restore-dialog')).toContainText('Kata sandi cadangan salah.');
  await expect(page.getByTestId('restore-flow')).toHaveAttribute('data-step', 'passphrase');
  expect(dataFiles(dataDir)).toEqual(before);
  await inspect(page, BACKUP_PASSPHRASE);
  await expect(page.getByTestId('restore-flow')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('restore-preview-counts')).toContainText('3 pelanggan');
  await expect(page.getByTestId('restore-preview-counts')).toContainText('1 orang');
  await expect(page.getByTestId('restore-preview-date')).toContainText(String(new Date().getFullYear()));
  await expect(page.getByTestId('restore-preview-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(page.getByTestId('restore-warning')).toContainText('Isi brankas sekarang akan diganti');
  await page.getByTestId('restore-run').click();

  // The restored vault has a new key, so a new recovery code: shown once, typed back.
  await expect(page.getByTestId('restored-from')).toContainText(fileName);
  await confirmRestoredCode(page);
  await expect(page.getByText('Brankas sudah dipulihkan dari cadangan.', { exact: false })).toBeVisible();
  // The previous vault is kept beside the restored one.
  expect(existsSync(join(dataDir, 'vault.previous.db'))).toBe(true);
  expect(readJournal(dataDir)?.phase).toBe('pending');

  // The Owner signs in with the password of the backup's time: the new customer is gone.
  await signIn(page, PASSWORD, OWNER);
  await expectSignedIn(page, OWNER, 'Pemilik');
  await expectRows(page, names([BUDI, SITI, DEWI]));
  await expect(rows(page).filter({ hasText: BUDI.name }).getByTestId('row-phone')).toHaveText(BUDI.phone);
  await expect(page.getByText(NEW_ONE)).toHaveCount(0);
  // The restored vault's last backup is the file it came from.
  await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'ok');

  // The home screen offers to keep the result or put the previous vault back: put it back.
  const banner = page.getByTestId('home-restore-banner');
  await expect(banner).toContainText(fileName);
  await expect(banner.getByTestId('restore-keep')).toBeVisible();
  await banner.getByTestId('restore-undo').click();
  await expect(page.getByTestId('restore-undo-dialog')).toBeVisible();
  await page.getByTestId('restore-undo-confirm').click();
  await expect(page.getByTestId('signin-person').first()).toBeVisible();
  await expect(page.getByText('Brankas sebelumnya sudah dikembalikan.', { exact: false }).first()).toBeVisible();
  await signIn(page, PASSWORD, OWNER);
  await expectSignedIn(page, OWNER, 'Pemilik');
  await expectRows(page, [...names([BUDI, SITI, DEWI]), NEW_ONE]);
  await expect(page.getByTestId('home-restore-banner')).toHaveCount(0);
  expect(dataFiles(dataDir)).toEqual(before);
  expect((JSON.parse(readFileSync(join(dataDir, RECOVERY_FILE), 'utf8')) as { vaultId: string }).vaultId).toBe(originalVaultId);

  // A second restore, this time kept: the previous vault's files and keychain entry are gone.
  await startRestore(host, backupFile);
  await inspect(page, BACKUP_PASSPHRASE);
  await page.getByTestId('restore-run').click();
  await confirmRestoredCode(page);
  await signIn(page, PASSWORD, OWNER);
  await expectRows(page, names([BUDI, SITI, DEWI]));
  await page.getByTestId('restore-keep').click();
  await expect(page.getByTestId('restore-keep-dialog')).toBeVisible();
  await page.getByTestId('restore-keep-confirm').click();
  await expect(page.getByTestId('restore-keep-dialog')).toBeHidden();
  await expect(page.getByTestId('home-restore-banner')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Hasil pemulihan disimpan.');
  const after = dataFiles(dataDir);
  expect(after.filter((f) => f.includes('previous') || f.includes('restored') || f === 'restore.json')).toEqual([]);
  expect(after).toContain(VAULT_FILE);
  expect(await systemKeychain().get(originalVaultId)).toBeNull();
  await expectRows(page, names([BUDI, SITI, DEWI]));
});


test('new PC: a fresh data folder and an empty keychain restore from the backup file on the first-run screen', async ({ context, openApp, dataDir }) => {
  test.slow();
  // The old PC: its own data folder and keychain; a cashier too, so the people come back as well.
  const oldDir = tempDir('old-pc');
  const usb = tempDir('usb');
  const old = await openHost(context, { dataDir: oldDir, keychain: emptyKeychain() });
  let fileName: string;
  try {
    await createVault(old.page);
    for (const c of [BUDI, SITI]) await addCustomer(old.page, c);
    await addCashier(old.page);
    await openBackupTab(old.page);
    await setBackupPassphrase(old.page);
    fileName = await backUpNow(old, usb);
    expect(old.foreignRequests).toEqual([]);
  } finally {
    await old.close();
  }
  // The file is all that travels (on the stick); the old PC is gone.
  const stick = tempDir('stick');
  copyFileSync(join(usb, fileName), join(stick, fileName));
  rmSync(oldDir, { recursive: true, force: true });

  const newKeychain = emptyKeychain();
  expect(await newKeychain.accounts()).toEqual([]);
  expect(readdirSync(dataDir)).toEqual([]);
  const host = await openApp({ keychain: newKeychain });
  const { page } = host;

  // First-run screen → Pulihkan dari cadangan.
  await expect(page.getByRole('heading', { name: 'Selamat datang di Brankas' })).toBeVisible();
  await page.getByTestId('firstrun-restore').click();
  await expect(page.getByTestId('firstrun-restore-screen')).toBeVisible();
  await expect(page.getByTestId('restore-flow')).toHaveAttribute('data-step', 'pick');
  host.dialogs.willOpen(join(stick, fileName));
  await page.getByTestId('restore-pick').click();
  await expect(page.getByTestId('restore-file')).toHaveText(fileName);
  await inspect(page, 'kopi sepeda hujan jendela');
  await expect(page.getByTestId('restore-passphrase')).toHaveAttribute('aria-invalid', 'true');
  await inspect(page, BACKUP_PASSPHRASE);
  await expect(page.getByTestId('restore-flow')).toHaveAttribute('data-step', 'preview');
  await expect(page.getByTestId('restore-preview-counts')).toContainText('2 pelanggan');
  await expect(page.getByTestId('restore-preview-counts')).toContainText('2 orang');
  await expect(page.getByTestId('restore-warning')).toContainText('Brankas di komputer ini dibuat dari cadangan ini.');
  await page.getByTestId('restore-run').click();

  // A new recovery code for this PC, then the people of the backup on the sign-in list.
  await confirmRestoredCode(page);
  await expect(page.getByTestId('signin-person')).toHaveCount(2);
  await expect(personOnList(page, OWNER)).toContainText('Pemilik');
  await expect(personOnList(page, CASHIER)).toContainText('Kasir');
  await signIn(page, PASSWORD, OWNER);
  await expectSignedIn(page, OWNER, 'Pemilik');
  await expectRows(page, names([BUDI, SITI]));
  await expect(rows(page).filter({ hasText: BUDI.name }).getByTestId('row-phone')).toHaveText(BUDI.phone);
  // Nothing to put back on a new PC; the new key is in this PC's keychain.
  await expect(page.getByTestId('home-restore-banner')).toHaveCount(0);
  await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'ok');
  const { vaultId } = JSON.parse(readFileSync(join(dataDir, RECOVERY_FILE), 'utf8')) as { vaultId: string };
  expect(await newKeychain.accounts()).toEqual([vaultId]);
  // The cashier's old password works too.
  await switchPerson(page);
  await signIn(page, CASHIER_PASSWORD, CASHIER);
  await expectSignedIn(page, CASHIER, 'Kasir');
  await expectRows(page, names([BUDI, SITI]));
});

/** The data folder's files and their bytes (sha256): equal means nothing was changed there. */
