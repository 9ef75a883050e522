/**
 * Issue 11, the importer as a new user meets it: a sheet with Alamat and Tgl Lahir into a new vault.
 * Both columns say they match a switched-off field; the Owner switches the address on for a purpose
 * and leaves the birthday out knowingly; "Setuju promo WA" maps to the promotions consent; a row with
 * a malformed e-mail is imported without it, listed as such. Afterwards the consent reads "imported"
 * with the file name as evidence, and the address is there. Screens in id and en, axe-checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

let files: string;
test.beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'brankas-e2e-import-privacy-'));
});
test.afterAll(() => rmSync(files, { recursive: true, force: true }));

for (const lang of ['id', 'en'] as const) {
  test(`switched-off columns, consent column and a malformed e-mail (${lang})`, async ({ openApp }) => {
    const name = `pelanggan-lama-${lang}.csv`;
    const csv = join(files, name);
    writeFileSync(
      csv,
      'Nama;Telepon;Email;Alamat;Tgl Lahir;Setuju promo WA\r\n' +
        'Rina Kartika;0812 7000 1234;rina@contoh.id;Jl. Melati 5, Bandung;1990-04-12;ya\r\n' +
        'Agus Salim;0813 2000 5678;agus(at)contoh;Jl. Kenanga 9, Depok;1985-01-30;tidak\r\n',
    );
    const l = (id: string, en: string) => (lang === 'en' ? en : id);
    const search = (q: string) => page.getByRole('searchbox', { name: l('Cari pelanggan', 'Search customers') }).fill(q);
    const { page, dialogs } = await openApp();
    await createVault(page);
    if (lang === 'en') await setLanguage(page, 'en');

    await page.getByTestId('import-open').click();
    dialogs.willOpen(csv);
    await page.getByTestId('import-pick').click();
    await expect(page.getByTestId('import-file-name')).toContainText(name);
    // Alamat (column 3) and Tgl Lahir (column 4) match switched-off fields and say so.
    await expect(page.getByTestId('import-off-3')).toContainText(l('dimatikan', 'switched off'));
    await expect(page.getByTestId('import-off-4')).toBeVisible();
    await expect(page.getByTestId('import-map-5')).toHaveValue('consent:promotions_wa');
    await expectAccessible(page, 'import mapping with switched-off columns');
    await shot(page, `${lang}-60-import-switched-off`);

    await page.getByTestId('import-off-3-switch').click();
    await page.getByTestId('import-off-3-confirm').click();
    await expect(page.getByTestId('import-off-3-form').getByRole('alert')).toBeVisible();
    await page.locator('#import-off-3-purpose-0').check();
    await expectAccessible(page, 'switching a field on for a purpose');
    await shot(page, `${lang}-61-import-switch-on`);
    await page.getByTestId('import-off-3-confirm').click();
    await expect(page.getByTestId('import-map-3')).toHaveValue('address');
    await page.getByTestId('import-off-4-leave').click();
    await expect(page.getByTestId('import-off-4-left-out')).toBeVisible();
    await shot(page, `${lang}-62-import-mapped`);

    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-count-new')).toContainText('2');
    await expect(page.getByTestId('import-count-partial')).toContainText('1');
    await expect(page.getByTestId('import-dropped-row')).toHaveCount(1);
    await expect(page.getByTestId('import-dropped-row')).toContainText('3');
    await expect(page.getByTestId('import-consent-note')).toBeVisible();
    await expectAccessible(page, 'import review with a dropped value');
    await shot(page, `${lang}-63-import-review-dropped`);
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-result-imported')).toContainText('2');
    await shot(page, `${lang}-64-import-result`);
    await page.getByTestId('import-finish').click();

    await search('Agus');
    await expect(page.getByTestId('customer-row')).toHaveCount(1);
    await search('Rina');
    await page.getByTestId('customer-row').filter({ hasText: 'Rina Kartika' }).click();
    await expect(page.getByRole('dialog').getByLabel(l('Alamat', 'Address'), { exact: true })).toHaveValue('Jl. Melati 5, Bandung');
    await page.getByTestId('customer-tab-consent').click();
    await expect(page.getByTestId('consent-status-promotions_wa')).toHaveText(l('Setuju', 'Agreed'));
    const history = page.getByTestId('consent-history');
    await expect(history).toContainText(name);
    await expect(history).toContainText(l('Diimpor', 'Imported'));
    await expectAccessible(page, 'imported consent');
    await shot(page, `${lang}-65-import-consent-imported`);
  });
}
