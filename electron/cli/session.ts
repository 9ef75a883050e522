/**
 * Opening the vault and signing in, as the app does: the data key from this computer's
 * keychain opens the file (in strict mode, the person's key slot does), then the person's
 * password — and their authenticator code, `--otp`, when they use two-step verification — is
 * checked by the same service. Every command is then authorised by role and recorded.
 */
import { can, type Permission, type VaultStatus } from '../contract';
import type { Db } from '../vault/db/driver';
import { VaultError } from '../vault/errors';
import { demoDataDir } from '../vault/demo/paths';
import { systemKeychain } from '../vault/keys/keychain';
import { VaultService } from '../vault/service';
import { flag, stringOption, type Parsed } from './args';
import { cliDataDir } from './data-dir';
import { CliError, EXIT, usageError } from './errors';
import { isTty, promptHidden, readFirstLine, type CliIo } from './io';

export const PASSWORD_ENV = 'BRANKAS_PASSWORD';
export const USER_ENV = 'BRANKAS_USER';
export const OTP_ENV = 'BRANKAS_OTP';

/** The data folder, or with `--demo` the demo vault's folder beside it (never inside it). */
export function dataDirOf(io: CliIo, p: Parsed): string {
  const dir = cliDataDir(stringOption(p, 'data-dir'), io.env, io.cwd);
  return flag(p, 'demo') ? demoDataDir(dir) : dir;
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
    const person = status.people.find((p) => sameName(user, p.name));
    if (!person) throw new CliError(EXIT.vault, `No active user named "${user.trim()}" in this vault (a disabled account cannot sign in).`);
    const password = await readPassword(io, command, `Password for ${person.name}: `);
    const otp = stringOption(p, 'otp') ?? io.env[OTP_ENV];
    await vault.signIn({ staffId: person.id, password, ...(otp ? { otp } : {}) });
    return { vault, db: vault.db(), dataDir };
  } catch (err) {
    await vault.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Runs `fn` signed in, as someone whose role allows `permission`, and always closes the vault
 * afterwards. A refusal is recorded in the audit trail like the app's and exits 3.
 */
export async function withSession<T>(
  io: CliIo,
  p: Parsed,
  command: string,
  permission: Permission,
  fn: (s: Session) => Promise<T>,
): Promise<T> {
  const session = await signIn(io, p, command);
  try {
    const user = session.vault.user();
    if (!user || !can(user.role, permission)) {
      await session.vault.record({ action: 'access.denied', outcome: 'denied', details: { command: `cli ${command}`, permission } });
      throw new VaultError('forbidden');
    }
    if (session.vault.sessionUser(user).mustEnrollTotp) throw new VaultError('totp_enrolment_required');
    return await fn(session);
  } finally {
    await session.vault.lock().catch(() => undefined);
    await session.vault.close();
  }
}
