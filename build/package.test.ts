/**
 * Electron fuses, set at packaging from one place: package.json "build".electronFuses, which
 * electron-builder flips in the packaged binary right before signing. Proved offline by running
 * `npm run package` itself against a stand-in Electron distribution (ELECTRON_OVERRIDE_DIST_PATH,
 * resolved and handed on as electronDist by build/run-electron.mjs) whose `electron` carries the
 * fuse sentinel and a stock wire, then reading the packaged binary back with @electron/fuses.
 */
import { FuseState, FuseV1Options, flipFuses, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathFile } from './electron-binary.cjs';
import { fuseBinary, noDownloadEnv, ROOT, runBounded, SENTINEL, STOCK_WIRE } from './testing';

/** Issue 10's fuse policy, stated here independently of the config that implements it. */
const WANTED: Partial<Record<FuseV1Options, FuseState>> = {
  [FuseV1Options.RunAsNode]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
};

type Wire = Awaited<ReturnType<typeof getCurrentFuseWire>>;
const statesOf = (wire: Wire) => Object.fromEntries(Object.keys(WANTED).map((i) => [FuseV1Options[Number(i)], wire[Number(i) as FuseV1Options]]));
const named = (fuses: Partial<Record<FuseV1Options, FuseState>>) => Object.fromEntries(Object.entries(fuses).map(([i, s]) => [FuseV1Options[Number(i)], s]));

const electronFuses = () =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { build: { electronFuses: Record<string, boolean> } }).build.electronFuses;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'brankas-fuses-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Electron fuses', () => {
  it('the fake binary reads as a stock Electron wire (so the test below starts from the wrong states)', async () => {
    const bin = fuseBinary(join(work, 'probe'));
    expect(readFileSync(bin).includes(Buffer.from(SENTINEL))).toBe(true);
    const wire = await getCurrentFuseWire(bin);
    expect(wire.version).toBe(FuseVersion.V1);
    expect(Object.keys(wire).filter((k) => k !== 'version')).toHaveLength(STOCK_WIRE.length);
    for (const [i, want] of Object.entries(WANTED)) expect(wire[Number(i) as FuseV1Options], FuseV1Options[Number(i)]).not.toBe(want);
  });

  it('package.json "build".electronFuses names exactly the seven fuses, each the way issue 10 wants it', async () => {
    // electron-builder's keys are the FuseV1Options names with a lower-case first letter.
    const config = electronFuses();
    const bin = fuseBinary(join(work, 'direct'));
    const byIndex = Object.fromEntries(Object.entries(config).map(([k, on]) => [FuseV1Options[(k[0]!.toUpperCase() + k.slice(1)) as keyof typeof FuseV1Options], on]));
    expect(Object.keys(byIndex).map(Number).sort()).toEqual(Object.keys(WANTED).map(Number).sort());
    await flipFuses(bin, { version: FuseVersion.V1, ...byIndex });
    expect(statesOf(await getCurrentFuseWire(bin))).toEqual(named(WANTED));
  });

  // electronDist must match the host platform: the stand-in is a Linux distribution.
  it.skipIf(process.platform !== 'linux')(
    'npm run package packs the resolved distribution and flips every fuse in the packaged binary, without downloading',
    async () => {
      const dist = join(work, 'electron-dist');
      const stock = fuseBinary(dist);
      const pristine = join(work, 'stock-copy');
      copyFileSync(stock, pristine);
      const out = join(work, 'dist');
      const pathTxt = existsSync(pathFile());
      const run = await runBounded(
        'npm',
        ['run', 'package', '--', '--linux', 'dir', `-c.directories.output=${out}`],
        { ...noDownloadEnv(join(work, 'cache')), ELECTRON_OVERRIDE_DIST_PATH: dist },
        240_000,
      );
      expect(run.timedOut, run.output).toBe(false);
      expect(run.code, run.output).toBe(0);

      const packaged = join(out, 'linux-unpacked', 'brankas');
      expect(existsSync(join(out, 'linux-unpacked', 'resources', 'app.asar'))).toBe(true);
      expect(statesOf(await getCurrentFuseWire(packaged))).toEqual(named(WANTED));
      // The packaged binary is the resolved one (byte for byte, but for the fuse wire) ...
      const a = readFileSync(packaged);
      const b = readFileSync(pristine);
      const wireAt = b.indexOf(Buffer.from(SENTINEL)) + SENTINEL.length + 2;
      expect(a.length).toBe(b.length);
      expect(Buffer.compare(a.subarray(0, wireAt), b.subarray(0, wireAt))).toBe(0);
      expect(Buffer.compare(a.subarray(wireAt + STOCK_WIRE.length), b.subarray(wireAt + STOCK_WIRE.length))).toBe(0);
      // ... flipped in the copy, never in the distribution it came from; and nothing was downloaded.
      expect(readFileSync(stock).equals(b)).toBe(true);
      expect(existsSync(join(work, 'cache'))).toBe(false);
      expect(existsSync(pathFile())).toBe(pathTxt);
    },
    300_000,
  );
});
