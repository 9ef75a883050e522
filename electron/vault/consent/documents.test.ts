/**
 * The consent form and receipts made from the vault's records: the customer's name and phone, the
 * shop's consent purposes, the notice version in force and the entry itself, read back from the real
 * PDF with pdftotext; each document recorded as `consent.document`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pdfPages } from '../documents/testing';
import { createNoticeService } from '../notice/service';
import { noticeVault, PROFILE, type NoticeVault } from '../notice/testing';
import { vaultErrorOf } from '../testing';
import { createConsentDocuments } from './documents';
import { createConsentService } from './service';

let nv: NoticeVault | null = null;
afterEach(async () => {
  await nv?.cleanup();
  nv = null;
});

const text = (pdf: Buffer) => pdfPages(pdf).join('\n');
async function setup(publish: boolean) {
  nv = await noticeVault();
  const notice = createNoticeService(nv.ctx);
  await notice.saveProfile(PROFILE);
  if (publish) await notice.publish();
  const id = (await nv.vault.db().run("INSERT INTO customers (name, phone, created_at, updated_at) VALUES ('Budi Santoso', '+6281234567890', 0, 0)")).lastID;
  return { ctx: nv.ctx, db: nv.vault.db(), id };
}
const documentsRecorded = (db: NoticeVault['ctx']['db'] extends () => infer D ? D : never) =>
  db.all<{ target_type: string; target_id: string | null; details: string }>("SELECT target_type, target_id, details FROM audit_log WHERE action = 'consent.document' ORDER BY id");

describe('the consent documents', () => {
  it('prints the form for a customer with the consent purposes and the notice version in force, and a blank one', async () => {
    const { ctx, db, id } = await setup(true);
    const docs = createConsentDocuments(ctx);
    const filled = await docs.form(id);
    await filled.record();
    expect(filled.fileName).toBe('formulir-persetujuan-Budi-Santoso-2026-12-04.pdf');
    const body = text(filled.output);
    expect(body).toContain('Budi Santoso');
    expect(body).toContain('+6281234567890');
    expect(body).toContain('Toko Sari Kain');
    expect(body).toMatch(/Promo lewat WhatsApp/);
    expect(body).toMatch(/Promotions by WhatsApp/);
    expect(body).toMatch(/Pemberitahuan Privasi versi 1/);

    const blank = await docs.form();
    await blank.record();
    expect(blank.fileName).toBe('formulir-persetujuan-2026-12-04.pdf');
    expect(text(blank.output)).not.toContain('Budi Santoso');
    const rows = await documentsRecorded(db);
    expect(rows.map((r) => [r.target_type, r.target_id, JSON.parse(r.details).blank])).toEqual([
      ['customer', String(id), false],
      ['notice', null, true],
    ]);
  });

  it('gives a receipt for an entry, as a PDF and a WhatsApp text in either language, with its notice version', async () => {
    const { ctx, db, id } = await setup(true);
    const consent = createConsentService(ctx);
    const after = await consent.record({ customerId: id, purposeKey: 'promotions_wa', state: 'given', method: 'paper' });
    const entry = after.history[0]!;
    const docs = createConsentDocuments(ctx);
    const pdf = await docs.receipt(entry.id, 'id', 'pdf');
    await pdf.record();
    expect(pdf.fileName).toBe(`tanda-terima-persetujuan-C-${String(entry.id).padStart(6, '0')}.pdf`);
    const body = text(pdf.output);
    expect(body).toContain('Budi Santoso');
    expect(body).toContain(`C-${String(entry.id).padStart(6, '0')}`);
    expect(body).toContain('Promo lewat WhatsApp');
    const text2 = await docs.receipt(entry.id, 'en', 'whatsapp');
    await text2.record();
    const wa = text2.output;
    expect(wa).toContain('Promotions by WhatsApp');
    expect(wa).toContain(`C-${String(entry.id).padStart(6, '0')}`);
    const rows = await documentsRecorded(db);
    expect(rows.map((r) => JSON.parse(r.details) as { kind: string; format: string; lang: string })).toEqual([
      expect.objectContaining({ kind: 'receipt', format: 'pdf', lang: 'id' }),
      expect.objectContaining({ kind: 'receipt', format: 'whatsapp', lang: 'en' }),
    ]);
  });

  it('works before any notice is published (no version named) and refuses what does not exist', async () => {
    const { ctx, db, id } = await setup(false);
    const docs = createConsentDocuments(ctx);
    expect(text((await docs.form(id)).output)).toContain('Budi Santoso');
    expect((await vaultErrorOf(docs.form(9999))).code).toBe('not_found');
    expect((await vaultErrorOf(docs.receipt(9999, 'id', 'pdf'))).code).toBe('not_found');
    expect((await documentsRecorded(db)).length).toBe(0);
  });
});
