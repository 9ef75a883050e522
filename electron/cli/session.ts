/**
 * Opening the vault and signing in, as the app does: the data key from this computer's
 * keychain opens the file, then the staff member's password is checked by the same service.
 * Until the staff issue adds more people, the Owner is the only one who can sign in.
 */
import type { VaultStatus } from '../contract';
import type { Db } from '../vault/db/driver';
import { VaultError } from '../vault/errors';
import { systemKeychain } from '../vault/keys/keychain';
import { VaultService } from '../vault/service';
import { stringOption, type Parsed } from './args';
import { cliDataDir } from './data-dir';
import { CliError, EXIT, usageError } from './errors';
import { isTty, promptHidden, readFirstLine, type CliIo } from './io';

export const PASSWORD_ENV = 'BRANKAS_PASSWORD';
export const USER_ENV = 'BRANKAS_USER';

export function dataDirOf(io: CliIo, p: Parsed): string {
  return cliDataDir(stringOption(p, 'data-dir'), io.env, io.cwd);
}

export function newService(io: CliIo, dataDir: string): VaultService {
  return new VaultService({
    dataDir,
    keychain: io.keychain ?? systemKeychain(),
    ...(io.passwordKdf ? { passwordKdf: io.passwordKdf } : {}),
    ...(io.now ? { now: io.now } : {}),
  });
}

/**
 * The password from `BRANKAS_PASSWORD`, else typed at the terminal (not echoed), else the first
 * line of standard input. Never from the command line, where other users could see it.
 */
export async function readPassword(io: CliIo, command: string, prompt = 'Password: '): Promise<string> {
  const fromEnv = io.env[PASSWORD_ENV];
  let password: string | null;
  if (fromEnv !== undefined && fromEnv !== '') password = fromEnv;
  else if (isTty(io.stdin)) password = await promptHidden(io.stdin, io.stderr, prompt);
  else password = await readFirstLine(io.stdin);
  if (!password) throw usageError(`no password: set ${PASSWORD_ENV} or give it on the first line of standard input`, command);
  return password;
}

export interface Session {
  vault: VaultService;
  db: Db;
  dataDir: string;
}

/** Throws exit 3 unless the vault is open and waiting for a sign-in. */
export function requireLocked(status: VaultStatus): asserts status is Extract<VaultStatus, { state: 'locked' }> {
  switch (status.state) {
    case 'locked':
      return;
    case 'unlocked':
      // The service never starts signed in after init(); nothing to do if it ever did.
      return;
    case 'no_vault':
      throw new VaultError('no_vault');
    case 'needs_recovery':
    case 'unavailable':
      throw new VaultError(status.reason);
  }
}

const sameName = (a: string, b: string): boolean =>
  a.normalize('NFC').trim().toLocaleLowerCase('id') === b.normalize('NFC').trim().toLocaleLowerCase('id');

/**
 * Opens the vault in the data folder and signs `--user` in. The caller must `vault.close()`
 * (use `withSession`).
 */
export async function signIn(io: CliIo, p: Parsed, command: string): Promise<Session> {
  const user = stringOption(p, 'user') ?? io.env[USER_ENV];
  if (!user?.trim()) throw usageError(`--user NAME is required (or set ${USER_ENV})`, command);
  const dataDir = dataDirOf(io, p);
  const vault = newService(io, dataDir);
  try {
    const status = await vault.init();
    if (status.state === 'unlocked') return { vault, db: vault.db(), dataDir };
    requireLocked(status);
    if (!sameName(user, status.ownerName)) {
      throw new CliError(EXIT.vault, `No user named "${user.trim()}" in this vault. For now only the Owner can sign in.`);
    }
    const password = await readPassword(io, command, `Password for ${user.trim()}: `);
    await vault.signIn({ password });
    return { vault, db: vault.db(), dataDir };
  } catch (err) {
    await vault.close().catch(() => undefined);
    throw err;
  }
}

/** Runs `fn` signed in and always closes the vault afterwards. */
export async function withSession<T>(io: CliIo, p: Parsed, command: string, fn: (s: Session) => Promise<T>): Promise<T> {
  const session = await signIn(io, p, command);
  try {
    return await fn(session);
  } finally {
    await session.vault.close();
  }
}
