/** `brankas init --demo`: the demo vault (sample data) beside the data folder, for scripts. */
import { existsSync } from 'node:fs';
import { DEMO_OWNER_NAME } from '../contract';
import { isDemoDir } from '../vault/demo/paths';
import { createDemoVault, demoPassword, discardDemoFolder } from '../vault/demo/service';
import { VaultError } from '../vault/errors';
import { systemKeychain } from '../vault/keys/keychain';
import { vaultPaths } from '../vault/paths';
import { flag, stringOption, type Parsed } from './args';
import { EXIT, rejected, usageError, type ExitCode } from './errors';
import { line, type CliIo } from './io';
import { dataDirOf, newService, PASSWORD_ENV } from './session';

export async function initDemo(io: CliIo, p: Parsed): Promise<ExitCode> {
  if (stringOption(p, 'owner') !== undefined) throw usageError(`--owner does not go with --demo (its Owner is "${DEMO_OWNER_NAME}")`, 'init');
  const dir = dataDirOf(io, p);
  if (flag(p, 'replace')) {
    // Only a folder that is a demo vault is ever thrown away.
    if (existsSync(dir) && !isDemoDir(dir) && existsSync(vaultPaths(dir).vault)) throw new VaultError('vault_exists');
    await discardDemoFolder(dir, io.keychain ?? systemKeychain());
  }
  const given = io.env[PASSWORD_ENV];
  const password = given !== undefined && given !== '' ? given : demoPassword();
  const vault = newService(io, dir);
  let seeded: { customers: number; purchases: number };
  try {
    seeded = await createDemoVault(vault, dir, password, io.now);
  } catch (err) {
    const id = vault.openVaultInfo()?.vaultId ?? null;
    await vault.close();
    if (err instanceof VaultError && err.code === 'vault_exists') throw err;
    // Half made (a weak password, a full disk): nothing of it stays.
    await discardDemoFolder(dir, io.keychain ?? systemKeychain(), id).catch(() => undefined);
    if (err instanceof VaultError && err.code === 'weak_password') throw rejected(`The password in ${PASSWORD_ENV} is too weak for the demo vault. Nothing was created.`);
    throw err;
  }
  await vault.close();
  if (flag(p, 'json')) {
    line(io.stdout, JSON.stringify({ dataDir: dir, owner: DEMO_OWNER_NAME, password, ...seeded }));
  } else {
    line(io.stdout, `Demo vault created in ${dir}: ${seeded.customers} sample customers (made up, no real people) with ${seeded.purchases} purchases.`);
    line(io.stdout, `Sign in as "${DEMO_OWNER_NAME}" with the password: ${password}`);
    line(io.stdout, `Reach it with --demo, e.g.: brankas search "" --demo --user "${DEMO_OWNER_NAME}"`);
    line(io.stdout, 'The real vault in the data folder is not touched. `brankas init --demo --replace` makes a fresh one.');
  }
  return EXIT.ok;
}
