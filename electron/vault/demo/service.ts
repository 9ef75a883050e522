/**
 * The demo vault: a real encrypted vault (SQLCipher file, key in the keychain under its own vault
 * id) in its own folder beside the real one (paths.ts), seeded with sample customers and signed in
 * as "Pemilik Demo" with a generated password. Thrown away in one step: the folder and its keychain
 * entry go, and the app serves the real vault again. The real vault never sees any of it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { DEMO_OWNER_NAME, type DemoStatus, type VaultStatus } from '../../contract';
import { audited } from '../audit/audited';
import { createCustomersService } from '../customers/service';
import { VaultError } from '../errors';
import { createFieldsService } from '../fields/service';
import type { VaultHost } from '../host';
import type { Keychain } from '../keys/keychain';
import { readRecoveryFile } from '../open';
import { vaultPaths } from '../paths';
import { createPurchasesService } from '../purchases/service';
import type { VaultService } from '../service';
import { demoCustomers } from './seed';
import { demoDataDir, isDemoDir, markDemoDir, removeDemoDir } from './paths';

export const DEMO_OWNER = DEMO_OWNER_NAME;
/** The seeded purpose (migration 4) the demo's addresses serve. */
export const DEMO_ADDRESS_PURPOSE = 'order_updates';

/** 16 random letters and digits in groups of four (about 80 bits): strong, and easy to type off the banner. */
export function demoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

export interface SeedResult {
  customers: number;
  purchases: number;
}

/**
 * Creates the demo vault in `vault`'s (empty) folder, marks the folder as the demo's, confirms the
 * recovery code (nobody needs to write a demo's code down) and seeds it — customers, purchases and
 * the address field with its purpose — in one transaction with its `data.import` entry.
 */
export async function createDemoVault(vault: VaultService, dir: string, password: string, now: () => number = Date.now): Promise<SeedResult> {
  if ((await vault.init()).state !== 'no_vault') throw new VaultError('vault_exists');
  // Someone else's folder that happens to carry the name is never taken over (nor later deleted).
  if (existsSync(dir) && readdirSync(dir).length > 0 && !isDemoDir(dir)) throw new VaultError('conflict', undefined, `not a demo folder: ${dir}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  markDemoDir(dir);
  const issue = await vault.create({ ownerName: DEMO_OWNER, password });
  await vault.confirmRecoveryCode({ answers: issue.challenge.map((i) => issue.groups[i] ?? '') });
  const today = new Date(now()).toISOString().slice(0, 10);
  return audited(
    vault.db(),
    (tx, entry) => vault.recordIn(tx, entry),
    async (db) => {
      // The demo shop delivers: addresses serve the seeded order-updates purpose (contract).
      await createFieldsService(db, now).update({ key: 'address', enabled: true, purpose: '', purposes: [DEMO_ADDRESS_PURPOSE] });
      const customers = createCustomersService(db, now);
      const purchases = createPurchasesService(db, now);
      let bought = 0;
      const all = demoCustomers({ today });
      for (const { customer, purchases: list } of all) {
        const saved = await customers.save({ customer });
        for (const p of list) await purchases.save({ purchase: { ...p, customerId: saved.id } });
        bought += list.length;
      }
      return { customers: all.length, purchases: bought };
    },
    (r) => ({ action: 'data.import', details: { via: 'demo', imported: r.customers, purchases: r.purchases } }),
  );
}

/** Removes a demo folder and its keychain entry (the vault id is read from its recovery file). */
export async function discardDemoFolder(dir: string, keychain: Keychain, vaultId?: string | null): Promise<void> {
  const id = vaultId ?? readRecoveryFile(vaultPaths(dir))?.vaultId ?? null;
  removeDemoDir(dir);
  if (id) await keychain.remove(id);
}

export interface DemoService {
  status(): DemoStatus;
  /** From the first-run screen: a fresh demo vault, seeded, signed in, served. */
  start(): Promise<VaultStatus>;
  /** Closes the demo vault, deletes its folder and keychain entry; the real vault is served again. */
  discard(): Promise<VaultStatus>;
}

export function createDemoService(host: VaultHost, now: () => number = Date.now): DemoService {
  const dir = demoDataDir(host.dataDir);
  return {
    status() {
      const demo = host.demo();
      return demo ? { active: true, ownerName: DEMO_OWNER, password: demo.password } : { active: false, leftover: isDemoDir(dir) };
    },

    async start() {
      if (host.demo()) throw new VaultError('conflict');
      if (host.real.status().state !== 'no_vault') throw new VaultError('vault_exists');
      // A demo left by an earlier run (or by `brankas init --demo`) is replaced by a fresh one.
      await discardDemoFolder(dir, host.keychain);
      const vault = host.serviceFor(dir);
      const password = demoPassword();
      try {
        await createDemoVault(vault, dir, password, now);
      } catch (err) {
        const id = vault.openVaultInfo()?.vaultId ?? null;
        await vault.close().catch(() => undefined);
        await discardDemoFolder(dir, host.keychain, id).catch(() => undefined);
        throw err;
      }
      return host.useDemo(vault, password);
    },

    async discard() {
      const demo = host.demo() ? host.vault : null;
      if (!demo && !isDemoDir(dir)) throw new VaultError('conflict');
      const vaultId = demo?.openVaultInfo()?.vaultId ?? null;
      if (demo) {
        host.useReal();
        // Locking stops any running import or export of the demo before its file goes.
        await demo.lock().catch(() => undefined);
        await demo.close();
      }
      await discardDemoFolder(dir, host.keychain, vaultId);
      return host.real.status();
    },
  };
}
