/**
 * The notice from the real vault: publishing freezes the text (id + en, version inside), its SHA-256
 * and what it was made from, append-only, with its entry; a change to purposes, fields, profile or
 * recipients marks it out of date until the next version; the published PDF reads back in id and en.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQueryInput, type AuditAction } from '../../contract';
import { listAudit } from '../audit/repository';
import { dataDigest, refuseAudit } from '../audit/testing';
import { noticeDigest, renderNotice } from '../documents';
import { pdfPages } from '../documents/testing';
import { createFieldsService } from '../fields/service';
import { createPurposesService } from '../purposes/service';
import { createStaffService } from '../staff/service';
import { vaultErrorOf } from '../testing';
import { sourceDigest } from './data';
import { frozenData } from './repository';
import { createNoticeService, type NoticeService } from './service';
import { noticeVault, PROFILE, type NoticeVault } from './testing';

let t: NoticeVault;
let notice: NoticeService;
beforeEach(async () => {
  t = await noticeVault();
  notice = createNoticeService(t.ctx);
});
afterEach(() => t.cleanup());

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const trail = async (action: AuditAction) => (await listAudit(t.vault.db(), AuditQueryInput.parse({ action }))).entries;
const rows = () => t.vault.db().all<Record<string, unknown>>('SELECT * FROM notice_versions ORDER BY number');
const courier = { name: 'PT Kirim Cepat', why: { id: 'mengantar pesanan', en: 'delivering orders' }, country: { id: 'Indonesia', en: 'Indonesia' }, abroad: false };
const cloud = { name: 'Awan Simpan Ltd', why: { id: 'menyimpan faktur', en: 'storing invoices' }, country: { id: 'Singapura', en: 'Singapore' }, abroad: true };

describe('the shop profile', () => {
  it('is empty with the default authority until saved, then round-trips through meta', async () => {
    expect(await notice.profile()).toMatchObject({ name: '', authority: 'Kementerian Komunikasi dan Digital (Komdigi)' });
    expect((await notice.status()).profileReady).toBe(false);
    expect(await notice.saveProfile(PROFILE)).toEqual(PROFILE);
    expect(await notice.profile()).toEqual(PROFILE);
    expect((await notice.status()).profileReady).toBe(true);
    expect((await trail('notice.update')).map((e) => e.details)).toEqual([{ part: 'profile' }]);
  });

  it('publishing without one is refused and writes nothing', async () => {
    const before = await dataDigest(t.vault.db());
    expect((await vaultErrorOf(notice.publish())).code).toBe('invalid_input');
    expect(await dataDigest(t.vault.db())).toBe(before);
  });
});

describe('publishing', () => {
  beforeEach(() => notice.saveProfile(PROFILE));

  it('freezes number, local date, the Markdown id + en with the version inside, its SHA-256 and the data', async () => {
    const v = await notice.publish();
    expect(v).toMatchObject({ number: 1, date: '2026-12-04' });
    const [row] = await rows();
    const data = await frozenData(t.vault.db(), 1);
    expect(data?.version).toEqual({ number: 1, date: '2026-12-04' });
    expect(row).toMatchObject({ number: 1, effective_date: '2026-12-04', sha256: v.sha256, publisher_name: 'Ibu Sari', source_digest: sourceDigest(data!) });
    expect(row?.text_id).toBe(await renderNotice(data!, 'id', 'md'));
    expect(row?.text_en).toBe(await renderNotice(data!, 'en', 'md'));
    expect(row?.text_id).toContain('Versi 1 · berlaku sejak 4 Desember 2026');
    expect(row?.text_en).toContain('Version 1 · in effect from 4 December 2026');
    // The stored SHA-256 is the fingerprint printed in the text: of both languages without that line.
    expect(v.sha256).toBe(noticeDigest(data!));
    const bare = [row?.text_id, row?.text_en].map((x) => String(x).split('\n\n').filter((p) => !p.includes(v.sha256)).join('\n\n'));
    expect(sha(bare.join('\n'))).toBe(v.sha256);
    expect(row?.text_id).toContain(v.sha256);
    expect((await trail('notice.publish')).map((e) => [e.targetId, e.details])).toEqual([['1', { date: '2026-12-04', sha256: v.sha256 }]]);
    expect(await notice.status()).toEqual({ current: { number: 1, date: '2026-12-04', sha256: v.sha256 }, outOfDate: false, changed: [], profileReady: true });
  });

  it('is append-only: a published version cannot be changed or removed', async () => {
    await notice.publish();
    await expect(t.vault.db().run("UPDATE notice_versions SET text_id = 'lain'")).rejects.toThrow(/append-only/);
    await expect(t.vault.db().run('DELETE FROM notice_versions')).rejects.toThrow(/append-only/);
  });

  it('commits with its entry or not at all', async () => {
    const before = await dataDigest(t.vault.db());
    const allow = await refuseAudit(t.vault.db(), 'notice.publish');
    expect((await vaultErrorOf(notice.publish())).code).toBe('audit_failed');
    await allow();
    expect(await dataDigest(t.vault.db())).toBe(before);
    expect(await rows()).toEqual([]);
  });

  it('is out of date after a purpose change through the purposes service; publishing again makes version 2', async () => {
    await notice.publish();
    const purposes = createPurposesService(t.vault.db());
    const invoices = (await purposes.list()).find((p) => p.key === 'invoices_tax')!;
    await purposes.save({ key: invoices.key, name: invoices.name, description: invoices.description, basis: invoices.basis, retention: { months: 84, from: 'last_purchase' } });
    expect(await notice.status()).toMatchObject({ current: { number: 1 }, outOfDate: true, changed: ['purposes'] });
    t.clock.at += 86_400_000;
    const v2 = await notice.publish();
    expect(v2).toMatchObject({ number: 2, date: '2026-12-05' });
    expect(await notice.status()).toMatchObject({ current: { number: 2, date: '2026-12-05' }, outOfDate: false, changed: [] });
    expect((await rows()).map((r) => r.number)).toEqual([1, 2]);
    expect(String((await rows())[1]?.text_id)).toContain('7 tahun sejak pembelian terakhir');
    // The first version's words are kept as they were.
    expect(String((await rows())[0]?.text_id)).toContain('10 tahun sejak pembelian terakhir');
  });

  it('is out of date after a field, the profile, the recipients or the roles in use change — and names which part', async () => {
    await notice.publish();
    await createFieldsService(t.vault.db()).update({ key: 'birthday', enabled: true, purpose: '', purposes: ['promotions_wa'] });
    expect(await notice.status()).toMatchObject({ outOfDate: true, changed: ['purposes'] });
    await notice.publish();
    await notice.saveProfile({ ...PROFILE, phone: '(0274) 512 345' });
    expect(await notice.status()).toMatchObject({ outOfDate: true, changed: ['shop'] });
    await notice.publish();
    await notice.saveRecipient(courier);
    expect(await notice.status()).toMatchObject({ outOfDate: true, changed: ['recipients'] });
    await notice.publish();
    await createStaffService(t.vault).create({ name: 'Dewi', role: 'staff', password: 'lampu-jalan-redup-malam-31', reason: 'kasir' });
    expect(await notice.status()).toMatchObject({ outOfDate: true, changed: ['access'] });
  });
});

describe('what the notice says', () => {
  beforeEach(() => notice.saveProfile(PROFILE));

  it('names the recipients and says what goes abroad; none: nothing leaves the shop', async () => {
    let md = (await notice.render('draft', 'en', 'md')).output;
    expect(md).toContain('No one. Your data is not given to third parties and is not sent abroad.');
    const list = await notice.saveRecipient(courier);
    await notice.saveRecipient(cloud);
    md = (await notice.render('draft', 'en', 'md')).output;
    expect(md).toContain('PT Kirim Cepat: delivering orders (kept in Indonesia)');
    expect(md).toContain('Awan Simpan Ltd: storing invoices (kept in Singapore)');
    expect(md).toContain('Sent abroad: Awan Simpan Ltd.');
    expect(md).not.toContain('No one.');
    const id = (await notice.render('draft', 'id', 'md')).output;
    expect(id).toContain('Dikirim ke luar negeri: Awan Simpan Ltd.');
    await notice.removeRecipient(list[0]!.id);
    md = (await notice.render('draft', 'en', 'md')).output;
    expect(md).not.toContain('PT Kirim Cepat');
    expect((await vaultErrorOf(notice.removeRecipient(9999))).code).toBe('not_found');
    expect((await vaultErrorOf(notice.saveRecipient({ ...courier, id: 9999 }))).code).toBe('not_found');
  });

  it('lists active purposes with the enabled fields they use, the roles in use with what each sees, and the backups', async () => {
    await createStaffService(t.vault).create({ name: 'Dewi', role: 'staff', password: 'lampu-jalan-redup-malam-31', reason: 'kasir' });
    const { data } = await notice.resolve('draft');
    expect(data.purposes.map((p) => p.key)).toEqual(['order_updates', 'customer_service', 'promotions_wa', 'invoices_tax']);
    expect(data.purposes.find((p) => p.key === 'promotions_wa')?.fields).toEqual([
      { id: 'Nama', en: 'Name' },
      { id: 'Nomor telepon / WhatsApp', en: 'Phone / WhatsApp number' },
    ]);
    expect(data.access.map((a) => a.role)).toEqual(['owner', 'staff']);
    expect(data.access[0]?.sees.en).toBe('all customer data, and the audit trail');
    expect(data.access[1]?.sees.id).toContain('tersamar');
    expect(data.backups).toEqual({ encrypted: true, place: PROFILE.backupPlace });
    expect(data.version).toMatchObject({ number: 1, draft: true });
  });

  it('reads back from the published PDF in id and en; the draft says it is one', async () => {
    const v = await notice.publish();
    const id = pdfPages((await notice.render('current', 'id', 'pdf')).output).join(' ');
    const en = pdfPages((await notice.render('current', 'en', 'pdf')).output).join(' ');
    for (const s of ['Pemberitahuan Privasi', 'Versi 1 · berlaku sejak 4 Desember 2026', 'Kabar pesanan', 'Nomor telepon / WhatsApp', 'diska USB di lemari kantor', 'Templat untuk ditinjau toko, bukan nasihat hukum.', v.sha256]) expect(id, s).toContain(s);
    for (const s of ['Privacy Notice', 'Version 1 · in effect from 4 December 2026', 'Order updates', 'A template for the shop to review, not legal advice.', v.sha256]) expect(en, s).toContain(s);
    expect(id).not.toContain('KONSEP');
    // A change after publishing does not change the published version's PDF.
    await notice.saveProfile({ ...PROFILE, name: 'Toko Baru' });
    expect(pdfPages((await notice.render('current', 'en', 'pdf')).output).join(' ')).toContain('Toko Sari Kain');
    const draft = pdfPages((await notice.render('draft', 'id', 'pdf')).output).join(' ');
    expect(draft).toContain('KONSEP — belum diterbitkan (akan menjadi versi 2)');
    expect(draft).toContain('Toko Baru');
    expect(pdfPages((await notice.render('draft', 'en', 'poster')).output).join(' ')).toContain('DRAFT — not published');
    expect((await notice.render('draft', 'en', 'whatsapp')).output).toMatch(/^\*DRAFT — not published\*/);
  });

  it('before any version, "current" is the draft', async () => {
    expect((await notice.render('current', 'id', 'md')).notice.draft).toBe(true);
  });
});
