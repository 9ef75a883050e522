/** `brankas import` with a consent column: suggested or --map consent:KEY, entries in the ledger, re-imports, the audit entry. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput, type ImportResult } from '../contract';
import { listAudit } from '../vault/audit/repository';
import { CliHarness, OWNER, asOwner } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
});
afterEach(() => cli.cleanup());

const FILE = 'Nama;No HP;Email;Consent WhatsApp promo\nBudi;0812-3456-7890;budi@contoh.id;Yes\nSiti;0813-2222-3333;siti@;no\nAni;0814-1111-2222;;maybe\n';

const ledger = () =>
  asOwner(cli.dataDir, (vault) =>
    vault
      .db()
      .all<{ name: string; state: string; method: string; evidence_ref: string; recorder_name: string; recorded_by: number | null }>(
        'SELECT c.name, e.state, e.method, e.evidence_ref, e.recorder_name, e.recorded_by FROM consent_events e JOIN customers c ON c.id = e.customer_id ORDER BY e.id',
      ),
  );

describe('import with a consent column', () => {
  it('suggests the purpose, writes one entry per answer by the --user, and lists a bad answer as a value left empty', async () => {
    const file = cli.file('toko lama.csv', FILE);
    const text = await cli.runAs(['import', file, '--dry-run']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Consent WhatsApp promo +→ consent:promotions_wa/);
    expect(text.stdout).toContain('Consent: 1 given, 1 refused (method "imported").');
    expect(text.stdout).toContain('row 4, column "Consent WhatsApp promo": ');
    const r = await cli.runAs(['import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as ImportResult;
    expect(result).toMatchObject({ imported: 3, consent: { given: 1, refused: 1, unchanged: 0 } });
    expect(result.dropped).toEqual([
      { row: 3, column: 'Email', code: 'invalid_email', dropped: true },
      { row: 4, column: 'Consent WhatsApp promo', code: 'invalid_choice', dropped: true },
    ]);
    expect(await ledger()).toEqual([
      { name: 'Budi', state: 'given', method: 'imported', evidence_ref: 'toko lama.csv', recorder_name: OWNER, recorded_by: 1 },
      { name: 'Siti', state: 'refused', method: 'imported', evidence_ref: 'toko lama.csv', recorder_name: OWNER, recorded_by: 1 },
    ]);
    const [entry] = (await asOwner(cli.dataDir, (vault) => listAudit(vault.db(), AuditQueryInput.parse({ action: 'data.import' })))).entries;
    expect(entry?.details).toMatchObject({ via: 'cli', imported: 3, withoutValue: 2, consentGiven: 1, consentRefused: 1, consentUnchanged: 0 });
  });

  it('a re-import with --on-duplicate update adds no entries for answers already recorded', async () => {
    const file = cli.file('p.csv', FILE);
    expect((await cli.runAs(['import', file])).code).toBe(0);
    const again = await cli.runAs(['import', file, '--json', '--on-duplicate', 'update']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as ImportResult).consent).toEqual({ given: 0, refused: 0, unchanged: 2 });
    expect(await ledger()).toHaveLength(2);
  });

  it('--map "Header=consent:KEY" maps a column the suggestion missed; a purpose without consent is a usage error', async () => {
    const file = cli.file('p.csv', 'Nama;Boleh kirim?\nBudi;ya\n');
    const wrong = await cli.runAs(['import', file, '--map', 'Boleh kirim?=consent:order_updates']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('"consent:order_updates" is not a purpose that needs consent (consent:promotions_wa)');
    const r = await cli.runAs(['import', file, '--json', '--map', 'Boleh kirim?=consent:promotions_wa']);
    expect(r.code, r.stderr).toBe(0);
    expect(await ledger()).toMatchObject([{ name: 'Budi', state: 'given' }]);
  });
});
