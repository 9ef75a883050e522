/** The app's version, read from the package.json that ships beside the built code. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function appVersion(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'brankas' && pkg.version) return pkg.version;
    } catch {
      // not here: look one folder up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return 'unknown';
}
