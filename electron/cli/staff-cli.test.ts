/**
 * Staff accounts on the command line: people other than the Owner sign in, each command is
 * authorised by role (and a refusal is recorded), a viewer sees phones masked, disabled accounts
 * are refused, 2FA needs `--otp` (each code once), and `audit verify` finds a tampered trail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput, type AuditEntry } from '../contract';
import { listAudit } from '../vault/audit/repository';
import { createCustomersService } from '../vault/customers/service';
import { openDb } from '../vault/db/driver';
import { systemKeychain } from '../vault/keys/keychain';
import { totpAt } from '../vault/keys/totp';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { VaultService } from '../vault/service';
import { createAccountService } from '../vault/staff/account';
import { createStaffService } from '../vault/staff/service';
import { FAST_KDF, vaultErrorOf } from '../vault/testing';
import { AUDIT_BROKEN_EXIT } from './audit';
import { CliHarness, PASSWORD, type CliResult } from './testing';

const CASHIER = { name: 'Dewi Lestari', role: 'staff', password: 'sepeda-tua-ke-pasar-77' } as const;
const VIEWER = { name: 'Joko Susilo', role: 'viewer', password: 'lampu-jalan-redup-malam-31' } as const;
const GONE = { name: 'Rudi Hartono', role: 'staff', password: 'hujan-deras-di-malang-19' } as const;
const WITH_2FA = { name: 'Sinta Maharani', role: 'staff', password: 'kopi-susu-gula-aren-42' } as const;
const FORBIDDEN = "brankas: Your role does not allow this. Ask the shop Owner or a Manager.\n";

let cli: CliHarness;
/** Staff ids by name, and the enrolled account's TOTP secret. */
let ids: Record<string, number>;
let secret: string;

const nowSec = (): number => Math.floor(Date.now() / 1000);

/** Runs a command signed in as `who` (password in the environment, as scripts do). */
const runAs = (who: { name: string; password: string }, argv: string[]): Promise<CliResult> =>
  cli.run([...argv, '--user', who.name], { env: { BRANKAS_PASSWORD: who.password } });

/** Opens the harness's vault as the Owner through the app's own service, for setup and for reading the trail. */
async function asOwner<T>(fn: (vault: VaultService) => Promise<T>): Promise<T> {
  const vault = new VaultService({ dataDir: cli.dataDir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
  try {
    await vault.init();
    await vault.signIn({ staffId: 1, password: PASSWORD });
    return await fn(vault);
  } finally {
    await vault.close();
  }
}

const trail = (action: AuditEntry['action']) => asOwner(async (vault) => (await listAudit(vault.db(), AuditQueryInput.parse({ action }))).entries);

/** The Owner adds people and a customer; one cashier is disabled, one enrols in 2FA. */
async function setUp(): Promise<void> {
  ids = {};
  await asOwner(async (vault) => {
    const staff = createStaffService(vault);
    for (const p of [CASHIER, VIEWER, GONE, WITH_2FA]) {
      ids[p.name] = (await staff.create({ name: p.name, role: p.role, password: p.password, reason: 'Kasir' })).id;
    }
    await staff.update({ id: ids[GONE.name] as number, status: 'disabled', reason: 'Sudah berhenti' });
    await createCustomersService(vault.db()).save({ customer: { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi.santoso@contoh.co.id' } });

    await vault.lock();
    await vault.signIn({ staffId: ids[WITH_2FA.name] as number, password: WITH_2FA.password });
    const account = createAccountService(vault);
    secret = (await account.beginTotp()).manualKey.replace(/\s/g, '');
    await account.confirmTotp({ code: totpAt(secret, nowSec()) });
  });
}

beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await setUp();
});
afterEach(() => cli.cleanup());

describe('roles on the command line', () => {
  it('a viewer signs in and searches, and sees phones and e-mails masked', async () => {
    const table = await runAs(VIEWER, ['search', 'budi']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('0812****7890');
    expect(table.stdout).toContain('bu****@contoh.co.id');
    const json = await runAs(VIEWER, ['search', '', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { total: number; items: { phone: string; masked: string[] }[] };
    expect(out.total).toBe(1);
    expect(out.items[0]).toMatchObject({ phone: '0812****7890', masked: expect.arrayContaining(['phone', 'email']) });
    for (const r of [table, json]) expect(r.stdout).not.toMatch(/3456|santoso@|\+62/);
    // The sign-ins are the viewer's own.
    expect((await trail('auth.signIn')).filter((e) => e.actorId === ids[VIEWER.name])).toHaveLength(2);
  });

  it('a cashier may not export: exit 3, nothing on stdout, and the refusal is in the trail', async () => {
    const r = await runAs(CASHIER, ['export', '--format', 'json']);
    expect(r).toEqual({ code: 3, stdout: '', stderr: FORBIDDEN });
    const denied = await trail('access.denied');
    expect(denied).toEqual([
      expect.objectContaining({
        actorId: ids[CASHIER.name],
        actorName: CASHIER.name,
        outcome: 'denied',
        details: { command: 'cli export', permission: 'data.export' },
      }),
    ]);
    expect(await trail('data.export')).toEqual([]);
    // Nor verify the trail; the Owner can, and the refusals left it intact.
    expect(await runAs(VIEWER, ['audit', 'verify'])).toMatchObject({ code: 3, stderr: FORBIDDEN });
    const verify = await cli.runAs(['audit', 'verify', '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    expect(await trail('access.denied')).toHaveLength(2);
  });

  it('a disabled account cannot sign in: exit 3', async () => {
    const r = await runAs(GONE, ['search', 'budi']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    // Disabled people are not on the sign-in list, so the CLI does not get as far as account_disabled.
    expect(r.stderr).toBe(`brankas: No active user named "${GONE.name}" in this vault (a disabled account cannot sign in).\n`);
    expect((await trail('auth.signIn')).some((e) => e.actorId === ids[GONE.name])).toBe(false);
    // The service itself refuses the account by code.
    const vault = new VaultService({ dataDir: cli.dataDir, keychain: systemKeychain(), passwordKdf: FAST_KDF });
    try {
      await vault.init();
      expect((await vaultErrorOf(vault.signIn({ staffId: ids[GONE.name] as number, password: GONE.password }))).code).toBe('account_disabled');
    } finally {
      await vault.close();
    }
  });
});

describe('two-step verification on the command line', () => {
  it('without --otp: exit 3, and the message says how to give the code', async () => {
    const r = await runAs(WITH_2FA, ['search', 'budi']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--otp');
  });

  it('with the code: exit 0; the same code again is refused', async () => {
    // The enrolment used this step's code; the next step's is fresh and still in the window.
    const code = totpAt(secret, nowSec() + 30);
    const first = await runAs(WITH_2FA, ['search', 'budi', '--otp', code]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('0812****7890');
    const again = await runAs(WITH_2FA, ['search', 'budi', '--otp', code]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('wrong or was already used');
    const failed = await trail('auth.signInFailed');
    expect(failed).toEqual([expect.objectContaining({ actorId: ids[WITH_2FA.name], outcome: 'failed', details: { reason: 'wrong_otp' } })]);
    expect(JSON.stringify(failed)).not.toContain(code);
  });

  it('a wrong code: exit 3', async () => {
    const r = await runAs(WITH_2FA, ['stats', '--otp', '000000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('wrong or was already used');
  });
});

describe('brankas audit verify after tampering', () => {
  it('exit 5 and the first broken entry, after one row was edited with raw SQL', async () => {
    expect((await cli.runAs(['audit', 'verify'])).code).toBe(0);
    const paths = vaultPaths(cli.dataDir);
    const keyHex = (await cli.keychain.get(readRecoveryFile(paths)?.vaultId ?? '')) ?? '';
    const db = await openDb(paths.vault, keyHex, { create: false });
    try {
      // What someone with the file and its key would do: the append-only triggers go first.
      await db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      await db.run("UPDATE audit_log SET actor_name = 'Orang Lain' WHERE id = 3");
    } finally {
      await db.close();
    }
    const text = await cli.runAs(['audit', 'verify']);
    expect(text.code).toBe(AUDIT_BROKEN_EXIT);
    expect(AUDIT_BROKEN_EXIT).toBe(5);
    expect(text.stdout).toMatch(/^Audit trail BROKEN at entry #3: it was changed after it was written/);
    const json = await cli.runAs(['audit', 'verify', '--json']);
    expect(json.code).toBe(5);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBrokenId: 3, reason: 'altered' });
  });
});
