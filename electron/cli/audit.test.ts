/** `brankas audit verify` on a real vault: intact, altered, cut, and its usage errors. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../vault/db/driver';
import { readRecoveryFile } from '../vault/open';
import { vaultPaths } from '../vault/paths';
import { AUDIT_BROKEN_EXIT, describeVerification } from './audit';
import { CliHarness } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
});
afterEach(() => cli.cleanup());

/** Opens the vault file directly with its key, as an attacker with the file and the key would. */
async function raw(fn: (db: Db) => Promise<void>): Promise<void> {
  const paths = vaultPaths(cli.dataDir);
  const vaultId = readRecoveryFile(paths)?.vaultId ?? '';
  const keyHex = (await cli.keychain.get(vaultId)) ?? '';
  const db = await openDb(paths.vault, keyHex, { create: false });
  try {
    await db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    await fn(db);
  } finally {
    await db.close();
  }
}

const verifyJson = async () => {
  const r = await cli.runAs(['audit', 'verify', '--json']);
  return { ...r, result: JSON.parse(r.stdout || 'null') as Record<string, unknown> | null };
};

describe('brankas audit verify', () => {
  it('verifies an untouched trail: exit 0, JSON or a sentence', async () => {
    const first = await verifyJson();
    expect(first.code, first.stderr).toBe(0);
    expect(first.result).toMatchObject({ ok: true });
    const entries = first.result?.entries as number;
    expect(entries).toBeGreaterThanOrEqual(1); // the Owner's first sign-in, when the vault was made
    const second = await cli.runAs(['audit', 'verify']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^Audit trail verified: \d+ entr(y|ies), nothing changed, missing or out of order\.\n$/);
    expect(second.stderr).toBe('');
  });

  it('finds an altered entry and exits non-zero', async () => {
    await raw((db) => db.run("UPDATE audit_log SET details = '{\"via\":\"nothing\"}' WHERE id = 1").then(() => undefined));
    const r = await verifyJson();
    expect(r.code).toBe(AUDIT_BROKEN_EXIT);
    expect(r.code).not.toBe(0);
    expect(r.result).toMatchObject({ ok: false, firstBrokenId: 1, reason: 'altered' });
    const text = await cli.runAs(['audit', 'verify']);
    expect(text.code).toBe(AUDIT_BROKEN_EXIT);
    expect(text.stdout).toMatch(/^Audit trail BROKEN at entry #1: it was changed after it was written \(\d+ entries in the trail\)\.\n$/);
  });

  it('finds entries cut off the end, even after the sign-in appended more', async () => {
    const before = (await verifyJson()).result?.entries as number;
    await raw((db) => db.run('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)').then(() => undefined));
    const r = await verifyJson();
    expect(r.code).toBe(AUDIT_BROKEN_EXIT);
    // The cut entry is `before + 1` or later (verify's own sign-in added one); new entries do not paper over the gap.
    expect(r.result).toMatchObject({ ok: false, reason: 'missing_or_reordered' });
    expect(r.result?.firstBrokenId as number).toBeGreaterThan(before);
  });

  it.each([
    [['audit'], 'missing SUBCOMMAND'],
    [['audit', 'check'], 'unknown audit command "check"'],
    [['audit', 'verify', 'now'], 'unexpected argument "now"'],
    [['audit', 'verify', '--fix'], 'unknown option --fix'],
  ])('exit 1 for %j', async (argv, message) => {
    const r = await cli.runAs(argv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('has help', async () => {
    const r = await cli.run(['audit', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: brankas audit verify');
  });

  it('describes every outcome', () => {
    expect(describeVerification({ ok: true, entries: 1 })).toBe('Audit trail verified: 1 entry, nothing changed, missing or out of order.');
    expect(describeVerification({ ok: false, entries: 1200, firstBrokenId: 7, reason: 'missing_or_reordered' })).toBe(
      'Audit trail BROKEN at entry #7: entries were deleted, added or moved there (1,200 entries in the trail).',
    );
    expect(describeVerification({ ok: false, entries: 9, firstBrokenId: 10, reason: 'truncated' })).toContain('entries from #10 on were cut off');
    expect(describeVerification({ ok: false, entries: 9, firstBrokenId: null, reason: 'truncated' })).toContain('the last entry is not the one the vault recorded');
  });
});
