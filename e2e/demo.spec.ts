/**
 * Trying Brankas with sample data, as a first-time user meets it: "Coba dulu dengan data contoh"
 * on the first-run screen → the DEMO banner and the seeded customers → "Buang data contoh" → back on
 * the first-run screen, with the demo folder and its keychain entry gone. Then a real vault, in the
 * real folder, with none of the demo's customers. Screenshots in Indonesian and English.
 */
import { existsSync } from 'node:fs';
import { systemKeychain } from '../electron/vault/keys/keychain';
import { readRecoveryFile } from '../electron/vault/open';
import { vaultPaths } from '../electron/vault/paths';
import { demoDataDir, removeDemoDir } from '../electron/vault/demo/paths';
import { createVault, expectSignedIn, rows, search } from './app';
import { expect, test } from './fixtures';
import { expectAccessible, setLanguage, shot } from './ui-steps';

const TEXT = {
  id: { start: 'Coba dulu dengan data contoh', banner: 'DEMO — data contoh, bukan data asli', discard: 'Buang data contoh', count: '300 pelanggan', firstRun: 'Selamat datang di Brankas' },
  en: { start: 'Try it with sample data', banner: 'DEMO — sample data, not real', discard: 'Throw away sample data', count: '300 customers', firstRun: 'Welcome to Brankas' },
} as const;

for (const lang of ['id', 'en'] as const) {
  test(`sample data: start from the first-run screen, see the banner and customers, throw it away (${lang})`, async ({ openApp, dataDir }) => {
    test.slow();
    const demoDir = demoDataDir(dataDir);
    const keychain = systemKeychain();
    const t = TEXT[lang];
    const { page } = await openApp();
    let demoId: string | null = null;
    try {
      if (lang === 'en') await setLanguage(page, 'en');
      await page.getByRole('button', { name: t.start }).click();

      const banner = page.getByTestId('demo-banner');
      await expect(banner).toContainText(t.banner);
      await expect(page.getByTestId('customer-count')).toHaveText(t.count);
      await expect(rows(page).first()).toBeVisible();
      await expectSignedIn(page, 'Pemilik Demo', lang === 'id' ? 'Pemilik' : 'Owner');
      demoId = readRecoveryFile(vaultPaths(demoDir))?.vaultId ?? null;
      expect(demoId).not.toBeNull();
      expect(await keychain.get(demoId!)).not.toBeNull();
      expect(existsSync(vaultPaths(dataDir).vault), 'nothing in the real folder').toBe(false);
      await expectAccessible(page, 'demo, customer list');
      await shot(page, `${lang}-40-demo-customers`);

      // A customer with purchases and tags, as the seed made them.
      await rows(page).first().click();
      await expect(page.getByTestId('summary-count')).toBeVisible();
      await shot(page, `${lang}-41-demo-customer`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      // After a lock the banner stays, with the password to sign in again.
      await page.getByTestId('lock-button').click();
      await expect(page.getByTestId('signin-password')).toBeVisible();
      await expect(banner).toContainText(t.banner);
      const password = (await page.getByTestId('demo-password').innerText()).trim();
      await expectAccessible(page, 'demo, sign-in');
      await shot(page, `${lang}-42-demo-locked`);
      await page.getByTestId('signin-password').fill(password);
      await page.getByTestId('signin-submit').click();
      await expect(page.getByTestId('customer-count')).toHaveText(t.count);

      await page.getByRole('button', { name: t.discard }).click();
      await expect(page.getByRole('heading', { name: t.firstRun })).toBeVisible();
      await expect(banner).toBeHidden();
      await shot(page, `${lang}-43-demo-discarded`);
      expect(existsSync(demoDir), 'the demo folder is gone').toBe(false);
      expect(await keychain.get(demoId!), 'the demo key is gone').toBeNull();

      if (lang === 'id') {
        // A real vault made afterwards is in the real folder and has none of the demo's customers.
        await createVault(page);
        await expect(page.getByTestId('demo-banner')).toBeHidden();
        await search(page, 'Santoso');
        await expect(rows(page)).toHaveCount(0);
        expect(existsSync(vaultPaths(dataDir).vault)).toBe(true);
        expect(existsSync(demoDir)).toBe(false);
      }
    } finally {
      // Nothing left behind if the test failed half-way.
      if (demoId) await keychain.remove(demoId).catch(() => false);
      if (existsSync(demoDir)) removeDemoDir(demoDir);
    }
  });
}
