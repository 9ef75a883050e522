/**
 * `brankas import` on a full disk, for real: the data folder is a 4 MB tmpfs, the file is larger
 * than what fits. Needs root (mount); elsewhere it is skipped, and the mapping of a real
 * SQLITE_FULL is held by the router's test (electron/ipc/handlers/transfer.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeBigCsv } from '../vault/transfer/testing';
import { CliHarness } from './testing';

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const umount = (dir: string) => execFileSync('umount', [dir], { stdio: 'ignore' });

const probe = new CliHarness();
const canMount = process.getuid?.() === 0 && tryMount(probe.dataDir);
if (canMount) umount(probe.dataDir);
await probe.cleanup();

let cli: CliHarness;
let small: string;
beforeEach(async () => {
  cli = new CliHarness();
  small = cli.dir();
  if (!tryMount(small)) throw new Error('mount tmpfs failed');
  await cli.init(small);
});
afterEach(async () => {
  umount(small);
  await cli.cleanup();
});

describe.skipIf(!canMount)('import onto a full disk (4 MB tmpfs; needs root)', () => {
  it('says the disk is full and that nothing was imported, exit 2; the vault is intact and imports again', { timeout: 120_000 }, async () => {
    const seed = cli.file('seed.csv', 'Nama;No HP\nBudi Santoso;0812-3456-7890\n');
    expect((await cli.runAs(['import', seed, '--data-dir', small])).code).toBe(0);
    const list = async () => (await cli.runAs(['search', '', '--json', '--limit', '1000', '--data-dir', small])).stdout;
    const before = await list();

    const big = await writeBigCsv(join(cli.dir(), 'besar.csv'), 40_000);
    const r = await cli.runAs(['import', big, '--data-dir', small]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('The disk is full: nothing was imported, and the vault is as it was.');
    expect(r.stderr).toContain('Free up some space');
    expect(r.stderr).not.toContain('unexpected');

    // Intact: same customers, the audit trail verifies, and a small import still lands.
    expect(await list()).toBe(before);
    const verify = await cli.runAs(['audit', 'verify', '--data-dir', small]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const one = cli.file('satu.csv', 'Nama;No HP\nAni;0813-1111-2222\n');
    const again = await cli.runAs(['import', one, '--data-dir', small]);
    expect(again.code, again.stderr).toBe(0);
  });
});
