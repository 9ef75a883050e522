/**
 * Issue 11, consent: a customer agrees on paper (the scanned form as evidence, kept inside the
 * vault), then withdraws by WhatsApp; the customer editor's Consent tab shows the current state and
 * the history, and the vault's own answer agrees. Axe-checked and captured in id and en.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCustomer, createVault, search } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

for (const lang of ['id', 'en'] as const) {
  test(`recording consent on paper with evidence, then a withdrawal (${lang})`, async ({ openApp, dataDir }) => {
    const { page, dialogs } = await openApp();
    await createVault(page);
    await addCustomer(page, { name: 'Rina Kartika', phone: '0812 7000 1234' });
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
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(copy, 'utf8')).toContain('CANARY-SCAN-RINA');

    const consent = await page.evaluate(() => window.brankas.consent.get({ customerId: 1 }));
    expect(consent.ok && consent.value.rows.map((r) => [r.purposeKey, r.status])).toEqual([['promotions_wa', 'withdrawn']]);
    expect(consent.ok && consent.value.history.map((e) => [e.state, e.method, e.evidence?.fileName ?? null])).toEqual([
      ['withdrawn', 'whatsapp', null],
      ['given', 'paper', `formulir-rina-${lang}.pdf`],
    ]);
  });
}
