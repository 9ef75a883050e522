/** The command line as a whole: help, version, usage errors, init, sign-in and its failures. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint, unavailableKeychain } from '../vault/testing';
import { vaultPaths } from '../vault/paths';
import { electronUserDataDir, cliDataDir } from './data-dir';
import { COMMANDS } from './run';
import { CliHarness, OWNER, PASSWORD } from './testing';

let cli: CliHarness;
beforeEach(() => {
  cli = new CliHarness();
});
afterEach(() => cli.cleanup());

describe('help and usage', () => {
  it('prints the general help with every command and the exit codes', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await cli.run(argv);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name}`);
      expect(r.stdout).toMatch(/Exit codes:[\s\S]*0 +done[\s\S]*1 +usage error[\s\S]*2 +input rejected[\s\S]*3 +vault not usable/);
      expect(r.stderr).toBe('');
    }
  });

  it('prints help per command, with or without a vault', async () => {
    for (const c of COMMANDS) {
      for (const argv of [[c.name, '--help'], [c.name, '-h'], ['help', c.name]]) {
        const r = await cli.run(argv);
        expect(r.code, argv.join(' ')).toBe(0);
        expect(r.stdout).toContain(`Usage: brankas ${c.name}`);
        expect(r.stdout).toContain('Exit codes:');
      }
    }
  });

  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await cli.run([flag]);
      expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it.each([
    [[], 'Usage: brankas COMMAND'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['help', 'frobnicate'], 'unknown command "frobnicate"'],
    [['--bogus'], 'unknown option --bogus'],
    [['search'], 'missing QUERY'],
    [['search', 'a', 'b'], 'unexpected argument "b"'],
    [['search', 'a', '--limit', '0'], '--limit must be a whole number from 1 to 1000'],
    [['search', 'a', '--limit', 'ten'], '--limit must be a whole number'],
    [['search', 'a', '--data-dir'], 'option --data-dir needs a value'],
    [['stats', '--json=yes'], 'option --json does not take an argument'],
    [['init'], '--owner NAME is required'],
    [['search', 'budi'], '--user NAME is required'],
    [['import'], 'missing FILE'],
    [['export'], '--format'],
  ])('exit 1 for %j', async (argv, message) => {
    const r = await cli.run(argv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('points a usage error at the help of its command', async () => {
    const r = await cli.run(['search', 'x', '--nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("brankas: unknown option --nope\nRun 'brankas search --help' for usage.\n");
  });

  it('accepts the common options before the command', async () => {
    await cli.init();
    const r = await cli.run(['--data-dir', cli.dataDir, '--user', OWNER, 'stats', '--json'], {
      env: { BRANKAS_DATA_DIR: '/nonexistent', BRANKAS_PASSWORD: PASSWORD },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ customers: 0, dataDir: cli.dataDir });
  });
});

describe('data folder', () => {
  it('defaults to the folder Electron uses for the app', () => {
    expect(electronUserDataDir({}, 'linux', '/home/sari')).toBe('/home/sari/.config/Brankas');
    expect(electronUserDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/sari')).toBe('/xdg/Brankas');
    expect(electronUserDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/sari')).toBe('/home/sari/.config/Brankas');
    expect(electronUserDataDir({}, 'darwin', '/Users/sari')).toBe('/Users/sari/Library/Application Support/Brankas');
    expect(electronUserDataDir({ APPDATA: 'C:\\Users\\sari\\AppData\\Roaming' }, 'win32', 'C:\\Users\\sari')).toBe(
      'C:\\Users\\sari\\AppData\\Roaming\\Brankas',
    );
    expect(electronUserDataDir({}, 'win32', 'C:\\Users\\sari')).toBe('C:\\Users\\sari\\AppData\\Roaming\\Brankas');
  });

  it('takes --data-dir over BRANKAS_DATA_DIR over the default, relative to the working folder', () => {
    const env = { BRANKAS_DATA_DIR: '/from/env', XDG_CONFIG_HOME: '/xdg' };
    expect(cliDataDir('/from/option', env, '/cwd')).toBe('/from/option');
    expect(cliDataDir('rel', env, '/cwd')).toBe('/cwd/rel');
    expect(cliDataDir(undefined, env, '/cwd')).toBe('/from/env');
    if (process.platform === 'linux') expect(cliDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' }, '/cwd')).toBe('/xdg/Brankas');
  });
});

describe('init', () => {
  it('creates the vault and prints the recovery code once, with a warning', async () => {
    const r = await cli.init();
    expect(r.code).toBe(0);
    const code = /^ {4}([0-9A-Z]{5}(?:-[0-9A-Z]{5}){5})$/m.exec(r.stdout)?.[1];
    expect(code).toBeDefined();
    expect(r.stdout.split(code as string)).toHaveLength(2);
    expect(r.stdout).toMatch(/shown only this once/);
    expect(r.stdout).toMatch(/Write it on paper/);
    expect(existsSync(vaultPaths(cli.dataDir).vault)).toBe(true);
    // The Owner can sign in with that password; the code is never shown again.
    const s = await cli.runAs(['stats']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout + s.stderr).not.toContain(code);
  });

  it('prints JSON with --json, the warning on stderr', async () => {
    const r = await cli.run(['init', '--owner', '  Pak Budi ', '--json'], { env: { BRANKAS_PASSWORD: PASSWORD } });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { dataDir: string; owner: string; recoveryCode: string; groups: string[] };
    expect(out).toMatchObject({ dataDir: cli.dataDir, owner: 'Pak Budi' });
    expect(out.groups).toHaveLength(6);
    expect(out.recoveryCode).toBe(out.groups.join('-'));
    expect(r.stderr).toMatch(/shown only this once/);
    expect((await cli.run(['stats', '--user', 'pak budi'], { env: { BRANKAS_PASSWORD: PASSWORD } })).code).toBe(0);
  });

  it('refuses a second init and leaves the vault exactly as it was', async () => {
    await cli.init();
    const before = fingerprint(cli.dataDir);
    const r = await cli.run(['init', '--owner', 'Someone Else'], { stdin: 'another password\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('A vault already exists');
    expect(r.stderr).toContain(cli.dataDir);
    expect(fingerprint(cli.dataDir)).toEqual(before);
  });

  it.each([
    ['short password', OWNER, 'short\n', 'at least 10 characters'],
    ['blank owner', '   ', `${PASSWORD}\n`, 'owner name must be 1 to 80'],
  ])('rejects a %s with exit 2 and creates nothing', async (_what, owner, stdin, message) => {
    const r = await cli.run(['init', '--owner', owner], { stdin });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(vaultPaths(cli.dataDir).vault)).toBe(false);
  });

  it('needs a password: exit 1 when there is none', async () => {
    const r = await cli.run(['init', '--owner', OWNER]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no password');
    expect(existsSync(vaultPaths(cli.dataDir).vault)).toBe(false);
  });

  it('takes only the first line of standard input as the password', async () => {
    await cli.run(['init', '--owner', OWNER], { stdin: `${PASSWORD}\r\nsomething else\n` });
    expect((await cli.runAs(['stats'])).code).toBe(0);
  });

  it('exit 3 without a keychain, and leaves no vault behind', async () => {
    const r = await cli.run(['init', '--owner', OWNER], { stdin: `${PASSWORD}\n`, keychain: unavailableKeychain });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('keychain');
    expect(existsSync(vaultPaths(cli.dataDir).vault)).toBe(false);
  });
});

describe('sign-in', () => {
  beforeEach(() => cli.init());

  it('signs in with the password on standard input and a user name in any case', async () => {
    const r = await cli.run(['stats', '--user', OWNER.toUpperCase()], { stdin: `${PASSWORD}\n` });
    expect(r.code, r.stderr).toBe(0);
  });

  it('takes the user from BRANKAS_USER', async () => {
    const r = await cli.run(['stats'], { env: { BRANKAS_USER: OWNER, BRANKAS_PASSWORD: PASSWORD } });
    expect(r.code, r.stderr).toBe(0);
  });

  it('exit 3 for a wrong password; the failed attempt is in the audit trail', async () => {
    const r = await cli.run(['search', 'x', '--user', OWNER], { stdin: 'not the password\n' });
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr).toBe('brankas: Wrong user name or password.\n');
    const verify = await cli.run(['audit', 'verify', '--json', '--user', OWNER], { stdin: `${PASSWORD}\n` });
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    expect(JSON.parse(verify.stdout).entries).toBeGreaterThanOrEqual(2);
  });

  it('exit 3 for a user who is not in the vault, before any password is read', async () => {
    const r = await cli.run(['stats', '--user', 'Budi'], { stdin: `${PASSWORD}\n` });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('No active user named "Budi"');
  });

  it('exit 1 when no password is given', async () => {
    const r = await cli.run(['stats', '--user', OWNER]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('BRANKAS_PASSWORD');
  });

  it('exit 3 with the way forward when this computer has no key for the vault', async () => {
    const r = await cli.runAs(['stats'], { keychain: unavailableKeychain });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/keychain\) cannot be used[\s\S]*recovery code/);
  });

  it('exit 3 when the key is missing from the keychain', async () => {
    const vaultId = (JSON.parse(readFileSync(vaultPaths(cli.dataDir).recovery, 'utf8')) as { vaultId: string }).vaultId;
    const key = await cli.keychain.get(vaultId);
    await cli.keychain.remove(vaultId);
    try {
      const r = await cli.runAs(['stats']);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('The vault key was not found');
    } finally {
      if (key) await cli.keychain.set(vaultId, key);
    }
  });

  it('exit 3 for a file that is not a vault', async () => {
    const dir = cli.dir();
    writeFileSync(vaultPaths(dir).vault, Buffer.alloc(8192, 7));
    const r = await cli.runAs(['stats', '--data-dir', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/vault/i);
  });

  it('exit 3 when there is no vault, naming the folder and how to create one', async () => {
    const dir = cli.dir();
    for (const argv of [['stats'], ['search', 'x'], ['export', '--format', 'json'], ['import', 'nothing.csv']]) {
      const r = await cli.runAs([...argv, '--data-dir', dir]);
      expect(r.code, argv.join(' ')).toBe(3);
      expect(r.stderr).toContain('There is no vault');
      expect(r.stderr).toContain(dir);
      expect(r.stderr).toContain('brankas init --owner NAME');
    }
  });
});
