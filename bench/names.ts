/** Word lists for synthetic Indonesian customers: common given names across the archipelago, family names, places. */

export const GIVEN_FEMALE = [
  'Siti', 'Sri', 'Dewi', 'Nur', 'Rina', 'Putri', 'Indah', 'Dian', 'Fitri', 'Ayu', 'Wulan', 'Ratna', 'Lestari', 'Yuni',
  'Wati', 'Ani', 'Eka', 'Intan', 'Rini', 'Novi', 'Maya', 'Lina', 'Mega', 'Rahayu', 'Kartika', 'Nurul', 'Anisa',
  'Aisyah', 'Dewanti', 'Endang', 'Sulastri', 'Suharti', 'Tuti', 'Yanti', 'Fatimah', 'Nia', 'Ratih', 'Sari', 'Diah',
  'Retno', 'Puspita', 'Kurnia', 'Melati', 'Anggraini', 'Handayani', 'Wahyuni', 'Susanti', 'Yulia', 'Citra', 'Nabila',
  'Salsabila', 'Zahra', 'Aulia', 'Amelia', 'Safitri', 'Nadia', 'Tri', 'Ika', 'Evi', 'Heni', 'Lia', 'Mira', 'Ningsih',
  'Kadek', 'Komang', 'Ni Luh', 'Ni Made', 'Desak', 'Butet', 'Ros', 'Theresia', 'Maria', 'Magdalena', 'Veronika',
  'Agnes', 'Yohana', 'Natalia', 'Meiliana', 'Lenny', 'Sinta', 'Rosdiana', 'Juwita', 'Asih', 'Sumiati', 'Ma\'rifah',
] as const;

export const GIVEN_MALE = [
  'Budi', 'Agus', 'Eko', 'Joko', 'Ahmad', 'Muhammad', 'Wahyu', 'Rizki', 'Adi', 'Hendra', 'Yudi', 'Bambang', 'Slamet',
  'Sutrisno', 'Andi', 'Dimas', 'Fajar', 'Gilang', 'Hadi', 'Irfan', 'Rudi', 'Dedi', 'Arif', 'Bayu', 'Teguh', 'Hery',
  'Imam', 'Yusuf', 'Rahmat', 'Hasan', 'Iwan', 'Dwi', 'Doni', 'Aditya', 'Reza', 'Fikri', 'Ilham', 'Rian', 'Taufik',
  'Wawan', 'Sugeng', 'Supriyadi', 'Suryadi', 'Heru', 'Yoga', 'Galih', 'Aris', 'Nanang', 'Dadang', 'Asep', 'Ujang',
  'Cecep', 'Made', 'Ketut', 'Wayan', 'Nyoman', 'Putu', 'Gede', 'Komang', 'I Made', 'I Wayan', 'Fransiskus', 'Yohanes',
  'Petrus', 'Antonius', 'Markus', 'Daniel', 'Hendrik', 'Togar', 'Parlindungan', 'Baharuddin', 'Syamsul', 'Zainal',
  'Ridwan', 'Lukman', 'Firman', 'Hamzah', 'Anwar', 'Ma\'ruf', 'Kurniawan', 'Setiadi', 'Jefri', 'Steven', 'Kevin',
] as const;

export const FAMILY = [
  'Santoso', 'Wijaya', 'Hartono', 'Saputra', 'Pratama', 'Siregar', 'Nasution', 'Simanjuntak', 'Hutapea', 'Lubis',
  'Harahap', 'Sinaga', 'Tanjung', 'Hidayat', 'Setiawan', 'Kusuma', 'Gunawan', 'Susanto', 'Halim', 'Salim', 'Tan',
  'Lim', 'Wibowo', 'Purnomo', 'Nugroho', 'Prasetyo', 'Rahman', 'Hakim', 'Syahputra', 'Manurung', 'Pangaribuan',
  'Situmorang', 'Sembiring', 'Ginting', 'Tarigan', 'Lumbantobing', 'Sitompul', 'Panjaitan', 'Siahaan', 'Hasibuan',
  'Daulay', 'Matondang', 'Pardede', 'Napitupulu', 'Silalahi', 'Sihombing', 'Simatupang', 'Tambunan', 'Batubara',
  'Rangkuti', 'Pohan', 'Wijayakusuma', 'Sutanto', 'Hermawan', 'Kurniawati', 'Permana', 'Ramadhan', 'Firmansyah',
  'Hidayatullah', 'Maulana', 'Fauzi', 'Suharto', 'Sukarno', 'Utomo', 'Budiman', 'Wirawan', 'Suryono', 'Sulistyo',
  'Prabowo', 'Wicaksono', 'Adiputra', 'Mahendra', 'Pangestu', 'Sanjaya', 'Tjahjadi', 'Gozali', 'Lie', 'Oey',
  'Wongso', 'Kartawijaya', 'Tanoto', 'Effendi', 'Hamid', 'Latief', 'Mappanyukki', 'Daeng', 'Pattiradjawane',
  'Rumbiak', 'Wenda', 'Mandagi', 'Rondonuwu', 'Lumowa', 'Tuwaidan', 'Sumampouw', 'Suparman', 'Junaedi',
] as const;

/** Javanese and Sundanese single names: many Indonesians have only one. */
export const MONONYMS = [
  'Suharti', 'Sumarni', 'Sukirman', 'Paijo', 'Tukiyem', 'Mulyono', 'Sarinah', 'Karto', 'Painem', 'Ngatini',
  'Sumiyati', 'Wagiman', 'Suyatno', 'Parman', 'Tumini', 'Kasmin', 'Sutini', 'Darmo', 'Juminten', 'Sugiarto',
] as const;

/** Cities with rough weights (bigger places appear more often). */
export const CITIES: readonly (readonly [string, number])[] = [
  ['Jakarta Selatan', 30], ['Jakarta Barat', 25], ['Jakarta Timur', 28], ['Jakarta Utara', 15], ['Jakarta Pusat', 10],
  ['Surabaya', 30], ['Bandung', 26], ['Medan', 24], ['Semarang', 16], ['Makassar', 15], ['Palembang', 14],
  ['Tangerang', 18], ['Tangerang Selatan', 12], ['Depok', 16], ['Bekasi', 22], ['Bogor', 14], ['Yogyakarta', 10],
  ['Malang', 10], ['Denpasar', 9], ['Balikpapan', 6], ['Pontianak', 6], ['Manado', 5], ['Padang', 8], ['Pekanbaru', 9],
  ['Banjarmasin', 6], ['Samarinda', 7], ['Surakarta', 6], ['Batam', 8], ['Jambi', 5], ['Cirebon', 4], ['Kediri', 3],
  ['Mataram', 4], ['Kupang', 3], ['Jayapura', 2], ['Ambon', 2], ['Sidoarjo', 8], ['Gresik', 4], ['Cimahi', 4],
  ['Tasikmalaya', 4], ['Serang', 4], ['Lampung', 7], ['Bengkulu', 2], ['Palu', 2], ['Kendari', 2], ['Gorontalo', 1],
  ['Ternate', 1], ['Sorong', 1], ['Banda Aceh', 2], ['Purwokerto', 3], ['Magelang', 2], ['Madiun', 2], ['Jember', 3],
];

/** Area codes of landlines (without the trunk 0) and how many subscriber digits they take. */
export const AREA_CODES: readonly (readonly [string, number])[] = [
  ['21', 8], ['22', 7], ['24', 7], ['31', 7], ['61', 7], ['274', 6], ['341', 6], ['361', 6], ['411', 6], ['711', 6],
];

/** Mobile prefixes (national, without 0): Telkomsel, Indosat, XL, Axis, Tri, Smartfren. */
export const MOBILE_PREFIXES = [
  '811', '812', '813', '821', '822', '823', '851', '852', '853', '814', '815', '816', '855', '856', '857', '858',
  '817', '818', '819', '859', '877', '878', '831', '832', '833', '838', '895', '896', '897', '898', '899', '881',
  '882', '883', '887', '888', '889',
] as const;

export const MAIL_DOMAINS = [
  'gmail.com', 'gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'yahoo.co.id', 'ymail.com', 'hotmail.com',
  'outlook.com', 'icloud.com', 'live.com', 'rocketmail.com',
] as const;

export const TAGS = [
  'VIP', 'grosir', 'langganan', 'reseller', 'online', 'member', 'baru', 'COD', 'dropship', 'instagram', 'tokopedia',
  'shopee', 'whatsapp', 'kantor', 'sekolah', 'arisan', 'katering', 'ojol',
] as const;

export const NOTES = [
  'suka kopi tubruk', 'minta dikirim sore', 'bayar via transfer BCA', 'bayar via QRIS', 'alamat kantor; kirim Senin–Jumat',
  'pelanggan sejak 2019', 'minta nota dikirim lewat WA', 'alergi kacang', 'ukuran baju XL', 'pesan kue ulang tahun tiap Maret',
  'titip di pos satpam', 'rumah cat hijau, pagar hitam', 'hubungi suami kalau tidak diangkat', 'langganan galon tiap Senin',
  'sering pesan "paket hemat"', 'minta diskon grosir, 10%', 'COD saja', 'kirim pakai JNE', 'kirim pakai SiCepat',
  'pakai kantong kertas, bukan plastik', 'pelanggan lama dari toko Pasar Baru', 'biasanya ambil sendiri',
] as const;

export const STREETS = [
  'Jl. Merdeka', 'Jl. Sudirman', 'Jl. Diponegoro', 'Jl. Gatot Subroto', 'Jl. Ahmad Yani', 'Jl. Pahlawan',
  'Jl. Imam Bonjol', 'Jl. Kartini', 'Jl. Pemuda', 'Jl. Veteran', 'Gg. Mawar', 'Gg. Melati', 'Jl. Raya Bogor',
  'Jl. Hayam Wuruk', 'Jl. Gajah Mada', 'Komplek Griya Asri Blok C', 'Perum Bumi Indah',
] as const;
