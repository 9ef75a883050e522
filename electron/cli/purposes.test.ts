/**
 * `brankas purposes`: the seeded purposes as a table and in the documented JSON shape; a purpose
 * made by `fields enable --purpose "words"` shows with its field; any signed-in role may list;
 * nothing is recorded for a read; usage errors exit 1.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput } from '../contract';
import { listAudit } from '../vault/audit/repository';
import type { VaultService } from '../vault/service';
import { createStaffService } from '../vault/staff/service';
import type { PurposeJson } from './purposes';
import { CliHarness, asOwner as openAsOwner } from './testing';

const VIEWER = { name: 'Rina Viewer', role: 'viewer', password: 'sepeda-tua-ke-pasar-77' } as const;

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
});
afterEach(() => cli.cleanup());

const asOwner = <T>(fn: (vault: VaultService) => Promise<T>): Promise<T> => openAsOwner(cli.dataDir, fn);
const listed = async (): Promise<PurposeJson[]> => {
  const r = await cli.runAs(['purposes', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { purposes: PurposeJson[] }).purposes;
};

describe('brankas purposes', () => {
  it('prints {"purposes":[…]} in the documented shape, seeded in id and en', async () => {
    const list = await listed();
    expect(list.map((p) => p.key)).toEqual(['order_updates', 'customer_service', 'promotions_wa', 'invoices_tax']);
    expect(Object.keys(list[0]!)).toEqual(['key', 'name', 'description', 'basis', 'retention', 'needsConsent', 'fields', 'status']);
    expect(list.find((p) => p.key === 'promotions_wa')).toEqual({
      key: 'promotions_wa',
      name: { id: 'Promo lewat WhatsApp', en: 'Promotions by WhatsApp' },
      description: {
        id: 'Mengirim kabar promo dan produk baru lewat WhatsApp, hanya bila Anda setuju. Anda bisa berhenti kapan saja.',
        en: 'To send you offers and news of new products by WhatsApp, only if you agree. You can stop at any time.',
      },
      basis: 'consent',
      retention: { months: 1, from: 'consent_withdrawn' },
      needsConsent: true,
      fields: ['phone'],
      status: 'active',
    });
    expect(list.find((p) => p.key === 'invoices_tax')).toMatchObject({ basis: 'legal_obligation', retention: { months: 120, from: 'last_purchase' }, needsConsent: false });
  });

  it('lists as a table; a purpose made from words shows with its field', async () => {
    expect((await cli.runAs(['fields', 'enable', 'birthday', '--purpose', 'Ucapan ulang tahun'])).code).toBe(0);
    const r = await cli.runAs(['purposes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^KEY +NAME \(ID\) +NAME \(EN\) +BASIS +RETENTION +CONSENT +FIELDS +STATUS\n/);
    expect(r.stdout).toMatch(/\npromotions_wa +Promo lewat WhatsApp +Promotions by WhatsApp +consent +1 month from consent_withdrawn +needed +phone +active\n/);
    expect(r.stdout).toMatch(/\ninvoices_tax +Nota dan catatan pajak +Invoices and tax records +legal_obligation +120 months from last_purchase +no +email +active\n/);
    expect(r.stdout).toMatch(/\nucapan_ulang_tahun +Ucapan ulang tahun +Ucapan ulang tahun +legitimate_interest +24 months from last_contact +no +birthday +active\n/);
  });

  it('any signed-in role may list, and a read records nothing', async () => {
    await asOwner((v) => createStaffService(v).create({ ...VIEWER, reason: 'Melihat saja' }));
    const r = await cli.run(['purposes', '--json', '--user', VIEWER.name], { env: { BRANKAS_PASSWORD: VIEWER.password } });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { purposes: unknown[] }).purposes).toHaveLength(4);
    const actions = await asOwner(async (v) => (await listAudit(v.db(), AuditQueryInput.parse({}))).entries.map((e) => e.action));
    expect(actions.filter((a) => a.startsWith('purpose.'))).toEqual([]);
  });

  it('usage errors exit 1; --help describes the JSON', async () => {
    const r = await cli.runAs(['purposes', 'order_updates']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Run 'brankas purposes --help' for usage.");
    const help = await cli.run(['purposes', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('"retention":{"months","from"},"needsConsent","fields":[…],"status"');
  });
});
