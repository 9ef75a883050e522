/** The general help text: commands, sign-in, the data folder and exit codes. */
import type { Command } from './command';
import { EXIT } from './errors';
import { OTP_ENV, PASSWORD_ENV, USER_ENV } from './session';

export const COMMON = `Common options:
  --data-dir DIR   the vault's folder (default: $BRANKAS_DATA_DIR, else the app's folder:
                   Linux ~/.config/Brankas, macOS ~/Library/Application Support/Brankas,
                   Windows %APPDATA%\\Brankas)
  --demo           use the demo vault (sample data, made by \`brankas init --demo\`) in its own
                   folder beside the data folder (DIR-demo), instead of the real vault
  -u, --user NAME  who signs in (default: $${USER_ENV}); each command needs a role that allows it
  --otp CODE       the authenticator's 6 digits or a backup code, for accounts with two-step
                   verification (default: $${OTP_ENV})
  -h, --help       help for the command`;

export const EXIT_CODES = `Exit codes:
  ${EXIT.ok}    done
  ${EXIT.usage}    usage error: unknown command or option, missing or out-of-range value
  ${EXIT.rejected}    input rejected: a file that cannot be read, rows that are not valid (import still
       saves the valid rows and lists the others), a vault already present (init)
  ${EXIT.vault}    vault not usable or not allowed: no vault, wrong user, password or code, account
       disabled, the role does not allow the command, key missing from this computer's
       keychain, keychain unavailable, damaged or newer vault
  ${EXIT.internal}    something unexpected went wrong (the message says what)
  ${EXIT.checkFailed}    check failed: the audit trail does not verify (the output says where)
  ${EXIT.interrupted}  interrupted with Ctrl-C (an import is rolled back: nothing is changed)`;

export function generalHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `brankas ${version}: the command line of Brankas, the offline encrypted customer vault.

Usage: brankas COMMAND [options]
       brankas COMMAND --help
       brankas --version

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Every command except init opens the vault with the key in this computer's keychain (as the
app does) and signs in: --user NAME, and the password from $${PASSWORD_ENV}, typed at the
terminal, or the first line of standard input. It is never taken from the command line.

${COMMON}

${EXIT_CODES}
`;
}

export const commandHelp = (c: Command): string => `${c.help}\n\n${COMMON}\n\n${EXIT_CODES}\n`;
