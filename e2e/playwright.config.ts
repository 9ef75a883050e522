import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's Chromium, never a downloaded browser; its crash reports and config stay in a temp folder.
const chromiumHome = mkdtempSync(join(tmpdir(), 'brankas-chromium-'));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['./skip-reporter.ts']],
  outputDir: '../test-results',
  use: {
    viewport: { width: 1180, height: 780 },
    locale: 'id-ID',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.BRANKAS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-component-update', '--disable-domain-reliability', '--no-first-run', '--disable-quic', '--disable-sync'],
      env: { ...process.env, XDG_CONFIG_HOME: chromiumHome, XDG_CACHE_HOME: chromiumHome },
    },
  },
});
