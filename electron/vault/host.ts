/**
 * Which vault the app serves right now: the real one (the data folder's), or the demo vault while
 * someone tries Brankas with sample data. The one place the vault is swapped at run time: main.ts
 * and the e2e host give the router `host.context(…)`, whose `vault` and `transfer` always answer
 * for the current vault, and subscribe to `host.onChange`, which forwards the current vault's status
 * (and says so once on every swap).
 */
import type { VaultStatus } from '../contract';
import type { Keychain } from './keys/keychain';
import type { ScryptParams } from './keys/recovery';
import { VaultService } from './service';
import { TransferRegistry } from './transfer/registry';

export interface VaultHostOptions {
  /** The real vault's data folder. */
  dataDir: string;
  keychain: Keychain;
  passwordKdf?: ScryptParams;
  now?: () => number;
}

/** What the router's context takes from the host. */
export interface Hosted {
  vault: VaultService;
  transfer: TransferRegistry;
}

interface Served {
  vault: VaultService;
  transfer: TransferRegistry;
  /** Set while the demo vault is served: its generated password, shown on the banner. */
  demo: { password: string } | null;
}

export class VaultHost {
  /** The real vault's service: always there, served whenever the demo is not. */
  readonly real: VaultService;
  private current: Served;
  private readonly realServed: Served;
  private readonly listeners = new Set<(s: VaultStatus) => void>();

  constructor(readonly opts: VaultHostOptions) {
    this.real = this.serviceFor(opts.dataDir);
    this.realServed = this.serve(this.real, null);
    this.current = this.realServed;
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  get keychain(): Keychain {
    return this.opts.keychain;
  }

  /** The vault the app serves now. */
  get vault(): VaultService {
    return this.current.vault;
  }

  /** The current vault's picked files and running job (each vault has its own). */
  get transfer(): TransferRegistry {
    return this.current.transfer;
  }

  /** The demo's password while the demo is served; null otherwise. */
  demo(): { password: string } | null {
    return this.current.demo;
  }

  /** A service for a vault in `dataDir`, with the same keychain and costs as the real one. */
  serviceFor(dataDir: string): VaultService {
    return new VaultService({
      dataDir,
      keychain: this.opts.keychain,
      ...(this.opts.passwordKdf ? { passwordKdf: this.opts.passwordKdf } : {}),
      ...(this.opts.now ? { now: this.opts.now } : {}),
    });
  }

  /** Serves the demo vault (already open and signed in). Returns its status. */
  useDemo(vault: VaultService, password: string): VaultStatus {
    this.current = this.serve(vault, { password });
    return this.announce();
  }

  /** Serves the real vault again. Returns the service that was served (the caller closes it). */
  useReal(): VaultService {
    const previous = this.current.vault;
    this.current = this.realServed;
    this.announce();
    return previous;
  }

  /** The current vault's status changes, whichever vault that is. */
  onChange(listener: (s: VaultStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The router's context: `vault` and `transfer` are read at each call, so a swap takes effect for
   * the next call without rebuilding the router. Name the rest's type (`context<Omit<AppContext,
   * keyof Hosted>>(…)`) so its functions are typed from it.
   */
  context<T extends object>(rest: T): T & Hosted {
    return Object.defineProperties({ ...rest } as T & Hosted, {
      vault: { get: () => this.vault, enumerable: true },
      transfer: { get: () => this.transfer, enumerable: true },
    });
  }

  async close(): Promise<void> {
    if (this.current !== this.realServed) await this.current.vault.close();
    await this.real.close();
  }

  private serve(vault: VaultService, demo: Served['demo']): Served {
    const served: Served = { vault, transfer: new TransferRegistry(vault), demo };
    vault.onChange((status) => {
      if (this.current === served) for (const l of this.listeners) l(status);
    });
    return served;
  }

  private announce(): VaultStatus {
    const status = this.current.vault.status();
    for (const l of this.listeners) l(status);
    return status;
  }
}
