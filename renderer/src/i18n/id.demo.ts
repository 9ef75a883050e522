/** Bahasa Indonesia — trying Brankas with sample data (the demo vault). */
export const idDemo = {
  'demo.offer.title': 'Ingin melihat dulu?',
  'demo.offer.hint':
    'Brankas terpisah berisi sekitar {count} pelanggan rekaan, lengkap dengan pembelian dan label. Tidak tercampur dengan data asli Anda dan bisa dibuang kapan saja.',
  'demo.offer.start': 'Coba dulu dengan data contoh',
  'demo.offer.starting': 'Menyiapkan data contoh…',
  'demo.banner.label': 'Mode demo',
  'demo.banner.title': 'DEMO — data contoh, bukan data asli',
  'demo.banner.signIn': 'Untuk masuk lagi: {name}, kata sandi',
  'demo.banner.discard': 'Buang data contoh',
  'demo.banner.discarding': 'Membuang…',
  'demo.banner.failed': 'Data contoh belum bisa dibuang. Coba lagi.',
};
