/**
 * Issue 11, consent: a customer agrees on paper (the scanned form as evidence, kept inside the
 * vault), then withdraws by WhatsApp; the customer editor's Consent tab shows the current state and
 * the history, and the vault's own answer agrees. The consent form is printed for her and a receipt
 * given (PDF and WhatsApp text), both read back; after the withdrawal an export for that purpose
 * holds only the customer who still agrees. Axe-checked and captured in id and en.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCustomer, createVault, search } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

for (const lang of ['id', 'en'] as const) {
  test(`recording consent on paper with evidence, then a withdrawal (${lang})`, async ({ openApp, dataDir }) => {
    const { page, dialogs } = await openApp();
    await createVault(page);
    await addCustomer(page, { name: 'Rina Kartika', phone: '0812 7000 1234' });
    await addCustomer(page, { name: 'Sari Wulandari', phone: '0813 5000 6789' });
    // Sari agreed earlier, by word of mouth (recorded through the same bridge the form uses).
    const sari = await page.evaluate(() => window.brankas.consent.record({ customerId: 2, purposeKey: 'promotions_wa', state: 'given', method: 'verbal' }));
    expect(sari.ok).toBe(true);
    await search(page, 'Rina');
    if (lang === 'en') await setLanguage(page, 'en');
    const l = (id: string, en: string) => (lang === 'en' ? en : id);
    await page.getByTestId('customer-row').first().click();
    await page.getByTestId('customer-tab-consent').click();
    const row = page.getByTestId('consent-row-promotions_wa');
    await expect(page.getByTestId('consent-status-promotions_wa')).toHaveText(l('Belum ditanya', 'Not asked yet'));
    await expectAccessible(page, 'consent tab, nothing recorded');
    await shot(page, `${lang}-consent-1-none`);

    await row.getByTestId('consent-given-promotions_wa').click();
    const form = page.getByTestId('consent-form-promotions_wa');
    await expect(form.getByTestId('consent-promotions_wa-method')).toHaveValue('');
    // Nothing is pre-set: saving without saying how is refused in place.
    await form.getByTestId('consent-promotions_wa-save').click();
    await expect(form.getByTestId('consent-promotions_wa-method')).toHaveAttribute('aria-invalid', 'true');
    await form.getByTestId('consent-promotions_wa-method').selectOption('paper');
    const scan = join(dataDir, '..', `formulir-rina-${lang}.pdf`);
    writeFileSync(scan, '%PDF-1.4\nCANARY-SCAN-RINA tanda tangan\n');
    dialogs.willOpen(scan);
    await form.getByTestId('consent-promotions_wa-pick-evidence').click();
    await expect(form.getByTestId('consent-promotions_wa-evidence-name')).toContainText(`formulir-rina-${lang}.pdf`);
    await expectAccessible(page, 'recording an agreement');
    await shot(page, `${lang}-consent-2-record`);
    await form.getByTestId('consent-promotions_wa-save').click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('consent-status-promotions_wa')).toHaveText(l('Setuju', 'Agreed'));
    await expect(row).toContainText(l('Formulir kertas ditandatangani', 'Signed paper form'));

    // The consent form, printed for her: the name filled in, one pair of boxes per consent purpose.
    const formPdf = join(dataDir, '..', `formulir-${lang}.pdf`);
    dialogs.willSave(formPdf);
    await page.getByTestId('consent-print-form').click();
    await expect(page.getByText(l('Formulir persetujuan disimpan', 'Consent form saved'))).toBeVisible();
    const formText = pdfText(formPdf);
    expect(formText).toContain('Rina Kartika');
    expect(formText).toContain('Promo lewat WhatsApp / Promotions by WhatsApp');
    expect(formText).toContain('Setuju / I agree');

    // Her receipt: a PDF in the chosen language and a text for WhatsApp.
    await row.getByTestId('consent-receipt-open-promotions_wa').click();
    const receipt = row.locator('[data-testid^="consent-receipt-"][role="group"]');
    await expect(receipt).toBeVisible();
    const receiptPdf = join(dataDir, '..', `tanda-terima-${lang}.pdf`);
    dialogs.willSave(receiptPdf);
    await receipt.getByRole('button', { name: l('Simpan PDF', 'Save PDF') }).click();
    await expect(page.getByText(l('Tanda terima disimpan', 'Receipt saved'))).toBeVisible();
    const receiptText = pdfText(receiptPdf);
    expect(receiptText).toContain('Rina Kartika');
    expect(receiptText).toContain(l('Tanda Terima Persetujuan', 'Consent Receipt'));
    expect(receiptText).toContain('C-000002');
    await receipt.getByRole('button', { name: l('Salin teks WhatsApp', 'Copy WhatsApp text') }).click();
    await expect(receipt.locator('textarea')).toHaveValue(/C-000002/);
    await expectAccessible(page, 'consent receipt');
    await shot(page, `${lang}-consent-4-receipt`);
    await receipt.getByRole('button', { name: l('Tutup', 'Close') }).click();

    await row.getByTestId('consent-withdrawn-promotions_wa').click();
    await form.getByTestId('consent-promotions_wa-method').selectOption('whatsapp');
    await form.getByTestId('consent-promotions_wa-save').click();
    await expect(page.getByTestId('consent-status-promotions_wa')).toHaveText(l('Ditarik', 'Withdrawn'));
    const history = page.getByTestId('consent-history');
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await expect(history.locator('tbody tr').first()).toContainText(l('Lewat WhatsApp', 'By WhatsApp'));
    await expect(history.locator('tbody tr').nth(1)).toContainText(`formulir-rina-${lang}.pdf`);
    await history.scrollIntoViewIfNeeded();
    await expectAccessible(page, 'consent withdrawn, with history');
    await shot(page, `${lang}-consent-3-history`);

    // The Owner saves a copy of the evidence: the same bytes come back out of the vault.
    const copy = join(dataDir, '..', `salinan-${lang}.pdf`);
    dialogs.willSave(copy);
    await history.getByRole('button', { name: new RegExp(`formulir-rina-${lang}\\.pdf`) }).click();
    await expect(page.getByText(l('Salinan bukti sudah disimpan', 'The copy of the evidence is saved'))).toBeVisible();
    expect(readFileSync(copy, 'utf8')).toContain('CANARY-SCAN-RINA');

    // From the moment the withdrawal is recorded, an export for promotions by WhatsApp leaves her out.
    await page.getByTestId('customer-tab-consent').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('customer-dialog')).toBeHidden();
    await page.getByRole('searchbox').fill('');
    await expect(page.getByTestId('customer-row')).toHaveCount(2);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-purpose-promotions_wa').check();
    const exported = join(dataDir, '..', `promo-${lang}.csv`);
    dialogs.willSave(exported);
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-result')).toContainText(l('1 pelanggan', '1 customer'));
    await page.getByTestId('export-close').click();
    const csv = readFileSync(exported, 'utf8');
    expect(csv).toContain('Sari Wulandari');
    expect(csv).not.toContain('Rina');

    const consent = await page.evaluate(() => window.brankas.consent.get({ customerId: 1 }));
    expect(consent.ok && consent.value.rows.map((r) => [r.purposeKey, r.status])).toEqual([['promotions_wa', 'withdrawn']]);
    expect(consent.ok && consent.value.history.map((e) => [e.state, e.method, e.evidence?.fileName ?? null])).toEqual([
      ['withdrawn', 'whatsapp', null],
      ['given', 'paper', `formulir-rina-${lang}.pdf`],
    ]);
  });
}
