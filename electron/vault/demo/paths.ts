/**
 * Where the demo vault lives: a folder of its own BESIDE the real vault's data folder, never inside
 * it (`…/Brankas` → `…/Brankas-demo`), so nothing that works on the real folder (a restore's swap,
 * a backup, someone copying the folder) ever touches or carries the sample data.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { VaultError } from '../errors';

export const DEMO_SUFFIX = '-demo';
/** Written into the demo folder when it is made: only a folder carrying it is ever deleted. */
export const DEMO_MARKER = 'BRANKAS-DEMO.txt';

export function demoDataDir(realDataDir: string): string {
  const real = resolve(realDataDir);
  return join(dirname(real), basename(real) + DEMO_SUFFIX);
}

export function markDemoDir(dir: string): void {
  writeFileSync(join(dir, DEMO_MARKER), 'Sample data of Brankas (data contoh). Safe to delete: the real vault is elsewhere.\n');
}

/** True when `dir` holds a demo vault (or what is left of one). */
export const isDemoDir = (dir: string): boolean => existsSync(join(dir, DEMO_MARKER));

/**
 * Deletes the demo folder, only if it is one (carries the marker) — or is empty, as a create that
 * failed before the marker was written leaves it. Anything else is left alone: `conflict`.
 */
export function removeDemoDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (!isDemoDir(dir) && readdirSync(dir).length > 0) throw new VaultError('conflict', undefined, `not a demo folder, left alone: ${dir}`);
  rmSync(dir, { recursive: true, force: true });
}
