/**
 * The interface as a person meets it: accessibility (axe), both languages, keyboard use,
 * idle auto-lock. Screenshots of each screen in both languages go to test-results/screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { addCustomer, createVault, fillCustomer, readRecoveryCode, signIn } from './app';
import { expect, test } from './fixtures';

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
  await expect(page.getByText('Komang Ayu')).toHaveCount(0);
  await signIn(page);
  await expect(page.getByText('Komang Ayu')).toBeVisible();
});
