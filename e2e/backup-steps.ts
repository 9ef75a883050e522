/**
 * Steps and fixtures shared by the backup e2e specs (backup.spec.ts: the journeys that go as planned;
 * backup-edges.spec.ts: an unopenable vault, files that are no backup, a role that may not).
 */
import type { Page } from '@playwright/test';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJournal } from '../electron/vault/backup/swap';
import { systemKeychain, type Keychain } from '../electron/vault/keys/keychain';
import {
  confirmRecoveryCode,
  readRecoveryCode,
  } from './app';
import { expect } from './fixtures';
import { type Host } from './host/host';

export const BACKUP_PASSPHRASE = 'kopi sepeda hujan jendela merah';
export const BUDI = { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung' };
export const SITI = { name: 'Siti Rahayu', city: 'Surabaya' };
export const DEWI = { name: 'Dewi Lestari', email: 'dewi@contoh.id' };
export const NEW_ONE = 'Pelanggan Baru';
export const CASHIER = 'Dewi Anggraini';
export const CASHIER_PASSWORD = 'pisang-goreng-keju-41';

const tempDirs: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `brankas-e2e-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Keychains the tests made of their own (the "old PC" and the "new PC"), emptied afterwards. */
const ownKeychains: Keychain[] = [];
export function emptyKeychain(): Keychain {
  const k = systemKeychain(`Brankas-e2e-${randomUUID()}`);
  ownKeychains.push(k);
  return k;
}

/** Every backup spec's afterEach: keychain entries and temporary folders its tests made go. */
export async function cleanUpAfterBackupTest(dataDir: string): Promise<void> {
  // A restore left half-decided by a failing test: both vaults' keychain entries go.
  const journal = readJournal(dataDir);
  for (const id of [journal?.newVaultId, journal?.previousVaultId]) if (id) await systemKeychain().remove(id).catch(() => undefined);
  for (const k of ownKeychains.splice(0)) {
    for (const id of await k.accounts().catch(() => [] as string[])) await k.remove(id).catch(() => undefined);
  }
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function openBackupTab(page: Page): Promise<void> {
  if (!(await page.getByTestId('settings-page').isVisible())) await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-backup').click();
  await expect(page.getByTestId('settings-tab-backup')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('backup-tab')).toBeVisible();
}

export async function closeSettings(page: Page): Promise<void> {
  await page.getByTestId('settings-page').getByRole('button', { name: 'Tutup', exact: true }).last().click();
  await expect(page.getByTestId('settings-page')).toBeHidden();
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
export async function startRestore(host: Host, file: string): Promise<void> {
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

export async function inspect(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('restore-passphrase').fill(passphrase);
  await page.getByTestId('restore-inspect').click();
}

export const names = (c: { name: string }[]) => c.map((x) => x.name);

/** The data folder's file names (what a restore adds, keeps or deletes there). */
export const dataFiles = (dir: string) => readdirSync(dir).sort();

/** The data folder's files and a hash of each (the old vault's files are kept byte for byte). */
export const fingerprint = (dir: string) => Object.fromEntries(dataFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

export async function addCashier(page: Page): Promise<void> {
  if (!(await page.getByTestId('settings-page').isVisible())) await page.getByTestId('nav-settings').click();
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
