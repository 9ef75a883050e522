/**
 * Crash safety: a child process backs up (or restores) in a loop and is killed with SIGKILL at
 * random points, ≥ 20 times each. After every kill: the vault opens through VaultService.init()
 * with the real keychain (finishing or rolling back an interrupted restore), passes
 * integrity_check, holds every customer committed before the kill (for restores: exactly the
 * customers of one whole vault, the live one or the backup's), and every `*.brankas` file in the
 * target verifies — a killed backup leaves only a hidden `.partial`, never a bad backup.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/testing';
import { systemKeychain } from '../keys/keychain';
import { setMeta } from '../meta';
import { VaultService } from '../service';
import { FAST_KDF, OWNER, PASSWORD } from '../testing';
import { BACKUP_KEY_META, encodeBackupKey } from './key';
import { addCustomers, PASSPHRASE, testBackupKey } from './testing';
import { isBackupFileName, verifyBackupFile } from './verify';
import { writeBackup } from './write';

const TRIALS = 20;
const ROOT = resolve(__dirname, '../../..');
const service = `Brankas-test-${randomUUID()}`;
const keychain = systemKeychain(service);
let out: string;
let child: string;
const dirs: string[] = [];

beforeAll(async () => {
  // Inside the checkout, so the bundle's imports of dependencies resolve to node_modules.
  out = join(ROOT, 'node_modules', '.cache', `brankas-crash-${randomUUID()}`);
  dirs.push(out);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: true,
      outDir: out,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { input: { child: join(__dirname, 'crash-child.ts') }, output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  child = join(out, 'child.mjs');
}, 120_000);

afterAll(async () => {
  for (const id of await keychain.accounts().catch(() => [])) await keychain.remove(id);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs the child until `killAfterMs` after it said "ready" (or it exits), then SIGKILL; returns its stdout lines. */
function runAndKill(args: string[], killAfterMs: number): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const p = spawn(process.execPath, [child, ...args], {
      cwd: ROOT,
      env: { ...process.env, BRANKAS_TEST_KEYCHAIN: service, BRANKAS_BACKUP_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!timer && stdout.includes('ready\n')) timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (${code}): ${stderr}`));
      else resolvePromise({ lines: stdout.split('\n').filter(Boolean), stderr });
    });
  });
}

async function makeVault(): Promise<{ dir: string; vault: VaultService }> {
  const dir = tempDir('brankas-crash-');
  dirs.push(dir);
  const vault = new VaultService({ dataDir: dir, keychain, passwordKdf: FAST_KDF });
  await vault.init();
  await vault.create({ ownerName: OWNER, password: PASSWORD });
  await setMeta(vault.db(), BACKUP_KEY_META, encodeBackupKey(await testBackupKey()));
  return { dir, vault };
}

/** Opens the data folder as the app does and returns its customers' names. */
async function openAndCheck(dir: string): Promise<Set<string>> {
  const vault = new VaultService({ dataDir: dir, keychain, passwordKdf: FAST_KDF });
  try {
    const status = await vault.init();
    expect(status.state).toBe('locked');
    const db = vault.backgroundDb();
    if (!db) throw new Error('not open');
    expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    return new Set((await db.all<{ name: string }>('SELECT name FROM customers')).map((r) => r.name));
  } finally {
    await vault.close();
  }
}

describe('crash safety (SIGKILL at random points)', () => {
  it(`during backups, ${TRIALS} trials`, async () => {
    const { dir, vault } = await makeVault();
    await addCustomers(vault.db(), 300, 'Awal');
    await vault.close();
    const target = tempDir('brankas-crash-usb-');
    dirs.push(target);
    const committed = new Set<string>();
    let backups = 0;
    for (let t = 0; t < TRIALS; t++) {
      const { lines } = await runAndKill(['backup', dir, target], Math.floor(Math.random() * 700));
      for (const l of lines) if (l.startsWith('committed ')) committed.add(l.slice('committed '.length));
      backups += lines.filter((l) => l === 'backup').length;
      const names = await openAndCheck(dir);
      for (const name of committed) expect(names.has(name), name).toBe(true);
      for (const f of readdirSync(target).filter(isBackupFileName)) {
        const { info } = await verifyBackupFile(join(target, f), { key: await testBackupKey() });
        expect(info.counts.customers).toBeGreaterThanOrEqual(300);
      }
    }
    // The kills landed both between and inside backups.
    expect(backups).toBeGreaterThan(0);
    expect(readdirSync(target).some((f) => f.endsWith('.partial'))).toBe(true);
  }, 150_000);

  it(`during restores, ${TRIALS} trials`, async () => {
    const { dir, vault } = await makeVault();
    await addCustomers(vault.db(), 200, 'Lama');
    const usb = tempDir('brankas-crash-usb-');
    dirs.push(usb);
    const { path } = await writeBackup(vault.db(), { folder: usb, key: await testBackupKey(), appVersion: 'crash', vaultId: 'x', shopName: 'Crash' });
    await addCustomers(vault.db(), 5, 'Sesudah');
    await vault.close();
    const live = await openAndCheck(dir);
    const backedUp = new Set([...live].filter((n) => !n.startsWith('Sesudah')));
    let restores = 0;
    for (let t = 0; t < TRIALS; t++) {
      const { lines } = await runAndKill(['restore', dir, path], Math.floor(Math.random() * 1500));
      restores += lines.filter((l) => l === 'restored').length;
      const names = await openAndCheck(dir);
      // One whole vault: the one with the later customers, or the backup's.
      expect(names.size === live.size ? [...live].every((n) => names.has(n)) : names.size === backedUp.size && [...backedUp].every((n) => names.has(n))).toBe(true);
      // Settled: nothing half-swapped is left (a pending decision keeps exactly the previous vault).
      expect(readdirSync(dir).filter((f) => /restored/.test(f))).toEqual([]);
    }
    expect(restores).toBeGreaterThan(0);
    // The backup file itself is never changed by restoring it.
    expect((await verifyBackupFile(path, { passphrase: PASSPHRASE })).info.counts.customers).toBe(200);
  }, 150_000);
});
