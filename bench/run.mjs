/**
 * `npm run bench [-- --quick] [-- --rounds N] [-- --keep]`: bundles the TypeScript bench with Vite's
 * build API (as e2e/host/bundle.ts does for the page preload) into bench/.data/dist, dependencies
 * left to node_modules, then runs it with plain Node. Nothing here is part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'vite';

const bench = dirname(fileURLToPath(import.meta.url));
const root = join(bench, '..');
const outDir = join(bench, '.data', 'dist');

await build({
  configFile: false,
  logLevel: 'warn',
  root,
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    minify: false,
    target: 'node20',
    rollupOptions: {
      input: { main: join(bench, 'main.ts'), child: join(bench, 'child.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});

const child = spawn(process.execPath, [join(outDir, 'main.mjs'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
