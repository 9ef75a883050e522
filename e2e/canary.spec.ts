/**
 * Nothing readable is written to disk: a planted customer goes through every journey step
 * (add, search, edit, lock, reopen, delete of another record), then no file under the data
 * folder — vault, -wal, -shm, sidecar, anything — holds its name, phone or email in plain text.
 * A backup made during the run (Settings › Cadangan) is scanned too, with the folder it went to.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLOTS_FILE } from '../electron/vault/paths';
import { addCustomer, createVault, expectRows, lock, PASSWORD, search, signIn } from './app';
import { filesContaining, filesUnder } from './canary';
import { expect, test } from './fixtures';

const CANARY = { name: 'Kanari Zulkarnaen Wibisono', phone: '0857-7001-2233', email: 'kanari.canary@contoh.id', city: 'Tasikmalaya', notes: 'kanari-catatan-rahasia' };
const BACKUP_PASSPHRASE = 'kanari sepeda hujan jendela';
const NEEDLES = ['Kanari Zulkarnaen', 'Zulkarnaen', '85770012233', '+6285770012233', '0857-7001-2233', 'kanari.canary', 'kanari-catatan-rahasia', 'Tasikmalaya'];

/** The "USB" folders backups went to, removed after each test. */
const usbDirs: string[] = [];
test.afterEach(() => {
  for (const d of usbDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test('the scanner finds a planted value in a plaintext file (control)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brankas-canary-control-'));
  try {
    writeFileSync(join(dir, 'plain.csv'), `nama;telepon\n${CANARY.name};85770012233\n`);
    writeFileSync(join(dir, 'utf16.txt'), Buffer.from(CANARY.email, 'utf16le'));
    expect(filesContaining(dir, 'Zulkarnaen')).toEqual([join(dir, 'plain.csv')]);
    expect(filesContaining(dir, 'kanari.canary')).toEqual([join(dir, 'utf16.txt')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a planted customer appears in plaintext in no file under the data folder, nor in a backup', async ({ openApp, dataDir }) => {
  test.slow();
  const usb = mkdtempSync(join(tmpdir(), 'brankas-canary-usb-'));
  usbDirs.push(usb);
  const first = await openApp();
  await createVault(first.page);
  await addCustomer(first.page, CANARY);
  await addCustomer(first.page, { name: 'Sementara Dihapus', phone: '0812 0000 1111' });
  await search(first.page, '7001');
  await expectRows(first.page, [CANARY.name]);

  // Strict mode writes the key slots file (vault.keyslots.json): it is scanned like everything else.
  await first.page.getByTestId('nav-settings').click();
  await first.page.getByTestId('settings-tab-security').click();
  await first.page.getByTestId('strict-mode-switch').click();
  await first.page.getByTestId('strict-password').fill(PASSWORD);
  await first.page.getByTestId('strict-mode-submit').click();
  await expect(first.page.getByTestId('strict-mode-switch')).toHaveAttribute('aria-checked', 'true');

  // A backup to a "USB" folder: one encrypted file, nothing else left there.
  await first.page.getByTestId('settings-tab-backup').click();
  await first.page.getByTestId('backup-setup-passphrase').fill(BACKUP_PASSPHRASE);
  await first.page.getByTestId('backup-setup-confirm').fill(BACKUP_PASSPHRASE);
  await first.page.getByTestId('backup-setup-submit').click();
  await expect(first.page.getByTestId('backup-configured')).toBeVisible();
  first.dialogs.willChooseFolder(usb);
  await first.page.getByTestId('backup-now').click();
  await expect(first.page.getByTestId('backup-result')).toBeVisible();
  await expect(first.page.getByTestId('backup-result-counts')).toContainText('2 pelanggan');
  const backups = readdirSync(usb);
  expect(backups).toEqual([expect.stringMatching(/\.brankas$/)]);
  for (const needle of [...NEEDLES, 'Sementara Dihapus', '81200001111', BACKUP_PASSPHRASE]) expect(filesContaining(usb, needle), `backup: ${needle}`).toEqual([]);

  await first.page.getByTestId('nav-customers').click();
  await expect(first.page.getByTestId('settings-page')).toBeHidden();

  // Scan while the app is running (WAL and SHM present) …
  const whileOpen = filesUnder(dataDir);
  expect(whileOpen.some((f) => f.endsWith('-wal'))).toBe(true);
  expect(whileOpen).toContain(join(dataDir, SLOTS_FILE));
  for (const needle of NEEDLES) expect(filesContaining(dataDir, needle), needle).toEqual([]);

  await lock(first.page);
  await first.close();

  // … and after a restart, an edit and a delete.
  const second = await openApp();
  await signIn(second.page);
  await search(second.page, 'Sementara');
  await expectRows(second.page, ['Sementara Dihapus']);
  await second.page.getByTestId('customer-row').first().click();
  await second.page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click();
  await second.page.getByRole('button', { name: 'Hapus pelanggan' }).click();
  await search(second.page, '');
  await expectRows(second.page, [CANARY.name]);
  await second.close();

  const files = filesUnder(dataDir);
  expect(files).toContain(join(dataDir, SLOTS_FILE));
  for (const needle of [...NEEDLES, 'Sementara Dihapus', '81200001111', BACKUP_PASSPHRASE]) expect(filesContaining(dataDir, needle), needle).toEqual([]);
});
