// Real SQLCipher files and the real OS keychain: run after `. /tmp/kr/env.sh` (a D-Bus session with gnome-keyring).
import { describe, it, expect, afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { openDb, type Db } from './db/driver';
import { VaultError } from './errors';
import { generateRecoveryCode } from './keys/recovery';
import { getMeta, setMeta } from './meta';
import { createVault, openVault, readRecoveryFile, type CreateOptions } from './open';
import { vaultPaths } from './paths';
import { fingerprint, listFiles, VaultFixture, vaultErrorOf } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

/** createVault's options with a recording key store and a minimal seed. */
function createOptions(dir: string, overrides: Partial<CreateOptions> = {}) {
  const stored: { vaultId: string; keyHex: string }[] = [];
  const opts: CreateOptions = {
    dir,
    recoveryCode: generateRecoveryCode(),
    storeKey: async (vaultId, keyHex) => {
      stored.push({ vaultId, keyHex });
    },
    removeKey: async (vaultId) => {
      const i = stored.findIndex((s) => s.vaultId === vaultId);
      if (i >= 0) stored.splice(i, 1);
    },
    seed: (db, vaultId) => setMeta(db, 'vault_id', vaultId),
    ...overrides,
  };
  return { opts, stored };
}

/** Opens a vault file with its key through the driver, lets `edit` change it, and closes it again. */
async function editWithKey(path: string, keyHex: string, edit: (db: Db) => Promise<void>): Promise<void> {
  const db = await openDb(path, keyHex, { create: false });
  try {
    await edit(db);
  } finally {
    await db.close();
  }
}

describe('createVault', () => {
  it('keys, migrates and seeds the file, stores the key, writes the sidecar, then moves it into place', async () => {
    const dir = fx.dir();
    const { opts, stored } = createOptions(dir);
    const vault = await createVault(opts);
    try {
      expect(stored).toEqual([{ vaultId: vault.vaultId, keyHex: vault.keyHex }]);
      expect(await getMeta(vault.db, 'vault_id')).toBe(vault.vaultId);
      expect(readRecoveryFile(vaultPaths(dir))?.vaultId).toBe(vault.vaultId);
      expect(listFiles(dir).filter((f) => !f.startsWith('vault.db-'))).toEqual(['vault.db', 'vault.recovery.json']);
    } finally {
      await vault.db.close();
    }
    expect(listFiles(dir)).toEqual(['vault.db', 'vault.recovery.json']);
  });

  it.each([
    ['the key cannot be stored', 'keychain_unavailable', { storeKey: () => Promise.reject(new VaultError('keychain_unavailable')) }],
    ['seeding fails', 'internal', { seed: () => Promise.reject(new VaultError('internal', undefined, 'seed')) }],
  ] as const)('leaves nothing behind when %s', async (_case, code, override) => {
    const dir = fx.dir();
    const { opts } = createOptions(dir, override);
    expect((await vaultErrorOf(createVault(opts))).code).toBe(code);
    expect(listFiles(dir)).toEqual([]);
  });

  it('takes the key back out of the keychain when a later step fails', async () => {
    const dir = fx.dir();
    const { opts, stored } = createOptions(dir);
    // A vault appears in the folder while this one is being made: its sidecar must not be overwritten.
    const other = await fx.create();
    const { opts: late } = createOptions(dir, {
      storeKey: async (vaultId, keyHex) => {
        await opts.storeKey(vaultId, keyHex);
        copyFileSync(vaultPaths(other.dir).vault, vaultPaths(dir).vault);
        copyFileSync(vaultPaths(other.dir).recovery, vaultPaths(dir).recovery);
      },
      removeKey: opts.removeKey,
    });
    const sidecarBefore = readFileSync(vaultPaths(other.dir).recovery, 'utf8');
    expect((await vaultErrorOf(createVault(late))).code).toBe('vault_exists');
    expect(stored).toEqual([]);
    expect(readFileSync(vaultPaths(dir).recovery, 'utf8')).toBe(sidecarBefore);
    expect(listFiles(dir)).toEqual(['vault.db', 'vault.recovery.json']);
  });

  it('refuses an existing vault without touching it or storing a key', async () => {
    const { dir } = await fx.create();
    const before = fingerprint(dir);
    const { opts, stored } = createOptions(dir);
    expect((await vaultErrorOf(createVault(opts))).code).toBe('vault_exists');
    expect(stored).toEqual([]);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('reports a data folder that cannot be created as a VaultError and leaves no vault', async () => {
    const parent = fx.dir();
    // chmod stops writes for ordinary users only; as root (CI here) make mkdir fail with ENOTDIR instead.
    chmodSync(parent, 0o500);
    let dataDir = join(parent, 'data');
    try {
      writeFileSync(join(parent, 'probe'), '');
      rmSync(join(parent, 'probe'));
      chmodSync(parent, 0o700);
      writeFileSync(join(parent, 'a-file'), '');
      dataDir = join(parent, 'a-file', 'data');
    } catch {
      // Not writable: the chmod path is in effect.
    }
    const before = fingerprint(parent);
    const svc = fx.service(dataDir);
    expect(await svc.init()).toEqual({ state: 'no_vault' });
    const err = await vaultErrorOf(svc.create({ ownerName: 'Owner', password: 'a long password' }));
    expect(err.code).toBe('read_only');
    expect(svc.status()).toEqual({ state: 'no_vault' });
    expect(existsSync(vaultPaths(dataDir).vault)).toBe(false);
    chmodSync(parent, 0o700);
    expect(fingerprint(parent)).toEqual(before);
  });
});

describe('openVault', () => {
  it('reports a missing file as no_vault and does not create it', async () => {
    const dir = fx.dir();
    expect((await vaultErrorOf(openVault(dir, 'id', randomBytes(32), null))).code).toBe('no_vault');
    expect(listFiles(dir)).toEqual([]);
  });

  it('refuses a key that fails the sidecar key check before opening the file', async () => {
    const { dir } = await fx.create();
    const before = fingerprint(dir);
    const sidecar = readRecoveryFile(vaultPaths(dir));
    expect((await vaultErrorOf(openVault(dir, sidecar!.vaultId, randomBytes(32), sidecar))).code).toBe('wrong_key');
    expect(fingerprint(dir)).toEqual(before);
  });

  it('without a sidecar, tells a wrong key by the file refusing it, and opens with the right one', async () => {
    const { dir, vaultId, keyHex } = await fx.create();
    rmSync(vaultPaths(dir).recovery);
    const before = fingerprint(dir);
    expect((await vaultErrorOf(openVault(dir, vaultId, randomBytes(32), null))).code).toBe('wrong_key');
    expect(fingerprint(dir)).toEqual(before);
    const vault = await openVault(dir, vaultId, Buffer.from(keyHex, 'hex'), null);
    expect(await getMeta(vault.db, 'vault_id')).toBe(vaultId);
    await vault.db.close();
  });
});

describe('a vault file that cannot be used is reported and left byte-for-byte as it was', () => {
  async function expectUnavailable(dir: string, reason: string): Promise<void> {
    const before = fingerprint(dir);
    const svc = fx.service(dir);
    expect(await svc.init()).toEqual({ state: 'unavailable', reason });
    await svc.close();
    expect(fingerprint(dir)).toEqual(before);
    // …and stays so on a second look.
    expect(await fx.service(dir).init()).toEqual({ state: 'unavailable', reason });
    expect(fingerprint(dir)).toEqual(before);
  }

  it('damaged bytes in page 1 (after the salt) → corrupt_vault', async () => {
    const { dir } = await fx.create();
    const fd = openSync(vaultPaths(dir).vault, 'r+');
    writeSync(fd, randomBytes(32), 0, 32, 2000);
    closeSync(fd);
    await expectUnavailable(dir, 'corrupt_vault');
  });

  it('a file truncated to 100 bytes → corrupt_vault (the key check vouched for the key)', async () => {
    const { dir } = await fx.create();
    truncateSync(vaultPaths(dir).vault, 100);
    await expectUnavailable(dir, 'corrupt_vault');
  });

  it('a plaintext SQLite file → not_a_vault', async () => {
    const { dir, keyHex } = await fx.create();
    const plain = join(fx.dir(), 'plain.db');
    const scratch = await openDb(join(fx.dir(), 'scratch.db'), keyHex, { create: true });
    await scratch.run("ATTACH DATABASE ? AS plain KEY ''", [plain]);
    await scratch.exec("CREATE TABLE plain.t (x TEXT); INSERT INTO plain.t VALUES ('hello'); DETACH DATABASE plain;");
    await scratch.close();
    expect(readFileSync(plain).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    copyFileSync(plain, vaultPaths(dir).vault);
    await expectUnavailable(dir, 'not_a_vault');
  });

  it('a SQLCipher file with the right key but not made by Brankas → not_a_vault', async () => {
    const { dir, keyHex } = await fx.create();
    rmSync(vaultPaths(dir).vault);
    const foreign = await openDb(vaultPaths(dir).vault, keyHex, { create: true });
    await foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');");
    await foreign.close();
    await expectUnavailable(dir, 'not_a_vault');
  });

  it('a vault from a newer version (user_version 99) → vault_too_new', async () => {
    const { dir, keyHex } = await fx.create();
    await editWithKey(vaultPaths(dir).vault, keyHex, (db) => db.exec('PRAGMA user_version = 99'));
    await expectUnavailable(dir, 'vault_too_new');
  });

  it('a recorded migration that differs from the shipped one → migration_mismatch', async () => {
    const { dir, keyHex } = await fx.create();
    await editWithKey(vaultPaths(dir).vault, keyHex, async (db) => {
      await db.run('UPDATE schema_migrations SET checksum = ? WHERE id = 1', ['f'.repeat(64)]);
    });
    await expectUnavailable(dir, 'migration_mismatch');
  });

  it('a vault without an owner → corrupt_vault', async () => {
    const { dir, keyHex } = await fx.create();
    await editWithKey(vaultPaths(dir).vault, keyHex, async (db) => {
      await db.run('DELETE FROM staff');
    });
    await expectUnavailable(dir, 'corrupt_vault');
  });
});
