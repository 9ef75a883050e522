/** Bundles page-preload.ts into one classic script (once per worker) with Vite's build API. */
import { build, type Rollup } from 'vite';
import { join } from 'node:path';

let cached: Promise<string> | undefined;

export function preloadScript(): Promise<string> {
  cached ??= (async () => {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: join(__dirname, 'page-preload.ts'), formats: ['iife'], name: 'brankasHostPreload' },
      },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
    if (!chunk) throw new Error('host preload did not bundle');
    return chunk.code;
  })();
  return cached;
}
