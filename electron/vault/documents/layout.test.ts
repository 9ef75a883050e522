import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatNumber, formatRupiah, type Lang } from '../../contract/i18n';
import { renderConsentForm, renderConsentReceipt, receiptFormats } from './consent';
import { fixtureConsentForm, fixtureConsentReceipt, fixtureNotice } from './fixture';
import type { DocumentModel } from './model';
import { noticeFormats, renderNotice } from './notice';
import { renderPdf } from './render';
import { pdfPages } from './testing';

/** A long purchase list: enough rows to run over two pages. */
function ledger(lang: Lang): DocumentModel {
  const rows = Array.from({ length: 70 }, (_, i) => [formatDate(lang, `2026-12-${String((i % 28) + 1).padStart(2, '0')}`, 'long'), `Kain batik #${i + 1}`, formatRupiah(1_250_000 + i)]);
  return {
    title: 'Ledger',
    author: 'Toko Sari Kain',
    date: new Date('2026-12-03T00:00:00Z'),
    kind: 'document',
    blocks: [
      { kind: 'title', text: lang === 'id' ? 'Riwayat pembelian' : 'Purchase history' },
      { kind: 'paragraph', text: formatNumber(lang, 1250) },
      { kind: 'table', columns: ['Tanggal', 'Barang', 'Jumlah'], rows, widths: [2, 3, 2] },
    ],
    footer: 'footer line',
    pageLabel: (page, total) => `p${page}/${total}`,
  };
}

describe('the layout layer', () => {
  it('writes money, numbers and dates as the shared formats do, in each language', async () => {
    const id = pdfPages(await renderPdf(ledger('id'))).join(' ');
    expect(id).toContain('Rp 1.250.000');
    expect(id).toContain('3 Desember 2026');
    expect(id).toMatch(/Riwayat pembelian 1\.250 /);
    const en = pdfPages(await renderPdf(ledger('en'))).join(' ');
    expect(en).toContain('Rp 1.250.069');
    expect(en).toContain('28 December 2026');
    expect(en).toMatch(/Purchase history 1,250 /);
  });

  it('carries a long table over pages, repeating its header, with the footer and page number on each', async () => {
    const pages = pdfPages(await renderPdf(ledger('id')));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain('Tanggal Barang Jumlah');
      expect(page).toContain(`footer line p${i + 1}/${pages.length}`);
    });
    const all = pages.join(' ');
    for (let i = 1; i <= 70; i++) expect(all).toContain(`Kain batik #${i} `);
  });
});

describe('rendering offline', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens no connection and looks up no name for any output', async () => {
    const refuse = (what: string) => () => {
      throw new Error(`network used: ${what}`);
    };
    const spies = [
      vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse('socket')),
      vi.spyOn(http, 'request').mockImplementation(refuse('http')),
      vi.spyOn(https, 'request').mockImplementation(refuse('https')),
      vi.spyOn(dns, 'lookup').mockImplementation(refuse('dns')),
      vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch')),
    ];
    for (const lang of ['id', 'en'] as const) {
      for (const format of noticeFormats) expect((await renderNotice(fixtureNotice, lang, format)).length).toBeGreaterThan(100);
      for (const format of receiptFormats) expect((await renderConsentReceipt(fixtureConsentReceipt, lang, format)).length).toBeGreaterThan(100);
    }
    expect((await renderConsentForm(fixtureConsentForm)).length).toBeGreaterThan(100);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
