import type { Customer, FieldDef, ImportFile, Purpose } from '../contract';

/** A customer with every field the contract has; override what a test cares about. */
export const makeCustomer = (over: Partial<Customer> & { id: number }): Customer => ({
  name: `Pelanggan ${over.id}`,
  phone: null,
  phoneDisplay: null,
  email: null,
  address: null,
  city: null,
  notes: null,
  tags: [],
  birthday: null,
  gender: null,
  preferences: null,
  custom: {},
  lastVerifiedAt: null,
  purchaseCount: 0,
  purchaseTotal: 0,
  lastPurchaseDate: null,
  createdAt: 0,
  updatedAt: 0,
  masked: [],
  ...over,
});

const builtin = (key: string, kind: FieldDef['kind'], position: number, purpose = '', purposes: string[] = []): FieldDef => ({
  key,
  builtin: true,
  kind,
  label: null,
  choices: [],
  enabled: purpose !== '',
  purposes,
  purpose,
  sensitive: key === 'birthday' || key === 'phone' || key === 'email',
  position,
});

/** The catalogue a fresh vault starts with (migration 2), plus one custom choice field. */
export const defaultFields = (): FieldDef[] => [
  builtin('phone', 'phone', 1, 'Untuk menghubungi pelanggan tentang pesanan.', ['order_updates']),
  builtin('email', 'email', 2, 'Untuk mengirim nota lewat email.', ['order_updates']),
  builtin('address', 'longtext', 3),
  builtin('city', 'text', 4, 'Untuk mengatur pengiriman.', ['order_updates']),
  builtin('birthday', 'date', 5),
  builtin('gender', 'gender', 6),
  builtin('notes', 'longtext', 7, 'Untuk mengingat permintaan khusus.', ['customer_service']),
  builtin('preferences', 'longtext', 8),
];

export const customField = (over: Partial<FieldDef> & { key: string }): FieldDef => ({
  builtin: false,
  kind: 'text',
  label: 'Ukuran baju',
  choices: [],
  enabled: true,
  purposes: ['customer_service'],
  purpose: 'Untuk menyiapkan pesanan seragam.',
  sensitive: false,
  position: 100,
  ...over,
});

/** A semicolon CSV as `import.open` describes it. */
export const sampleImportFile = (over: Partial<ImportFile> = {}): ImportFile => ({
  fileId: 'file_abcdef12',
  fileName: 'pelanggan.csv',
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ';',
  sheets: [],
  sheet: null,
  headers: ['Nama Lengkap', 'No HP', 'Kota', 'Keterangan'],
  mapping: ['name', 'phone', 'city', null],
  switchedOff: [null, null, null, null],
  sampleRows: [
    ['Budi Santoso', '0812-3456-7890', 'Bandung', 'pelanggan lama'],
    ['Siti Aminah', '0813 2222 3333', 'Depok', ''],
  ],
  ...over,
});

const purpose = (key: string, name: [string, string], basis: Purpose['basis'], months: number, from: Purpose['retention']['from'], fields: string[]): Purpose => ({
  key,
  name: { id: name[0], en: name[1] },
  description: { id: `${name[0]}.`, en: `${name[1]}.` },
  basis,
  retention: { months, from },
  needsConsent: basis === 'consent',
  fields,
  status: 'active',
  updatedAt: 0,
});

/** Purposes as migration 4 seeds them (shortened descriptions), linked like defaultFields(). */
export const defaultPurposes = (): Purpose[] => [
  purpose('order_updates', ['Kabar pesanan', 'Order updates'], 'contract', 12, 'last_purchase', ['phone', 'email', 'city']),
  purpose('customer_service', ['Layanan pelanggan', 'Customer service'], 'legitimate_interest', 24, 'last_contact', ['notes']),
  purpose('promotions_wa', ['Promo lewat WhatsApp', 'Promotions by WhatsApp'], 'consent', 1, 'consent_withdrawn', []),
];
