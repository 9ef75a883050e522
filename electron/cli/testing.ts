/**
 * Test harness for the command line: runs `runCli` in-process against a real vault in a temp
 * folder and the real keychain, with memory streams for stdin/stdout/stderr. Removes its temp
 * folders and the keychain entries of every vault it made in `cleanup`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { CustomerInput } from '../contract';
import { createCustomersService } from '../vault/customers/service';
import { tempDir } from '../vault/db/testing';
import { systemKeychain, type Keychain } from '../vault/keys/keychain';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { VaultService } from '../vault/service';
import { FAST_KDF, OWNER, PASSWORD } from '../vault/testing';
import { runCli } from './run';

export { OWNER, PASSWORD };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    cb();
  }
}

export interface RunOptions {
  /** Extra environment (BRANKAS_PASSWORD, …); BRANKAS_DATA_DIR is the harness's folder unless given. */
  env?: NodeJS.ProcessEnv;
  /** Text on standard input (default: none, end of input at once). */
  stdin?: string;
  keychain?: Keychain;
  signal?: AbortSignal;
}

export class CliHarness {
  readonly keychain = systemKeychain();
  readonly dataDir: string;
  private readonly dirs: string[] = [];
  private readonly vaultIds = new Set<string>();

  constructor() {
    this.dataDir = this.dir();
  }

  /** A fresh temp folder, removed in cleanup. */
  dir(): string {
    const d = tempDir('brankas-cli-');
    this.dirs.push(d);
    return d;
  }

  /** Writes `content` to a file in a temp folder and returns its path. */
  file(name: string, content: string | Buffer): string {
    const path = join(this.dir(), name);
    writeFileSync(path, content);
    return path;
  }

  async run(argv: string[], opts: RunOptions = {}): Promise<CliResult> {
    const stdout = new Sink();
    const stderr = new Sink();
    const stdin = opts.stdin === undefined ? Readable.from([]) : Readable.from([opts.stdin]);
    const code = await runCli(argv, {
      env: { BRANKAS_DATA_DIR: this.dataDir, ...opts.env },
      stdin,
      stdout,
      stderr,
      passwordKdf: FAST_KDF,
      ...(opts.keychain ? { keychain: opts.keychain } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    for (const d of this.dirs) this.trackVault(d);
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  /** Signed-in run as the Owner (password in the environment). */
  runAs(argv: string[], opts: RunOptions = {}): Promise<CliResult> {
    return this.run([...argv, '--user', OWNER], { ...opts, env: { BRANKAS_PASSWORD: PASSWORD, ...opts.env } });
  }

  /** `brankas init` as the Owner; fails the test unless it succeeds. */
  async init(dataDir = this.dataDir): Promise<CliResult> {
    const r = await this.run(['init', '--owner', OWNER, '--data-dir', dataDir], { stdin: `${PASSWORD}\n` });
    if (r.code !== 0) throw new Error(`init failed (${r.code}): ${r.stderr}`);
    return r;
  }

  private trackVault(dir: string): void {
    const id = readRecoveryFile(vaultPaths(dir))?.vaultId;
    if (id) this.vaultIds.add(id);
  }

  async cleanup(): Promise<void> {
    for (const d of this.dirs) this.trackVault(d);
    for (const id of this.vaultIds) await this.keychain.remove(id).catch(() => false);
    this.vaultIds.clear();
    for (const d of this.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }
}

/**
 * Opens the vault in `dataDir` directly (not through the CLI), signed in as the Owner, runs `fn`
 * and closes it: for setting a test up and for reading back what a command did.
 */
export async function asOwner<T>(dataDir: string, fn: (vault: VaultService) => Promise<T>): Promise<T> {
  const vault = new VaultService({ dataDir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  try {
    await vault.init();
    await vault.signIn({ staffId: 1, password: PASSWORD });
    return await fn(vault);
  } finally {
    await vault.close();
  }
}

/** Adds customers to the harness's vault through the app's own customers service. */
export function seedCustomers(dataDir: string, customers: CustomerInput[]): Promise<void> {
  return asOwner(dataDir, async (vault) => {
    const service = createCustomersService(vault.db());
    for (const customer of customers) await service.save({ customer });
  });
}
