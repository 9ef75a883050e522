/** Documents' input as a small shop would fill it — for tests and previews until the services feed them. */
import type { ConsentFormData, ConsentReceiptData } from './templates/consent-data';
import { DEFAULT_AUTHORITY, type NoticeData, type NoticePurpose } from './templates/notice-data';
import { noticeBrief } from './templates/notice-short';

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

/** The shop's consent-based purposes beside the notice's: promotions, birthday greetings, photos. */
const formPurposes: NoticePurpose[] = [
  ...fixtureNotice.purposes,
  {
    key: 'birthday_greetings',
    name: { id: 'Ucapan ulang tahun', en: 'Birthday greetings' },
    description: { id: 'Mengirim ucapan dan potongan harga 10% pada hari ulang tahun Anda.', en: 'Sending a greeting and a 10% discount on your birthday.' },
    basis: 'consent',
    fields: [
      { id: 'Nama', en: 'Name' },
      { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
      { id: 'Tanggal lahir', en: 'Birthday' },
    ],
    retention: { months: 1, from: 'consent_withdrawn' },
  },
  {
    key: 'showcase_photos',
    name: { id: 'Foto hasil jahitan di Instagram toko', en: "Photos of your garment on the shop's Instagram" },
    description: {
      id: 'Memotret pakaian jadi Anda (tanpa wajah) untuk contoh di akun Instagram toko.',
      en: "Photographing your finished garment (without your face) as an example on the shop's Instagram account.",
    },
    basis: 'consent',
    fields: [{ id: 'Foto pakaian', en: 'Photo of the garment' }],
    retention: { months: 24, from: 'last_purchase' },
  },
];

/** A consent form pre-filled for one customer, under notice version 3. */
export const fixtureConsentForm: ConsentFormData = {
  shop: fixtureNotice.shop,
  purposes: formPurposes,
  notice: noticeBrief({ ...fixtureNotice, purposes: formPurposes }),
  customer: { name: 'Ratna Dewi Lestari', phone: '0813-2222-4444' },
  date: '2026-12-04',
};

/** Consent to promotions given on the paper form, recorded by a cashier at 14:05 WIB. */
export const fixtureConsentReceipt: ConsentReceiptData = {
  shop: fixtureNotice.shop,
  customer: { name: 'Ratna Dewi Lestari', phone: '0813-2222-4444' },
  purpose: formPurposes[1]!,
  entry: {
    id: 42,
    state: 'given',
    at: Date.UTC(2026, 11, 4, 7, 5),
    method: 'paper',
    recordedBy: { id: 2, name: 'Dewi (kasir)' },
    noticeVersion: 3,
    guardian: null,
  },
  notice: { date: '2026-12-03', sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' },
  recipients: [],
  authority: DEFAULT_AUTHORITY,
};
