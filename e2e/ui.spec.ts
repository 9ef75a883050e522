/**
 * The interface as a person meets it: accessibility (axe), both languages, keyboard use,
 * idle auto-lock. Screenshots of each screen in both languages go to test-results/screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemKeychain } from '../electron/vault/keys/keychain';
import { totpAt, totpStep } from '../electron/vault/keys/totp';
import { addCustomer, createVault, fillCustomer, OWNER, PASSWORD, personOnList, readRecoveryCode, signIn } from './app';
import { expect, test } from './fixtures';
import { openHost } from './host/host';

const SHOTS = join(__dirname, '..', 'test-results', 'screenshots');

async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), what).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function setLanguage(page: Page, lang: 'id' | 'en'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

for (const lang of ['id', 'en'] as const) {
  test(`every screen passes axe and is captured (${lang})`, async ({ openApp }) => {
    const { page } = await openApp();
    if (lang === 'en') await setLanguage(page, 'en');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, 'first run');
    await shot(page, `${lang}-1-first-run`);

    await page.getByRole('button', { name: lang === 'en' ? 'Create vault' : 'Buat brankas' }).click();
    await expectAccessible(page, 'first run with errors');
    await shot(page, `${lang}-2-first-run-errors`);

    await setLanguage(page, 'id');
    await page.getByLabel('Nama pemilik toko').fill('Ibu Sari Wulandari');
    await page.getByLabel('Kata sandi', { exact: true }).fill('teh-manis-jahe-merah-7');
    await page.getByLabel('Ulangi kata sandi').fill('teh-manis-jahe-merah-7');
    await page.getByRole('button', { name: 'Buat brankas' }).click();
    const groups = await readRecoveryCode(page);
    if (lang === 'en') await setLanguage(page, 'en');
    await expectAccessible(page, 'recovery code');
    await shot(page, `${lang}-3-recovery-code`);
    await setLanguage(page, 'id');
    const { confirmRecoveryCode } = await import('./app');
    await confirmRecoveryCode(page, groups);

    await expect(page.getByTestId('empty-state')).toBeVisible();
    if (lang === 'en') await setLanguage(page, 'en');
    await expectAccessible(page, 'empty list');
    await shot(page, `${lang}-4-empty-list`);
    await setLanguage(page, 'id');

    for (const c of [
      { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung', tags: 'langganan, grosir' },
      { name: 'Siti Rahayu', phone: '+62 813 1111 2222', city: 'Surabaya', tags: 'reseller' },
      { name: 'José Ramos', phone: '(021) 555-1234', city: 'Jakarta' },
      { name: 'Dewi Lestari', email: 'dewi@contoh.id', city: 'Yogyakarta' },
    ]) {
      await addCustomer(page, c);
    }
    if (lang === 'en') await setLanguage(page, 'en');
    await expectAccessible(page, 'list');
    await shot(page, `${lang}-5-list`);

    await page.getByRole('button', { name: lang === 'en' ? 'Add customer' : 'Tambah pelanggan', exact: true }).first().click();
    await fillCustomer(page, {});
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill('Rina');
    await dialog.getByLabel(lang === 'en' ? 'Phone' : 'Telepon', { exact: true }).fill('12345');
    await dialog.getByLabel('Email', { exact: true }).fill('rina@');
    await dialog.getByRole('button', { name: lang === 'en' ? 'Save' : 'Simpan' }).click();
    await expect(dialog.getByLabel(lang === 'en' ? 'Phone' : 'Telepon', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'form with errors');
    await shot(page, `${lang}-6-form-errors`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: lang === 'en' ? 'Lock' : 'Kunci' }).click();
    await expect(page.getByTestId('owner-name')).toBeVisible();
    await expectAccessible(page, 'sign in');
    await shot(page, `${lang}-7-sign-in`);
  });
}

// Issue 4's screens: sign-in with several people, the code step, My account, People, Review, Audit, Security.
for (const lang of ['id', 'en'] as const) {
  test(`staff screens pass axe and are captured (${lang})`, async ({ openApp }) => {
    test.slow();
    const { page } = await openApp();
    await createVault(page);
    await addCustomer(page, { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung' });
    if (lang === 'en') await setLanguage(page, 'en');
    const close = async (testId: string) => {
      await page.getByTestId(testId).getByRole('button', { name: lang === 'en' ? 'Close' : 'Tutup', exact: true }).last().click();
      await expect(page.getByTestId(testId)).toBeHidden();
    };

    // My account: password tab, then 2FA enrolment with the QR code, then the backup codes.
    await page.getByTestId('account-open').click();
    await expect(page.getByTestId('account-dialog')).toBeVisible();
    await expectAccessible(page, 'my account, password');
    await shot(page, `${lang}-8-account-password`);
    await page.getByTestId('account-tab-2fa').click();
    await page.getByTestId('totp-begin').click();
    await page.getByTestId('totp-start').click();
    await expect(page.getByTestId('totp-qr')).toBeVisible();
    await expectAccessible(page, 'my account, 2FA enrolment');
    await shot(page, `${lang}-9-account-2fa-enrol`);
    const secret = (await page.getByTestId('totp-manual-key').innerText()).replace(/\s+/g, '');
    const usedStep = totpStep(Date.now());
    await page.getByTestId('totp-code').fill(totpAt(secret, usedStep * 30));
    await page.getByTestId('totp-confirm').click();
    await expect(page.getByTestId('backup-codes')).toBeVisible();
    await expectAccessible(page, 'backup codes');
    await shot(page, `${lang}-10-backup-codes`);
    await page.getByTestId('backup-codes-done').click();
    await close('account-dialog');

    // Settings › People, with a second and third person added and the permission matrix.
    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings-tab-people').click();
    for (const [name, role, password] of [
      ['Dewi Anggraini', 'staff', 'pisang-goreng-keju-41'],
      ['Bambang Hartono', 'manager', 'sambal-terasi-pedas-52'],
    ] as const) {
      await page.getByTestId('person-add').click();
      await page.getByTestId('person-name').fill(name);
      await page.getByTestId('person-role').selectOption(role);
      await page.getByTestId('person-reason').fill(lang === 'en' ? 'Morning shift' : 'Kasir shift pagi');
      await page.getByTestId('person-password').fill(password);
      await page.getByTestId('person-confirm').fill(password);
      if (name === 'Bambang Hartono') {
        await expectAccessible(page, 'add person');
        await shot(page, `${lang}-11-person-add`);
      }
      await page.getByTestId('person-add-submit').click();
      await expect(page.getByTestId('person-add-dialog')).toBeHidden();
      await expect(page.locator('[data-testid^="person-row-"]').filter({ hasText: name })).toBeVisible();
    }
    await expect(page.getByTestId('permission-matrix')).toBeVisible();
    await expectAccessible(page, 'settings, people');
    await shot(page, `${lang}-12-settings-people`);
    await page.getByTestId('permission-matrix').scrollIntoViewIfNeeded();
    await shot(page, `${lang}-13-settings-people-matrix`);

    await page.getByTestId('settings-tab-review').click();
    await expect(page.getByTestId('review-submit')).toBeVisible();
    await expectAccessible(page, 'settings, access review');
    await shot(page, `${lang}-14-settings-review`);

    await page.getByTestId('settings-tab-audit').click();
    await expect(page.getByTestId('audit-table')).toBeVisible();
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result').locator('[data-outcome]')).toHaveAttribute('data-outcome', 'ok');
    await expectAccessible(page, 'settings, audit trail');
    await shot(page, `${lang}-15-settings-audit`);

    await page.getByTestId('settings-tab-security').click();
    await expect(page.getByTestId('strict-mode-switch')).toBeVisible();
    await expectAccessible(page, 'settings, security');
    await shot(page, `${lang}-16-settings-security`);
    await page.getByTestId('strict-mode-switch').click();
    await expect(page.getByTestId('strict-mode-dialog')).toBeVisible();
    await expectAccessible(page, 'strict mode password');
    await shot(page, `${lang}-17-strict-mode-confirm`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('strict-mode-dialog')).toBeHidden();
    await close('settings-dialog');

    // Sign-in with several people, then the code step for the Owner.
    await page.getByTestId('switch-person').click();
    await expect(page.getByTestId('signin-person')).toHaveCount(3);
    await expectAccessible(page, 'sign in, several people');
    await shot(page, `${lang}-18-sign-in-people`);
    await personOnList(page, OWNER).click();
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('signin-otp')).toBeVisible();
    await expectAccessible(page, 'sign in, code step');
    await shot(page, `${lang}-19-sign-in-otp`);
    await page.getByTestId('signin-otp').fill('000000');
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('signin-otp')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'sign in, wrong code');
    await shot(page, `${lang}-20-sign-in-otp-wrong`);
    await page.getByTestId('signin-otp').fill(totpAt(secret, Math.max(totpStep(Date.now()), usedStep + 1) * 30));
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('signed-in-person')).toContainText(OWNER);

    // The cashier's list: the phone masked, with its Show button.
    await page.getByTestId('switch-person').click();
    await personOnList(page, 'Dewi Anggraini').click();
    await page.getByTestId('signin-password').fill('pisang-goreng-keju-41');
    await page.getByTestId('signin-submit').click();
    await expect(page.getByTestId('row-phone')).toHaveText('0812****7890');
    await expectAccessible(page, 'list, masked');
    await shot(page, `${lang}-21-list-masked`);
  });
}

// Issue 5's screens: the home banners, Settings › Backups (before and after the passphrase, a backup
// running and done), the restore steps, the restored vault's new code, the first-run restore screen.
for (const lang of ['id', 'en'] as const) {
  test(`backup and restore screens pass axe and are captured (${lang})`, async ({ context, openApp }) => {
    test.slow();
    const host = await openApp();
    const { page } = host;
    const usb = mkdtempSync(join(tmpdir(), 'brankas-e2e-ui-usb-'));
    const freshDir = mkdtempSync(join(tmpdir(), 'brankas-e2e-ui-newpc-'));
    const freshKeychain = systemKeychain(`Brankas-e2e-${randomUUID()}`);
    try {
      await createVault(page);
      for (const c of [
        { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung' },
        { name: 'Siti Rahayu', phone: '+62 813 1111 2222', city: 'Surabaya' },
      ]) {
        await addCustomer(page, c);
      }
      if (lang === 'en') await setLanguage(page, 'en');
      const passphrase = 'kopi sepeda hujan jendela merah';

      await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'never');
      await expectAccessible(page, 'home, no backup yet');
      await shot(page, `${lang}-22-home-backup-never`);

      await page.getByTestId('settings-open').click();
      await page.getByTestId('settings-tab-backup').click();
      await expect(page.getByTestId('backup-setup-form')).toBeVisible();
      await expectAccessible(page, 'settings, backups, not configured');
      await shot(page, `${lang}-23-settings-backup-setup`);
      await page.getByTestId('backup-setup-passphrase').fill('rahasia');
      await page.getByTestId('backup-setup-confirm').fill('rahasia');
      await page.getByTestId('backup-setup-submit').click();
      await expect(page.getByTestId('backup-setup-passphrase')).toHaveAttribute('aria-invalid', 'true');
      await page.getByTestId('backup-setup-form').scrollIntoViewIfNeeded();
      await expectAccessible(page, 'settings, backups, weak passphrase');
      await shot(page, `${lang}-24-settings-backup-weak`);
      await page.getByTestId('backup-setup-passphrase').fill(passphrase);
      await page.getByTestId('backup-setup-confirm').fill(passphrase);
      await page.getByTestId('backup-setup-submit').click();
      await expect(page.getByTestId('backup-configured')).toBeVisible();

      // A backup held at the folder dialog (progress and Cancel), then done.
      const release = host.dialogs.hold();
      host.dialogs.willChooseFolder(usb);
      await page.getByTestId('backup-now').click();
      await expect(page.getByTestId('backup-progress')).toBeVisible();
      await expectAccessible(page, 'settings, backup running');
      await shot(page, `${lang}-25-settings-backup-running`);
      release();
      await expect(page.getByTestId('backup-result')).toBeVisible();
      await expectAccessible(page, 'settings, backup done');
      await shot(page, `${lang}-26-settings-backup-done`);
      await page.getByTestId('backup-last').scrollIntoViewIfNeeded();
      await shot(page, `${lang}-27-settings-backup-last`);
      await page.getByTestId('backup-schedule-save').scrollIntoViewIfNeeded();
      await shot(page, `${lang}-28-settings-backup-schedule`);
      const backupFile = join(usb, (await page.getByTestId('backup-result-file').innerText()).trim());

      // Restore: the passphrase step with a wrong passphrase, then the preview.
      await page.getByTestId('restore-open').click();
      await expect(page.getByTestId('restore-dialog')).toBeVisible();
      await expectAccessible(page, 'restore, pick');
      await shot(page, `${lang}-29-restore-pick`);
      host.dialogs.willOpen(backupFile);
      await page.getByTestId('restore-pick').click();
      await page.getByTestId('restore-passphrase').fill('kopi sepeda hujan jendela biru');
      await page.getByTestId('restore-inspect').click();
      await expect(page.getByTestId('restore-passphrase')).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page, 'restore, wrong passphrase');
      await shot(page, `${lang}-30-restore-wrong-passphrase`);
      await page.getByTestId('restore-passphrase').fill(passphrase);
      await page.getByTestId('restore-inspect').click();
      await expect(page.getByTestId('restore-preview')).toBeVisible();
      await expectAccessible(page, 'restore, preview');
      await shot(page, `${lang}-31-restore-preview`);
      await page.getByTestId('restore-run').click();

      // The restored vault's new recovery code, shown and typed back.
      await expect(page.getByTestId('restored-code-screen')).toBeVisible();
      const groups = (await page.getByTestId('recovery-group').allInnerTexts()).map((g) => g.trim());
      await expectAccessible(page, 'restored code');
      await shot(page, `${lang}-32-restored-code`);
      await page.getByTestId('restored-code-screen').getByRole('button').click();
      const answers = page.locator('[data-testid^="recovery-answer-"]');
      await expect(answers.first()).toBeVisible();
      await expectAccessible(page, 'restored code, typed back');
      await shot(page, `${lang}-33-restored-code-confirm`);
      for (let i = 0; i < (await answers.count()); i++) {
        const id = (await answers.nth(i).getAttribute('id'))!;
        const n = Number(/(\d+)/.exec(await page.locator(`label[for="${id}"]`).innerText())?.[1]);
        await answers.nth(i).fill(groups[n - 1]!);
      }
      await page.getByTestId('recovery-confirm-submit').click();
      await expect(page.getByTestId('signin-password')).toBeVisible();
      await expectAccessible(page, 'sign in after a restore');
      await shot(page, `${lang}-34-sign-in-restored`);
      await page.getByTestId('signin-password').fill(PASSWORD);
      await page.getByTestId('signin-submit').click();
      await expect(page.getByTestId('home-restore-banner')).toBeVisible();
      await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'ok');
      await expectAccessible(page, 'home, restore to decide');
      await shot(page, `${lang}-35-home-restore-banner`);
      await page.getByTestId('restore-undo').click();
      await expect(page.getByTestId('restore-undo-dialog')).toBeVisible();
      await expectAccessible(page, 'put the previous vault back?');
      await shot(page, `${lang}-36-restore-undo-confirm`);
      await page.getByTestId('restore-undo-confirm').click();
      await expect(page.getByTestId('signin-password')).toBeVisible();
      await page.getByTestId('signin-password').fill(PASSWORD);
      await page.getByTestId('signin-submit').click();
      await expect(page.getByTestId('home-restore-banner')).toHaveCount(0);

      // A new PC: the first-run screen's restore, up to the preview.
      const fresh = await openHost(context, { dataDir: freshDir, keychain: freshKeychain });
      try {
        await setLanguage(fresh.page, lang);
        await expect(fresh.page.getByTestId('firstrun-restore')).toBeVisible();
        await fresh.page.getByTestId('firstrun-restore').scrollIntoViewIfNeeded();
        await shot(fresh.page, `${lang}-37-first-run-restore-button`);
        await fresh.page.getByTestId('firstrun-restore').click();
        await expect(fresh.page.getByTestId('firstrun-restore-screen')).toBeVisible();
        await expectAccessible(fresh.page, 'first run, restore');
        await shot(fresh.page, `${lang}-38-first-run-restore`);
        fresh.dialogs.willOpen(backupFile);
        await fresh.page.getByTestId('restore-pick').click();
        await fresh.page.getByTestId('restore-passphrase').fill(passphrase);
        await fresh.page.getByTestId('restore-inspect').click();
        await expect(fresh.page.getByTestId('restore-preview')).toBeVisible();
        await expectAccessible(fresh.page, 'first run, restore preview');
        await shot(fresh.page, `${lang}-39-first-run-restore-preview`);
        expect(fresh.foreignRequests).toEqual([]);
      } finally {
        await fresh.close();
      }
    } finally {
      rmSync(usb, { recursive: true, force: true });
      rmSync(freshDir, { recursive: true, force: true });
      for (const id of await freshKeychain.accounts().catch(() => [] as string[])) await freshKeychain.remove(id);
    }
  });
}

test('the language choice shows everywhere and is remembered after a restart', async ({ openApp }) => {
  const first = await openApp();
  await expect(first.page.getByRole('heading', { name: 'Selamat datang di Brankas' })).toBeVisible();
  await setLanguage(first.page, 'en');
  await expect(first.page.getByRole('heading', { name: 'Welcome to Brankas' })).toBeVisible();
  await expect(first.page.getByLabel('Shop owner name')).toBeVisible();
  await first.close();
  const second = await openApp();
  await expect(second.page.getByRole('heading', { name: 'Welcome to Brankas' })).toBeVisible();
});

test('keyboard only: add a customer, open it, close dialogs with Escape', async ({ openApp }) => {
  const { page } = await openApp();
  await createVault(page);
  await page.getByRole('button', { name: 'Tambah pelanggan', exact: true }).first().focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/^Nama/)).toBeFocused();
  await page.keyboard.type('Wayan Sudarma');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0813 3700 1234');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('customer-row').filter({ hasText: 'Wayan Sudarma' });
  await expect(row).toContainText('0813-3700-1234');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('idle auto-lock: after the configured minutes without activity, back to sign-in and the list is cleared', async ({ openApp }) => {
  const { page } = await openApp();
  await page.clock.install();
  await page.reload();
  await createVault(page);
  await addCustomer(page, { name: 'Komang Ayu', phone: '0812 1212 3434' });

  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await page.getByLabel('Kunci otomatis setelah tidak dipakai (menit)').fill('2');
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.clock.runFor(60_000);
  await expect(page.getByText('Komang Ayu')).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('owner-name')).toBeVisible();
  await expect(personOnList(page, 'Ibu Sari Wulandari').getByRole('radio')).toBeChecked();
  await expect(page.getByText('Komang Ayu')).toHaveCount(0);
  await signIn(page);
  await expect(page.getByText('Komang Ayu')).toBeVisible();
});
