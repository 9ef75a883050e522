/**
 * Bahasa Indonesia — the privacy notice, its counter poster and its WhatsApp text. The source of
 * the keys: notice.en.ts must have the same (the compiler and documents.test.ts both check).
 * Messages use the shared i18n core (electron/contract/i18n): `{name}` placeholders, plural forms.
 */
export const noticeId = {
  title: 'Pemberitahuan Privasi',
  subtitle: '{shop} · Versi {version} · berlaku sejak {date}',
  digest: 'Sidik jari SHA-256 teks ini (id dan en): {sha}',
  intro:
    '{shop} menyimpan data pelanggan untuk melayani Anda. Pemberitahuan ini menjelaskan data apa yang kami simpan, untuk apa, berapa lama, siapa yang dapat melihatnya, dan hak Anda menurut Undang-Undang Pelindungan Data Pribadi (UU No. 27 Tahun 2022).',

  'who.heading': 'Siapa kami dan cara menghubungi kami',
  'who.address': 'Alamat: {address}',
  'who.whatsapp': 'WhatsApp: {number}',
  'who.phone': 'Telepon: {number}',
  'who.email': 'Email: {email}',

  'purposes.heading': 'Untuk apa data Anda kami gunakan',
  'purposes.count': { other: 'Kami memakai data Anda untuk {count} tujuan berikut, dan tidak untuk yang lain.' },
  'purposes.col.purpose': 'Tujuan',
  'purposes.col.basis': 'Dasar hukum',
  'purposes.col.data': 'Data yang dipakai',
  'purposes.col.retention': 'Lama disimpan',
  'purposes.consentNote':
    'Tujuan yang dasarnya persetujuan hanya berlaku bila Anda menyetujuinya. Menolak tidak mengurangi layanan lain kepada Anda, dan persetujuan dapat ditarik kapan saja.',

  'basis.consent': 'Persetujuan Anda (Pasal 20 ayat (2) huruf a)',
  'basis.contract': 'Memenuhi perjanjian dengan Anda, misalnya pesanan (huruf b)',
  'basis.legal_obligation': 'Kewajiban hukum toko, misalnya pajak (huruf c)',
  'basis.vital_interest': 'Melindungi kepentingan vital Anda (huruf d)',
  'basis.public_task': 'Tugas untuk kepentingan umum (huruf e)',
  'basis.legitimate_interest': 'Kepentingan sah toko, yang tidak mengalahkan hak Anda (huruf f)',

  'retention.months': { other: '{count} bulan' },
  'retention.years': { other: '{count} tahun' },
  'retention.from.last_purchase': '{period} sejak pembelian terakhir',
  'retention.from.last_contact': '{period} sejak kontak terakhir',
  'retention.from.consent_withdrawn': '{period} sejak persetujuan ditarik',
  'retention.from.contract_end': '{period} sejak perjanjian berakhir',

  'access.heading': 'Siapa di toko yang dapat melihat data Anda',
  'access.intro': 'Setiap orang masuk dengan akunnya sendiri, hanya melihat yang perlu untuk tugasnya, dan setiap akses dicatat.',
  'access.item': '{role}: {sees}',
  'role.owner': 'Pemilik toko',
  'role.manager': 'Manajer',
  'role.staff': 'Kasir / staf',
  'role.viewer': 'Peninjau (hanya melihat)',

  'storage.heading': 'Di mana data Anda disimpan',
  'storage.pc': 'Di komputer toko ini, dalam brankas terenkripsi. Tanpa kata sandi, isinya tidak dapat dibaca.',
  'storage.backups': 'Cadangan dibuat sebagai salinan yang juga terenkripsi.',
  'storage.backupsPlace': 'Cadangan dibuat sebagai salinan yang juga terenkripsi, disimpan di: {place}.',
  'storage.noBackups': 'Tidak ada salinan di luar komputer ini.',

  'recipients.heading': 'Siapa lagi yang menerima data Anda',
  'recipients.none': 'Tidak ada. Data Anda tidak diberikan kepada pihak ketiga dan tidak dikirim ke luar negeri.',
  'recipients.intro': 'Data Anda hanya diberikan kepada penerima berikut, untuk keperluan yang disebut:',
  'recipients.item': '{name}: {why} (disimpan di {country})',

  'recipients.abroad': 'Dikirim ke luar negeri: {names}. Kami hanya melakukannya bila perlindungan data di sana setidaknya setara dengan UU PDP, dan kami mencatatnya.',
  'recipients.notAbroad': 'Tidak ada data yang dikirim ke luar negeri.',

  'rights.heading': 'Hak Anda (Pasal 5–13 UU PDP)',
  'rights.5': 'Informasi (Pasal 5): mengetahui siapa kami, untuk apa dan atas dasar apa data Anda diproses — pemberitahuan ini.',
  'rights.6':
    'Pembetulan (Pasal 6): meminta data yang salah atau tidak lengkap dibetulkan. Kami membetulkannya paling lambat 3×24 jam sejak permintaan dan memberi tahu Anda hasilnya (Pasal 30).',
  'rights.7': 'Akses dan salinan (Pasal 7): mendapat salinan data Anda. Kami memberikannya paling lambat 3×24 jam sejak permintaan (Pasal 32).',
  'rights.8':
    'Mengakhiri pemrosesan dan penghapusan (Pasal 8): meminta kami berhenti memproses, menghapus, atau memusnahkan data Anda. Kami melakukannya segera dan mencatatnya.',
  'rights.9':
    'Menarik persetujuan (Pasal 9): kapan saja, semudah memberikannya. Pemrosesan untuk tujuan itu berhenti paling lambat 3×24 jam (Pasal 40).',
  'rights.10': 'Keberatan atas keputusan otomatis (Pasal 10): toko ini tidak membuat keputusan tentang Anda hanya dengan mesin.',
  'rights.11': 'Menunda atau membatasi pemrosesan (Pasal 11): kami melakukannya paling lambat 3×24 jam sejak permintaan (Pasal 41).',
  'rights.12': 'Ganti rugi (Pasal 12): menuntut ganti rugi bila data Anda diproses dengan melanggar hukum.',
  'rights.13': 'Portabilitas (Pasal 13): mendapat data Anda dalam bentuk yang dapat dibaca komputer, untuk dibawa ke tempat lain.',

  'use.heading': 'Cara menggunakan hak Anda',
  'use.intro': 'Tidak perlu formulir khusus. Sampaikan permintaan dengan salah satu cara ini; kami mencatatnya dan menjawab dalam batas waktu di atas.',
  'use.walkIn': 'Datang langsung ke toko: {address}',
  'use.whatsapp': 'Kirim pesan WhatsApp ke {number}',
  'use.phone': 'Telepon ke {number}',
  'use.email': 'Kirim email ke {email}',
  'use.identity': 'Kami dapat meminta Anda menunjukkan bahwa data itu memang milik Anda, agar data Anda tidak jatuh ke orang lain.',

  'complaint.heading': 'Mengadu kepada otoritas',
  'complaint.text': 'Bila Anda merasa data Anda tidak kami tangani dengan benar, Anda dapat mengadu kepada {authority}.',

  draft: 'KONSEP — belum diterbitkan (akan menjadi versi {version}). Jangan diberikan kepada pelanggan.',
  'footer.draft': '{shop} · KONSEP pemberitahuan privasi, belum diterbitkan · Templat untuk ditinjau toko, bukan nasihat hukum.',
  'wa.draft': '*KONSEP — belum diterbitkan*',

  'field.name': 'Nama',
  'field.phone': 'Nomor telepon / WhatsApp',
  'field.email': 'Email',
  'field.address': 'Alamat',
  'field.city': 'Kota',
  'field.birthday': 'Tanggal lahir',
  'field.gender': 'Jenis kelamin',
  'field.notes': 'Catatan',
  'field.preferences': 'Preferensi',
  'sees.all': 'semua data pelanggan',
  'sees.masked': 'data pelanggan, dengan telepon, email, alamat, tanggal lahir dan data sensitif tersamar',
  'sees.reveal': 'data pelanggan, dengan telepon, email, alamat, tanggal lahir dan data sensitif tersamar; satu nilai dapat dibuka bila perlu, dan setiap pembukaan dicatat',
  'sees.audit': '{sees}, serta catatan audit',

  footer: '{shop} · Pemberitahuan privasi versi {version}, {date} · Templat untuk ditinjau toko, bukan nasihat hukum.',
  page: 'Halaman {page} dari {total}',

  'poster.title': 'Data Anda di {shop}',
  'poster.uses': 'Kami menyimpan data Anda hanya untuk:',
  'poster.safe': 'Tersimpan terenkripsi di komputer toko. Tidak diberikan kepada pihak lain.',
  'poster.shared': 'Tersimpan terenkripsi di komputer toko. Hanya diberikan kepada: {names}.',
  'poster.rights': 'Anda berhak melihat, membetulkan, dan menghapus data Anda, serta menarik persetujuan kapan saja. Kami menjawab dalam 3×24 jam.',
  'poster.ask': 'Tanyakan di kasir.',
  'poster.askWhatsapp': 'Tanyakan di kasir atau lewat WhatsApp {number}.',
  'poster.full': 'Pemberitahuan lengkap tersedia di kasir (versi {version}, {date}).',

  'wa.title': '*Pemberitahuan Privasi {shop}* (versi {version}, {date})',
  'wa.uses': 'Data Anda kami pakai untuk: {purposes}.',
  'wa.stored': 'Disimpan terenkripsi di komputer toko; tidak diberikan kepada pihak lain.',
  'wa.storedShared': 'Disimpan terenkripsi di komputer toko; hanya diberikan kepada: {names}.',
  'wa.rights': 'Anda dapat meminta salinan, pembetulan, atau penghapusan data, dan menarik persetujuan kapan saja: balas pesan ini. Kami menjawab dalam 3×24 jam.',
  'wa.full': 'Pemberitahuan lengkap: minta di toko.',
  and: 'dan',
  'wa.disclaimer': '_Templat untuk ditinjau toko, bukan nasihat hukum._',
} as const;

export type NoticeKey = keyof typeof noticeId;
