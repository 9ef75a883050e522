/**
 * Issue 11, navigation: the primary navigation by keyboard (Tab into it, ↑/↓/Home/End between
 * items, Enter to open, aria-current on the open page, the focus visible), a Cashier's shorter
 * list with the purposes to read only, and the layout at 900 px wide (icons, the label shown beside
 * the focused one). Axe-checked and captured in id and en.
 */
import type { Page } from '@playwright/test';
import { addCustomer, createVault, expectSignedIn, signIn, switchPerson } from './app';
import { addCashier, BUDI, CASHIER, CASHIER_PASSWORD } from './backup-steps';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const focusVisible = (page: Page) => page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);

for (const lang of ['id', 'en'] as const) {
  test(`primary navigation: keyboard, roles, 900 px (${lang})`, async ({ openApp }) => {
    test.slow();
    const { page } = await openApp();
    await createVault(page);
    await addCustomer(page, BUDI);
    await addCashier(page);
    if (lang === 'en') await setLanguage(page, 'en');
    const l = (id: string, en: string) => (lang === 'en' ? en : id);
    const nav = page.getByRole('navigation', { name: l('Navigasi utama', 'Main navigation') });

    // The Owner: every section, the customer list open.
    await expect(nav.getByRole('button')).toHaveText([
      l('Pelanggan', 'Customers'),
      l('Tujuan & persetujuan', 'Purposes & consent'),
      l('Pemberitahuan privasi', 'Privacy notice'),
      l('Permintaan data', 'Data requests'),
      l('Pengaturan', 'Settings'),
    ]);
    await expect(nav.getByRole('list', { name: l('Privasi', 'Privacy') })).toBeVisible();
    await expect(page.getByTestId('nav-customers')).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page, 'navigation, customer list');
    await shot(page, `${lang}-nav-1-customers`);

    // Keyboard: Tab from the top bar's last button lands on the first item; arrows move; Enter opens.
    await page.getByTestId('lock-button').focus();
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('nav-customers');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe('nav-purposes');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: l('Tujuan & persetujuan', 'Purposes & consent') })).toBeVisible();
    await expect(page.getByTestId('nav-purposes')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('nav-customers')).not.toHaveAttribute('aria-current', /.*/);
    await expect(page.getByTestId('field-catalogue')).toBeVisible();
    await expect(page.getByTestId('purpose-add')).toBeVisible();
    expect(await focusedTestId(page)).toBe('nav-purposes');
    await expectAccessible(page, 'navigation, purposes and consent');
    await shot(page, `${lang}-nav-2-purposes`);

    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('nav-notice');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('nav-requests');
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('nav-settings');
    await page.keyboard.press('Home');
    expect(await focusedTestId(page)).toBe('nav-customers');
    await page.keyboard.press('ArrowUp');
    expect(await focusedTestId(page)).toBe('nav-settings');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: l('Pengaturan', 'Settings') })).toBeVisible();
    await expect(page.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('settings-tab-fields')).toHaveCount(0);
    // Out of the navigation, into the page: the first tab.
    await page.keyboard.press('Tab');
    expect(await focusedTestId(page)).toBe('settings-tab-general');
    await expectAccessible(page, 'navigation, settings');
    await shot(page, `${lang}-nav-3-settings`);

    // 900 px: a narrow rail of icons; the focused item's label shows beside it; nothing scrolls sideways.
    await page.setViewportSize({ width: 900, height: 700 });
    const rail = await nav.boundingBox();
    expect(rail!.width).toBeLessThan(80);
    await expect(nav.getByRole('button', { name: l('Tujuan & persetujuan', 'Purposes & consent') })).toBeVisible();
    await page.getByTestId('nav-customers').focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedTestId(page)).toBe('nav-purposes');
    expect(await focusVisible(page)).toBe(true);
    await expect(page.getByTestId('nav-purposes').locator('.sidenav__label')).toBeInViewport();
    await expectAccessible(page, 'navigation at 900 px, settings');
    await shot(page, `${lang}-nav-4-narrow-settings`);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('customer-add')).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
    await expectAccessible(page, 'navigation at 900 px, customer list');
    await shot(page, `${lang}-nav-5-narrow-customers`);
    await page.setViewportSize({ width: 1180, height: 780 });

    // The Cashier: customers, the purposes to read, and requests to take at the counter; no Settings.
    await switchPerson(page);
    await signIn(page, CASHIER_PASSWORD, CASHIER);
    await expectSignedIn(page, CASHIER, l('Kasir', 'Cashier'));
    await expect(nav.getByRole('button')).toHaveText([l('Pelanggan', 'Customers'), l('Tujuan & persetujuan', 'Purposes & consent'), l('Pemberitahuan privasi', 'Privacy notice'), l('Permintaan data', 'Data requests')]);
    await expect(page.getByTestId('nav-settings')).toHaveCount(0);
    await page.getByTestId('nav-purposes').click();
    await expect(page.getByTestId('purposes-read-only')).toBeVisible();
    await expect(page.getByTestId('purpose-row-order_updates')).toContainText(l('Dipakai oleh: Telepon, Email, Kota', 'Used by: Phone, Email, City'));
    await expect(page.getByTestId('field-catalogue')).toHaveCount(0);
    await expect(page.getByTestId('purposes-page').getByRole('button')).toHaveCount(0);
    await expectAccessible(page, 'navigation, cashier, purposes');
    await shot(page, `${lang}-nav-6-cashier-purposes`);
  });
}
