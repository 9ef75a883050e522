/**
 * Issue 12, the rights desk: a customer walks in and asks what the shop keeps about her. The Owner
 * records the request (the clock starts: 3×24 hours), hands over the receipt (PDF read back), checks
 * her identity, saves the access pack (PDF, JSON and CSV — read back, her values and nobody else's),
 * marks it done, saves the reply letter (read back), records that she was told, and closes it. Two
 * requests taken earlier put the home banner at amber, then red, with the badge in the navigation.
 * Axe-checked and captured in id and en.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCustomer, createVault } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const H = 3_600_000;

for (const lang of ['id', 'en'] as const) {
  test(`a walk-in access request: receipt, pack, reply, closed (${lang})`, async ({ openApp, dataDir }) => {
    test.slow();
    const { page, dialogs } = await openApp();
    await createVault(page);
    await addCustomer(page, { name: 'Ani Lestari', phone: '0812 7000 1234', email: 'ani.lestari@contoh.id' });
    await addCustomer(page, { name: 'Budi Hartono', phone: '0813 5000 6789' });
    if (lang === 'en') await setLanguage(page, 'en');
    const l = (id: string, en: string) => (lang === 'en' ? en : id);

    await page.getByTestId('nav-requests').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l('Permintaan data pribadi', 'Personal data requests'));
    await expect(page.getByTestId('requests-empty')).toBeVisible();
    await expectAccessible(page, 'requests, empty register');
    await shot(page, `${lang}-requests-1-empty`);

    // Recording it at the counter: what is asked, how it came, whom it concerns, her own words.
    await page.getByTestId('requests-new').click();
    const form = page.getByTestId('request-new');
    await expect(form.getByTestId('request-type')).toHaveValue('access');
    await form.getByTestId('request-customer-search').fill('Ani');
    await form.getByTestId('request-customer-search-results').getByRole('button').click();
    await expect(form.getByTestId('request-customer')).toContainText('Ani Lestari');
    await form.getByTestId('request-asked').fill(l('Saya mau tahu data apa saja yang toko simpan tentang saya.', 'I want to know what the shop keeps about me.'));
    await form.getByTestId('request-lang').selectOption(lang);
    await expectAccessible(page, 'new request form');
    await shot(page, `${lang}-requests-2-new`);
    await form.getByTestId('request-submit').click();

    const created = page.getByTestId('request-created');
    await expect(created).toContainText('PDP-0001');
    const receipt = join(dataDir, '..', `tanda-terima-${lang}.pdf`);
    dialogs.willSave(receipt);
    await created.getByTestId('request-receipt-1-pdf').click();
    await expect(page.getByTestId('notice')).toContainText(l('Disimpan', 'Saved'));
    const receiptText = pdfText(receipt);
    expect(receiptText).toContain(l('Tanda Terima Permintaan Data Pribadi', 'Receipt for Your Personal Data Request'));
    expect(receiptText).toContain('PDP-0001');
    expect(receiptText).toContain('Ani Lestari');
    expect(receiptText).toContain(l('3×24 jam', '3×24 hours'));
    await expectAccessible(page, 'request recorded, receipt');
    await shot(page, `${lang}-requests-3-created`);
    await created.getByTestId('request-created-close').click();

    // The register: the clock the vault computed.
    const row = page.getByTestId('request-row-1');
    await expect(row).toContainText('Ani Lestari');
    await expect(page.getByTestId('request-left-1')).toHaveText(l('Sisa 71 jam', '71 h left'));
    await shot(page, `${lang}-requests-4-register`);

    // Answering: identity, the pack, done, the reply, told, closed.
    await page.getByTestId('request-open-1').click();
    const detail = page.getByTestId('request-detail');
    await expect(detail.getByTestId('request-state')).toHaveText(l('Diterima', 'Received'));
    await detail.getByTestId('identity-knows_phone').check();
    await detail.getByTestId('identity-recent_purchase').check();
    await detail.getByTestId('identity-save').click();
    await expect(detail.getByTestId('request-history')).toContainText(l('Identitas diperiksa', 'Identity checked'));
    await detail.getByTestId('request-to-in_progress').click();
    await expect(detail.getByTestId('request-state')).toHaveText(l('Sedang dikerjakan', 'In progress'));
    await expectAccessible(page, 'request detail, in progress');
    await shot(page, `${lang}-requests-5-detail`);

    const packDir = join(dataDir, '..', `paket-${lang}`);
    execFileSync('mkdir', ['-p', packDir]);
    dialogs.willChooseFolder(packDir);
    await detail.getByTestId('request-pack-save').click();
    await expect(page.getByTestId('notice')).toContainText(l('Disimpan di', 'Saved in'));
    const files = readdirSync(packDir).sort();
    expect(files.map((f) => f.split('.').pop())).toEqual(['csv', 'json', 'pdf']);
    const json = readFileSync(join(packDir, files.find((f) => f.endsWith('.json'))!), 'utf8');
    expect(json).toContain('Ani Lestari');
    expect(json).toContain('ani.lestari@contoh.id');
    expect(json).not.toContain('Budi');
    const packPdf = pdfText(join(packDir, files.find((f) => f.endsWith('.pdf'))!));
    expect(packPdf).toContain('Ani Lestari');
    expect(packPdf).not.toContain('Budi');

    await detail.getByTestId('request-to-done').click();
    await expect(detail.getByTestId('request-time-left')).toHaveText(l('Sudah dijawab', 'Answered'));
    const reply = join(dataDir, '..', `balasan-${lang}.pdf`);
    dialogs.willSave(reply);
    await detail.getByTestId('request-reply-1-pdf').click();
    await expect(page.getByTestId('notice')).toContainText(l('Disimpan', 'Saved'));
    expect(pdfText(reply)).toContain(l('Permintaan Anda Telah Kami Penuhi', 'We Have Carried Out Your Request'));

    await detail.getByTestId('request-to-told').click();
    await detail.getByTestId('request-step-via').selectOption('whatsapp');
    await detail.getByTestId('request-step-confirm').click();
    await detail.getByTestId('request-to-closed').click();
    await expect(detail.getByTestId('request-state')).toHaveText(l('Ditutup', 'Closed'));
    await expect(detail.getByTestId('request-history').locator('li')).toHaveCount(9);
    await expectAccessible(page, 'request closed');
    await shot(page, `${lang}-requests-6-closed`);
    await detail.getByTestId('request-detail-close').click();
    await expect(detail).toBeHidden();
    await expect(page.getByTestId('requests-empty')).toBeVisible();

    // Two taken earlier (a letter opened late): one due within the day, one overdue.
    const early = (hours: number) => page.evaluate((at) => window.brankas.requests.create({ type: 'correction', channel: 'letter', customerIds: [2], receivedAt: at }), Date.now() - hours * H);
    expect((await early(60)).ok).toBe(true);
    await page.getByTestId('nav-customers').click();
    await expect(page.getByTestId('home-requests-banner')).toHaveAttribute('data-state', 'due_soon');
    await expect(page.getByTestId('nav-requests-badge')).toHaveAttribute('data-urgency', 'due_soon');
    await shot(page, `${lang}-requests-7-banner-amber`);
    expect((await early(75)).ok).toBe(true);
    await page.getByTestId('nav-requests').click();
    await page.getByTestId('nav-customers').click();
    const banner = page.getByTestId('home-requests-banner');
    await expect(banner).toHaveAttribute('data-state', 'overdue');
    await expect(banner).toContainText(l('terlambat 3 jam', '3 h overdue'));
    await expectAccessible(page, 'home banner, overdue');
    await shot(page, `${lang}-requests-8-banner-red`);
    await banner.getByTestId('home-requests-open').click();
    await expect(page.getByTestId('request-left-3')).toHaveText(l('Terlambat 3 jam', '3 h overdue'));
  });
}
