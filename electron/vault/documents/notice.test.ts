import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dictionaryProblems } from '../../contract/i18n';
import { fixtureNotice } from './fixture';
import { noticeDigest, renderNotice } from './notice';
import { noticeDictionaries } from './templates/notice-text';
import { pdfFonts, pdfInfo, pdfPages } from './testing';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const expected = {
  id: {
    headings: ['Pemberitahuan Privasi', 'Siapa kami dan cara menghubungi kami', 'Untuk apa data Anda kami gunakan', 'Siapa di toko yang dapat melihat data Anda', 'Di mana data Anda disimpan', 'Siapa lagi yang menerima data Anda', 'Hak Anda (Pasal 5–13 UU PDP)', 'Cara menggunakan hak Anda', 'Mengadu kepada otoritas'],
    purposes: ['Kabar pesanan lewat WhatsApp', 'Promo lewat WhatsApp', 'Faktur dan catatan pajak'],
    texts: ['Versi 3 · berlaku sejak 3 Desember 2026', 'Kami memakai data Anda untuk 3 tujuan berikut', '18 bulan sejak pembelian terakhir', '1 bulan sejak persetujuan ditarik', '10 tahun sejak perjanjian berakhir', 'Persetujuan Anda (Pasal 20 ayat (2) huruf a)', 'Pemilik toko: semua data dan catatan audit', 'Tidak ada. Data Anda tidak diberikan kepada pihak ketiga', 'paling lambat 3×24 jam sejak permintaan dan memberi tahu Anda hasilnya (Pasal 30)', '(Pasal 32)', '(Pasal 40)', '(Pasal 41)', 'Kirim pesan WhatsApp ke 0812-3456-7890', 'Datang langsung ke toko: Jl. Malioboro No. 12, Yogyakarta', 'Kementerian Komunikasi dan Digital (Komdigi)', 'diska USB yang disimpan di lemari kantor'],
    footer: 'Templat untuk ditinjau toko, bukan nasihat hukum.',
    page: (n: number, total: number) => `Halaman ${n} dari ${total}`,
  },
  en: {
    headings: ['Privacy Notice', 'Who we are and how to reach us', 'What we use your data for', 'Who in the shop can see your data', 'Where your data is kept', 'Who else receives your data', 'Your rights (Pasal 5–13 UU PDP)', 'How to use your rights', 'Complaining to the authority'],
    purposes: ['Order updates by WhatsApp', 'Promotions by WhatsApp', 'Invoices and tax records'],
    texts: ['Version 3 · in effect from 3 December 2026', 'We use your data for the following 3 purposes', '18 months after your last purchase', '1 month after consent is withdrawn', '10 years after the agreement ends', 'Your consent (Pasal 20(2)(a))', 'Shop owner: all data and the audit trail', 'No one. Your data is not given to third parties', 'within 3×24 hours of your request and tell you the result (Pasal 30)', '(Pasal 32)', '(Pasal 40)', '(Pasal 41)', 'Send a WhatsApp message to 0812-3456-7890', 'Come to the shop: Jl. Malioboro No. 12, Yogyakarta', 'Kementerian Komunikasi dan Digital (Komdigi)', 'a USB disk kept in the office cupboard'],
    footer: 'A template for the shop to review, not legal advice.',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
  },
};

describe.each(['id', 'en'] as const)('the privacy notice in %s', (lang) => {
  const want = expected[lang];

  it('reads back with every heading, purpose and formatted date and period', async () => {
    const pages = pdfPages(await renderNotice(fixtureNotice, lang, 'pdf'));
    const all = pages.join(' ');
    for (const s of [...want.headings, ...want.purposes, ...want.texts]) expect(all, s).toContain(s);
    expect(all).toContain(noticeDigest(fixtureNotice));
  });

  it('has the footer line and its page number on every page', async () => {
    const pages = pdfPages(await renderNotice(fixtureNotice, lang, 'pdf'));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(want.footer);
      expect(page).toContain(want.page(i + 1, pages.length));
    });
  });

  it('embeds DejaVu and dates the file from the version, not the clock', async () => {
    const pdf = await renderNotice(fixtureNotice, lang, 'pdf');
    expect(pdfFonts(pdf)).toMatch(/DejaVuSans\s.*yes/);
    expect(pdfFonts(pdf)).toMatch(/DejaVuSans-Bold\s.*yes/);
    expect(pdfInfo(pdf)).toMatch(/CreationDate:\s+2026-12-03T00:00:00/);
  });

  it('makes a one-page counter poster with the essentials', async () => {
    const pages = pdfPages(await renderNotice(fixtureNotice, lang, 'poster'));
    expect(pages).toHaveLength(1);
    for (const s of [...want.purposes, '3×24', '0812-3456-7890', want.footer, want.page(1, 1)]) expect(pages[0], s).toContain(s);
  });

  it('writes a short WhatsApp text and Markdown from the same words', async () => {
    const wa = await renderNotice(fixtureNotice, lang, 'whatsapp');
    expect(wa.length).toBeLessThan(900);
    for (const s of [...want.purposes, '3×24', want.footer]) expect(wa).toContain(s);
    const md = await renderNotice(fixtureNotice, lang, 'md');
    for (const h of want.headings.slice(1)) expect(md).toContain(`## ${h}`);
    for (const p of want.purposes) expect(md).toContain(`| **${p}** `);
    expect(md).toContain(want.footer);
  });
});

describe('notice versions', () => {
  it('renders byte for byte the same for the same input, so a SHA-256 names a version', async () => {
    const [a, b] = [await renderNotice(fixtureNotice, 'id', 'pdf'), await renderNotice(fixtureNotice, 'id', 'pdf')];
    expect(sha(a)).toBe(sha(b));
    const next = await renderNotice({ ...fixtureNotice, version: { number: 4, date: '2027-01-15' } }, 'id', 'pdf');
    expect(sha(next)).not.toBe(sha(a));
    expect(pdfPages(next).join(' ')).toContain('Versi 4 · berlaku sejak 15 Januari 2027');
  });

  it('fingerprints the full text of both languages: the digest is the hash of the Markdown without its own line', async () => {
    const digest = noticeDigest(fixtureNotice);
    const withoutDigest = await Promise.all(
      (['id', 'en'] as const).map(async (lang) =>
        (await renderNotice(fixtureNotice, lang, 'md')).split('\n\n').filter((p) => !p.includes(digest)).join('\n\n'),
      ),
    );
    expect(sha(withoutDigest.join('\n'))).toBe(digest);
    const changed = { ...fixtureNotice, purposes: fixtureNotice.purposes.slice(0, 2) };
    expect(noticeDigest(changed)).not.toBe(digest);
  });

  it('names the recipients the shop records instead of "none"', async () => {
    const data = {
      ...fixtureNotice,
      recipients: [{ name: 'PT Kirim Cepat', why: { id: 'pengiriman pesanan', en: 'delivering orders' }, country: { id: 'Indonesia', en: 'Indonesia' } }],
    };
    const text = pdfPages(await renderNotice(data, 'en', 'pdf')).join(' ');
    expect(text).toContain('PT Kirim Cepat: delivering orders (kept in Indonesia)');
    expect(text).not.toContain('No one.');
    expect(await renderNotice(data, 'id', 'whatsapp')).toContain('hanya diberikan kepada: PT Kirim Cepat');
  });
});

describe('the notice dictionaries', () => {
  it('have the same keys, placeholders and plural forms in id and en', () => {
    expect(dictionaryProblems(noticeDictionaries)).toEqual([]);
  });

  it('fail the check on a key missing in either language', () => {
    const { footer: _gone, ...en } = noticeDictionaries.en;
    expect(dictionaryProblems({ id: noticeDictionaries.id, en })).toEqual(['footer: missing in en']);
    const { title: _alsoGone, ...id } = noticeDictionaries.id;
    expect(dictionaryProblems({ id, en: noticeDictionaries.en })).toEqual(['title: missing in id']);
  });
});
