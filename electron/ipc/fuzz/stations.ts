/**
 * The vaults a fuzz file calls into, one per state and role, each a real SQLCipher file with its key
 * in the real keychain, built once and reused across runs. A run that legitimately moves a station
 * (a valid lock, a password changed, a vault created) is put right before the next run: signed in
 * again where that is enough, rebuilt from nothing otherwise.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_FIELDS, type Role, type StaffMember } from '../../contract';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { FAST_KDF, listFiles } from '../../vault/testing';
import type { Dialogs } from '../context';
import { createRouter, type Router, type Sender } from '../router';
import { testContext } from '../testing';
import { FUZZ_PASSWORDS } from './arbitraries';

export const ORIGIN = 'app://brankas';
export const APP: Sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };

/** A vault with nothing in its folder, one whose key this machine lacks, one locked, and one per signed-in role. */
export const stationNames = ['none', 'recovery', 'locked', 'owner', 'manager', 'staff', 'viewer'] as const;
export type StationName = (typeof stationNames)[number];

const NAMES: Record<Role, string> = { owner: 'Ibu Sari', manager: 'Rina Wulandari', staff: 'Dewi Lestari', viewer: 'Joko Susilo' };

/**
 * Every system dialog is cancelled: a valid call to a channel that asks for a file or folder first
 * (import, export, backup, restore, audit export) then ends there instead of doing real work.
 */
export class CancelDialogs implements Dialogs {
  asked = 0;
  openFile = () => this.cancel();
  saveFile = () => this.cancel();
  openFolder = () => this.cancel();
  private cancel(): Promise<null> {
    this.asked++;
    return Promise.resolve(null);
  }
}

export class Station {
  dir = '';
  vault!: VaultService;
  router!: Router;
  readonly dialogs = new CancelDialogs();
  /** What the router reported as unexpected (it answers `internal` for these): must stay empty. */
  readonly internalErrors: { channel: string; err: unknown }[] = [];
  /** The signed-in person of a role station. */
  staffId = 0;
  rebuilds = 0;
  /** Bumped whenever ensure() had to act: a snapshot from before is stale then. */
  epoch = 0;

  constructor(readonly name: StationName) {}

  private get role(): Role | null {
    return this.name === 'none' || this.name === 'recovery' || this.name === 'locked' ? null : this.name;
  }

  async build(): Promise<void> {
    // In memory where the machine has it: thousands of commits without waiting for the disk.
    this.dir = existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'brankas-fuzz-')) : tempDir('brankas-fuzz-');
    await this.open();
    if (this.name === 'none') return;
    await this.vault.create({ ownerName: NAMES.owner, password: FUZZ_PASSWORDS.owner });
    this.staffId = 1;
    const role = this.role;
    if (role && role !== 'owner') {
      const r = await this.router.handle(APP, 'staff.create', { name: NAMES[role], role, password: FUZZ_PASSWORDS[role], reason: 'Akun uji fuzz' });
      if (!r.ok) throw new Error(`station ${this.name}: staff.create ${r.error.code}`);
      this.staffId = (r.value as StaffMember).id;
    }
    // Every field switched on and a custom field (custom_1), so generated customers can get past
    // "field disabled"; then a customer with a purchase, so generated ids 1… name rows that exist.
    for (const key of BUILTIN_FIELDS) await this.router.handle(APP, 'fields.update', { key, enabled: true, purpose: 'Uji fuzz' });
    await this.router.handle(APP, 'fields.createCustom', { label: 'Ukuran baju', kind: 'text', purpose: 'Uji fuzz', sensitive: true });
    const saved = await this.router.handle(APP, 'customers.save', { customer: { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi@contoh.co.id', tags: ['vip'] } });
    if (!saved.ok) throw new Error(`station ${this.name}: customers.save ${saved.error.code}`);
    await this.router.handle(APP, 'purchases.save', { purchase: { customerId: 1, date: '2026-01-02', description: 'Kopi', amount: 25_000, channel: 'store' } });
    await this.vault.lock();
    if (this.name === 'recovery') {
      // The keychain entry gone: the vault is there, this machine cannot open it.
      const vaultId = readRecoveryFile(vaultPaths(this.dir))?.vaultId ?? '';
      await this.vault.close();
      await systemKeychain().remove(vaultId);
      await this.open();
    }
    if (role) await this.vault.signIn({ staffId: this.staffId, password: FUZZ_PASSWORDS[role] });
  }

  private async open(): Promise<void> {
    this.vault = new VaultService({ dataDir: this.dir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
    await this.vault.init();
    const ctx = { ...testContext(this.vault), dialogs: this.dialogs };
    this.router = createRouter({ context: ctx, trustedOrigins: [ORIGIN], onInternalError: (channel, err) => this.internalErrors.push({ channel, err }) });
  }

  /** True when the station is in the state and session its name says, and nothing stands in the way of a run. */
  private healthy(): boolean {
    const s = this.vault.status();
    switch (this.name) {
      case 'none':
        return s.state === 'no_vault' && listFiles(this.dir).length === 0;
      case 'recovery':
        return s.state === 'needs_recovery';
      case 'locked':
        return s.state === 'locked' && !s.strict;
      default:
        return s.state === 'unlocked' && s.user.id === this.staffId && !s.user.mustEnrollTotp && !s.strictMode;
    }
  }

  /** Puts the station back into its state after a run moved it. */
  async ensure(): Promise<void> {
    if (this.healthy()) return;
    this.epoch++;
    const role = this.role;
    if (role && this.vault.status().state === 'locked') {
      await this.vault.signIn({ staffId: this.staffId, password: FUZZ_PASSWORDS[role] }).catch(() => undefined);
      if (this.healthy()) return;
    }
    this.rebuilds++;
    await this.destroy();
    await this.build();
    if (!this.healthy()) throw new Error(`station ${this.name} cannot be put back into its state`);
  }

  async destroy(): Promise<void> {
    const sidecar = readRecoveryFile(vaultPaths(this.dir));
    await this.vault.close();
    if (sidecar) await systemKeychain().remove(sidecar.vaultId);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The stations of one test file, built on first use. */
export class World {
  private readonly built = new Map<StationName, Station>();

  async station(name: StationName): Promise<Station> {
    let s = this.built.get(name);
    if (!s) {
      s = new Station(name);
      await s.build();
      this.built.set(name, s);
    }
    await s.ensure();
    return s;
  }

  rebuilds(): number {
    return [...this.built.values()].reduce((n, s) => n + s.rebuilds, 0);
  }

  async destroy(): Promise<void> {
    for (const s of this.built.values()) await s.destroy();
    this.built.clear();
  }
}
