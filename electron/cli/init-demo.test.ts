/** `brankas init --demo` and `--demo`: a seeded demo vault beside the data folder, for scripts, never mixed with the real one. */
import { existsSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../contract';
import { demoDataDir } from '../vault/demo/paths';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { CliHarness } from './testing';

interface DemoJson {
  dataDir: string;
  owner: string;
  password: string;
  customers: number;
  purchases: number;
}

let cli: CliHarness;
let demoDir: string;
const demoIds = new Set<string>();
const rememberDemo = () => {
  const id = readRecoveryFile(vaultPaths(demoDir))?.vaultId;
  if (id) demoIds.add(id);
  return id ?? null;
};

beforeEach(() => {
  cli = new CliHarness();
  demoDir = demoDataDir(cli.dataDir);
});
afterEach(async () => {
  rememberDemo();
  for (const id of demoIds) await cli.keychain.remove(id).catch(() => false);
  demoIds.clear();
  rmSync(demoDir, { recursive: true, force: true });
  await cli.cleanup();
});

async function initDemo(extra: string[] = []): Promise<DemoJson> {
  const r = await cli.run(['init', '--demo', '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  rememberDemo();
  return JSON.parse(r.stdout) as DemoJson;
}

const searchDemo = (password: string) =>
  cli.run(['search', '', '--demo', '--user', 'Pemilik Demo', '--json', '--limit', '1000'], { env: { BRANKAS_PASSWORD: password } });

describe('brankas init --demo', () => {
  it('creates a seeded demo vault beside the data folder; --demo reaches it; the real folder stays empty', async () => {
    const demo = await initDemo();
    expect(demo).toMatchObject({ dataDir: demoDir, owner: 'Pemilik Demo', customers: 300 });
    expect(demo.purchases).toBeGreaterThan(300);
    expect(demoDir).toBe(`${cli.dataDir}-demo`);
    const r = await searchDemo(demo.password);
    expect(r.code, r.stderr).toBe(0);
    const { total, items } = JSON.parse(r.stdout) as { total: number; items: Customer[] };
    expect(total).toBe(300);
    expect(items.every((c) => /^\+628\d\d0000\d{4}$/.test(c.phone ?? ''))).toBe(true);
    // The real vault is not there, and is not created by any of it.
    expect(existsSync(vaultPaths(cli.dataDir).vault)).toBe(false);
    const real = await cli.run(['search', '', '--user', 'Pemilik Demo'], { env: { BRANKAS_PASSWORD: demo.password } });
    expect(real.code).toBe(3);
    expect(real.stderr).toContain('There is no vault in the data folder yet');
  });

  it('a real vault made afterwards is in the real folder and holds none of the demo', async () => {
    await initDemo();
    await cli.init();
    const r = await cli.runAs(['search', '', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 0 });
    expect(readRecoveryFile(vaultPaths(cli.dataDir))?.vaultId).not.toBe(rememberDemo());
  });

  it('refuses a second demo (exit 2) unless --replace, which throws the first away with its key', async () => {
    const first = await initDemo();
    const firstId = rememberDemo()!;
    const again = await cli.run(['init', '--demo']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`A vault already exists in the data folder. Brankas never overwrites one. (data folder: ${demoDir})`);
    const second = await initDemo(['--replace']);
    expect(second.password).not.toBe(first.password);
    expect(rememberDemo()).not.toBe(firstId);
    expect(await cli.keychain.get(firstId)).toBeNull();
    expect((await searchDemo(second.password)).code).toBe(0);
  });

  it('takes the password from BRANKAS_PASSWORD and prints how to reach the vault', async () => {
    const r = await cli.run(['init', '--demo'], { env: { BRANKAS_PASSWORD: 'kopi-susu-gula-aren-42' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Sign in as "Pemilik Demo" with the password: kopi-susu-gula-aren-42');
    expect(r.stdout).toContain('brankas search "" --demo --user "Pemilik Demo"');
    expect((await searchDemo('kopi-susu-gula-aren-42')).code).toBe(0);
    const weak = await cli.run(['init', '--demo', '--replace'], { env: { BRANKAS_PASSWORD: 'pendek' } });
    expect(weak.code).toBe(2);
    expect(existsSync(demoDir)).toBe(false);
  });

  it('usage errors: --owner with --demo, --replace without it', async () => {
    expect((await cli.run(['init', '--demo', '--owner', 'Ibu Sari'])).code).toBe(1);
    expect((await cli.run(['init', '--owner', 'Ibu Sari', '--replace'])).code).toBe(1);
    expect(existsSync(demoDir)).toBe(false);
  });
});
