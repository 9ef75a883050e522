/**
 * Issue 3's journeys: a semicolon CSV (as Excel with Indonesian settings saves it) imported
 * through the mapping screen with progress, found by a phone fragment; export and re-import.
 * Issue 11: an export names its purpose, and one for a consent-based purpose holds only the customers
 * whose consent is current (a withdrawal in the same millisecond keeps the customer out); the list
 * filters by consent state.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { appendConsent } from '../electron/vault/consent/repository';
import { addCustomer, createVault, expectRows, search } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

const CITIES = ['Bandung', 'Surabaya', 'Medan', 'Makassar', 'Denpasar', 'Semarang'];

/** Windows-1252, `;`, CRLF, a quoted cell with `;` and a line break — what Excel (Indonesia) writes. */
function excelIndonesiaCsv(rows: number): Buffer {
  const lines = ['Nama Lengkap;No. HP;Kota;Email;Keterangan'];
  lines.push('José Ramos;0812-5555-0001;Jakarta;jose@contoh.id;"Suka kopi; pesan lewat WA\r\nsetiap Jumat"');
  lines.push('Nomor Salah;12345;Bogor;;');
  lines.push('Email Salah;0812-5555-0003;Bogor;bukan-email;');
  for (let i = 0; i < rows; i++) {
    const n = String(100000 + i);
    lines.push(`Pelanggan ${n};0813-${n.slice(0, 4)}-${n.slice(2)};${CITIES[i % CITIES.length]};p${n}@contoh.id;`);
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'win1252');
}

let files: string;
test.beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'brankas-e2e-files-'));
});
test.afterAll(() => rmSync(files, { recursive: true, force: true }));

test('import a semicolon CSV through the mapping screen with progress, then find a customer by phone fragment', async ({ openApp }) => {
  const csv = join(files, 'pelanggan-excel.csv');
  writeFileSync(csv, excelIndonesiaCsv(20_000));
  const { page, dialogs } = await openApp();
  await createVault(page);

  await page.getByTestId('import-open').click();
  dialogs.willOpen(csv);
  await page.getByTestId('import-pick').click();

  // Headers auto-matched in Indonesian; the preview shows the rows as they will be stored.
  await expect(page.getByTestId('import-file-name')).toContainText('pelanggan-excel.csv');
  await expect(page.getByTestId('import-map-0')).toHaveValue('name');
  await expect(page.getByTestId('import-map-1')).toHaveValue('phone');
  await expect(page.getByTestId('import-map-2')).toHaveValue('city');
  await expect(page.getByTestId('import-map-3')).toHaveValue('email');
  await expect(page.getByTestId('import-map-4')).toHaveValue('notes');
  await expect(page.getByTestId('import-preview')).toContainText('José Ramos');
  await expect(page.getByTestId('import-preview')).toContainText('0812-5555-0001');

  // Dry run: counts of new rows; the two whose only fault is an optional value (a phone, an e-mail)
  // are imported without it, and listed.
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-count-new')).toContainText(/20[.,]?003/, { timeout: 60_000 });
  await expect(page.getByTestId('import-count-invalid')).toContainText('0');
  await expect(page.getByTestId('import-count-partial')).toContainText('2');
  await expect(page.getByTestId('import-dropped')).toContainText('No. HP');
  await expect(page.getByTestId('import-dropped')).toContainText('Nomor telepon tidak valid');

  // The import runs with a progress bar, then shows the result.
  await page.getByTestId('import-run').click();
  await expect(page.locator('progress')).toBeVisible();
  await expect(page.getByTestId('import-result-imported')).toContainText(/20[.,]?003/, { timeout: 60_000 });
  await page.getByTestId('import-finish').click();

  await expect(page.getByTestId('customer-count')).toContainText(/20[.,]?003/);
  await search(page, '5555 0001');
  await expectRows(page, ['José Ramos']);
  await search(page, '0813-1000-0042');
  await expectRows(page, ['Pelanggan 100042']);
});

test('export as CSV, then import the file into a new vault on another PC: nothing lost', async ({ openApp, dataDir }) => {
  const csv = join(files, 'kecil.csv');
  writeFileSync(csv, excelIndonesiaCsv(25));
  const first = await openApp();
  await createVault(first.page);
  await first.page.getByTestId('import-open').click();
  first.dialogs.willOpen(csv);
  await first.page.getByTestId('import-pick').click();
  await first.page.getByTestId('import-check').click();
  await first.page.getByTestId('import-run').click();
  await expect(first.page.getByTestId('import-result-imported')).toContainText('28');
  await first.page.getByTestId('import-finish').click();

  const exported = join(files, 'ekspor.csv');
  await first.page.getByTestId('export-open').click();
  await expect(first.page.getByTestId('export-warning')).toBeVisible();
  await first.page.getByTestId('export-purpose-order_updates').check();

  // Cancelled while it runs (the save dialog is held open until Cancel export was pressed): no file anywhere.
  const folder = mkdtempSync(join(files, 'batal-'));
  const release = first.dialogs.hold();
  first.dialogs.willSave(join(folder, 'batal.csv'));
  await first.page.getByTestId('export-run').click();
  const cancel = first.page.getByRole('button', { name: 'Batalkan ekspor' });
  await expect(cancel).toBeEnabled();
  await expect(cancel).toBeFocused();
  await expectAccessible(first.page, 'export running');
  await shot(first.page, 'id-40-export-running-cancel');
  await expect(first.page.getByRole('button', { name: 'Batal', exact: true })).toBeDisabled();
  await cancel.click();
  await expect(first.page.getByTestId('export-cancel')).toHaveText('Membatalkan…');
  await expect(first.page.getByTestId('export-cancel')).toBeDisabled();
  release();
  await expect(first.page.getByTestId('export-cancelled')).toHaveText('Ekspor dibatalkan. Tidak ada file yang disimpan.');
  await expectAccessible(first.page, 'export cancelled');
  await shot(first.page, 'id-41-export-cancelled');
  await expect(first.page.getByTestId('export-cancel')).toHaveCount(0);
  expect(readdirSync(folder)).toEqual([]);

  // The same two screens in English (captured; the texts are the component test's).
  await first.page.getByRole('button', { name: 'Batal', exact: true }).click();
  await setLanguage(first.page, 'en');
  await first.page.getByTestId('export-open').click();
  await first.page.getByTestId('export-purpose-order_updates').check();
  const releaseEn = first.dialogs.hold();
  first.dialogs.willSave(join(folder, 'cancelled.csv'));
  await first.page.getByTestId('export-run').click();
  await expect(first.page.getByTestId('export-cancel')).toBeEnabled();
  await shot(first.page, 'en-40-export-running-cancel');
  await first.page.getByTestId('export-cancel').click();
  releaseEn();
  await expect(first.page.getByTestId('export-cancelled')).toBeVisible();
  await shot(first.page, 'en-41-export-cancelled');
  await first.page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await setLanguage(first.page, 'id');
  await first.page.getByTestId('export-open').click();
  await first.page.getByTestId('export-purpose-order_updates').check();
  expect(readdirSync(folder)).toEqual([]);

  first.dialogs.willSave(exported);
  await first.page.getByTestId('export-run').click();
  await expect(first.page.getByTestId('export-result')).toContainText('28');
  await first.page.getByTestId('export-close').click();
  await first.close();

  const bytes = readFileSync(exported);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = bytes.toString('utf8');
  expect(text).toContain('José Ramos');
  expect(text).toContain('Suka kopi; pesan lewat WA');

  // A second PC: a fresh data folder.
  rmSync(dataDir, { recursive: true, force: true });
  const second = await openApp();
  await createVault(second.page);
  await second.page.getByTestId('import-open').click();
  second.dialogs.willOpen(exported);
  await second.page.getByTestId('import-pick').click();
  await second.page.getByTestId('import-check').click();
  await expect(second.page.getByTestId('import-count-invalid')).toContainText('0');
  await second.page.getByTestId('import-run').click();
  await expect(second.page.getByTestId('import-result-imported')).toContainText('28');
  await second.page.getByTestId('import-finish').click();
  await search(second.page, 'jose');
  await expectRows(second.page, ['José Ramos']);
  const jose = await second.vault.db().get<{ phone: string; email: string; city: string; notes: string }>(
    "SELECT phone, email, city, notes FROM customers WHERE name = 'José Ramos'",
  );
  expect(jose).toMatchObject({ phone: '+6281255550001', email: 'jose@contoh.id', city: 'Jakarta' });
  expect(jose?.notes).toMatch(/^Suka kopi; pesan lewat WA\r?\nsetiap Jumat$/);
});

test('export for promotions by WhatsApp holds only the customer whose consent is current; the list filters by consent', async ({ openApp }) => {
  const { page, vault, dialogs } = await openApp();
  await createVault(page);
  // Consent seeded through the vault the host runs (the consent screens are another change's): Ani agreed,
  // Budi agreed and withdrew in the same millisecond, Citra was never asked.
  for (const [name, phone] of [['Ani Lestari', '0812-1111-2222'], ['Budi Santoso', '0812-3333-4444'], ['Citra Dewi', '0812-5555-6666']] as const) {
    await addCustomer(page, { name, phone, email: `${name.split(' ')[0]?.toLowerCase()}@contoh.id` });
  }
  const id = Object.fromEntries((await vault.db().all<{ id: number; name: string }>('SELECT id, name FROM customers')).map((c) => [c.name, c.id]));
  const at = Date.now();
  await vault.db().transaction(async (tx) => {
    const entry = (customerId: number, state: 'given' | 'withdrawn') =>
      appendConsent(tx, { customerId, purposeKey: 'promotions_wa', state, at, method: 'paper', recordedBy: { id: 1, name: 'Ibu Sari' }, noticeVersion: null });
    await entry(id['Ani Lestari']!, 'given');
    await entry(id['Budi Santoso']!, 'given');
    await entry(id['Budi Santoso']!, 'withdrawn');
  });

  for (const lang of ['id', 'en'] as const) {
    await setLanguage(page, lang);
    // The list by consent state.
    await page.getByTestId('filter-consent').selectOption('promotions_wa:given');
    await expectRows(page, ['Ani Lestari']);
    await expectAccessible(page, `consent filter (${lang})`);
    await shot(page, `${lang}-42-list-consent-filter`);
    await page.getByTestId('filter-consent').selectOption('promotions_wa:withdrawn');
    await expectRows(page, ['Budi Santoso']);
    await page.getByTestId('filter-consent').selectOption('promotions_wa:none');
    await expectRows(page, ['Citra Dewi']);
    await page.getByTestId('filter-clear').click();
    await expectRows(page, ['Ani Lestari', 'Budi Santoso', 'Citra Dewi']);

    // The export names its purpose; promotions by WhatsApp: only customers who agreed, name and phone.
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-purpose').getByRole('alert')).toBeVisible();
    await page.getByTestId('export-purpose-promotions_wa').check();
    await expect(page.getByTestId('export-purpose')).toContainText(lang === 'id' ? 'hanya pelanggan yang setuju' : 'only customers who agreed');
    await expect(page.locator('input[id^="export-field-"]')).toHaveCount(2);
    await expectAccessible(page, `export purpose (${lang})`);
    await shot(page, `${lang}-43-export-purpose`);
    const file = join(files, `promo-${lang}.csv`);
    dialogs.willSave(file);
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-result')).toContainText(lang === 'id' ? '1 pelanggan' : '1 customer');
    await page.getByTestId('export-close').click();
    expect(readFileSync(file, 'utf8')).toBe('\ufeffNama;No HP\r\nAni Lestari;0812-1111-2222\r\n');
  }
  const entries = await vault.db().all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'data.export' ORDER BY id");
  expect(entries.map((e) => (JSON.parse(e.details) as { purpose: string }).purpose)).toEqual(['promotions_wa', 'promotions_wa']);
});
