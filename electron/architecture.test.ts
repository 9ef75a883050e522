/**
 * The process boundaries, checked on the source: the renderer sees only electron/contract,
 * exactly one module touches the SQLCipher driver, and electron/vault never imports Electron.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const ROOT = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);

const rel = (f: string) => relative(ROOT, f);

describe('process boundaries', () => {
  it('renderer files import nothing from electron/ but electron/contract', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'renderer'))) {
      for (const spec of importsOf(file)) {
        if (spec === 'electron' || spec.startsWith('node:') || spec === 'keytar' || spec.startsWith('@journeyapps/')) {
          offenders.push(`${rel(file)} → ${spec}`);
        }
        if (spec.startsWith('.')) {
          const target = rel(resolve(dirname(file), spec));
          if (target.startsWith('electron/') && !/^electron\/contract(\/|$)/.test(target)) offenders.push(`${rel(file)} → ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('exactly one module imports the SQLCipher driver', () => {
    const importers = ['electron', 'renderer', 'e2e', 'bench']
      .flatMap((d) => sourceFiles(join(ROOT, d)))
      .filter((f) => !f.endsWith('architecture.test.ts'))
      .filter((f) => importsOf(f).some((s) => s === '@journeyapps/sqlcipher' || s.startsWith('@journeyapps/sqlcipher/')))
      .map(rel);
    expect(importers).toEqual(['electron/vault/db/driver.ts']);
  });

  it('electron/vault never imports Electron, and the contract imports no Node or Electron', () => {
    const vault = sourceFiles(join(ROOT, 'electron/vault')).filter((f) => importsOf(f).includes('electron'));
    const contract = sourceFiles(join(ROOT, 'electron/contract')).filter((f) =>
      importsOf(f).some((s) => s === 'electron' || s.startsWith('node:') || s.startsWith('..')),
    );
    expect([...vault, ...contract].map(rel)).toEqual([]);
  });

  it('only main, preload, window, protocol and ipc/electron.ts touch Electron APIs', () => {
    const users = sourceFiles(join(ROOT, 'electron'))
      .filter((f) => importsOf(f).includes('electron'))
      .map(rel)
      .sort();
    expect(users).toEqual(['electron/ipc/electron.ts', 'electron/main.ts', 'electron/preload.ts', 'electron/protocol.ts', 'electron/window.ts']);
  });

  it('no source file under electron/ (tests aside) is over 400 lines: a module that grows that far does two jobs', () => {
    const long = sourceFiles(join(ROOT, 'electron'))
      .filter((f) => !/\.test\.ts$/.test(f))
      .map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });
});
