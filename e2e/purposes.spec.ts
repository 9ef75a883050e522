/**
 * Issue 11, purposes: in a new vault the field catalogue shows what each field is used for; switching
 * Tanggal lahir on asks for its purposes (nothing pre-ticked), and a purpose is ticked there. Then
 * a customer form shows that purpose under the field. Axe-checked and captured in id and en.
 */
import { createVault } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

for (const lang of ['id', 'en'] as const) {
  test(`switching a field on asks for its purposes (${lang})`, async ({ openApp }) => {
    const { page } = await openApp();
    await createVault(page);
    if (lang === 'en') await setLanguage(page, 'en');
    const l = (id: string, en: string) => (lang === 'en' ? en : id);

    await page.getByTestId('nav-purposes').click();
    await expect(page.getByTestId('nav-purposes')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('field-purposes-phone')).toHaveText(
      l('Tujuan: Kabar pesanan, Layanan pelanggan, Promo lewat WhatsApp', 'Purpose: Order updates, Customer service, Promotions by WhatsApp'),
    );
    await expect(page.getByTestId('field-purposes-email')).toHaveText(l('Tujuan: Kabar pesanan, Nota dan catatan pajak', 'Purpose: Order updates, Invoices and tax records'));
    await expectAccessible(page, 'field catalogue with purposes');
    await shot(page, `${lang}-purposes-1-catalogue`);

    await page.getByTestId('field-switch-birthday').click();
    const editor = page.getByTestId('field-editor');
    await expect(editor).toBeVisible();
    const purposes = editor.getByRole('group', { name: l('Tujuan', 'Purposes') });
    for (const box of await purposes.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
    await expect(purposes.getByText(l('Persetujuan · perlu persetujuan', 'Consent · needs consent'))).toBeVisible();
    await expectAccessible(page, 'switching a field on: its purposes');
    await shot(page, `${lang}-purposes-2-enable`);

    // Nothing ticked and no words: refused in place.
    await editor.getByTestId('field-editor-submit').click();
    await expect(editor.getByLabel(l('Atau tulis tujuan baru', 'Or write a new purpose'))).toHaveAttribute('aria-invalid', 'true');
    await purposes.getByRole('checkbox', { name: l('Promo lewat WhatsApp', 'Promotions by WhatsApp') }).check();
    await editor.getByTestId('field-editor-submit').click();
    await expect(editor).toBeHidden();
    await expect(page.getByTestId('field-switch-birthday')).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('field-purposes-birthday')).toHaveText(l('Tujuan: Promo lewat WhatsApp', 'Purpose: Promotions by WhatsApp'));

    // The purposes beside the catalogue: the real vault refuses retiring what City serves alone.
    const list = page.getByTestId('purpose-list');
    await expect(list.getByTestId('purpose-row-promotions_wa')).toContainText(l('Dipakai oleh: Telepon, Tanggal lahir', 'Used by: Phone, Birthday'));
    await list.getByTestId('purpose-retire-order_updates').click();
    await expect(list.getByRole('alert')).toContainText(l('Kota hanya punya tujuan ini', 'City has no other purpose'));
    await list.getByTestId('purpose-row-invoices_tax').scrollIntoViewIfNeeded();
    await expectAccessible(page, 'purposes beside the catalogue');
    await shot(page, `${lang}-purposes-3-list`);
    await list.getByTestId('purpose-edit-invoices_tax').click();
    await expect(page.getByTestId('purpose-editor')).toBeVisible();
    await expectAccessible(page, 'editing a purpose');
    await shot(page, `${lang}-purposes-4-editor`);
    await page.getByTestId('purpose-editor').getByRole('button', { name: l('Batal', 'Cancel') }).click();

    // The vault holds it: what the page's own client reads back.
    const fields = await page.evaluate(() => window.brankas.fields.list());
    expect(fields.ok && fields.value.find((f) => f.key === 'birthday')).toMatchObject({ enabled: true, purposes: ['promotions_wa'] });
  });
}
