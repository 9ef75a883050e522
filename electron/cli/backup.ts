/**
 * `brankas backup setup | --to DIR | verify FILE` and `brankas restore FILE`: the same backups and
 * restore as the app, for Task Scheduler / cron and for a new PC. The backup passphrase comes from
 * BRANKAS_BACKUP_PASSPHRASE, else the terminal (hidden; typed twice for setup), else standard
 * input — after the sign-in password when that comes from standard input too (line 1 password,
 * line 2 passphrase). It is never taken from the command line.
 */
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { BackupInfo } from '../contract';
import { createBackupService } from '../vault/backup/service';
import { inspectBackup } from '../vault/backup/verify';
import { readRegisterFile } from '../vault/erasure/register-file';
import { VaultError } from '../vault/errors';
import type { VaultService } from '../vault/service';
import { flag, positionals, stringOption, type Parsed } from './args';
import type { Command } from './command';
import { EXIT, rejected, usageError, type ExitCode } from './errors';
import { drained, isTty, line, promptHidden, type CliIo } from './io';
import { progressLine } from './progress';
import { dataDirOf, newService, PASSWORD_ENV, USER_ENV, withSession } from './session';
import { appVersion } from '../vault/version';

export const PASSPHRASE_ENV = 'BRANKAS_BACKUP_PASSPHRASE';

/** Every line of a piped standard input (at most a few short lines are expected). */
async function stdinLines(io: CliIo): Promise<string[]> {
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text.split('\n').map((l) => l.replace(/\r$/, ''));
}

/**
 * Where the secrets come from. With neither in the environment and no terminal, standard input is
 * read once: line 1 the sign-in password (when a sign-in is needed), then the passphrase.
 */
interface Secrets {
  io: CliIo;
  passphrase(prompt: string, confirm?: boolean): Promise<string>;
}

async function secrets(io: CliIo, command: string, signsIn: boolean): Promise<Secrets> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  const tty = isTty(io.stdin);
  let piped: string[] | null = null;
  let ioOut = io;
  if ((fromEnv === undefined || fromEnv === '') && !tty) {
    const lines = await stdinLines(io);
    const needsPassword = signsIn && (io.env[PASSWORD_ENV] === undefined || io.env[PASSWORD_ENV] === '');
    if (needsPassword) ioOut = { ...io, env: { ...io.env, [PASSWORD_ENV]: lines.shift() ?? '' }, stdin: Readable.from([]) };
    else ioOut = { ...io, stdin: Readable.from([]) };
    piped = lines;
  }
  return {
    io: ioOut,
    async passphrase(prompt, confirm = false) {
      let value: string | null;
      if (fromEnv !== undefined && fromEnv !== '') value = fromEnv;
      else if (piped) value = piped.shift() ?? '';
      else {
        value = await promptHidden(io.stdin, io.stderr, prompt);
        if (value && confirm) {
          const again = await promptHidden(io.stdin, io.stderr, 'Type it again: ');
          if (again !== value) throw rejected('The two passphrases differ. Nothing was changed.');
        }
      }
      if (!value) throw usageError(`no backup passphrase: set ${PASSPHRASE_ENV}, type it at the terminal, or give it on standard input`, command);
      return value;
    },
  };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const countsText = (c: BackupInfo['counts']): string =>
  `${c.customers.toLocaleString('en')} customers, ${c.purchases.toLocaleString('en')} purchases, ${c.staff} staff accounts, ${c.auditEntries.toLocaleString('en')} audit entries`;

const backupHelp = `Usage: brankas backup --to DIR --user NAME [--json]
       brankas backup setup --user NAME
       brankas backup verify FILE [--json]

backup --to DIR
  Writes one encrypted backup file, Brankas-<shop>-YYYY-MM-DD-HHmm.brankas, into DIR (a USB
  drive, a network folder): first under a hidden temporary name, then flushed, opened again and
  checked in full (integrity, every page's checksum, the counts), and only then renamed. A
  missing folder (USB drive not plugged in), a full or read-only drive leaves no file that looks
  like a backup. Uses the backup passphrase set up before; it does not ask for it. Needs a role
  that may make backups (Owner or Manager). Prints the file, its size and how long it took.

backup setup
  Sets (or changes) the backup passphrase: several words, strength-checked, typed twice at a
  terminal. Only the key derived from it is kept in the vault. Write the passphrase on paper:
  with it and a backup file, any PC can restore the vault (and any SQLCipher 4 tool can open
  the file with PRAGMA key = '<passphrase>'). Backups made before a change keep the old one.
  Owner only.

backup verify FILE
  Opens FILE (a *.brankas file; hidden .partial files of interrupted backups never count) with
  the passphrase and checks it in full, on any computer: no vault and no sign-in needed. Prints what the backup holds,
  and how many of its customers have been erased since (the erasure register beside the vault in
  the data folder): a restore erases them again. Exit 0 when it verifies; exit ${EXIT.rejected} when it
  does not: a damaged, truncated or foreign file, a backup from a newer Brankas, or a wrong
  passphrase (an encrypted file opened with the wrong passphrase cannot be told apart from
  random bytes of the same size, so the message may say either).

The passphrase is read from $${PASSPHRASE_ENV}, else typed at the terminal, else from
standard input (line 1 the sign-in password when $${PASSWORD_ENV} is not set, then the passphrase).

Options:
  --to DIR   the folder to write the backup into
  --json     print the result as JSON

Examples:
  BRANKAS_PASSWORD=… brankas backup --to /media/usb --user "Ibu Sari"
  BRANKAS_BACKUP_PASSPHRASE=… brankas backup verify /media/usb/Brankas-Ibu-Sari-2026-11-29-1430.brankas`;

async function setup(io: CliIo, p: Parsed): Promise<ExitCode> {
  const s = await secrets(io, 'backup', true);
  await withSession(s.io, p, 'backup', 'security.manage', async ({ vault }) => {
    const passphrase = await s.passphrase('New backup passphrase: ', true);
    await createBackupService(vault, { appVersion: appVersion(), ...(io.now ? { now: io.now } : {}) }).setup({ passphrase, confirm: passphrase });
  });
  line(io.stdout, 'Backup passphrase set. Write it on paper and keep it away from this computer and the backups.');
  return EXIT.ok;
}

async function run(io: CliIo, p: Parsed, to: string): Promise<ExitCode> {
  const folder = resolve(io.cwd ?? process.cwd(), to);
  const progress = progressLine(io, 'Backing up', 'pages');
  const result = await withSession(io, p, 'backup', 'backup.manage', ({ vault }) =>
    createBackupService(vault, { appVersion: appVersion(), ...(io.now ? { now: io.now } : {}) }).run({
      folder,
      ...(io.signal ? { signal: io.signal } : {}),
      ...(progress.report ? { onProgress: progress.report } : {}),
    }),
  ).finally(() => progress.done());
  if (flag(p, 'json')) line(io.stdout, JSON.stringify(result));
  else {
    line(io.stdout, `Backup written and verified: ${result.folder ? `${resolve(result.folder, result.fileName)}` : result.fileName}`);
    line(io.stdout, `  ${mb(result.bytes)} in ${seconds(result.durationMs)}; ${countsText(result.counts)}.`);
  }
  await drained(io.stdout);
  return EXIT.ok;
}

async function verify(io: CliIo, p: Parsed, file: string): Promise<ExitCode> {
  const s = await secrets(io, 'backup', false);
  const path = resolve(io.cwd ?? process.cwd(), file);
  // The erasure register's copy in the data folder (no vault needed): who a restore would erase again.
  const register = readRegisterFile(dataDirOf(io, p));
  const info = await inspectBackup(path, { passphrase: await s.passphrase('Backup passphrase: ') }, register).catch((err: unknown) => {
    if (err instanceof VaultError && err.code === 'not_found') throw rejected(`No such file: ${path}`);
    throw err;
  });
  if (flag(p, 'json')) line(io.stdout, JSON.stringify(info));
  else {
    line(io.stdout, `Backup verified: ${info.fileName} (${mb(info.bytes)})`);
    line(io.stdout, `  made ${new Date(info.createdAt).toLocaleString('en-GB')} by Brankas ${info.appVersion || '?'} (data layout ${info.schemaVersion})${info.shopName ? ` for ${info.shopName}` : ''}`);
    line(io.stdout, `  ${countsText(info.counts)}`);
    if (info.erasedAgain > 0) {
      line(io.stdout, `  ${info.erasedAgain.toLocaleString('en')} customer${info.erasedAgain === 1 ? ' has' : 's have'} been erased since: a restore erases them again before anyone can see them`);
    }
  }
  await drained(io.stdout);
  return EXIT.ok;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write an encrypted, verified backup file (--to DIR); set the passphrase; verify a file',
  help: backupHelp,
  options: { to: { type: 'string' }, json: { type: 'boolean' } },
  async run({ io, p }) {
    const to = stringOption(p, 'to');
    const [sub, arg, extra] = p.positionals;
    if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`, 'backup');
    if (sub === undefined) {
      if (to === undefined) throw usageError('--to DIR is required (or use: backup setup, backup verify FILE)', 'backup');
      return run(io, p, to);
    }
    if (to !== undefined) throw usageError('--to goes with a plain `brankas backup`, not with a subcommand', 'backup');
    if (sub === 'setup') {
      if (arg !== undefined) throw usageError(`unexpected argument "${arg}"`, 'backup');
      return setup(io, p);
    }
    if (sub === 'verify') {
      if (arg === undefined) throw usageError('missing FILE', 'backup');
      return verify(io, p, arg);
    }
    throw usageError(`unknown backup command "${sub}" (use: setup, verify FILE, or --to DIR)`, 'backup');
  },
};

const restoreHelp = `Usage: brankas restore FILE --user NAME [--json]
       brankas restore FILE [--json]          (into a data folder without a vault: a new PC)
       brankas restore --keep --user NAME | brankas restore --undo --user NAME

Restores a backup file made by Brankas (the app or \`brankas backup\`). The file is opened with
the backup passphrase and checked in full first; a wrong passphrase, a damaged, foreign or newer
file is refused (exit ${EXIT.rejected}) and nothing is changed. The backup then becomes a new vault with a
new key, stored in this computer's keychain, and a new recovery code, printed once: write it
down. The previous vault is kept beside it until you keep the restored one (--keep, or in the
app) or put the previous one back (--undo). People sign in with the passwords they had when
the backup was made.

With a vault in the data folder, needs a role that may restore (Owner or Manager). Into a data
folder with no vault (a new PC, a reinstalled system) no sign-in is needed: the backup itself
brings its people.

Options:
  --keep   keep the restored vault and delete the previous one for good
  --undo   put the previous vault back and delete the restored one
  --json   print {"recoveryCode","groups","previousKept"}

Example (new PC):
  BRANKAS_BACKUP_PASSPHRASE=… brankas restore /media/usb/Brankas-Ibu-Sari-2026-11-29-1430.brankas`;

function printRecovery(io: CliIo, p: Parsed, groups: string[], previousKept: boolean): void {
  const code = groups.join('-');
  if (flag(p, 'json')) {
    line(io.stdout, JSON.stringify({ recoveryCode: code, groups, previousKept }));
    line(io.stderr, 'Write the new recovery code on paper: it is shown only this once.');
    return;
  }
  line(io.stdout, 'Backup restored into a new vault.');
  line(io.stdout);
  line(io.stdout, 'NEW RECOVERY CODE (shown only this once; the old one no longer applies):');
  line(io.stdout);
  line(io.stdout, `    ${code}`);
  line(io.stdout);
  line(io.stdout, 'Write it on paper now and keep it somewhere safe, away from this computer.');
  if (previousKept) line(io.stdout, 'The previous vault is kept: `brankas restore --keep` deletes it, `brankas restore --undo` puts it back.');
}

async function restoreInto(io: CliIo, p: Parsed, file: string): Promise<ExitCode> {
  const path = resolve(io.cwd ?? process.cwd(), file);
  const dataDir = dataDirOf(io, p);
  const probe: VaultService = newService(io, dataDir);
  let firstRun: boolean;
  try {
    firstRun = (await probe.init()).state === 'no_vault';
    if (firstRun) {
      const s = await secrets(io, 'restore', false);
      const outcome = await probe.restore(path, { passphrase: await s.passphrase('Backup passphrase: ') }, io.signal ? { signal: io.signal } : {});
      printRecovery(io, p, outcome.recoveryGroups, outcome.previousKept);
      return EXIT.ok;
    }
  } finally {
    await probe.close();
  }
  const s = await secrets(io, 'restore', true);
  const outcome = await withSession(s.io, p, 'restore', 'backup.manage', async ({ vault }) => {
    const by = vault.user()?.name;
    return vault.restore(path, { passphrase: await s.passphrase('Backup passphrase: ') }, { ...(io.signal ? { signal: io.signal } : {}), ...(by ? { by } : {}) });
  });
  printRecovery(io, p, outcome.recoveryGroups, outcome.previousKept);
  return EXIT.ok;
}

async function decide(io: CliIo, p: Parsed, keep: boolean): Promise<ExitCode> {
  await withSession(io, p, 'restore', 'backup.manage', async ({ vault }) => {
    if (!vault.previousVault()) throw rejected('No restore is waiting for a decision.');
    if (keep) await vault.confirmRestore();
    else await vault.undoRestore();
  });
  line(io.stdout, keep ? 'Kept the restored vault; the previous vault is deleted.' : 'The previous vault is back; the restored one is deleted.');
  return EXIT.ok;
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a backup file into a new vault (prints the new recovery code once); --keep / --undo',
  help: restoreHelp,
  options: { keep: { type: 'boolean' }, undo: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ io, p }) {
    const keep = flag(p, 'keep');
    const undo = flag(p, 'undo');
    if (keep && undo) throw usageError('use either --keep or --undo', 'restore');
    if (keep || undo) {
      positionals(p, [], 'restore');
      if (!(stringOption(p, 'user') ?? io.env[USER_ENV])) throw usageError(`--user NAME is required (or set ${USER_ENV})`, 'restore');
      return decide(io, p, keep);
    }
    const [file = ''] = positionals(p, ['FILE'], 'restore');
    return restoreInto(io, p, file);
  },
};
