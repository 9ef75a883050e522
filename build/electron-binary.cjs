// @ts-check
/**
 * Finds the Electron binary the way Electron itself does: `require('electron')`. Since Electron 42
 * the binary is not fetched at install time but on the first `require('electron')`
 * (node_modules/electron/index.js → install.js → path.txt). electron-vite 6 reads path.txt directly
 * and stops with "Electron uninstall" when nothing has required `electron` yet — that is every fresh
 * clone — so `npm start`, `npm run package` and the Electron-launch spec all resolve the binary here
 * and hand it on (ELECTRON_EXEC_PATH, electron-builder's electronDist, Playwright's executablePath).
 *
 * ELECTRON_OVERRIDE_DIST_PATH (a folder holding an `electron` executable) is honoured by
 * Electron's index.js without any download: that is how a test stands a stub in for the binary,
 * and how an offline machine uses a distribution unzipped by hand.
 *
 * CommonJS on purpose: plain `node` runs it (the launcher), and Playwright's CommonJS specs and
 * vitest import it alike.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

class ElectronUnavailableError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ElectronUnavailableError';
  }
}

/** @returns {string} */
function electronVersion() {
  return /** @type {{ version: string }} */ (require('electron/package.json')).version;
}

/**
 * @param {string} cause
 * @returns {string}
 */
function explain(cause) {
  const v = electronVersion();
  const zip = `electron-v${v}-${process.platform}-${process.arch}.zip`;
  return [
    `Brankas needs the Electron ${v} binary, and it is not installed yet.`,
    'Electron downloads it once, on first use, into node_modules/electron/dist; that did not work:',
    `  ${cause}`,
    '',
    'What to do (then run the same command again; the download happens only once):',
    '  - Behind a proxy: set HTTPS_PROXY=http://your-proxy:port and ELECTRON_GET_USE_PROXY=1.',
    '  - With a mirror of the Electron releases: set ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/',
    '    (any mirror laid out like https://github.com/electron/electron/releases/download/).',
    `  - Offline: fetch ${zip} from https://github.com/electron/electron/releases/tag/v${v}`,
    '    on a machine with internet, unzip it into a folder and set ELECTRON_OVERRIDE_DIST_PATH to that folder.',
  ].join('\n');
}

/**
 * The folder electron-builder takes as `electronDist`: the unzipped distribution the binary
 * belongs to (on macOS, the folder holding Electron.app).
 * @param {string} binary
 * @returns {string}
 */
function distDirOf(binary) {
  const app = /^(.*?)[\\/][^\\/]+\.app[\\/]Contents[\\/]MacOS[\\/]/.exec(binary);
  return app ? /** @type {string} */ (app[1]) : dirname(binary);
}

/**
 * Resolves (downloading when missing) the Electron binary.
 * @returns {{ binary: string, distDir: string, version: string }}
 * @throws {ElectronUnavailableError} with what went wrong and what to do about it
 */
function resolveElectron() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const id = require.resolve('electron');
  // index.js computes the path once, at load, from the environment of that moment: load it afresh.
  delete require.cache[id];
  /** @type {unknown} */
  let binary;
  try {
    binary = require(id);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // index.js's own advice ("delete node_modules/electron, run npx install-electron") does not
    // help offline or behind a proxy; the download's real error was printed just above by install.js.
    const cause = /failed to install correctly/.test(message) ? 'the download failed (its error is printed above).' : message;
    throw new ElectronUnavailableError(explain(cause));
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    const cause = override
      ? `ELECTRON_OVERRIDE_DIST_PATH is ${override}, but there is no Electron executable at ${String(binary)}.`
      : `no Electron executable at ${String(binary)}.`;
    throw new ElectronUnavailableError(explain(cause));
  }
  return { binary, distDir: distDirOf(binary), version: electronVersion() };
}

const HOST_FLAGS = { linux: ['--linux', '-l'], darwin: ['--mac', '-m', '--macos', '-o'], win32: ['--win', '-w', '--windows'] };
const ARCH_FLAGS = ['--x64', '--ia32', '--armv7l', '--arm64', '--universal'];

/**
 * electron-builder's arguments for `npm run package`. The resolved distribution is the host's
 * own: it goes in as electronDist unless the arguments build for another platform or
 * architecture (electron-builder then fetches the right one itself) or name an electronDist.
 * @param {string[]} args
 * @param {string} distDir
 * @param {string} [platform]
 * @param {string} [arch]
 * @returns {string[]}
 */
function builderArgs(args, distDir, platform = process.platform, arch = process.arch) {
  const other = Object.entries(HOST_FLAGS)
    .filter(([p]) => p !== platform)
    .flatMap(([, flags]) => flags);
  const crosses = args.some((a) => other.includes(a) || (ARCH_FLAGS.includes(a) && a !== `--${arch}`));
  const named = args.some((a) => /^(-c|--config)\.electronDist=/.test(a));
  return ['--publish', 'never', ...(crosses || named ? [] : [`-c.electronDist=${distDir}`]), ...args];
}

/** Where Electron's own install records the binary it downloaded (tests check it is never written). */
const pathFile = () => join(dirname(require.resolve('electron')), 'path.txt');

module.exports = { resolveElectron, ElectronUnavailableError, distDirOf, builderArgs, pathFile };
