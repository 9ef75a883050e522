import type { Customer, FieldDef, ImportFile } from '../contract';

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

const builtin = (key: string, kind: FieldDef['kind'], position: number, purpose = ''): FieldDef => ({
  key,
  builtin: true,
  kind,
  label: null,
  choices: [],
  enabled: purpose !== '',
  purpose,
  sensitive: key === 'birthday' || key === 'phone' || key === 'email',
  position,
});

/** The catalogue a fresh vault starts with (migration 2), plus one custom choice field. */
export const defaultFields = (): FieldDef[] => [
  builtin('phone', 'phone', 1, 'Untuk menghubungi pelanggan tentang pesanan.'),
  builtin('email', 'email', 2, 'Untuk mengirim nota lewat email.'),
  builtin('address', 'longtext', 3),
  builtin('city', 'text', 4, 'Untuk mengatur pengiriman.'),
  builtin('birthday', 'date', 5),
  builtin('gender', 'gender', 6),
  builtin('notes', 'longtext', 7, 'Untuk mengingat permintaan khusus.'),
  builtin('preferences', 'longtext', 8),
];

export const customField = (over: Partial<FieldDef> & { key: string }): FieldDef => ({
  builtin: false,
  kind: 'text',
  label: 'Ukuran baju',
  choices: [],
  enabled: true,
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
  sampleRows: [
    ['Budi Santoso', '0812-3456-7890', 'Bandung', 'pelanggan lama'],
    ['Siti Aminah', '0813 2222 3333', 'Depok', ''],
  ],
  ...over,
});
