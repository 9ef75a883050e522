/**
 * Issue 10's importer defect, as a shop owner meets it: Budi is in the vault; a file brings Siti
 * Santoso with the same WhatsApp number (a family sharing one phone). The dry run and the result
 * say "same phone, different name", Siti is not imported and Budi is never renamed — with
 * "update" chosen too. Screens captured in both languages and checked with axe.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCustomer, createVault, expectRows, search } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

let files: string;
test.beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'brankas-e2e-conflicts-'));
});
test.afterAll(() => rmSync(files, { recursive: true, force: true }));

test('same phone, different name: reported, not imported, nobody renamed (skip and update alike)', async ({ openApp }) => {
  const csv = join(files, 'keluarga.csv');
  // Siti shares Budi's phone; Budi's own row (he moved) is a true duplicate; Dewi is new.
  writeFileSync(csv, 'Nama;No HP;Kota\r\nSiti Santoso;0812-3456-7890;Surabaya\r\nBudi Santoso;0812-3456-7890;Sidoarjo\r\nDewi Lestari;0857-1111-2222;Malang\r\n');
  const { page, dialogs } = await openApp();
  await createVault(page);
  await addCustomer(page, { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Surabaya' });

  const review = async () => {
    await page.getByTestId('import-open').click();
    dialogs.willOpen(csv);
    await page.getByTestId('import-pick').click();
    await expect(page.getByTestId('import-file-name')).toContainText('keluarga.csv');
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-count-new')).toContainText('1');
    await expect(page.getByTestId('import-count-conflicts')).toContainText('1');
    await expect(page.getByTestId('import-duplicates')).toBeVisible();
    await expect(page.getByTestId('import-conflicts-note')).toBeVisible();
  };
  await review();
  await expect(page.getByTestId('import-problems')).toContainText('Nomor HP sama dengan pelanggan lain yang namanya berbeda');
  await expectAccessible(page, 'import review with a conflict');
  await shot(page, 'id-50-import-same-phone-other-name');
  // The wizard is modal: close it (nothing imported), switch language, look again.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await setLanguage(page, 'en');
  await review();
  await expect(page.getByTestId('import-problems')).toContainText('Same phone number as a customer with another name');
  await shot(page, 'en-50-import-same-phone-other-name');

  // "Update" is the choice that used to rename Budi: it must not.
  await page.locator('#import-dup-update').check();
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-result-imported')).toContainText('1');
  await expect(page.getByTestId('import-result-conflicts')).toContainText('1');
  await expectAccessible(page, 'import result with a conflict');
  await shot(page, 'en-51-import-result-conflict');
  await page.getByTestId('import-finish').click();
  await setLanguage(page, 'id');

  await search(page, '0812 3456');
  await expectRows(page, ['Budi Santoso']);
  await expect(page.getByTestId('customer-row')).toContainText('Sidoarjo');
  await search(page, 'Siti');
  await expect(page.getByTestId('customer-row')).toHaveCount(0);
  await search(page, 'Dewi');
  await expectRows(page, ['Dewi Lestari']);
});
