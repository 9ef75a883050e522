/**
 * The command line writes a change and its audit entry together too: with the vault's trail
 * refusing one action (a trigger stored in the vault file, since each CLI run opens its own
 * connection), the command fails with exit 3 and a plain message, and nothing happened — no
 * customer imported, nothing on standard output, no export file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditAction } from '../contract';
import type { VaultService } from '../vault/service';
import { CliHarness, seedCustomers, asOwner as openAsOwner } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
  await seedCustomers(cli.dataDir, [{ name: 'Budi Santoso', phone: '0812-3456-7890', city: 'Surabaya' }]);
});
afterEach(() => cli.cleanup());

const withVault = <T>(fn: (vault: VaultService) => Promise<T>): Promise<T> => openAsOwner(cli.dataDir, fn);

const refuse = (action: AuditAction) =>
  withVault((v) => v.db().exec(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'refused'); END`));
const allow = () => withVault((v) => v.db().exec('DROP TRIGGER refuse_audit'));
const count = (sql: string) => withVault(async (v) => (await v.db().get<{ n: number }>(sql))?.n ?? 0);

describe('the CLI and the audit trail in one step', () => {
  it('an import whose entry cannot be written imports nobody (exit 3)', async () => {
    const file = cli.file('baru.csv', 'Nama;No HP\r\nCici Lestari;0813 2222 3333\r\n');
    await refuse('data.import');
    const r = await cli.runAs(['import', file]);
    await allow();
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('Nothing was changed');
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(1);
    expect((await cli.runAs(['import', file])).code).toBe(0);
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(2);
  });

  it('an export to standard output prints nothing when its entry cannot be written', async () => {
    await refuse('data.export');
    const r = await cli.runAs(['export', '--format', 'json']);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    const out = join(cli.dir(), 'pelanggan.csv');
    const f = await cli.runAs(['export', '--format', 'csv', '--out', out]);
    await allow();
    expect(f.code, f.stderr).toBe(3);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]);
    const ok = await cli.runAs(['export', '--format', 'json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(1);
  });

  it('a search whose entry cannot be written shows no customer', async () => {
    await refuse('customer.search');
    const r = await cli.runAs(['search', 'budi']);
    await allow();
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).not.toContain('Budi');
  });
});
