/** Bahasa Indonesia — the primary navigation (features/nav) and the pages it leads to. */
export const idNav = {
  'nav.label': 'Navigasi utama',
  'nav.customers': 'Pelanggan',
  'nav.privacy': 'Privasi',
  'nav.purposes': 'Tujuan & persetujuan',
  'nav.notice': 'Pemberitahuan privasi',
  'nav.requests': 'Permintaan data',
  'nav.settings': 'Pengaturan',

  'privacy.purposes.title': 'Tujuan & persetujuan',
  'privacy.purposes.intro':
    'Data apa yang dikumpulkan toko ini, dan untuk apa. Pelanggan berhak tahu tujuan setiap data, dasar hukumnya, dan berapa lama disimpan.',
  'privacy.purposes.readOnly': 'Hanya Pemilik toko yang bisa mengubah tujuan dan data yang dikumpulkan.',
  'privacy.fields.title': 'Data yang dikumpulkan',
};
