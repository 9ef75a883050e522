/** The renderer's trust boundary, seen from inside the page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelNames } from '../electron/contract';
import { expect, test } from './fixtures';
import { HOST_ORIGIN } from './host/host';

test('the built page has a strict CSP and no inline script', async () => {
  const html = readFileSync(join(__dirname, '../out/renderer/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
});

test('window.brankas exposes exactly the contract, and nothing else of the host', async ({ openApp }) => {
  const { page } = await openApp();
  const surface = await page.evaluate(() =>
    Object.entries(window.brankas).flatMap(([domain, group]) =>
      typeof group === 'function' ? [domain] : Object.keys(group as object).map((m) => `${domain}.${m}`),
    ),
  );
  expect(surface.sort()).toEqual([...channelNames, 'on'].sort());
  // Issue 4's channels are on the bridge (each one still checked against the caller's role by the router).
  expect(surface).toEqual(
    expect.arrayContaining([
      'account.changePassword',
      'account.beginTotp',
      'account.confirmTotp',
      'account.disableTotp',
      'account.newBackupCodes',
      'staff.list',
      'staff.create',
      'staff.update',
      'staff.resetPassword',
      'staff.resetTotp',
      'staff.review',
      'security.setStrictMode',
      'audit.list',
      'audit.verify',
      'audit.export',
      'customers.reveal',
    ]),
  );
  // Exactly these import and export channels (no path in any of them); each running job has its own cancel.
  expect(surface.filter((c) => /^(import|export)\./.test(c)).sort()).toEqual(
    [
      'import.open',
      'import.inspect',
      'import.preview',
      'import.dryRun',
      'import.run',
      'import.cancel',
      'import.saveReport',
      'export.run',
      'export.cancel',
    ].sort(),
  );
  // Issue 5: exactly these backup and restore channels (behind backup.manage, the passphrase behind
  // security.manage; the restored code is typed back while locked, the first-run ones need no vault,
  // and a running restore can be cancelled from either screen).
  expect(surface.filter((c) => /^(backup|restore)\./.test(c)).sort()).toEqual(
    [
      'backup.status',
      'backup.setup',
      'backup.saveSchedule',
      'backup.pickFolder',
      'backup.run',
      'backup.cancel',
      'restore.open',
      'restore.inspect',
      'restore.run',
      'restore.confirm',
      'restore.undo',
      'restore.confirmCode',
      'restore.openFirstRun',
      'restore.inspectFirstRun',
      'restore.runFirstRun',
      'restore.cancel',
    ].sort(),
  );
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
});

test('the bridge answers bad input with invalid_input and refuses data while no one is signed in', async ({ openApp }) => {
  const { page } = await openApp();
  const results = await page.evaluate(async () => {
    const b = window.brankas as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    return {
      bad: await b.customers!.search!({ query: 42, offset: -1, limit: 1e9, extra: true }),
      locked: await b.customers!.search!({ query: '', offset: 0, limit: 10 }),
      junk: await b.vault!.create!({ ownerName: '', password: 'short' }),
      // No backup or restore channel takes a path: the main process asks with the system dialog.
      backupPath: await b.backup!.run!({ useScheduleFolder: false, folder: '/tmp' }),
      restorePath: await b.restore!.inspectFirstRun!({ fileId: '6f1c1a52-8a7e-4d2c-9a53-0b3a4b2f6c11', passphrase: 'x', path: '/etc/passwd' }),
    };
  });
  expect(results.bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(results.locked).toEqual({ ok: false, error: { code: 'no_vault' } });
  expect(results.backupPath).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(results.restorePath).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect(results.junk).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { ownerName: 'required', password: 'too_short' } } });
});

test('a sub-frame cannot use the bridge', async ({ openApp }) => {
  const { page } = await openApp();
  // The page's own CSP forbids frames from elsewhere; a same-origin frame is still not the top-level frame.
  await page.evaluate((origin) => {
    const f = document.createElement('iframe');
    f.src = `${origin}/index.html`;
    f.id = 'probe';
    document.body.appendChild(f);
  }, HOST_ORIGIN);
  const frame = page.frameLocator('#probe');
  await expect(frame.locator('body')).toBeAttached();
  const child = page.frames().find((f) => f !== page.mainFrame());
  expect(child).toBeTruthy();
  await child!.waitForFunction(() => typeof window.brankas !== 'undefined');
  const r = await child!.evaluate(() => window.brankas.vault.status());
  expect(r).toEqual({ ok: false, error: { code: 'bad_sender' } });
});
