/** A notice's input as a small shop would fill it — for tests and a preview until purposes land. */
import { DEFAULT_AUTHORITY, type NoticeData } from './templates/notice-data';

export const fixtureNotice: NoticeData = {
  shop: {
    name: 'Toko Sari Kain',
    address: 'Jl. Malioboro No. 12, Yogyakarta',
    whatsapp: '0812-3456-7890',
    phone: '(0274) 512 345',
    email: 'halo@sarikain.id',
  },
  purposes: [
    {
      key: 'order_updates',
      name: { id: 'Kabar pesanan lewat WhatsApp', en: 'Order updates by WhatsApp' },
      description: { id: 'Memberi tahu bila pesanan jahitan Anda siap diambil.', en: 'Telling you when your tailoring order is ready.' },
      basis: 'contract',
      fields: [
        { id: 'Nama', en: 'Name' },
        { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
      ],
      retention: { months: 18, from: 'last_purchase' },
    },
    {
      key: 'promotions',
      name: { id: 'Promo lewat WhatsApp', en: 'Promotions by WhatsApp' },
      description: { id: 'Mengirim kabar kain baru dan diskon, paling banyak dua kali sebulan.', en: 'Sending news of new fabrics and discounts, at most twice a month.' },
      basis: 'consent',
      fields: [
        { id: 'Nama', en: 'Name' },
        { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
        { id: 'Tanggal lahir', en: 'Birthday' },
      ],
      retention: { months: 1, from: 'consent_withdrawn' },
    },
    {
      key: 'invoices',
      name: { id: 'Faktur dan catatan pajak', en: 'Invoices and tax records' },
      description: { id: 'Menyimpan faktur pembelian sebagaimana diwajibkan hukum pajak.', en: 'Keeping purchase invoices as tax law requires.' },
      basis: 'legal_obligation',
      fields: [
        { id: 'Nama', en: 'Name' },
        { id: 'Riwayat pembelian', en: 'Purchase history' },
      ],
      retention: { months: 120, from: 'contract_end' },
    },
  ],
  access: [
    { role: 'owner', sees: { id: 'semua data dan catatan audit', en: 'all data and the audit trail' } },
    { role: 'staff', sees: { id: 'nama, nomor WhatsApp dan riwayat pembelian', en: 'name, WhatsApp number and purchase history' } },
  ],
  backups: { encrypted: true, place: { id: 'diska USB yang disimpan di lemari kantor', en: 'a USB disk kept in the office cupboard' } },
  recipients: [],
  authority: DEFAULT_AUTHORITY,
  version: { number: 3, date: '2026-12-03' },
};
