import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCustomer, createVault, search } from '../../e2e/app';
import { expect, test } from '../../e2e/fixtures';

const OUT = '/tmp/shots';
const problems: string[] = [];

async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  for (const v of violations) problems.push(`${what}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function lang(page: Page, l: 'id' | 'en') {
  await page.evaluate((x) => (document.querySelector(`[data-testid=lang-${x}]`) as HTMLButtonElement).click(), l);
  await expect(page.locator('html')).toHaveAttribute('lang', l);
}

async function both(page: Page, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(OUT, `id-${name}.png`) });
  await axe(page, `id ${name}`);
  await lang(page, 'en');
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(OUT, `en-${name}.png`) });
  await axe(page, `en ${name}`);
  await lang(page, 'id');
}

test('screens of issue 3', async ({ openApp }) => {
  const host = await openApp();
  const { page } = host;
  await createVault(page);
  await addCustomer(page, { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung', tags: 'langganan, grosir' });

  // Catalogue: switch birthday on (asks for the purpose)
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await page.getByRole('tab', { name: 'Data yang dikumpulkan' }).click();
  await both(page, '01-catalogue');
  await page.getByRole('switch', { name: 'Kumpulkan Tanggal lahir' }).click();
  await both(page, '02-enable-field');
  await page.getByLabel(/^Tujuan/).fill('Untuk mengirim ucapan dan promo ulang tahun.');
  await page.getByRole('button', { name: 'Aktifkan' }).click();
  await page.getByTestId('field-add').click();
  await page.getByLabel(/^Nama kolom/).fill('Ukuran baju');
  await page.getByLabel('Jenis isian').selectOption('choice');
  await page.getByLabel('Daftar pilihan').fill('S\nM\nL\nXL');
  await page.getByTestId('field-purpose').fill('Untuk menyiapkan pesanan seragam sesuai ukuran.');
  await both(page, '03-custom-field');
  await page.getByTestId('field-editor-submit').click();
  await expect(page.getByTestId('field-editor')).toBeHidden();
  await page.getByRole('dialog').getByRole('button', { name: 'Tutup' }).click();

  // Import a semicolon CSV
  const dir = mkdtempSync(join(tmpdir(), 'shots-'));
  const csv = join(dir, 'pelanggan-toko.csv');
  writeFileSync(
    csv,
    '\ufeffNama Lengkap;No HP;Kota;Tgl Lahir;Label;Keterangan\r\n' +
      'Siti Aminah;0813 2222 3333;Depok;1990-04-12;reseller;suka kirim lewat WA\r\n' +
      'Budi Santoso;0812-3456-7890;Bandung;;langganan;\r\n' +
      'Agus Wijaya;0857 1111 9999;Bekasi;1985-11-02;grosir;\r\n' +
      ';0811 0000 0000;Bogor;;;nama kosong\r\n' +
      'Rina Kartika;12ab;Malang;;;\r\n' +
      'Made Wirawan;+62 812 7777 8888;Denpasar;1979-02-30;;\r\n' +
      'Yuni Astuti;0878 5555 4444;"Jakarta; Selatan";;langganan;\r\n',
  );
  await page.getByTestId('import-open').click();
  await both(page, '04-import-pick');
  host.dialogs.willOpen(csv);
  await page.getByTestId('import-pick').click();
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await expect(page.getByTestId('import-preview-row').first()).toBeVisible();
  await both(page, '05-import-mapping');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-counts')).toBeVisible({ timeout: 30_000 });
  await both(page, '06-import-dryrun');
  await page.getByLabel('Perbarui').check();
  host.dialogs.willSave(join(dir, 'laporan.csv'));
  await page.getByTestId('import-report').click();
  await expect(page.getByTestId('import-report-saved')).toContainText('laporan');
  console.log('report:', readFileSync(join(dir, 'laporan.csv'), 'utf8'));
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 30_000 });
  await both(page, '07-import-done');
  await page.getByTestId('import-finish').click();
  await both(page, '08-list');

  // Find by phone fragment
  await search(page, '2222');
  await expect(page.getByTestId('customer-row').filter({ hasText: 'Siti Aminah' })).toBeVisible();
  await page.getByTestId('customer-row').filter({ hasText: 'Siti Aminah' }).click();
  await both(page, '09-form');
  await page.getByTestId('mark-verified').click();
  await expect(page.getByTestId('verified-status')).not.toContainText('belum');
  await page.getByRole('tab', { name: /Riwayat pembelian/ }).click();
  await page.getByTestId('add-purchase').click();
  await page.getByLabel('Barang / keterangan').fill('Kain batik tulis 2 lembar');
  await page.getByLabel('Jumlah', { exact: true }).fill('1250000');
  await both(page, '10-purchase-form');
  await page.getByRole('button', { name: 'Simpan pembelian' }).click();
  await page.getByTestId('add-purchase').click();
  await page.getByLabel('Tanggal', { exact: true }).fill('2026-03-02');
  await page.getByLabel('Barang / keterangan').fill('Selendang sutra');
  await page.getByLabel('Jumlah', { exact: true }).fill('Rp 350.000');
  await page.getByLabel('Saluran').selectOption('whatsapp');
  await page.getByRole('button', { name: 'Simpan pembelian' }).click();
  await expect(page.getByTestId('purchase-row')).toHaveCount(2);
  await expect(page.getByTestId('summary-total')).toHaveText('Rp 1.600.000');
  await both(page, '11-purchases');
  await page.keyboard.press('Escape');
  await search(page, '');

  // Filters and sort
  await page.getByTestId('list-sort').selectOption('last_purchase');
  await page.getByTestId('filter-tag').fill('lang');
  await expect(page.getByRole('option', { name: 'langganan' })).toBeVisible();
  await both(page, '12-tag-autocomplete');
  await page.getByRole('option', { name: 'langganan' }).click();
  await expect(page.getByTestId('customer-count')).toContainText('2');
  await both(page, '13-filtered');
  await page.getByTestId('filter-clear').click();

  // Switch off city (holds data)
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  await page.getByRole('tab', { name: 'Data yang dikumpulkan' }).click();
  await page.getByRole('switch', { name: 'Kumpulkan Kota' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await both(page, '14-switch-off');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Batal' }).click();
  await page.keyboard.press('Escape');

  // Selection + export
  await page.getByTestId('select-toggle').click();
  await page.getByTestId('customer-select').nth(0).check();
  await page.getByTestId('customer-select').nth(1).check();
  await both(page, '15-selection');
  await page.getByTestId('export-open').click();
  await both(page, '16-export');
  host.dialogs.willSave(join(dir, 'ekspor.csv'));
  await page.getByTestId('export-run').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  await both(page, '17-export-done');
  console.log('export:', readFileSync(join(dir, 'ekspor.csv'), 'utf8'));
  console.log('AXE:\n' + problems.join('\n'));
});

test('progress and cancel on a large file', async ({ openApp }) => {
  const host = await openApp();
  const { page } = host;
  await createVault(page);
  const dir = mkdtempSync(join(tmpdir(), 'shots-big-'));
  const csv = join(dir, 'besar.csv');
  const lines = ['Nama;No HP;Kota'];
  for (let i = 0; i < 200_000; i++) lines.push(`Pelanggan ${i};08${String(1200000000 + i)};Kota ${i % 50}`);
  writeFileSync(csv, lines.join('\r\n'));
  await page.getByTestId('import-open').click();
  host.dialogs.willOpen(csv);
  await page.getByTestId('import-pick').click();
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-counts')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('import-run').click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.waitForTimeout(700);
  await both(page, '18-import-progress');
  await page.getByTestId('import-cancel').click();
  await expect(page.getByText('Impor dibatalkan')).toBeVisible({ timeout: 60_000 });
  await both(page, '19-import-cancelled');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  console.log('AXE2:\n' + problems.join('\n'));
});
