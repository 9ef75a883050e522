/**
 * Test helpers for vault-level tests: temp data folders, real vaults in the real keychain,
 * fingerprints of the data folder, and a keychain double for a machine without one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryCodeIssue } from '../contract';
import { tempDir } from './db/testing';
import { VaultError } from './errors';
import { systemKeychain, type Keychain } from './keys/keychain';
import type { ScryptParams } from './keys/recovery';
import { readRecoveryFile } from './open';
import { vaultPaths } from './paths';
import { VaultService } from './service';

/** Fast password hashing for tests; the hash records these parameters, so verification is honest. */
export const FAST_KDF: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery staple';
export const OWNER = 'Ibu Sari';

/** Every file under `dir` (recursively), by relative path. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** relative path → sha256 of every file under `dir`: equal fingerprints mean nothing was created, deleted or changed. */
export function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/** The forms a leaked data key could take in a file. */
export function keyForms(keyHex: string): Buffer[] {
  const raw = Buffer.from(keyHex, 'hex');
  return [
    raw,
    Buffer.from(keyHex),
    Buffer.from(keyHex.toUpperCase()),
    Buffer.from(keyHex, 'utf16le'),
    Buffer.from(raw.toString('base64')),
    Buffer.from(raw.toString('base64url')),
  ];
}

/** Files under `dir` whose bytes contain any of `needles`. */
export function filesContaining(dir: string, needles: Buffer[]): string[] {
  return listFiles(dir).filter((f) => {
    const bytes = readFileSync(join(dir, f));
    return needles.some((n) => bytes.includes(n));
  });
}

/** Stands in for a machine with no Secret Service: every call fails the way the real adapter reports it. */
export const unavailableKeychain: Keychain = {
  get: () => Promise.reject(new VaultError('keychain_unavailable')),
  set: () => Promise.reject(new VaultError('keychain_unavailable')),
  remove: () => Promise.reject(new VaultError('keychain_unavailable')),
  accounts: () => Promise.reject(new VaultError('keychain_unavailable')),
};

export interface CreatedVault {
  dir: string;
  vaultId: string;
  keyHex: string;
  code: string;
  issue: RecoveryCodeIssue;
}

/** Owns the temp folders, services and keychain entries of one test; call `cleanup` in afterEach. */
export class VaultFixture {
  /**
   * The real OS keychain, under a service name of this fixture's own: other test files running
   * in parallel add Brankas keys too, and a test that looks at every key (no sidecar) must see only its own.
   */
  readonly keychain = systemKeychain(`Brankas-test-${randomUUID()}`);
  private readonly dirs: string[] = [];
  private readonly services: VaultService[] = [];
  private readonly ids = new Set<string>();

  dir(): string {
    const d = tempDir('brankas-vault-');
    this.dirs.push(d);
    return d;
  }

  service(dataDir: string, keychain: Keychain = this.keychain, passwordKdf: ScryptParams = FAST_KDF): VaultService {
    const s = new VaultService({ dataDir, keychain, passwordKdf });
    this.services.push(s);
    return s;
  }

  /** Remembers a keychain account to remove afterwards. */
  track(vaultId: string): void {
    this.ids.add(vaultId);
  }

  /** Creates a vault with the real keychain and closes it, leaving a settled file on disk. */
  async create(dataDir = this.dir()): Promise<CreatedVault> {
    const svc = this.service(dataDir);
    const issue = await svc.create({ ownerName: OWNER, password: PASSWORD });
    const vaultId = readRecoveryFile(vaultPaths(dataDir))?.vaultId;
    if (!vaultId) throw new Error('no sidecar after create');
    this.track(vaultId);
    const keyHex = await this.keychain.get(vaultId);
    if (!keyHex) throw new Error('no key in the keychain after create');
    await svc.close();
    return { dir: dataDir, vaultId, keyHex, code: issue.groups.join(''), issue };
  }

  async cleanup(): Promise<void> {
    for (const s of this.services.splice(0)) await s.close();
    for (const id of this.ids) await this.keychain.remove(id);
    this.ids.clear();
    for (const d of this.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }
}

/** Awaits `p` and returns its VaultError; fails the test if it resolves or throws anything else. */
export async function vaultErrorOf(p: Promise<unknown> | (() => unknown)): Promise<VaultError> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  if (!(err instanceof VaultError)) throw new Error(`expected a VaultError, got ${String(err)}`);
  return err;
}
