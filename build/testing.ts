/** Helpers for the tooling tests: stand-in Electron binaries, and npm scripts run with a deadline. */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');

/** Electron's fuse sentinel (@electron/fuses, src/constants.ts), followed in the binary by the wire. */
export const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const [DISABLE, ENABLE] = ['0'.charCodeAt(0), '1'.charCodeAt(0)];
/**
 * The V1 wire as a stock Electron 45 ships it, one byte per fuse in FuseV1Options order: RunAsNode,
 * EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges, WasmTrapHandlers — every one the packaging config sets is the
 * opposite of what Brankas wants, so a fuse left unflipped shows.
 */
export const STOCK_WIRE = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE, ENABLE];

/**
 * A fake `electron` executable for packaging: bytes around the sentinel, then the wire
 * (version byte 1, length byte, one byte per fuse), as @electron/fuses finds it in a real binary.
 */
export function fuseBinary(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'electron');
  const wire = Buffer.from([1, STOCK_WIRE.length, ...STOCK_WIRE]);
  writeFileSync(file, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.alloc(4096, 0x7f), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0x7f)]));
  chmodSync(file, 0o755);
  return file;
}

/**
 * A stub `electron` for `npm start`: records its arguments, working folder and the environment
 * Electron would see, checks the dev renderer URL answers, then exits (and electron-vite with it).
 */
export function recordingStub(dir: string, record: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'electron');
  const script = `#!${process.execPath}
const url = process.env.ELECTRON_RENDERER_URL;
const done = (served) => require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  argv: process.argv.slice(2), cwd: process.cwd(), rendererUrl: url ?? null, served,
  env: { NODE_ENV_ELECTRON_VITE: process.env.NODE_ENV_ELECTRON_VITE ?? null, ELECTRON_EXEC_PATH: process.env.ELECTRON_EXEC_PATH ?? null },
}));
if (!url) done(null);
else fetch(url, { signal: AbortSignal.timeout(10000) }).then((r) => r.text()).then((t) => done(t), (e) => done('fetch failed: ' + e.message));
`;
  writeFileSync(file, script);
  chmodSync(file, 0o755);
  return file;
}

/** The environment under which any attempt to download Electron fails at once and loudly. */
export function noDownloadEnv(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, CI: 'true' };
  for (const k of ['ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_GET_USE_PROXY', 'ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE']) delete env[k];
  return env;
}

export interface Run {
  code: number | null;
  output: string;
  timedOut: boolean;
}

/**
 * Runs a command in its own process group with a deadline; on the deadline the whole group
 * (npm, electron-vite, its vite server, the stub) is killed, so a hanging dev server cannot
 * outlive the test.
 */
export function runBounded(cmd: string, args: string[], env: NodeJS.ProcessEnv, ms: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup(); // anything the command left running in its group
      // eslint-disable-next-line no-control-regex -- colour codes, which tools add when they see FORCE_COLOR
      resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, ''), timedOut });
    });
  });
}
