// Builds the three parts: main (Node, deps external), preload (sandboxed: everything bundled,
// CommonJS), renderer (plain web code from renderer/). electron-vite rather than vite + tsc:
// one config, the right targets for each process, and `npm start` with reload; type-checking
// stays with `tsc -b` over the separate projects.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** In dev only, React's fast-refresh needs an inline preamble: relax script-src there, never in a build. */
const devCsp = {
  name: 'brankas-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main.ts') } },
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
