/**
 * The interface as a person meets it: accessibility (axe), both languages, keyboard use,
 * idle auto-lock. Screenshots of each screen in both languages go to test-results/screenshots.
 */
import { totpAt, totpStep } from '../electron/vault/keys/totp';
import { addCustomer, createVault, fillCustomer, OWNER, PASSWORD, personOnList, readRecoveryCode, signIn } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

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
    await page.getByTestId('nav-settings').click();
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
    await close('settings-page');

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
  await page.getByTestId('settings-page').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('settings-page')).toBeHidden();

  await page.clock.runFor(60_000);
  await expect(page.getByText('Komang Ayu')).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('owner-name')).toBeVisible();
  await expect(personOnList(page, 'Ibu Sari Wulandari').getByRole('radio')).toBeChecked();
  await expect(page.getByText('Komang Ayu')).toHaveCount(0);
  await signIn(page);
  await expect(page.getByText('Komang Ayu')).toBeVisible();
});
