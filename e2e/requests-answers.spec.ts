/**
 * Issue 12, answering from the request: a correction (before and after on the request, the record
 * changed), a withdrawal of consent through the ledger (the customer's consent tab agrees), and a
 * restriction (a Cashier no longer finds the customer; lifted, she is back). Each screen
 * axe-checked and captured in id and en.
 */
import { addCustomer, createVault, OWNER, PASSWORD, rows, search, signIn, switchPerson } from './app';
import { addCashier, CASHIER, CASHIER_PASSWORD } from './backup-steps';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

for (const lang of ['id', 'en'] as const) {
  test(`correction, withdrawal and restriction from the request (${lang})`, async ({ openApp }) => {
    test.slow();
    const { page } = await openApp();
    await createVault(page);
    await addCashier(page);
    await addCustomer(page, { name: 'Rina Kartika', phone: '0812 7000 1234' });
    const consent = await page.evaluate(() => window.brankas.consent.record({ customerId: 1, purposeKey: 'promotions_wa', state: 'given', method: 'paper' }));
    expect(consent.ok).toBe(true);
    const take = (type: 'correction' | 'withdraw' | 'restrict') => page.evaluate((t) => window.brankas.requests.create({ type: t, channel: 'whatsapp', customerIds: [1], asked: 'Dari WhatsApp' }), type);
    for (const type of ['correction', 'withdraw', 'restrict'] as const) expect((await take(type)).ok).toBe(true);
    if (lang === 'en') await setLanguage(page, 'en');
    const l = (id: string, en: string) => (lang === 'en' ? en : id);
    await page.getByTestId('nav-requests').click();
    const detail = page.getByTestId('request-detail');

    // Correction: the new number, before and after kept on the request.
    await page.getByTestId('request-open-1').click();
    await detail.getByTestId('request-correct-field').selectOption('phone');
    await detail.getByTestId('request-correct-value').fill('0813 1111 2222');
    await detail.getByTestId('request-correct-save').click();
    await expect(detail.getByTestId('request-history')).toContainText(l('Data diperbaiki', 'Data corrected'));
    await expectAccessible(page, 'correction from the request');
    await shot(page, `${lang}-requests-answer-1-correction`);
    await detail.getByTestId('request-detail-close').click();

    // Withdrawal: one button per purpose she agrees to; in force at once.
    await page.getByTestId('request-open-2').click();
    await detail.getByTestId('request-withdraw-promotions_wa').click();
    await expect(detail.getByTestId('request-history')).toContainText(l('Persetujuan dicatat', 'Consent recorded'));
    await expect(detail.getByTestId('request-answer')).toContainText(l('tidak memberi persetujuan apa pun', 'has given no consent'));
    await expectAccessible(page, 'withdrawal from the request');
    await shot(page, `${lang}-requests-answer-2-withdraw`);
    await detail.getByTestId('request-detail-close').click();

    // Restriction, with a reason.
    await page.getByTestId('request-open-3').click();
    await detail.getByTestId('request-restrict-reason').fill(l('Pelanggan menyanggah datanya', 'The customer disputes the data'));
    await detail.getByTestId('request-restrict').click();
    await expect(detail.getByTestId('request-restricted')).toBeVisible();
    await expectAccessible(page, 'restriction from the request');
    await shot(page, `${lang}-requests-answer-3-restricted`);
    await detail.getByTestId('request-detail-close').click();

    // The record: the new phone; withdrawn in the consent tab.
    await page.getByTestId('nav-customers').click();
    await expect(rows(page).first().getByTestId('row-phone')).toHaveText('0813-1111-2222');

    // A Cashier does not find her while restricted.
    if (lang === 'en') await setLanguage(page, 'id');
    await switchPerson(page);
    await signIn(page, CASHIER_PASSWORD, CASHIER);
    await search(page, 'Rina');
    await expect(rows(page)).toHaveCount(0);
    await switchPerson(page);
    await signIn(page, PASSWORD, OWNER);
    await page.getByTestId('nav-requests').click();
    await page.getByTestId('requests-filter-open').selectOption('all');
    await page.getByTestId('request-open-3').click();
    await detail.getByTestId('request-unrestrict').click();
    await expect(detail.getByTestId('request-restrict')).toBeVisible();
    await detail.getByTestId('request-detail-close').click();
    await switchPerson(page);
    await signIn(page, CASHIER_PASSWORD, CASHIER);
    await search(page, 'Rina');
    await expect(rows(page)).toHaveCount(1);
  });
}
