import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dictionaryProblems } from '../../contract/i18n';
import { renderConsentForm, renderConsentReceipt } from './consent';
import { fixtureConsentForm, fixtureConsentReceipt } from './fixture';
import { BOX } from './layout-form';
import { renderMarkdown } from './markdown';
import type { ConsentReceiptData } from './templates/consent-data';
import { consentFormModel } from './templates/consent-form';
import { WHATSAPP_MAX } from './templates/consent-receipt';
import { consentDictionaries } from './templates/consent-text';
import { pdfFonts, pdfInfo, pdfPages } from './testing';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
/** Ticked or filled boxes and tick marks: none may ever be printed. */
const TICKED = /[\u2611\u2612\u2713\u2714\u2717\u2718\u25A0\u25A3]|\[x\]/i;
const asked = fixtureConsentForm.purposes.filter((p) => p.basis === 'consent');
const count = (s: string, part: string) => s.split(part).length - 1;

describe('the consent form', () => {
  it('asks about every consent purpose in Indonesian then English, each with two empty boxes and nothing ticked', async () => {
    const all = pdfPages(await renderConsentForm(fixtureConsentForm)).join(' ');
    expect(asked.length).toBe(3);
    asked.forEach((p, i) => {
      for (const s of [`${i + 1}. ${p.name.id} / ${p.name.en}`, p.description.id, p.description.en]) expect(all, s).toContain(s);
    });
    expect(all).toContain('Data yang dipakai: Nama, Nomor WhatsApp dan Tanggal lahir. Lama disimpan: 1 bulan sejak persetujuan ditarik.');
    expect(all).toContain('Data used: Name, WhatsApp number and Birthday. Kept for: 1 month after consent is withdrawn.');
    expect(all).toContain('Lama disimpan: 2 tahun sejak pembelian terakhir');
    expect(count(all, BOX)).toBe(2 * asked.length);
    expect(count(all, `${BOX} Setuju / I agree`)).toBe(asked.length);
    expect(count(all, `${BOX} Tidak setuju / I do not agree`)).toBe(asked.length);
    expect(count(all, 'Paraf / Initials')).toBe(asked.length);
    expect(all).not.toMatch(TICKED);
    // Purposes on another basis are named in the notice's brief, never given boxes.
    expect(all).toContain('Kami menyimpan data Anda hanya untuk: Kabar pesanan lewat WhatsApp, Promo lewat WhatsApp, Faktur dan catatan pajak');
    expect(all).not.toMatch(/\d\. Kabar pesanan lewat WhatsApp/);
    expect(all).not.toMatch(/\d\. Faktur dan catatan pajak/);
  });

  it('carries the shop, the pre-filled customer, the notice version, withdrawal, the guardian and the signatures', async () => {
    const all = pdfPages(await renderConsentForm(fixtureConsentForm)).join(' ');
    for (const s of [
      'Formulir Persetujuan / Consent Form',
      'Toko Sari Kain',
      'Jl. Malioboro No. 12, Yogyakarta · WhatsApp: 0812-3456-7890 · Telepon: (0274) 512 345',
      'Ratna Dewi Lestari',
      '0813-2222-4444',
      'Nama pelanggan / Customer name',
      'Nomor telepon / Phone number',
      'Formulir ini mengacu pada Pemberitahuan Privasi versi 3 (3 Desember 2026)',
      'This form refers to Privacy Notice version 3 (3 December 2026)',
      'Tersimpan terenkripsi di komputer toko',
      "Kept encrypted on the shop's computer",
      'menarik persetujuan kapan saja, semudah memberikannya: kirim WhatsApp ke 0812-3456-7890, telepon (0274) 512 345 atau datang ke toko',
      'withdraw consent at any time, as easily as you gave it: send a WhatsApp message to 0812-3456-7890, call (0274) 512 345 or come to the shop',
      'Bila pelanggan berusia di bawah 18 tahun / If the customer is under 18',
      "Nama orang tua/wali / Parent's/ guardian's name",
      'Hubungan / Relation',
      'Tempat / Place',
      'Tanggal / Date',
      "Tanda tangan pelanggan / Customer's signature",
    ])
      expect(all.replace(/\/ ?/g, '/ '), s).toContain(s.replace(/\/ ?/g, '/ '));
  });

  it('has the bilingual footer and page number on every page, and keeps each question with its boxes', async () => {
    const many = { ...fixtureConsentForm, purposes: [...fixtureConsentForm.purposes, ...asked.map((p, i) => ({ ...p, key: `${p.key}_${i}` }))] };
    for (const data of [fixtureConsentForm, many]) {
      const pages = pdfPages(await renderConsentForm(data));
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page).toContain('Templat untuk ditinjau toko, bukan nasihat hukum. / Consent form · A template for the shop to review, not legal advice.');
        expect(page).toContain(`Halaman ${i + 1} dari ${pages.length} / Page ${i + 1} of ${pages.length}`);
        expect(count(page, 'Setuju / I agree')).toBe(page.match(/\d+\. \S[^/]*\/ /g)?.length ?? 0);
      });
      expect(count(pages.join(' '), BOX)).toBe(2 * data.purposes.filter((p) => p.basis === 'consent').length);
    }
  });

  it('leaves the lines blank without a customer and says when no notice is published', async () => {
    const all = pdfPages(await renderConsentForm({ ...fixtureConsentForm, customer: null, notice: null })).join(' ');
    expect(all).not.toContain('Ratna');
    expect(all).toContain('Nama pelanggan / Customer name');
    expect(all).toContain('Toko belum menerbitkan Pemberitahuan Privasi.');
    expect(all).toContain('The shop has not published a privacy notice yet.');
    expect(all).not.toMatch(TICKED);
  });

  it('renders the same bytes for the same input, dated from the input, with DejaVu embedded', async () => {
    const [a, b] = [await renderConsentForm(fixtureConsentForm), await renderConsentForm(fixtureConsentForm)];
    expect(sha(a)).toBe(sha(b));
    expect(pdfInfo(a)).toMatch(/CreationDate:\s+2026-12-04T00:00:00/);
    expect(pdfFonts(a)).toMatch(/DejaVuSans\s.*yes/);
    expect(sha(await renderConsentForm({ ...fixtureConsentForm, customer: { name: 'Budi' } }))).not.toBe(sha(a));
  });

  it('writes empty task-list boxes in Markdown', () => {
    const md = renderMarkdown(consentFormModel(fixtureConsentForm));
    expect(count(md, '- [ ] Setuju / I agree')).toBe(asked.length);
    expect(md).not.toMatch(TICKED);
    expect(md).toContain('Nama pelanggan / Customer name: Ratna Dewi Lestari');
    expect(md).toContain("Tanda tangan pelanggan / Customer's signature: ______________");
  });
});

const withdrawn: ConsentReceiptData = {
  ...fixtureConsentReceipt,
  entry: { ...fixtureConsentReceipt.entry, id: 57, state: 'withdrawn', method: 'whatsapp', guardian: { name: 'Sri Wahyuni', relation: 'Ibu' } },
};

const expected = {
  id: {
    texts: ['Tanda Terima Persetujuan', 'Toko Sari Kain · No. C-000042', 'Nomor tanda terima C-000042', 'Ratna Dewi Lestari · 0813-2222-4444', 'Promo lewat WhatsApp — Mengirim kabar kain baru dan diskon', 'Kode tujuan promotions', 'Persetujuan Anda (Pasal 20 ayat (2) huruf a)', 'Nama, Nomor WhatsApp dan Tanggal lahir', '1 bulan sejak persetujuan ditarik', 'Tidak ada; data tidak diberikan kepada pihak ketiga', 'Keadaan Disetujui', '4 Desember 2026 pukul 14.05 WIB', 'Formulir kertas bertanda tangan', 'Dicatat oleh Dewi (kasir)', 'versi 3, berlaku sejak 3 Desember 2026', fixtureConsentReceipt.notice!.sha256.slice(0, 40), 'Indonesia — UU No. 27 Tahun 2022', 'Bahasa Bahasa Indonesia', 'kirim WhatsApp ke 0812-3456-7890', '3×24 jam', 'Pengaduan: Kementerian Komunikasi dan Digital (Komdigi)'],
    withdrawn: ['Tanda Terima Penarikan Persetujuan', 'No. C-000057', 'Keadaan Ditarik', 'Pesan WhatsApp', 'Orang tua/wali Sri Wahyuni (Ibu)', 'Sejak 4 Desember 2026 pukul 14.05 WIB data Anda tidak lagi dipakai'],
    footer: 'Toko Sari Kain · Tanda terima C-000042 · Templat untuk ditinjau toko, bukan nasihat hukum.',
    page: 'Halaman 1 dari 1',
    wa: ['*Tanda Terima Persetujuan — Toko Sari Kain*', 'No. C-000042 · 4 Desember 2026 pukul 14.05 WIB', 'Pelanggan: Ratna Dewi Lestari', 'Tujuan: *Promo lewat WhatsApp*', 'Keadaan: *Disetujui* · Formulir kertas bertanda tangan · dicatat oleh Dewi (kasir)', 'Pemberitahuan privasi versi 3.', 'Balas pesan ini', '3×24 jam', 'Komdigi', 'bukan nasihat hukum'],
  },
  en: {
    texts: ['Consent Receipt', 'Toko Sari Kain · No. C-000042', 'Receipt number C-000042', 'Ratna Dewi Lestari · 0813-2222-4444', 'Promotions by WhatsApp — Sending news of new fabrics and discounts', 'Purpose code promotions', 'Your consent (Pasal 20(2)(a))', 'Name, WhatsApp number and Birthday', '1 month after consent is withdrawn', 'None; the data is not given to third parties', 'State Given', '4 December 2026 at 14:05 WIB', 'Signed paper form', 'Recorded by Dewi (kasir)', 'version 3, in effect from 3 December 2026', fixtureConsentReceipt.notice!.sha256.slice(0, 40), 'Indonesia — Law No. 27 of 2022', 'Language English', 'send a WhatsApp message to 0812-3456-7890', '3×24 hours', 'Complaints: Kementerian Komunikasi dan Digital (Komdigi)'],
    withdrawn: ['Receipt for Withdrawn Consent', 'No. C-000057', 'State Withdrawn', 'WhatsApp message', 'Parent/guardian Sri Wahyuni (Ibu)', 'From 4 December 2026 at 14:05 WIB your data is no longer used'],
    footer: 'Toko Sari Kain · Receipt C-000042 · A template for the shop to review, not legal advice.',
    page: 'Page 1 of 1',
    wa: ['*Consent Receipt — Toko Sari Kain*', 'No. C-000042 · 4 December 2026 at 14:05 WIB', 'Customer: Ratna Dewi Lestari', 'Purpose: *Promotions by WhatsApp*', 'State: *Given* · Signed paper form · recorded by Dewi (kasir)', 'Privacy notice version 3.', 'Reply to this message', '3×24 hours', 'Komdigi', 'not legal advice'],
  },
};

describe.each(['id', 'en'] as const)('the consent receipt in %s', (lang) => {
  const want = expected[lang];

  it('holds every field of a consent record on one page with its footer', async () => {
    const pages = pdfPages(await renderConsentReceipt(fixtureConsentReceipt, lang, 'pdf'));
    expect(pages).toHaveLength(1);
    for (const s of [...want.texts, want.footer, want.page]) expect(pages[0], s).toContain(s);
  });

  it('says what a withdrawal means, with the guardian who gave it', async () => {
    const text = pdfPages(await renderConsentReceipt(withdrawn, lang, 'pdf')).join(' ');
    for (const s of want.withdrawn) expect(text, s).toContain(s);
  });

  it('renders the same bytes for the same entry, dated from the entry', async () => {
    const [a, b] = [await renderConsentReceipt(fixtureConsentReceipt, lang, 'pdf'), await renderConsentReceipt(fixtureConsentReceipt, lang, 'pdf')];
    expect(sha(a)).toBe(sha(b));
    expect(pdfInfo(a)).toMatch(/CreationDate:\s+2026-12-04T07:05:00/);
    expect(sha(await renderConsentReceipt(withdrawn, lang, 'pdf'))).not.toBe(sha(a));
  });

  it('writes a short WhatsApp text with bold marks only', async () => {
    const wa = await renderConsentReceipt(fixtureConsentReceipt, lang, 'whatsapp');
    for (const s of want.wa) expect(wa, s).toContain(s);
    expect(wa.length).toBeLessThanOrEqual(WHATSAPP_MAX);
    expect(wa).not.toMatch(/[_~`]/);
    for (const line of wa.split('\n')) expect(count(line, '*') % 2, line).toBe(0);
  });

  it('keeps the WhatsApp text short when a purpose has a long description', async () => {
    const long = 'Panjang sekali. '.repeat(37).trim();
    const data = { ...withdrawn, purpose: { ...withdrawn.purpose, description: { id: long, en: long } } };
    const wa = await renderConsentReceipt(data, lang, 'whatsapp');
    expect(wa.length).toBeLessThanOrEqual(WHATSAPP_MAX);
    expect(wa).toMatch(/Panjang sekali\.[^\n]*…\n/);
    expect(wa).toContain(lang === 'id' ? 'Orang tua/wali: Sri Wahyuni (Ibu)' : 'Parent/guardian: Sri Wahyuni (Ibu)');
  });
});

describe('consent receipt details', () => {
  it("prints the time in the shop's zone and says when no notice was in force", async () => {
    const data: ConsentReceiptData = { ...fixtureConsentReceipt, timeZone: 'Asia/Makassar', notice: null, entry: { ...fixtureConsentReceipt.entry, state: 'refused', noticeVersion: null } };
    const text = pdfPages(await renderConsentReceipt(data, 'id', 'pdf')).join(' ');
    for (const s of ['Tanda Terima Penolakan', '4 Desember 2026 pukul 15.05 WITA', 'belum ada versi yang diterbitkan', 'layanan lain kepada Anda tidak berkurang']) expect(text, s).toContain(s);
    expect(text).not.toContain('SHA-256');
    expect(await renderConsentReceipt(data, 'en', 'whatsapp')).not.toContain('Privacy notice version');
  });

  it('has the same keys, placeholders and plural forms in id and en', () => {
    expect(dictionaryProblems(consentDictionaries)).toEqual([]);
  });
});
