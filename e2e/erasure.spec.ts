/**
 * Issue 12, an erasure request end to end: a backup is taken; the customer asks on WhatsApp to be
 * deleted; the Owner records the request, erases her from it after a confirm, records it done and
 * saves the reply (read back: it says how long older backups may still hold her). She is gone from
 * the list and no file in the data folder holds her name or phone. Then the older backup is
 * restored: its preview says one customer will be erased again, and after the restore she is not
 * there. Axe-checked and captured in id and en.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { addCustomer, createVault, expectSignedIn, OWNER, PASSWORD, rows, signIn } from './app';
import { BACKUP_PASSPHRASE, backUpNow, cleanUpAfterBackupTest, closeSettings, confirmRestoredCode, inspect, openBackupTab, setBackupPassphrase, startRestore, tempDir } from './backup-steps';
import { filesContaining } from './canary';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const WULAN = { name: 'Wulan Kanarisari', phone: '0812 9911 2233' };

test.afterEach(async ({ dataDir }) => cleanUpAfterBackupTest(dataDir));

for (const lang of ['id', 'en'] as const) {
  test(`an erasure request, then an older backup restored does not bring her back (${lang})`, async ({ openApp, dataDir }) => {
    test.slow();
    const host = await openApp();
    const { page, dialogs } = host;
    const usb = tempDir('usb');
    await createVault(page);
    await addCustomer(page, WULAN);
    await addCustomer(page, { name: 'Budi Hartono', phone: '0813 5000 6789' });
    await openBackupTab(page);
    await setBackupPassphrase(page);
    const backupFile = join(usb, await backUpNow(host, usb));
    await closeSettings(page);
    if (lang === 'en') await setLanguage(page, 'en');
    const l = (id: string, en: string) => (lang === 'en' ? en : id);

    // The request, by WhatsApp.
    await page.getByTestId('nav-requests').click();
    await page.getByTestId('requests-new').click();
    const form = page.getByTestId('request-new');
    await form.getByTestId('request-type').selectOption('erase');
    await expect(form).toContainText(l('Target toko sendiri', "The shop's own target"));
    await form.getByTestId('request-channel').selectOption('whatsapp');
    await form.getByTestId('request-customer-search').fill('0812 9911');
    await form.getByTestId('request-customer-search-results').getByRole('button').click();
    await form.getByTestId('request-asked').fill(l('Tolong hapus semua data saya.', 'Please delete all my data.'));
    await form.getByTestId('request-lang').selectOption(lang);
    await form.getByTestId('request-submit').click();
    await page.getByTestId('request-created-close').click();
    await expect(page.getByTestId('request-left-1')).toHaveText(l('Sisa 167 jam', '167 h left'));

    // Erased from the request, after a confirm.
    await page.getByTestId('request-open-1').click();
    const detail = page.getByTestId('request-detail');
    await detail.getByTestId('request-to-in_progress').click();
    await expect(detail.getByTestId('request-erase')).toBeVisible();
    await expectAccessible(page, 'erasure request, before');
    await shot(page, `${lang}-erasure-1-request`);
    await detail.getByTestId('request-erase-open').click();
    const confirm = page.getByTestId('request-erase-dialog');
    await expect(confirm).toContainText(WULAN.name);
    await expectAccessible(page, 'erasure confirm');
    await shot(page, `${lang}-erasure-2-confirm`);
    await confirm.getByTestId('request-erase-confirm').click();
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('notice')).toContainText(l('Pelanggan dihapus', 'Customer erased'));
    await expect(detail.getByTestId('request-customers')).toHaveText(l('Pelanggan #1 (sudah dihapus)', 'Customer #1 (erased)'));
    await expect(detail.getByTestId('request-customer-erased')).toBeVisible();
    // Her words went with her data; the register keeps the rest.
    await expect(detail.getByTestId('request-facts')).toContainText(l('(dihapus bersama data pelanggan)', "(erased with the customer's data)"));
    await detail.getByTestId('request-to-done').click();
    const reply = join(dataDir, '..', `balasan-hapus-${lang}.pdf`);
    dialogs.willSave(reply);
    await detail.getByTestId('request-reply-1-pdf').click();
    await expect(page.getByTestId('notice')).toContainText(l('Disimpan', 'Saved'));
    const letter = pdfText(reply);
    expect(letter).toContain(l('Data pribadi Anda telah kami hapus', 'We have erased your personal data'));
    expect(letter).toContain(l('35 hari', '35 days'));
    expect(letter).not.toContain(WULAN.name);
    await expectAccessible(page, 'erasure request, done');
    await shot(page, `${lang}-erasure-3-done`);
    await detail.getByTestId('request-detail-close').click();

    // Gone from the list, and from every file in the data folder.
    await page.getByTestId('nav-customers').click();
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByText(WULAN.name)).toHaveCount(0);
    expect(filesContaining(dataDir, WULAN.name)).toEqual([]);
    expect(filesContaining(dataDir, '81299112233')).toEqual([]);

    // The backup from before still holds her: restoring it erases her again, and says so first.
    await startRestore(host, backupFile);
    await inspect(page, BACKUP_PASSPHRASE);
    await expect(page.getByTestId('restore-flow')).toHaveAttribute('data-step', 'preview');
    await expect(page.getByTestId('restore-preview-erased')).toContainText('1');
    await expectAccessible(page, 'restore preview, erased again');
    await shot(page, `${lang}-erasure-4-restore-preview`);
    await page.getByTestId('restore-run').click();
    // The shared steps that follow read Indonesian labels.
    await expect(page.getByTestId('restored-code-screen')).toBeVisible();
    if (lang === 'en') await setLanguage(page, 'id');
    await confirmRestoredCode(page);
    await signIn(page, PASSWORD, OWNER);
    await expectSignedIn(page, OWNER, 'Pemilik');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Budi Hartono');
    await expect(page.getByText(WULAN.name)).toHaveCount(0);
  });
}
