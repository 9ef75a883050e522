import { join } from 'node:path';

export const VAULT_FILE = 'vault.db';
export const RECOVERY_FILE = 'vault.recovery.json';
/** Strict mode only: the data key wrapped once per person (keys/slots.ts). */
export const SLOTS_FILE = 'vault.keyslots.json';
/** The erasure register's copy beside the vault (ids and keyed hashes): read when the vault cannot be. */
export const ERASURES_FILE = 'vault.erasures.json';

export interface VaultPaths {
  dir: string;
  vault: string;
  recovery: string;
}

export const vaultPaths = (dir: string): VaultPaths => ({
  dir,
  vault: join(dir, VAULT_FILE),
  recovery: join(dir, RECOVERY_FILE),
});

export const slotsPath = (dir: string): string => join(dir, SLOTS_FILE);
export const erasuresPath = (dir: string): string => join(dir, ERASURES_FILE);

/** `BRANKAS_DATA_DIR` overrides the platform default (Electron's userData in the app). */
export function resolveDataDir(platformDefault: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.BRANKAS_DATA_DIR?.trim();
  return override ? override : platformDefault;
}
