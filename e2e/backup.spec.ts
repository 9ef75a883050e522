/**
 * Issue 5's journeys, in Bahasa Indonesia, through the UI: the Owner sets the backup passphrase,
 * backs up to a "USB" folder, adds a customer, restores (the customer is gone, the rest intact) and
 * puts the previous vault back; a second restore is kept and the previous vault's files go. A new PC
 * (fresh data folder, empty keychain) restores from the file on the first-run screen. Files that
 * are no backup are refused with a clear message and change nothing. With the keychain entry gone
 * (and the recovery code lost), the recovery screen restores from the backup; the old files are kept
 * and put back byte for byte. A cashier sees no Backups tab and is refused by the router when going
 * straight to the bridge.
 */
import type { Page } from '@playwright/test';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournal } from '../electron/vault/backup/swap';
import { systemKeychain, type Keychain } from '../electron/vault/keys/keychain';
import { RECOVERY_FILE, VAULT_FILE } from '../electron/vault/paths';
import {
  addCustomer,
  confirmRecoveryCode,
  createVault,
  expectRows,
  expectSignedIn,
  OWNER,
  PASSWORD,
  personOnList,
  readRecoveryCode,
  rows,
  signIn,
  switchPerson,
} from './app';
import { expect, test } from './fixtures';
import { openHost, type Host } from './host/host';

export const BACKUP_PASSPHRASE = 'kopi sepeda hujan jendela merah';
const BUDI = { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung' };
const SITI = { name: 'Siti Rahayu', city: 'Surabaya' };
const DEWI = { name: 'Dewi Lestari', email: 'dewi@contoh.id' };
const NEW_ONE = 'Pelanggan Baru';
const CASHIER = 'Dewi Anggraini';
const CASHIER_PASSWORD = 'pisang-goreng-keju-41';

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `brankas-e2e-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Keychains the tests made of their own (the "old PC" and the "new PC"), emptied afterwards. */
const ownKeychains: Keychain[] = [];
function emptyKeychain(): Keychain {
  const k = systemKeychain(`Brankas-e2e-${randomUUID()}`);
  ownKeychains.push(k);
  return k;
}

test.afterEach(async ({ dataDir }) => {
  // A restore left half-decided by a failing test: both vaults' keychain entries go.
  const journal = readJournal(dataDir);
  for (const id of [journal?.newVaultId, journal?.previousVaultId]) if (id) await systemKeychain().remove(id).catch(() => undefined);
  for (const k of ownKeychains.splice(0)) {
    for (const id of await k.accounts().catch(() => [] as string[])) await k.remove(id).catch(() => undefined);
  }
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export async function openBackupTab(page: Page): Promise<void> {
  if (!(await page.getByTestId('settings-dialog').isVisible())) await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-tab-backup').click();
  await expect(page.getByTestId('settings-tab-backup')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('backup-tab')).toBeVisible();
}

export async function closeSettings(page: Page): Promise<void> {
  await page.getByTestId('settings-dialog').getByRole('button', { name: 'Tutup', exact: true }).last().click();
  await expect(page.getByTestId('settings-dialog')).toBeHidden();
}

/** Settings › Cadangan: the passphrase typed twice; the notice says to write it on paper. */
export async function setBackupPassphrase(page: Page, passphrase = BACKUP_PASSPHRASE): Promise<void> {
  await page.getByTestId('backup-setup-passphrase').fill(passphrase);
  await page.getByTestId('backup-setup-confirm').fill(passphrase);
  await page.getByTestId('backup-setup-submit').click();
  await expect(page.getByTestId('backup-configured')).toBeVisible();
}

/** "Cadangkan sekarang" into `folder`; returns the file name the result shows. */
export async function backUpNow(host: Host, folder: string): Promise<string> {
  const { page } = host;
  host.dialogs.willChooseFolder(folder);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-result')).toBeVisible();
  return (await page.getByTestId('backup-result-file').innerText()).trim();
}

/** The restored vault's new recovery code, read from the screen and typed back; then the sign-in list. */
export async function confirmRestoredCode(page: Page): Promise<void> {
  await expect(page.getByTestId('restored-code-screen')).toBeVisible();
  const groups = await readRecoveryCode(page);
  await confirmRecoveryCode(page, groups);
  await expect(page.getByTestId('restored-code-screen')).toBeHidden();
  await expect(page.getByTestId('signin-person').first()).toBeVisible();
}

/** Settings › Cadangan › Pulihkan…: pick `file` and type `passphrase`, up to the preview (or an error). */
async function startRestore(host: Host, file: string): Promise<void> {
  const { page } = host;
  await openBackupTab(page);
  await page.getByTestId('restore-open').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('restore-flow')).toHaveAttribute('data-step', 'pick');
  host.dialogs.willOpen(file);
  await dialog.getByTestId('restore-pick').click();
  await expect(dialog.getByTestId('restore-flow')).toHaveAttribute('data-step', 'passphrase');
}

async function inspect(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('restore-passphrase').fill(passphrase);
  await page.getByTestId('restore-inspect').click();
}

const names = (c: { name: string }[]) => c.map((x) => x.name);

/** The data folder's file names (what a restore adds, keeps or deletes there). */
const dataFiles = (dir: string) => readdirSync(dir).sort();

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
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const answer = host.dialogs.openFolder.bind(host.dialogs);
  host.dialogs.openFolder = async () => {
    await held;
    host.dialogs.openFolder = answer;
    return answer();
  };
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
const fingerprint = (dir: string) => Object.fromEntries(dataFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

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
  await page.screenshot({ path: join(__dirname, '..', 'test-results', 'screenshots', 'id-42-recover-with-backup-offer.png') });
  await page.getByRole('button', { name: 'Pulihkan dari cadangan' }).click();
  await expect(page.getByTestId('firstrun-restore-screen')).toHaveAttribute('data-mode', 'rescue');
  await page.screenshot({ path: join(__dirname, '..', 'test-results', 'screenshots', 'id-43-rescue-restore.png') });
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

async function addCashier(page: Page): Promise<void> {
  if (!(await page.getByTestId('settings-dialog').isVisible())) await page.getByTestId('settings-open').click();
  await page.getByTestId('settings-tab-people').click();
  await page.getByTestId('person-add').click();
  const add = page.getByTestId('person-add-dialog');
  await add.getByTestId('person-name').fill(CASHIER);
  await add.getByTestId('person-role').selectOption('staff');
  await add.getByTestId('person-reason').fill('Kasir shift pagi');
  await add.getByTestId('person-password').fill(CASHIER_PASSWORD);
  await add.getByTestId('person-confirm').fill(CASHIER_PASSWORD);
  await add.getByTestId('person-add-submit').click();
  await expect(add).toBeHidden();
  await expect(page.locator('[data-testid^="person-row-"]').filter({ hasText: CASHIER })).toBeVisible();
  await closeSettings(page);
}

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
  await expect(page.getByTestId('settings-open')).toHaveCount(0);
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
