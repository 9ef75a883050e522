/**
 * Bench vaults: created and opened by the app's own VaultService and open path, with the data key
 * held in this process's memory instead of the OS keychain (synthetic data only; nothing to protect).
 */
import { rmSync } from 'node:fs';
import type { Keychain } from '../electron/vault/keys/keychain';
import type { ScryptParams } from '../electron/vault/keys/recovery';
import { readRecoveryFile, openVault, type OpenedVault } from '../electron/vault/open';
import { vaultPaths } from '../electron/vault/paths';
import { VaultService } from '../electron/vault/service';

/** BRANKAS_BENCH_PASSWORD: the Owner's password of a vault kept (--keep) by an earlier bench that used another. */
export const BENCH_PASSWORD = process.env.BRANKAS_BENCH_PASSWORD ?? 'synthetic data only, nothing to protect here';
/** Cheap password hashing: signing in is not what is measured (the hash records these parameters). */
const BENCH_KDF: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

export class MemoryKeychain implements Keychain {
  private readonly keys = new Map<string, string>();
  async get(account: string) {
    return this.keys.get(account) ?? null;
  }
  async set(account: string, secret: string) {
    this.keys.set(account, secret);
  }
  async remove(account: string) {
    return this.keys.delete(account);
  }
  async accounts() {
    return [...this.keys.keys()];
  }
}

export interface BenchVault {
  dir: string;
  vaultId: string;
  keyHex: string;
}

/** A new, empty vault in `dir` (anything there before is removed), as the app's first run makes it. */
export async function createBenchVault(dir: string): Promise<BenchVault> {
  rmSync(dir, { recursive: true, force: true });
  const keychain = new MemoryKeychain();
  const svc = new VaultService({ dataDir: dir, keychain, passwordKdf: BENCH_KDF });
  await svc.create({ ownerName: 'Bench', password: BENCH_PASSWORD });
  await svc.close();
  const vaultId = readRecoveryFile(vaultPaths(dir))?.vaultId;
  const keyHex = vaultId && (await keychain.get(vaultId));
  if (!vaultId || !keyHex) throw new Error('bench vault: no id or key after create');
  return { dir, vaultId, keyHex };
}

/** Opens the vault file the way VaultService.init does, without a session (for the importer child). */
export function openBenchVault(v: BenchVault): Promise<OpenedVault> {
  return openVault(v.dir, v.vaultId, Buffer.from(v.keyHex, 'hex'), readRecoveryFile(vaultPaths(v.dir)));
}

/** The app's vault service on `v`, signed in as the owner. */
export async function signedInService(v: BenchVault): Promise<VaultService> {
  const keychain = new MemoryKeychain();
  await keychain.set(v.vaultId, v.keyHex);
  const svc = new VaultService({ dataDir: v.dir, keychain, passwordKdf: BENCH_KDF });
  const opened = await svc.init();
  if (opened.state !== 'locked') throw new Error(`bench vault: expected locked after init, got ${opened.state}`);
  const status = await svc.signIn({ staffId: 1, password: BENCH_PASSWORD });
  if (status.state !== 'unlocked') throw new Error(`bench vault: sign-in failed (${status.state})`);
  return svc;
}
