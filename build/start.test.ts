/**
 * `npm start` on a fresh clone: the Electron binary is resolved the official way
 * (`require('electron')`) and handed to electron-vite, never looked up in path.txt alone. A stub
 * binary named by ELECTRON_OVERRIDE_DIST_PATH stands in for Electron; any download attempt would
 * hit an unroutable mirror and fail the run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builderArgs, distDirOf, ElectronUnavailableError, pathFile, resolveElectron } from './electron-binary.cjs';
import { noDownloadEnv, recordingStub, ROOT, runBounded } from './testing';

let work: string;
const installed = existsSync(pathFile());
const pathTxtBefore = installed ? readFileSync(pathFile(), 'utf8') : null;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'brankas-start-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // Nothing here may install (or re-point) Electron in node_modules.
  expect(existsSync(pathFile()) ? readFileSync(pathFile(), 'utf8') : null).toBe(pathTxtBefore);
});

describe('npm start', () => {
  it('launches the resolved binary with the built main entry and the live dev renderer URL, without downloading', async () => {
    const stubDir = join(work, 'stub');
    const record = join(work, 'record.json');
    const stub = recordingStub(stubDir, record);
    const startedAt = Date.now();
    const run = await runBounded('npm', ['start'], { ...noDownloadEnv(join(work, 'cache')), ELECTRON_OVERRIDE_DIST_PATH: stubDir }, 90_000);

    expect(run.timedOut, run.output).toBe(false);
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toContain('Downloading Electron binary');
    expect(existsSync(record), run.output).toBe(true);
    const seen = JSON.parse(readFileSync(record, 'utf8')) as {
      argv: string[];
      cwd: string;
      rendererUrl: string | null;
      served: string | null;
      env: Record<string, string | null>;
    };
    // electron-vite runs `electron .`: the app folder, whose package.json "main" is the main build, just written.
    expect(seen.argv).toEqual(['.']);
    const appDir = resolve(seen.cwd, seen.argv[0] as string);
    expect(appDir).toBe(ROOT);
    const main = (JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toBe('out/main/index.js');
    expect(statSync(join(appDir, main)).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(existsSync(join(appDir, 'out/preload/index.js'))).toBe(true);
    // The dev renderer URL is set, and the vite server behind it served the app's page.
    expect(seen.rendererUrl).toMatch(/^http:\/\/localhost:\d+$/);
    expect(seen.served).toContain('<div id="root">');
    expect(seen.env.NODE_ENV_ELECTRON_VITE).toBe('development');
    expect(seen.env.ELECTRON_EXEC_PATH).toBe(stub);
    // No download was tried: no cache folder, no path.txt (checked again after all tests).
    expect(existsSync(join(work, 'cache'))).toBe(false);
  }, 120_000);

  it('says what to do when the binary is missing', async () => {
    const empty = join(work, 'empty');
    const run = await runBounded(process.execPath, ['build/run-electron.mjs', 'dev'], { ...noDownloadEnv(join(work, 'cache')), ELECTRON_OVERRIDE_DIST_PATH: empty }, 30_000);
    expect(run.code).toBe(1);
    expect(run.output).toContain('Brankas needs the Electron 45.5.0 binary');
    expect(run.output).toContain(`ELECTRON_OVERRIDE_DIST_PATH is ${empty}, but there is no Electron executable at ${join(empty, 'electron')}`);
    for (const advice of ['HTTPS_PROXY=', 'ELECTRON_GET_USE_PROXY=1', 'ELECTRON_MIRROR=', 'ELECTRON_OVERRIDE_DIST_PATH to that folder']) expect(run.output).toContain(advice);
    expect(run.output).not.toContain('dev server running');
  });

  // On a machine where Electron is installed there is nothing to download; elsewhere (here) the
  // official download runs, fails on the unroutable mirror, and the message says what to do.
  it.skipIf(installed)('when the download fails (offline, proxy), says so and what to do, and exits 1', async () => {
    const run = await runBounded('npm', ['start'], noDownloadEnv(join(work, 'cache-offline')), 60_000);
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.output).toContain('Downloading Electron binary');
    expect(run.output).toContain('the download failed');
    expect(run.output).toContain('ELECTRON_MIRROR=');
    expect(run.output).not.toContain('Electron uninstall');
    expect(run.output).not.toContain('dev server running');
  });
});

describe('the resolver (also the Electron-launch spec’s way to find the binary)', () => {
  it('honours ELECTRON_OVERRIDE_DIST_PATH without downloading, and reads the environment afresh each time', () => {
    const a = join(work, 'a');
    const b = join(work, 'b');
    recordingStub(a, join(work, 'unused.json'));
    recordingStub(b, join(work, 'unused.json'));
    const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    try {
      process.env.ELECTRON_OVERRIDE_DIST_PATH = a;
      expect(resolveElectron()).toEqual({ binary: join(a, 'electron'), distDir: a, version: '45.5.0' });
      process.env.ELECTRON_OVERRIDE_DIST_PATH = b;
      expect(resolveElectron().binary).toBe(join(b, 'electron'));
      process.env.ELECTRON_OVERRIDE_DIST_PATH = join(work, 'nothing-here');
      expect(() => resolveElectron()).toThrow(ElectronUnavailableError);
    } finally {
      if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
      else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
    }
  });

  it('the Electron-launch spec takes its binary from the resolver', () => {
    const spec = readFileSync(join(ROOT, 'e2e/electron-launch.spec.ts'), 'utf8');
    expect(spec).toContain("from '../build/electron-binary.cjs'");
    expect(spec).toContain('resolveElectron()');
    expect(spec).not.toContain('path.txt');
  });
});

describe('npm run package', () => {
  it('hands the resolved distribution to electron-builder as electronDist, for the host platform only', () => {
    expect(builderArgs([], '/d', 'linux', 'x64')).toEqual(['--publish', 'never', '-c.electronDist=/d']);
    expect(builderArgs(['--linux', 'dir'], '/d', 'linux', 'x64')).toEqual(['--publish', 'never', '-c.electronDist=/d', '--linux', 'dir']);
    expect(builderArgs(['--x64'], '/d', 'linux', 'x64')).toContain('-c.electronDist=/d');
    // Another platform or architecture needs another distribution: electron-builder fetches that one itself.
    expect(builderArgs(['--win'], '/d', 'linux', 'x64')).toEqual(['--publish', 'never', '--win']);
    expect(builderArgs(['--arm64'], '/d', 'linux', 'x64')).not.toContain('-c.electronDist=/d');
    expect(builderArgs(['-c.electronDist=/mine'], '/d', 'linux', 'x64')).toEqual(['--publish', 'never', '-c.electronDist=/mine']);
    expect(distDirOf('/n/electron/dist/Electron.app/Contents/MacOS/Electron')).toBe('/n/electron/dist');
    expect(distDirOf('/n/electron/dist/electron')).toBe('/n/electron/dist');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node build/run-electron.mjs dev');
    expect(pkg.scripts.package).toBe('node build/run-electron.mjs package');
  });
});
