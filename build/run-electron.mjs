#!/usr/bin/env node
/**
 * `npm start` and `npm run package`: resolve the Electron binary the official way first
 * (build/electron-binary.cjs: `require('electron')`, which downloads it when missing), then
 *   dev      → electron-vite dev, told the binary through ELECTRON_EXEC_PATH;
 *   package  → electron-vite build, then electron-builder with that same distribution as
 *              electronDist (so packaging neither downloads Electron a second time nor needs to).
 * Extra arguments go to electron-vite dev, or to electron-builder.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { resolveElectron, ElectronUnavailableError, builderArgs } = require('./electron-binary.cjs');

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const electronBuilder = require.resolve('electron-builder/cli.js');

/** Runs a Node script to the end with inherited stdio; resolves with its exit code. */
function run(script, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`Could not start ${script}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(argv) {
  const [command, ...args] = argv;
  if (command !== 'dev' && command !== 'package') {
    console.error('usage: node build/run-electron.mjs dev|package [arguments]');
    return 2;
  }
  let electron;
  try {
    electron = resolveElectron();
  } catch (err) {
    if (!(err instanceof ElectronUnavailableError)) throw err;
    console.error(`\n${err.message}\n`);
    return 1;
  }
  if (command === 'dev') return run(electronVite, ['dev', ...args], { ...process.env, ELECTRON_EXEC_PATH: electron.binary });
  const built = await run(electronVite, ['build']);
  if (built !== 0) return built;
  return run(electronBuilder, builderArgs(args, electron.distDir));
}

process.exitCode = await main(process.argv.slice(2));
