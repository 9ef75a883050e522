/**
 * Issue 4's journey on a shared PC, in Bahasa Indonesia, through the UI: the Owner turns on 2FA
 * and adds a cashier; the cashier works with masked data, reveals one value (recorded), is refused
 * export (also through the bridge), and is locked out by the idle timer; the Owner signs in with
 * password + authenticator code, reviews access and finds all of it in a verified audit trail.
 * Then strict mode: switched on, the app restarts, and the Owner's password opens the vault.
 */
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SLOTS_FILE } from '../electron/vault/paths';
import { totpAt, totpStep } from '../electron/vault/keys/totp';
import { addCustomer, createVault, expectRows, expectSignedIn, OWNER, PASSWORD, personOnList, rows, signIn, switchPerson } from './app';
import { expect, test } from './fixtures';

const CASHIER = 'Dewi Anggraini';
const CASHIER_PASSWORD = 'pisang-goreng-keju-41';
const BUDI = { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung' };

/** The current authenticator code, never one from a 30-s step the vault has already accepted. */
function freshCode(secret: string, lastUsedStep: number): { code: string; step: number } {
  // The vault accepts one step ahead (clock drift), so the next step's code works right away.
  const step = Math.max(totpStep(Date.now()), lastUsedStep + 1);
  return { code: totpAt(secret, step * 30), step };
}

async function openSettings(page: Page, tab: 'general' | 'people' | 'review' | 'audit' | 'security'): Promise<void> {
  if (!(await page.getByTestId('settings-page').isVisible())) await page.getByTestId('nav-settings').click();
  await page.getByTestId(`settings-tab-${tab}`).click();
  await expect(page.getByTestId(`settings-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/** "Tutup" at the bottom of a dialog (Escape needs the focus inside it, which is not always so). */
async function closeDialog(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).getByRole('button', { name: 'Tutup', exact: true }).last().click();
  await expect(page.getByTestId(testId)).toBeHidden();
}

interface AuditRow {
  person: string;
  action: string;
  target: string;
  outcome: string;
  details: string;
}

async function auditRows(page: Page): Promise<AuditRow[]> {
  await expect(page.getByTestId('audit-table')).toBeVisible();
  return page.getByTestId('audit-table').evaluate((table) =>
    Array.from(table.querySelectorAll('tbody tr')).map((tr) => {
      const c = Array.from(tr.children).map((cell) => (cell as HTMLElement).innerText.trim());
      return { person: c[1]!, action: c[2]!, target: c[3]!, outcome: c[4]!, details: c[5]! };
    }),
  );
}

test('shared PC: 2FA Owner, masked cashier, refused export, idle lock, Owner with code, access review, verified audit trail', async ({ openApp }) => {
  test.slow(); // several full-strength password hashes
  const { page } = await openApp();
  await page.clock.install();
  await page.reload();

  // The Owner creates the vault and adds a customer with a phone number.
  await createVault(page);
  await addCustomer(page, BUDI);
  await expect(rows(page).filter({ hasText: BUDI.name }).getByTestId('row-phone')).toHaveText('0812-3456-7890');

  // My account › Verifikasi dua langkah: QR code and manual key, first code, backup codes.
  await page.getByTestId('account-open').click();
  const account = page.getByTestId('account-dialog');
  await expect(account).toBeVisible();
  await account.getByTestId('account-tab-2fa').click();
  await expect(account.getByTestId('totp-status')).toHaveText('Verifikasi dua langkah belum aktif.');
  await account.getByTestId('totp-begin').click();
  await account.getByTestId('totp-start').click();
  await expect(account.getByTestId('totp-qr')).toBeVisible();
  expect(await account.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  const secret = (await account.getByTestId('totp-manual-key').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const enrolment = freshCode(secret, -1);
  await account.getByTestId('totp-code').fill(enrolment.code);
  await account.getByTestId('totp-confirm').click();
  await expect(account.getByTestId('backup-codes')).toBeVisible();
  const backupCodes = await account.getByTestId('backup-code').allInnerTexts();
  expect(backupCodes.length).toBeGreaterThanOrEqual(8);
  expect(new Set(backupCodes).size).toBe(backupCodes.length);
  await account.getByTestId('backup-codes-done').click();
  await expect(account.getByTestId('totp-status')).toHaveText('Verifikasi dua langkah aktif.');
  await closeDialog(page, 'account-dialog');

  // Settings: the idle minutes the auto-lock uses, then a Staff (Kasir) account with a reason.
  await openSettings(page, 'general');
  const idleMinutes = Number(await page.locator('#settings-idle-minutes').inputValue());
  expect(idleMinutes).toBeGreaterThan(0);
  await openSettings(page, 'people');
  await expect(page.getByTestId('permission-matrix')).toBeVisible();
  await page.getByTestId('person-add').click();
  const add = page.getByTestId('person-add-dialog');
  await add.getByTestId('person-name').fill(CASHIER);
  await add.getByTestId('person-role').selectOption('staff');
  await add.getByTestId('person-reason').fill('Kasir shift pagi');
  await add.getByTestId('person-password').fill(CASHIER_PASSWORD);
  await add.getByTestId('person-confirm').fill(CASHIER_PASSWORD);
  await add.getByTestId('person-add-submit').click();
  await expect(add).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText(`Akun ${CASHIER} dibuat.`);
  const cashierRow = page.locator('[data-testid^="person-row-"]').filter({ hasText: CASHIER });
  await expect(cashierRow).toContainText('Kasir');
  await expect(cashierRow).toContainText('Kasir shift pagi');
  const cashierId = Number((await cashierRow.getAttribute('data-testid'))!.replace('person-row-', ''));
  await closeDialog(page, 'settings-page');

  // Ganti orang: both people on the list, nobody picked.
  await switchPerson(page);
  await expect(page.getByTestId('signin-person')).toHaveCount(2);
  await expect(page.getByTestId('signin-person').getByRole('radio', { checked: true })).toHaveCount(0);
  const ownerId = Number(await personOnList(page, OWNER).getAttribute('data-person-id'));

  // The cashier signs in: phone masked, one reveal, no export or import, no Settings.
  await signIn(page, CASHIER_PASSWORD, CASHIER);
  await expectSignedIn(page, CASHIER, 'Kasir');
  await expectRows(page, [BUDI.name]);
  const budi = rows(page).filter({ hasText: BUDI.name });
  const phone = page.getByTestId('row-phone').first();
  await expect(phone).toHaveText('0812****7890');
  await expect(page.getByText('0812-3456-7890')).toHaveCount(0);
  await expect(page.getByTestId('export-open')).toHaveCount(0);
  await expect(page.getByTestId('import-open')).toHaveCount(0);
  await expect(page.getByTestId('nav-settings')).toHaveCount(0);
  await page.locator('[data-testid="reveal-button"][data-field="phone"]').first().click();
  await expect(phone).toHaveText('0812-3456-7890');
  await expect(budi).toBeVisible();

  // Straight to the bridge: the router refuses the cashier's export by role.
  const exported = await page.evaluate(() => window.brankas.export.run({ format: 'csv', fields: ['name', 'phone'], scope: { kind: 'all' }, purpose: 'order_updates' }));
  expect(exported).toEqual({ ok: false, error: { code: 'forbidden' } });

  // Idle for the configured minutes: back to the sign-in list, nothing of the data left on screen.
  await page.clock.runFor(idleMinutes * 60_000 - 30_000);
  await expect(page.getByText(BUDI.name)).toBeVisible();
  await page.clock.runFor(31_000);
  await expect(page.getByTestId('signin-person')).toHaveCount(2);
  await expect(page.getByText('Brankas dikunci otomatis karena lama tidak dipakai.')).toBeVisible();
  await expect(page.getByText(BUDI.name)).toHaveCount(0);

  // The Owner: a wrong password first (recorded), then password + a fresh authenticator code.
  await signIn(page, 'bukan-kata-sandinya', OWNER);
  await expect(page.getByText('Kata sandi salah', { exact: false })).toBeVisible();
  await signIn(page, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Verifikasi dua langkah' })).toBeVisible();
  await page.getByTestId('signin-otp').fill(freshCode(secret, enrolment.step).code);
  await page.getByTestId('signin-submit').click();
  await expectSignedIn(page, OWNER, 'Pemilik');
  await expect(rows(page).filter({ hasText: BUDI.name }).getByTestId('row-phone')).toHaveText('0812-3456-7890');

  // Settings › Tinjauan akses: both accounts kept, each with a reason.
  await openSettings(page, 'review');
  const review = page.getByTestId('review-tab');
  for (const [id, reason] of [
    [ownerId, 'Pemilik toko, mengelola semua data'],
    [cashierId, 'Masih kasir shift pagi'],
  ] as const) {
    await review.getByTestId(`review-keep-${id}`).check();
    await review.getByTestId(`review-reason-${id}`).fill(reason);
  }
  await expect(review.getByTestId(`review-role-${cashierId}`)).toHaveValue('staff');
  await review.getByTestId('review-submit').click();
  await expect(page.getByTestId('notice')).toContainText('Tinjauan akses disimpan untuk 2 akun.');

  // Settings › Jejak audit: every step above, by the right person, and the chain verifies.
  await openSettings(page, 'audit');
  const entries = await auditRows(page);
  const has = (person: string, action: string, more: Partial<AuditRow> = {}) =>
    expect(entries, `${person}: ${action}`).toContainEqual(expect.objectContaining({ person, action, ...more }));
  has(OWNER, 'Masuk');
  has(OWNER, 'Verifikasi dua langkah diaktifkan');
  has(OWNER, 'Akun ditambahkan', { target: `Akun #${cashierId}` });
  has(CASHIER, 'Masuk');
  has(CASHIER, 'Data tersamar ditampilkan', { target: 'Pelanggan #1', outcome: 'Berhasil' });
  has(CASHIER, 'Akses ditolak', { outcome: 'Ditolak' });
  expect(entries.find((e) => e.action === 'Akses ditolak')?.details).toContain('export.run');
  has(CASHIER, 'Brankas dikunci');
  has(OWNER, 'Gagal masuk', { outcome: 'Gagal' });
  has(OWNER, 'Tinjauan akses');
  // Newest first: the review is the latest entry, the Owner's first sign-in the oldest.
  expect(entries[0]).toMatchObject({ person: OWNER, action: 'Tinjauan akses' });

  // The filters narrow it down to the cashier's reveal.
  await page.getByTestId('audit-person').selectOption(String(cashierId));
  await page.getByTestId('audit-action').selectOption('customer.reveal');
  await page.getByTestId('audit-apply').click();
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toContainText(CASHIER);

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
  await expect(page.getByTestId('audit-verify-result')).toContainText('Jejak audit utuh.');
});

test('strict mode on with the Owner password, app restarts: the sign-in list still works and the password opens the vault', async ({ openApp, dataDir }) => {
  const first = await openApp();
  await createVault(first.page);
  await addCustomer(first.page, BUDI);
  expect(existsSync(join(dataDir, SLOTS_FILE))).toBe(false);

  await openSettings(first.page, 'security');
  await expect(first.page.getByTestId('strict-mode-state')).toHaveText('Tidak aktif: komputer ini membuka brankas sendiri saat dinyalakan.');
  await first.page.getByTestId('strict-mode-switch').click();
  // A wrong password is refused; the Owner's own switches it on.
  await first.page.getByTestId('strict-password').fill('bukan-kata-sandinya');
  await first.page.getByTestId('strict-mode-submit').click();
  await expect(first.page.getByTestId('strict-mode-dialog')).toContainText('Kata sandi salah');
  await first.page.getByTestId('strict-password').fill(PASSWORD);
  await first.page.getByTestId('strict-mode-submit').click();
  await expect(first.page.getByTestId('strict-mode-dialog')).toBeHidden();
  await expect(first.page.getByTestId('notice')).toContainText('Mode ketat aktif.');
  await expect(first.page.getByTestId('strict-mode-switch')).toHaveAttribute('aria-checked', 'true');
  await expect(first.page.getByTestId('strict-mode-state')).toHaveText('Aktif: hanya kata sandi seseorang yang membuka brankas.');
  expect(existsSync(join(dataDir, SLOTS_FILE))).toBe(true);
  await first.close();

  // Restart: the vault stays shut until a person's password opens it.
  const second = await openApp();
  await expect(second.page.getByTestId('signin-strict')).toBeVisible();
  await expect(second.page.getByTestId('signin-person')).toHaveCount(1);
  await expect(personOnList(second.page, OWNER)).toContainText('Pemilik');
  await signIn(second.page, 'bukan-kata-sandinya', OWNER);
  await expect(second.page.getByText('Kata sandi salah', { exact: false })).toBeVisible();
  await signIn(second.page, PASSWORD, OWNER);
  await expectSignedIn(second.page, OWNER, 'Pemilik');
  await expectRows(second.page, [BUDI.name]);
});
