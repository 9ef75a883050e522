/**
 * Erasure for real: after erasing a customer whose name, phone and e-mail are canaries, no row, no
 * search token, no table text and no file in the data folder holds them; the purchases a legal duty
 * keeps are there without the person; the request's words are blanked and its erasure step is
 * written; the audit entry names the id only; the register and its copy beside the vault hold ids
 * and hashes. Real SQLCipher files and the real OS keychain.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/repository';
import { erasuresPath } from '../paths';
import { requestEvents, getRequestRow } from '../requests/repository';
import type { VaultService } from '../service';
import { createStaffService } from '../staff/service';
import { filesContaining, PASSWORD, VaultFixture, vaultErrorOf } from '../testing';
import { readRegisterFile } from './register-file';
import { erasureDigest, erasureKey, listErasures, listRetained, addMonths } from './repository';
import { createErasureService } from './service';
import { CANARY, canariesIn, canaryBytes, dumpText, ftsTokens, seedCanary } from './testing';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

async function owner(): Promise<{ svc: VaultService; dir: string }> {
  const v = await fx.create();
  const svc = fx.service(v.dir);
  await svc.init();
  await svc.signIn({ staffId: 1, password: PASSWORD });
  return { svc, dir: v.dir };
}

const countOf = async (svc: VaultService, table: string, id: number) =>
  (await svc.db().get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE customer_id = ?`, [id]))?.n;

describe('erasing a customer', () => {
  it('leaves nothing of them: no row, no search token, no table text, no file bytes, an empty WAL', async () => {
    const { svc, dir } = await owner();
    const seeded = await seedCanary(svc);
    // The seed is there to begin with, in the table text and the search index.
    expect(canariesIn(await dumpText(svc.db())).length).toBeGreaterThan(0);
    expect(await ftsTokens(svc.db())).toContain('kenariputra');

    const result = await createErasureService(svc).erase(seeded.id, { requestNumber: seeded.request });
    expect(result).toMatchObject({ customerId: seeded.id, keptPurchases: 2, backupsRotateAfterDays: 7 + 4 * 7, requestNumber: seeded.request });

    const db = svc.db();
    expect(await db.get('SELECT 1 FROM customers WHERE id = ?', [seeded.id])).toBeUndefined();
    for (const table of ['customer_tags', 'purchases', 'consent_events', 'consent_current', 'consent_evidence', 'customer_restrictions']) {
      expect(await countOf(svc, table, seeded.id), table).toBe(0);
    }
    const tokens = await ftsTokens(db);
    expect(tokens.filter((t) => t.includes('kenari') || t.includes('zulkarnaen') || t.includes('99887766'))).toEqual([]);
    expect(canariesIn(await dumpText(db))).toEqual([]);
    const wal = `${dir}/vault.db-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    expect(filesContaining(dir, canaryBytes())).toEqual([]);
  });

  it('keeps the purchases a legal duty keeps, without the person, and says until when', async () => {
    const { svc } = await owner();
    const seeded = await seedCanary(svc);
    await createErasureService(svc).erase(seeded.id);
    const [entry] = await listErasures(svc.db());
    const kept = await listRetained(svc.db(), entry!.id);
    const year = new Date().getFullYear();
    // The 12-year-old purchase is past the 10 years tax law asks for: it went with the customer.
    expect(kept).toEqual([
      { date: `${year - 1}-06-15`, description: 'Kopi Gayo 1 kg', amount: 250_000, channel: 'store', purposeKey: 'invoices_tax', keepUntil: `${year + 9}-06-15` },
      { date: `${year}-01-02`, description: 'Kopi Gayo 1 kg', amount: 75_000, channel: 'store', purposeKey: 'invoices_tax', keepUntil: `${year + 10}-01-02` },
    ]);
    expect(canariesIn(JSON.stringify(await svc.db().all('SELECT * FROM retained_purchases')))).toEqual([]);
  });

  it('keeps nothing when no active purpose rests on a legal duty', async () => {
    const { svc } = await owner();
    const seeded = await seedCanary(svc);
    await svc.db().run("UPDATE purposes SET status = 'retired' WHERE basis = 'legal_obligation'");
    expect((await createErasureService(svc).erase(seeded.id)).keptPurchases).toBe(0);
    expect(await svc.db().get('SELECT count(*) AS n FROM retained_purchases')).toEqual({ n: 0 });
  });

  it("blanks the customer's words in their requests and writes the request's erasure step (counts only)", async () => {
    const { svc } = await owner();
    const seeded = await seedCanary(svc);
    await createErasureService(svc).erase(seeded.id, { requestNumber: seeded.request });
    const row = await getRequestRow(svc.db(), seeded.request);
    expect(row).toMatchObject({ asked: null, requester: null, type: 'erase' });
    const events = await requestEvents(svc.db(), seeded.request);
    expect(events.map((e) => [e.kind, e.detail === null])).toEqual([
      ['identity', true],
      ['erasure', false],
    ]);
    expect(events[1]?.detail).toEqual({ customerId: seeded.id, keptPurchases: 2, removedPurchases: 1, consentEntries: 1, evidenceFiles: 1, requestsRedacted: 1 });
    // The customer is still named by id, a pseudonymous reference.
    expect(await svc.db().get('SELECT customer_id FROM request_customers WHERE request_number = ?', [seeded.request])).toEqual({ customer_id: seeded.id });
  });

  it('records customer.erase by id with counts, in the transaction, and nothing personal', async () => {
    const { svc } = await owner();
    const seeded = await seedCanary(svc);
    await createErasureService(svc).erase(seeded.id, { requestNumber: seeded.request });
    const page = await listAudit(svc.db(), { action: 'customer.erase', limit: 10 });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      actorName: 'Ibu Sari',
      targetType: 'customer',
      targetId: String(seeded.id),
      details: { purchasesKept: 2, purchasesRemoved: 1, consentEntries: 1, evidenceFiles: 1, requestsRedacted: 1, request: seeded.request },
    });
    expect(canariesIn(JSON.stringify(page.entries))).toEqual([]);
  });

  it('writes the register (id, creation time, keyed digest) and its copy beside the vault, nothing readable', async () => {
    const { svc, dir } = await owner();
    const seeded = await seedCanary(svc);
    const { erasedAt } = await createErasureService(svc).erase(seeded.id, { requestNumber: seeded.request });
    const key = await erasureKey(svc.db());
    const digest = erasureDigest(key, { name: CANARY.name, phone: CANARY.phone, email: CANARY.email });
    // Case, spacing and the way the phone was typed do not change the digest.
    expect(erasureDigest(key, { name: '  zulkarnaen   KENARIPUTRA ', phone: '0812-9988-7766', email: 'Kenari.Zulkarnaen@Contoh.ID' })).toBe(digest);
    expect(await listErasures(svc.db())).toEqual([
      { id: 1, customerId: seeded.id, createdAt: seeded.createdAt, digest, erasedAt, requestNumber: seeded.request, keptPurchases: 2 },
    ]);
    expect(readRegisterFile(dir)).toEqual([{ customerId: seeded.id, createdAt: seeded.createdAt, digest, erasedAt }]);
    const file = readFileSync(erasuresPath(dir), 'utf8');
    expect(canariesIn(file)).toEqual([]);
    // The register is append-only.
    await expect(svc.db().run('DELETE FROM erasures')).rejects.toThrow(/append-only/);
  });

  it('refuses a missing customer, a request that does not concern them, and anyone but Owner or Manager', async () => {
    const { svc } = await owner();
    const seeded = await seedCanary(svc);
    const other = (await svc.db().run("INSERT INTO customers (name, created_at, updated_at) VALUES ('Lain', 1, 1)")).lastID;
    const erasure = createErasureService(svc);
    expect((await vaultErrorOf(erasure.erase(9999))).code).toBe('not_found');
    expect((await vaultErrorOf(erasure.erase(other, { requestNumber: seeded.request }))).fields).toEqual({ requestNumber: 'invalid_value' });
    expect((await vaultErrorOf(erasure.erase(seeded.id, { requestNumber: 777 }))).fields).toEqual({ requestNumber: 'invalid_value' });

    const cashierPassword = 'lampu-jalan-redup-malam-31';
    const cashier = await createStaffService(svc, () => Date.now()).create({ name: 'Dewi Lestari', role: 'staff', password: cashierPassword, reason: 'Kasir pagi' });
    await svc.lock();
    await svc.signIn({ staffId: cashier.id, password: cashierPassword });
    expect((await vaultErrorOf(erasure.erase(seeded.id))).code).toBe('forbidden');
    expect(await svc.db().get('SELECT count(*) AS n FROM customers WHERE id = ?', [seeded.id])).toEqual({ n: 1 });
    expect(await svc.db().get('SELECT count(*) AS n FROM erasures')).toEqual({ n: 0 });
    await svc.lock();
    expect((await vaultErrorOf(erasure.erase(seeded.id))).code).toBe('locked');
  });
});

describe('months of retention', () => {
  it('counts calendar months, the last day of a shorter month standing in', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-06-15', 120)).toBe('2036-06-15');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });
});
