/**
 * The `brankas` command as a user runs it: the BUILT out/main/cli.js (`npm run test:e2e` builds it
 * first) in a child process, on a temp data folder, with the real keychain. One journey:
 * init → import a semicolon CSV → search by phone fragment → export → stats, then the failures
 * a script must be able to tell apart by exit code.
 */
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemKeychain } from '../electron/vault/keys/keychain';
import { RECOVERY_FILE } from '../electron/vault/paths';
import { filesContaining } from './canary';

const CLI = resolve(__dirname, '../out/main/cli.js');
const OWNER = 'Ibu Sari';
const PASSWORD = 'gula aren kelapa muda 2024';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dataDir: string;
let work: string;

function brankas(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: work,
      env: { ...process.env, BRANKAS_DATA_DIR: dataDir, BRANKAS_PASSWORD: undefined, BRANKAS_USER: undefined, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

const signedIn = { env: { BRANKAS_PASSWORD: PASSWORD } };

test.beforeEach(() => {
  expect(existsSync(CLI), 'out/main/cli.js is built by `electron-vite build`').toBe(true);
  dataDir = mkdtempSync(join(tmpdir(), 'brankas-cli-e2e-'));
  work = mkdtempSync(join(tmpdir(), 'brankas-cli-work-'));
});

test.afterEach(async () => {
  try {
    const { vaultId } = JSON.parse(readFileSync(join(dataDir, RECOVERY_FILE), 'utf8')) as { vaultId: string };
    await systemKeychain().remove(vaultId);
  } catch {
    // no vault was created
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

test('the built cli is a Node script with --help and --version', async () => {
  expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  if (process.platform !== 'win32') expect(statSync(CLI).mode & 0o111).not.toBe(0);
  const help = await brankas(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: brankas COMMAND');
  expect(help.stdout).toMatch(/Exit codes:[\s\S]*3 +vault not usable/);
  const version = await brankas(['--version']);
  expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')) as { version: string }).version);
  expect((await brankas(['nonsense'])).code).toBe(1);
});

test('init → import → search → export → stats', async () => {
  test.slow(); // every command hashes the password at full strength
  const init = await brankas(['init', '--owner', OWNER], { stdin: `${PASSWORD}\n` });
  expect(init.code, init.stderr).toBe(0);
  const code = /^ {4}([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})$/m.exec(init.stdout)?.[1];
  expect(code, init.stdout).toBeTruthy();
  expect((await brankas(['init', '--owner', OWNER], { stdin: `${PASSWORD}\n` })).code).toBe(2);

  writeFileSync(
    join(work, 'pelanggan.csv'),
    '\ufeffNama;No. WA;Kota;Email\r\n' +
      'Rina Kartika;0857-7001-2233;Yogyakarta;rina@example.com\r\n' +
      'Tono;bukan nomor;Solo;\r\n' +
      '"Wulan; Sari";+62 878 4455 6677;Medan;\r\n',
  );
  const dry = await brankas(['import', 'pelanggan.csv', '--user', OWNER, '--dry-run', '--json'], signedIn);
  // Tono's phone is not a number: his row is kept without it (an optional value), and listed.
  expect(dry.code, dry.stderr).toBe(0);
  expect(JSON.parse(dry.stdout)).toMatchObject({ total: 3, new: 3, invalid: 0, dropped: [{ row: 3, column: 'No. WA', code: 'invalid_phone' }] });

  // The password on standard input, as a scheduled job would pipe it.
  const imported = await brankas(['import', 'pelanggan.csv', '--user', OWNER, '--json'], { stdin: `${PASSWORD}\n` });
  expect(imported.code, imported.stderr).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({
    imported: 3,
    updated: 0,
    skipped: 0,
    invalid: [],
    conflicts: [],
    dropped: [{ row: 3, column: 'No. WA', code: 'invalid_phone' }],
  });

  const found = await brankas(['search', '7001 22', '--user', OWNER, '--json'], signedIn);
  expect(found.code, found.stderr).toBe(0);
  expect(JSON.parse(found.stdout)).toMatchObject({ total: 1, items: [{ name: 'Rina Kartika', phone: '+6285770012233', city: 'Yogyakarta' }] });
  const table = await brankas(['search', 'wulan', '--user', OWNER], signedIn);
  expect(table.stdout).toMatch(/Wulan; Sari +0878-4455-6677 +Medan/);

  const json = await brankas(['export', '--format', 'json', '--fields', 'name,phone', '--user', OWNER], signedIn);
  expect(json.code, json.stderr).toBe(0);
  expect(json.stderr).toContain('not encrypted');
  expect(JSON.parse(json.stdout)).toEqual([
    { name: 'Rina Kartika', phone: '+6285770012233' },
    { name: 'Tono', phone: null },
    { name: 'Wulan; Sari', phone: '+6287844556677' },
  ]);
  const csv = await brankas(['export', '--format', 'csv', '--out', 'keluar.csv', '--user', OWNER], signedIn);
  expect(csv.code, csv.stderr).toBe(0);
  expect(csv.stderr).toContain('not encrypted');
  expect(readFileSync(join(work, 'keluar.csv'), 'utf8')).toMatch(/^\ufeffNama;No HP;Email;Kota;Catatan;Label\r\nRina Kartika;0857-7001-2233;/);

  const stats = await brankas(['stats', '--json', '--user', OWNER], signedIn);
  expect(stats.code, stats.stderr).toBe(0);
  expect(JSON.parse(stats.stdout)).toMatchObject({ customers: 3, withPhone: 2, withEmail: 1 });

  // Nothing readable was left in the data folder by any of it.
  for (const planted of ['Rina Kartika', 'rina@example.com', '85770012233', 'Yogyakarta']) expect(filesContaining(dataDir, planted)).toEqual([]);
});

test('exit codes a script can rely on', async () => {
  test.slow();
  expect((await brankas(['stats', '--user', OWNER], signedIn)).code).toBe(3); // no vault yet
  expect((await brankas(['init', '--owner', OWNER], { stdin: 'pendek\n' })).code).toBe(2);
  expect((await brankas(['init', '--owner', OWNER], { stdin: `${PASSWORD}\n` })).code).toBe(0);
  const wrong = await brankas(['stats', '--user', OWNER], { env: { BRANKAS_PASSWORD: 'bukan kata sandinya' } });
  expect(wrong.code).toBe(3);
  expect(wrong.stderr).toContain('Wrong user name or password');
  expect((await brankas(['stats', '--user', 'Orang Lain'], signedIn)).code).toBe(3);
  expect((await brankas(['stats'], signedIn)).code).toBe(1); // no --user
  expect((await brankas(['import', 'missing.csv', '--user', OWNER], signedIn)).code).toBe(2);
  expect((await brankas(['export', '--format', 'pdf', '--user', OWNER], signedIn)).code).toBe(1);
});
