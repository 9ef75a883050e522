// Builds the three parts: main (Node, deps external), preload (sandboxed: everything bundled,
// CommonJS), renderer (plain web code from renderer/). electron-vite rather than vite + tsc:
// one config, the right targets for each process, and `npm start` with reload; type-checking
// stays with `tsc -b` over the separate projects.
import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** In dev only, React's fast-refresh needs an inline preamble: relax script-src there, never in a build. */
const devCsp = {
  name: 'brankas-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

/** The `brankas` command (package.json "bin"): a Node script, so it gets a shebang and the executable bit. */
const cliBin = {
  name: 'brankas-cli-bin',
  apply: 'build',
  writeBundle(options, bundle) {
    if (options.dir && bundle['cli.js']) chmodSync(join(options.dir, 'cli.js'), 0o755);
  },
};

export default defineConfig({
  main: {
    plugins: [cliBin],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // index: the Electron main process; cli: the `brankas` command line (plain Node, same services).
        input: { index: resolve('electron/main.ts'), cli: resolve('electron/cli/index.ts') },
        output: { banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react(), devCsp],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
