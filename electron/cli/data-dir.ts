/**
 * The data folder without Electron: the same folder the app's `app.getPath('userData')` gives
 * for the product name "Brankas", then `BRANKAS_DATA_DIR`, then `--data-dir` on top.
 */
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
import { resolveDataDir } from '../vault/paths';

export const APP_FOLDER = 'Brankas';

/** Electron's userData folder for this app on `platform`. */
export function electronUserDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  switch (platform) {
    case 'win32':
      return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
    default: {
      const xdg = env.XDG_CONFIG_HOME?.trim();
      return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), APP_FOLDER);
    }
  }
}

/** `--data-dir` wins, then `BRANKAS_DATA_DIR`, then the app's own folder. Relative paths are taken from `cwd`. */
export function cliDataDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  const chosen = option?.trim() ? option.trim() : resolveDataDir(electronUserDataDir(env), env);
  return resolve(cwd, chosen);
}
