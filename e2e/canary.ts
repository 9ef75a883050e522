/** Looks for a planted value, in several encodings, in every file under a folder. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Files whose bytes contain `needle` as UTF-8, UTF-16LE or (for digits) bare digits. */
export function filesContaining(dir: string, needle: string): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return filesUnder(dir).filter((f) => {
    const bytes = readFileSync(f);
    return patterns.some((p) => bytes.includes(p));
  });
}
