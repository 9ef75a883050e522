/**
 * Issue 11, the privacy notice: the Owner opens Privasi › Pemberitahuan privasi (a draft, nothing
 * published), fills in the shop profile, adds a recipient in Indonesia and publishes version 1
 * through the confirm dialog; then edits the profile and the page says the notice is out of date,
 * naming what changed. The PDF (in the page's language) and the WhatsApp text are read back. A
 * Cashier sees the notice without the profile form or the publish button. Axe-checked and captured
 * in id and en.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createVault, expectSignedIn, signIn, switchPerson } from './app';
import { addCashier, CASHIER, CASHIER_PASSWORD } from './backup-steps';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const SHOP = 'Toko Batik Sekar Arum';

for (const lang of ['id', 'en'] as const) {
  test(`publishing the privacy notice, then it goes out of date (${lang})`, async ({ openApp, dataDir }) => {
    test.slow();
    const { page, dialogs } = await openApp();
    await createVault(page);
    await addCashier(page);
    if (lang === 'en') await setLanguage(page, 'en');
    const l = (id: string, en: string) => (lang === 'en' ? en : id);

    await page.getByTestId('nav-notice').click();
    await expect(page.getByTestId('nav-notice')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const status = page.getByTestId('notice-status');
    await expect(status.getByTestId('notice-version')).toHaveText(l('Belum diterbitkan.', 'Not published yet.'));
    await expect(page.getByTestId('notice-publish')).toBeDisabled();
    // The sections sit one level under the page's title.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([l('Dokumen', 'Documents'), l('Profil toko', 'Shop profile'), l('Penerima data di luar toko', 'Recipients outside the shop')]);
    // The Cashier's "account created" message has gone, so the draft is seen whole.
    await expect(page.getByTestId('notice').locator('.toast')).toHaveCount(0);
    await expectAccessible(page, 'notice, draft');
    await shot(page, `${lang}-notice-1-draft`);

    // The shop profile: name, address, WhatsApp.
    const profile = page.getByTestId('shop-profile');
    await profile.getByTestId('shop-name').fill(SHOP);
    await profile.getByTestId('shop-address').fill('Jl. Malioboro No. 12, Yogyakarta');
    await profile.getByTestId('shop-whatsapp').fill('0812 3456 7890');
    await profile.getByTestId('shop-profile-save').click();
    await expect(page.getByText(l('Profil toko disimpan.', 'Shop profile saved.'))).toBeVisible();
    await expect(page.getByTestId('notice-publish')).toBeEnabled();

    // A recipient: the delivery company, in Indonesia.
    await page.getByTestId('recipient-add').click();
    const editor = page.getByTestId('recipient-editor');
    await editor.getByTestId('recipient-name').fill('PT Kirim Cepat Nusantara');
    await editor.getByTestId('recipient-whyId').fill('Mengantar pesanan ke alamat pelanggan');
    await editor.getByTestId('recipient-whyEn').fill('Delivering orders to the customer');
    await expect(editor.getByTestId('recipient-countryId')).toHaveValue('Indonesia');
    await editor.getByTestId('recipient-editor-submit').click();
    await expect(editor).toBeHidden();
    const recipients = page.getByTestId('recipient-list');
    await expect(recipients.locator('[data-testid^="recipient-row-"]')).toHaveCount(1);
    await expect(recipients).toContainText('PT Kirim Cepat Nusantara');

    // Publishing version 1, through the confirm dialog.
    await page.getByTestId('notice-publish').click();
    const confirm = page.getByTestId('notice-publish-confirm');
    await expect(confirm).toContainText(l('Terbitkan versi 1?', 'Publish version 1?'));
    await confirm.getByTestId('notice-publish-confirm-button').click();
    await expect(confirm).toBeHidden();
    await expect(status.getByTestId('notice-version')).toContainText(l('Versi 1 berlaku sejak', 'Version 1, in effect from'));
    await expect(status.getByTestId('notice-up-to-date')).toBeVisible();
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await expect(status).toBeInViewport();
    await expectAccessible(page, 'notice, version 1 published');
    await shot(page, `${lang}-notice-2-published`);

    // The PDF in the page's language, read back.
    await expect(page.getByTestId('notice-lang')).toHaveValue(lang);
    const pdf = join(dataDir, '..', `pemberitahuan-${lang}.pdf`);
    dialogs.willSave(pdf);
    await page.getByTestId('notice-save-pdf').click();
    await expect(page.getByText(l('Disimpan sebagai', 'Saved as'))).toBeVisible();
    const text = pdfText(pdf);
    expect(text).toContain(SHOP);
    expect(text).toContain(l('Kabar pesanan', 'Order updates'));
    expect(text).toMatch(l('Versi 1', 'Version 1'));
    expect(text).toContain('PT Kirim Cepat Nusantara');

    // The WhatsApp text: shown in the textarea whether or not the clipboard works.
    await page.getByTestId('notice-copy-whatsapp').click();
    await expect(page.getByTestId('notice-whatsapp-text')).toHaveValue(new RegExp(SHOP));

    // Something the notice is made from changes: the shop moves.
    await profile.getByTestId('shop-address').fill('Jl. Prawirotaman No. 7, Yogyakarta');
    await profile.getByTestId('shop-profile-save').click();
    const stale = status.getByTestId('notice-out-of-date');
    await expect(stale).toContainText(l('Sudah tidak sesuai', 'Out of date'));
    await expect(stale).toContainText(l('Yang berubah sejak versi 1: profil toko.', 'Changed since version 1: shop profile.'));
    await expect(page.getByTestId('notice-publish')).toHaveText(l('Terbitkan versi baru', 'Publish a new version'));
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await expect(stale).toBeInViewport();
    await expectAccessible(page, 'notice, out of date');
    await shot(page, `${lang}-notice-3-out-of-date`);

    // A Cashier reads the notice: no profile form, no publish button.
    await switchPerson(page);
    await signIn(page, CASHIER_PASSWORD, CASHIER);
    await expectSignedIn(page, CASHIER, l('Kasir', 'Cashier'));
    await page.getByTestId('nav-notice').click();
    await expect(page.getByTestId('notice-version')).toContainText(l('Versi 1', 'Version 1'));
    await expect(page.getByTestId('notice-publish')).toHaveCount(0);
    // The warning is hers to pass on, not hers to act on.
    await expect(page.getByTestId('notice-out-of-date')).toContainText(
      l('Sudah tidak sesuai — Pemilik perlu menerbitkan versi baru. Yang berubah sejak versi 1: profil toko.', 'Out of date — the Owner needs to publish a new version. Changed since version 1: shop profile.'),
    );
    await expect(page.getByTestId('shop-profile-save')).toHaveCount(0);
    await expect(page.getByTestId('shop-name')).toHaveCount(0);
    await expect(page.getByTestId('recipient-add')).toHaveCount(0);
    await expect(page.getByTestId('shop-profile')).toContainText(SHOP);
    await expectAccessible(page, 'notice, cashier');
    await shot(page, `${lang}-notice-4-cashier`);
  });
}
