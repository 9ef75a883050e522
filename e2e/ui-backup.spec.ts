/**
 * Issue 5's screens as a person meets them, in both languages: axe, and screenshots to
 * test-results/screenshots.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemKeychain } from '../electron/vault/keys/keychain';
import { addCustomer, createVault, PASSWORD } from './app';
import { expect, test } from './fixtures';
import { openHost } from './host/host';
import { expectAccessible, setLanguage, shot } from './ui-steps';

// Issue 5's screens: the home banners, Settings › Backups (before and after the passphrase, a backup
// running and done), the restore steps, the restored vault's new code, the first-run restore screen.
for (const lang of ['id', 'en'] as const) {
  test(`backup and restore screens pass axe and are captured (${lang})`, async ({ context, openApp }) => {
    test.slow();
    const host = await openApp();
    const { page } = host;
    const usb = mkdtempSync(join(tmpdir(), 'brankas-e2e-ui-usb-'));
    const freshDir = mkdtempSync(join(tmpdir(), 'brankas-e2e-ui-newpc-'));
    const freshKeychain = systemKeychain(`Brankas-e2e-${randomUUID()}`);
    try {
      await createVault(page);
      for (const c of [
        { name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Bandung' },
        { name: 'Siti Rahayu', phone: '+62 813 1111 2222', city: 'Surabaya' },
      ]) {
        await addCustomer(page, c);
      }
      if (lang === 'en') await setLanguage(page, 'en');
      const passphrase = 'kopi sepeda hujan jendela merah';

      await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'never');
      await expectAccessible(page, 'home, no backup yet');
      await shot(page, `${lang}-22-home-backup-never`);

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-tab-backup').click();
      await expect(page.getByTestId('backup-setup-form')).toBeVisible();
      await expectAccessible(page, 'settings, backups, not configured');
      await shot(page, `${lang}-23-settings-backup-setup`);
      await page.getByTestId('backup-setup-passphrase').fill('rahasia');
      await page.getByTestId('backup-setup-confirm').fill('rahasia');
      await page.getByTestId('backup-setup-submit').click();
      await expect(page.getByTestId('backup-setup-passphrase')).toHaveAttribute('aria-invalid', 'true');
      await page.getByTestId('backup-setup-form').scrollIntoViewIfNeeded();
      await expectAccessible(page, 'settings, backups, weak passphrase');
      await shot(page, `${lang}-24-settings-backup-weak`);
      await page.getByTestId('backup-setup-passphrase').fill(passphrase);
      await page.getByTestId('backup-setup-confirm').fill(passphrase);
      await page.getByTestId('backup-setup-submit').click();
      await expect(page.getByTestId('backup-configured')).toBeVisible();

      // A backup held at the folder dialog (progress and Cancel), then done.
      const release = host.dialogs.hold();
      host.dialogs.willChooseFolder(usb);
      await page.getByTestId('backup-now').click();
      await expect(page.getByTestId('backup-progress')).toBeVisible();
      await expectAccessible(page, 'settings, backup running');
      await shot(page, `${lang}-25-settings-backup-running`);
      release();
      await expect(page.getByTestId('backup-result')).toBeVisible();
      await expectAccessible(page, 'settings, backup done');
      await shot(page, `${lang}-26-settings-backup-done`);
      await page.getByTestId('backup-last').scrollIntoViewIfNeeded();
      await shot(page, `${lang}-27-settings-backup-last`);
      await page.getByTestId('backup-schedule-save').scrollIntoViewIfNeeded();
      await shot(page, `${lang}-28-settings-backup-schedule`);
      const backupFile = join(usb, (await page.getByTestId('backup-result-file').innerText()).trim());

      // Restore: the passphrase step with a wrong passphrase, then the preview.
      await page.getByTestId('restore-open').click();
      await expect(page.getByTestId('restore-dialog')).toBeVisible();
      await expectAccessible(page, 'restore, pick');
      await shot(page, `${lang}-29-restore-pick`);
      host.dialogs.willOpen(backupFile);
      await page.getByTestId('restore-pick').click();
      await page.getByTestId('restore-passphrase').fill('kopi sepeda hujan jendela biru');
      await page.getByTestId('restore-inspect').click();
      await expect(page.getByTestId('restore-passphrase')).toHaveAttribute('aria-invalid', 'true');
      await expectAccessible(page, 'restore, wrong passphrase');
      await shot(page, `${lang}-30-restore-wrong-passphrase`);
      await page.getByTestId('restore-passphrase').fill(passphrase);
      await page.getByTestId('restore-inspect').click();
      await expect(page.getByTestId('restore-preview')).toBeVisible();
      await expectAccessible(page, 'restore, preview');
      await shot(page, `${lang}-31-restore-preview`);
      await page.getByTestId('restore-run').click();

      // The restored vault's new recovery code, shown and typed back.
      await expect(page.getByTestId('restored-code-screen')).toBeVisible();
      const groups = (await page.getByTestId('recovery-group').allInnerTexts()).map((g) => g.trim());
      await expectAccessible(page, 'restored code');
      await shot(page, `${lang}-32-restored-code`);
      await page.getByTestId('restored-code-screen').getByRole('button').click();
      const answers = page.locator('[data-testid^="recovery-answer-"]');
      await expect(answers.first()).toBeVisible();
      await expectAccessible(page, 'restored code, typed back');
      await shot(page, `${lang}-33-restored-code-confirm`);
      for (let i = 0; i < (await answers.count()); i++) {
        const id = (await answers.nth(i).getAttribute('id'))!;
        const n = Number(/(\d+)/.exec(await page.locator(`label[for="${id}"]`).innerText())?.[1]);
        await answers.nth(i).fill(groups[n - 1]!);
      }
      await page.getByTestId('recovery-confirm-submit').click();
      await expect(page.getByTestId('signin-password')).toBeVisible();
      await expectAccessible(page, 'sign in after a restore');
      await shot(page, `${lang}-34-sign-in-restored`);
      await page.getByTestId('signin-password').fill(PASSWORD);
      await page.getByTestId('signin-submit').click();
      await expect(page.getByTestId('home-restore-banner')).toBeVisible();
      await expect(page.getByTestId('home-backup-banner')).toHaveAttribute('data-state', 'ok');
      await expectAccessible(page, 'home, restore to decide');
      await shot(page, `${lang}-35-home-restore-banner`);
      await page.getByTestId('restore-undo').click();
      await expect(page.getByTestId('restore-undo-dialog')).toBeVisible();
      await expectAccessible(page, 'put the previous vault back?');
      await shot(page, `${lang}-36-restore-undo-confirm`);
      await page.getByTestId('restore-undo-confirm').click();
      await expect(page.getByTestId('signin-password')).toBeVisible();
      await page.getByTestId('signin-password').fill(PASSWORD);
      await page.getByTestId('signin-submit').click();
      await expect(page.getByTestId('home-restore-banner')).toHaveCount(0);

      // A new PC: the first-run screen's restore, up to the preview.
      const fresh = await openHost(context, { dataDir: freshDir, keychain: freshKeychain });
      try {
        await setLanguage(fresh.page, lang);
        await expect(fresh.page.getByTestId('firstrun-restore')).toBeVisible();
        await fresh.page.getByTestId('firstrun-restore').scrollIntoViewIfNeeded();
        await shot(fresh.page, `${lang}-37-first-run-restore-button`);
        await fresh.page.getByTestId('firstrun-restore').click();
        await expect(fresh.page.getByTestId('firstrun-restore-screen')).toBeVisible();
        await expectAccessible(fresh.page, 'first run, restore');
        await shot(fresh.page, `${lang}-38-first-run-restore`);
        fresh.dialogs.willOpen(backupFile);
        await fresh.page.getByTestId('restore-pick').click();
        await fresh.page.getByTestId('restore-passphrase').fill(passphrase);
        await fresh.page.getByTestId('restore-inspect').click();
        await expect(fresh.page.getByTestId('restore-preview')).toBeVisible();
        await expectAccessible(fresh.page, 'first run, restore preview');
        await shot(fresh.page, `${lang}-39-first-run-restore-preview`);
        expect(fresh.foreignRequests).toEqual([]);
      } finally {
        await fresh.close();
      }
    } finally {
      rmSync(usb, { recursive: true, force: true });
      rmSync(freshDir, { recursive: true, force: true });
      for (const id of await freshKeychain.accounts().catch(() => [] as string[])) await freshKeychain.remove(id);
    }
  });
}
