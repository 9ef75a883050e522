/**
 * What goes into the package, checked offline: electron-builder packs the built app into
 * app.asar against a stand-in Electron distribution (the real one cannot be downloaded here).
 */
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { fuseBinary } from '../build/testing';

const ROOT = join(__dirname, '..');

test('the package holds the built app, its runtime dependencies and the native modules unpacked', async () => {
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'brankas-pkg-'));
  try {
    // electron-builder flips Electron's fuses (package.json "build".electronFuses) in the packaged
    // binary, so the stand-in carries the fuse sentinel (build/package.test.ts checks the flipping).
    const stub = join(work, 'electron-dist');
    fuseBinary(stub);
    const out = join(work, 'dist');
    execFileSync(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--linux', 'dir', '--publish', 'never', `-c.electronDist=${stub}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: 'true' } },
    );
    const resources = join(out, 'linux-unpacked', 'resources');
    const files = listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));

    for (const f of ['/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/package.json']) expect(files).toContain(f);
    // No sources, tests, dev tooling or source maps.
    expect(files.filter((f) => /^\/(electron|renderer|e2e|bench|\.ci)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.map$|\.test\.|\.spec\./.test(f))).toEqual([]);
    for (const dev of ['react', 'vite', '@playwright', 'vitest', 'typescript', 'electron-builder']) {
      expect(files.some((f) => f.startsWith(`/node_modules/${dev}/`)), dev).toBe(false);
    }

    // The production dependencies load from the packaged tree, native modules from app.asar.unpacked.
    const app = join(work, 'app');
    extractAll(join(resources, 'app.asar'), app);
    cpSync(join(resources, 'app.asar.unpacked'), app, { recursive: true });
    const deps = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies as Record<string, string>);
    // dejavu-fonts-ttf is font files only (no main): its package.json is what resolves.
    const probe = deps.map((d) => (d === 'libphonenumber-js' ? 'libphonenumber-js/max' : d === 'dejavu-fonts-ttf' ? 'dejavu-fonts-ttf/package.json' : d));
    const loaded = execFileSync(process.execPath, ['-e', `for (const m of ${JSON.stringify(probe)}) require(m); console.log('loaded')`], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(loaded.trim()).toBe('loaded');

    // Documents embed DejaVu Sans regular and bold, resolved by path from the package at run time
    // (electron/vault/documents/fonts.ts): both are packed, the rest of the family is left out,
    // and pdfkit sets text in them from the packaged tree.
    const fonts = files.filter((f) => f.startsWith('/node_modules/dejavu-fonts-ttf/ttf/')).sort();
    expect(fonts).toEqual(['/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf']);
    const pdf = execFileSync(
      process.execPath,
      [
        '-e',
        `const { join, dirname } = require('node:path');
         const ttf = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
         const PDF = require('pdfkit');
         const doc = new PDF({ font: join(ttf, 'DejaVuSans.ttf') });
         doc.registerFont('bold', join(ttf, 'DejaVuSans-Bold.ttf'));
         const chunks = [];
         doc.on('data', (c) => chunks.push(c)).on('end', () => console.log(Buffer.concat(chunks).subarray(0, 5).toString()));
         doc.text('Rp 1.250.000').font('bold').text('3×24 jam');
         doc.end();`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(pdf.trim()).toBe('%PDF-');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
