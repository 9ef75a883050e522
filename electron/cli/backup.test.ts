/** `brankas backup setup | --to DIR | verify FILE` and `brankas restore FILE` on real vaults. */
import { copyFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from './errors';
import { CliHarness, PASSWORD, seedCustomers } from './testing';

const PASSPHRASE = 'rendang padang pedas sekali enak';
const env = { BRANKAS_BACKUP_PASSPHRASE: PASSPHRASE };

let cli: CliHarness;
let usb: string;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await seedCustomers(cli.dataDir, [{ name: 'Ani' }, { name: 'Budi' }]);
  usb = cli.dir();
});
afterEach(() => cli.cleanup());

const backupTo = async (folder = usb) => {
  const r = await cli.runAs(['backup', '--to', folder, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { fileName: string; bytes: number; counts: { customers: number } };
};

describe('brankas backup', () => {
  it('needs the passphrase set up first, then writes and verifies backups', async () => {
    const none = await cli.runAs(['backup', '--to', usb]);
    expect(none.code).toBe(EXIT.vault);
    expect(none.stderr).toMatch(/No backup passphrase/);
    const weak = await cli.runAs(['backup', 'setup'], { env: { BRANKAS_BACKUP_PASSPHRASE: 'kopi' } });
    expect(weak.code).toBe(EXIT.rejected);
    const set = await cli.runAs(['backup', 'setup'], { env });
    expect(set.code, set.stderr).toBe(0);
    const text = await cli.runAs(['backup', '--to', usb]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Backup written and verified: .*Brankas-Ibu-Sari-\d{4}-\d\d-\d\d-\d{4}\.brankas/);
    expect(text.stdout).toMatch(/MB in \d+\.\d s; 2 customers/);
    const [file] = readdirSync(usb);
    expect(file).toMatch(/\.brankas$/);
    const ok = await cli.run(['backup', 'verify', join(usb, file ?? '')], { env });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Backup verified: .*\n.*Ibu Sari\n.*2 customers, 0 purchases, 1 staff accounts/);
  });

  it('verify works without a vault, reads the passphrase from stdin, and exits 2 for a damaged, foreign or wrong-passphrase file', async () => {
    await cli.runAs(['backup', 'setup'], { env });
    const { fileName, bytes } = await backupTo();
    const elsewhere = cli.dir();
    const path = join(usb, fileName);
    const json = await cli.run(['backup', 'verify', path, '--json', '--data-dir', elsewhere], { stdin: `${PASSPHRASE}\n` });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ fileName, bytes, counts: { customers: 2 } });
    const wrong = await cli.run(['backup', 'verify', path], { env: { BRANKAS_BACKUP_PASSPHRASE: 'salah sekali' } });
    expect(wrong).toMatchObject({ code: EXIT.rejected });
    expect(wrong.stderr).toMatch(/Wrong backup passphrase/);
    const cut = join(usb, 'cut.brankas');
    copyFileSync(path, cut);
    truncateSync(cut, statSync(cut).size - 4096);
    expect((await cli.run(['backup', 'verify', cut], { env })).stderr).toMatch(/damaged/);
    expect((await cli.run(['backup', 'verify', cut], { env })).code).toBe(EXIT.rejected);
    const junk = join(usb, 'junk.brankas');
    writeFileSync(junk, randomBytes(5000));
    expect(await cli.run(['backup', 'verify', junk], { env })).toMatchObject({ code: EXIT.rejected });
    expect((await cli.run(['backup', 'verify', join(usb, 'missing.brankas')], { env })).code).toBe(EXIT.rejected);
    expect((await cli.run(['backup', 'verify', path])).code).toBe(EXIT.usage);
  });

  it('a missing folder exits 2 with the USB hint and leaves nothing', async () => {
    await cli.runAs(['backup', 'setup'], { env });
    const r = await cli.runAs(['backup', '--to', join(usb, 'not-plugged-in')]);
    expect(r.code).toBe(EXIT.rejected);
    expect(r.stderr).toMatch(/USB drive/);
    expect(readdirSync(usb)).toEqual([]);
  });

  it('usage errors', async () => {
    expect((await cli.runAs(['backup'])).code).toBe(EXIT.usage);
    expect((await cli.runAs(['backup', 'frobnicate'])).code).toBe(EXIT.usage);
    expect((await cli.runAs(['backup', 'setup', '--to', usb])).code).toBe(EXIT.usage);
    expect((await cli.run(['restore'])).code).toBe(EXIT.usage);
    expect((await cli.run(['restore', '--keep', '--undo'])).code).toBe(EXIT.usage);
    expect((await cli.run(['backup', '--help'])).stdout).toMatch(/backup verify FILE/);
  });
});

describe('brankas restore', () => {
  it('restores with sign-in (password and passphrase on stdin), prints the new code once, then --undo and --keep', async () => {
    await cli.runAs(['backup', 'setup'], { env });
    const { fileName } = await backupTo();
    await seedCustomers(cli.dataDir, [{ name: 'Citra sesudah' }]);
    const r = await cli.run(['restore', join(usb, fileName), '--user', 'Ibu Sari'], { stdin: `${PASSWORD}\n${PASSPHRASE}\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/NEW RECOVERY CODE[\s\S]*\n {4}[A-Z0-9]{5}(-[A-Z0-9]{5}){5}\n[\s\S]*--undo/);
    const stats = async () => JSON.parse((await cli.runAs(['stats', '--json'])).stdout) as { customers: number };
    expect((await stats()).customers).toBe(2);
    const again = await cli.runAs(['restore', join(usb, fileName)], { env });
    expect(again.code).toBe(EXIT.vault);
    expect(again.stderr).toMatch(/waiting for a decision/);
    expect((await cli.runAs(['restore', '--undo'])).code).toBe(0);
    expect((await stats()).customers).toBe(3);
    expect((await cli.runAs(['restore', '--keep'])).code).toBe(EXIT.rejected);
    expect((await cli.runAs(['restore', join(usb, fileName)], { env })).code).toBe(0);
    const keep = await cli.runAs(['restore', '--keep']);
    expect(keep.code, keep.stderr).toBe(0);
    expect(readdirSync(cli.dataDir).filter((f) => /previous|restore\.json/.test(f))).toEqual([]);
    expect((await stats()).customers).toBe(2);
  });

  it('restores into an empty data folder without sign-in (a new PC); a wrong passphrase changes nothing', async () => {
    await cli.runAs(['backup', 'setup'], { env });
    const { fileName } = await backupTo();
    const pc = cli.dir();
    const wrong = await cli.run(['restore', join(usb, fileName), '--data-dir', pc], { env: { BRANKAS_BACKUP_PASSPHRASE: 'salah sekali' } });
    expect(wrong.code).toBe(EXIT.rejected);
    expect(readdirSync(pc)).toEqual([]);
    const r = await cli.run(['restore', join(usb, fileName), '--data-dir', pc, '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ previousKept: false, groups: expect.any(Array) as unknown });
    const stats = await cli.runAs(['stats', '--json', '--data-dir', pc]);
    expect(JSON.parse(stats.stdout)).toMatchObject({ customers: 2 });
  });
});
