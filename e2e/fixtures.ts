/**
 * Playwright fixtures: every test gets its own temp data folder (what BRANKAS_DATA_DIR does in
 * the app) and `openApp()` to start the app on it — again after `close()` to test a restart.
 * Afterwards: no request left the app, and the test's keychain entries are removed.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemKeychain, type Keychain } from '../electron/vault/keys/keychain';
import { RECOVERY_FILE } from '../electron/vault/paths';
import { openHost, type Host } from './host/host';

interface Fixtures {
  dataDir: string;
  openApp: (opts?: { keychain?: Keychain }) => Promise<Host>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'brankas-e2e-'));
    await use(dir);
    try {
      const { vaultId } = JSON.parse(readFileSync(join(dir, RECOVERY_FILE), 'utf8')) as { vaultId: string };
      await systemKeychain().remove(vaultId);
    } catch {
      // no vault was created
    }
    if (!process.env.BRANKAS_KEEP_E2E_DATA) rmSync(dir, { recursive: true, force: true });
  },
  openApp: async ({ context, dataDir }, use) => {
    const hosts: Host[] = [];
    await use(async (opts) => {
      const host = await openHost(context, { dataDir, ...opts });
      hosts.push(host);
      return host;
    });
    for (const h of hosts) {
      expect(h.foreignRequests, 'the app made a network request').toEqual([]);
      await h.close().catch(() => undefined);
    }
  },
});

export { expect };
