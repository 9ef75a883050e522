/** `brankas init --owner NAME`: a new vault and its Owner, without the app. */
import { CreateVaultInput, DEMO_CUSTOMER_COUNT, DEMO_OWNER_NAME, OWNER_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../contract';
import { VaultError } from '../vault/errors';
import { flag, positionals, stringOption } from './args';
import type { Command } from './command';
import { EXIT, rejected, usageError } from './errors';
import { isTty, line } from './io';
import { initDemo } from './init-demo';
import { dataDirOf, newService, PASSWORD_ENV, readPassword } from './session';

const help = `Usage: brankas init --owner NAME [--json] [--data-dir DIR]
       brankas init --demo [--replace] [--json] [--data-dir DIR]

Creates a new, empty vault in the data folder with NAME as its Owner, and prints the
recovery code once. The Owner's password (${PASSWORD_MIN} characters or more) is read from
${PASSWORD_ENV}, or typed at the terminal (twice), or from the first line of standard input.
Refuses (exit 2) when the folder already holds a vault: it is never overwritten.

Write the recovery code on paper. It is the only way back into the vault if this computer's
keychain loses the key (new PC, reinstalled system). The app asks you to type part of it back
at the next sign-in.

With --demo: a demo vault to try Brankas with, in its own folder beside the data folder
(DIR-demo, never inside it) with its own key in the keychain: ${DEMO_CUSTOMER_COUNT} made-up customers
(no real people) with purchases and tags, and the Owner "${DEMO_OWNER_NAME}". Its password is
${PASSWORD_ENV} when set, else generated and printed. Every other command reaches it with
--demo (\`brankas search "" --demo --user "${DEMO_OWNER_NAME}"\`); the real vault never sees it.
The app's "Buang data contoh" (throw away sample data) deletes it with its keychain entry;
--replace makes a fresh one in its place.

Options:
  --owner NAME   the Owner's name, as shown at sign-in (required, except with --demo)
  --demo         create the demo vault described above
  --replace      with --demo: throw an existing demo vault away first
  --json         print {"dataDir","owner","recoveryCode","groups"} instead of text
                 (with --demo: {"dataDir","owner","password","customers","purchases"})

Examples:
  printf '%s\\n' "$OWNER_PASSWORD" | brankas init --owner "Ibu Sari"
  brankas init --demo --json`;

export const initCommand: Command = {
  name: 'init',
  summary: 'create a new vault and its Owner; prints the recovery code once',
  help,
  options: { owner: { type: 'string' }, replace: { type: 'boolean' }, json: { type: 'boolean' } },

  async run({ io, p }) {
    positionals(p, [], 'init');
    if (flag(p, 'demo')) return initDemo(io, p);
    if (flag(p, 'replace')) throw usageError('--replace goes with --demo', 'init');
    const owner = stringOption(p, 'owner');
    if (owner === undefined) throw usageError('--owner NAME is required', 'init');
    const dataDir = dataDirOf(io, p);
    const vault = newService(io, dataDir);
    try {
      if ((await vault.init()).state !== 'no_vault') throw new VaultError('vault_exists');
      let password = await readPassword(io, 'init', `New password for ${owner.trim() || 'the Owner'}: `);
      if (isTty(io.stdin) && io.env[PASSWORD_ENV] === undefined) {
        const again = await readPassword(io, 'init', 'Type it again: ');
        if (again !== password) throw rejected('The two passwords differ. Nothing was created.');
      }
      const input = CreateVaultInput.safeParse({ ownerName: owner, password });
      password = '';
      if (!input.success) {
        const bad = new Set(input.error.issues.map((i) => String(i.path[0])));
        const problems = [
          bad.has('ownerName') ? `the owner name must be 1 to ${OWNER_NAME_MAX} characters` : null,
          bad.has('password') ? `the password must be at least ${PASSWORD_MIN} characters (at most ${PASSWORD_MAX})` : null,
        ].filter(Boolean);
        throw rejected(`Cannot create the vault: ${problems.join('; ')}. Nothing was created.`);
      }
      const issue = await vault.create(input.data);
      const code = issue.groups.join('-');
      if (flag(p, 'json')) {
        line(io.stdout, JSON.stringify({ dataDir, owner: input.data.ownerName, recoveryCode: code, groups: issue.groups }));
        line(io.stderr, 'Write the recovery code on paper and keep it away from this computer: it is shown only this once.');
      } else {
        line(io.stdout, `Vault created in ${dataDir} for the Owner "${input.data.ownerName}".`);
        line(io.stdout);
        line(io.stdout, 'RECOVERY CODE (shown only this once):');
        line(io.stdout);
        line(io.stdout, `    ${code}`);
        line(io.stdout);
        line(io.stdout, 'Write it on paper now and keep it somewhere safe, away from this computer.');
        line(io.stdout, "If this computer's keychain ever loses the vault key (new PC, reinstalled system),");
        line(io.stdout, 'this code is the only way back in. The app will ask you to type part of it back');
        line(io.stdout, 'the next time you sign in.');
      }
      return EXIT.ok;
    } finally {
      await vault.close();
    }
  },
};
