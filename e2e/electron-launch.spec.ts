/**
 * Launches the real Electron app where an Electron binary is installed or can be downloaded. It
 * finds the binary the way `npm start` does (build/electron-binary.cjs: `require('electron')`,
 * which downloads it when missing; ELECTRON_OVERRIDE_DIST_PATH names a folder holding one). On
 * machines where it cannot be downloaded (CI here), this spec reports itself skipped and says why;
 * the rest of the suite covers the same code through the Chromium host.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElectronUnavailableError, resolveElectron } from '../build/electron-binary.cjs';

function electronBinary(): { binary: string } | { reason: string } {
  try {
    return { binary: resolveElectron().binary };
  } catch (err) {
    if (err instanceof ElectronUnavailableError) return { reason: err.message };
    throw err;
  }
}

const found = electronBinary();
const binary = 'binary' in found ? found.binary : null;

test.describe('the Electron app', () => {
  test.skip(!binary, `No Electron binary (the Chromium host specs cover the same renderer and main-process code): ${'reason' in found ? found.reason : ''}`);

  test('opens a hardened window on the first-run screen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'brankas-electron-'));
    const app = await electron.launch({
      executablePath: binary as string,
      args: [join(__dirname, '..')],
      env: { ...process.env, BRANKAS_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveURL(/^app:\/\/brankas\//);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Sandboxed and isolated: the page sees neither Node's `process`/`require` nor the preload's scope.
      expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
      const opened = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
      expect(opened).toBe(1);
      const popup = await page.evaluate(() => window.open('https://example.com') === null);
      expect(popup).toBe(true);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      // Every permission is refused, and a look-alike origin is no place to navigate to.
      expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
      await page.evaluate(() => {
        location.href = 'app://brankas.evil/index.html';
      });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/brankas\//);
      const status = await page.evaluate(() => window.brankas.vault.status());
      expect(status).toEqual({ ok: true, value: { state: 'no_vault' } });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
