/**
 * Sample data for the demo vault: synthetic Indonesian customers of a small shop, with purchases
 * and tags. Deterministic (a seeded PRNG): the same seed and day give the same shop every time,
 * so a demo thrown away and started again looks the same, and tests can count on it.
 *
 * Nobody real: names are random pairings of common given names and family names (well-known
 * public figures' names left out), every e-mail is at the reserved example.com/.net/.org domains
 * (RFC 2606), and every phone number has "0000" as the first four digits after the operator
 * prefix (+62 8xx-0000-nnnn), a block that reads as made-up, like the 555 numbers of films.
 */
import { DEMO_CUSTOMER_COUNT, type CustomerInput, type PurchaseChannel, type PurchaseInput } from '../../contract';

export const DEMO_CUSTOMERS = DEMO_CUSTOMER_COUNT;
export const DEMO_SEED = 20_261_203;

const GIVEN = [
  'Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Andi', 'Wahyu', 'Sri', 'Putri', 'Eko', 'Ayu', 'Fitri', 'Rudi', 'Indah',
  'Hendra', 'Yuni', 'Dian', 'Bambang', 'Nur', 'Rizky', 'Fajar', 'Anisa', 'Ahmad', 'Made', 'Ketut', 'Nyoman', 'Wayan',
  'Intan', 'Galih', 'Sekar', 'Teguh', 'Lina', 'Yusuf', 'Ratna', 'Arif', 'Wulan', 'Doni', 'Maya', 'Hadi', 'Nia',
  'Slamet', 'Tuti', 'Bayu', 'Mega', 'Irfan', 'Citra', 'Gilang', 'Kartika', 'Rahmat', 'Novi', 'Dimas', 'Lestari',
] as const;
const FAMILY = [
  'Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Nasution', 'Siregar', 'Harahap', 'Lubis', 'Simanjuntak',
  'Kusuma', 'Setiawan', 'Gunawan', 'Susanto', 'Wibowo', 'Nugroho', 'Rahmawati', 'Permata', 'Utami', 'Purnama',
  'Hakim', 'Ramadhan', 'Firmansyah', 'Sitompul', 'Manurung', 'Tambunan', 'Pangaribuan', 'Sari', 'Maharani',
  'Kurniawan', 'Handayani', 'Prasetyo', 'Suryani', 'Anggraini', 'Syahputra', 'Wulandari', 'Hartono', 'Halim',
] as const;
/** City, and a street pattern that fits it. */
const CITIES = [
  'Jakarta', 'Surabaya', 'Bandung', 'Medan', 'Semarang', 'Makassar', 'Palembang', 'Denpasar', 'Yogyakarta', 'Malang',
  'Bogor', 'Depok', 'Tangerang', 'Bekasi', 'Surakarta', 'Balikpapan', 'Manado', 'Pontianak', 'Padang', 'Pekanbaru',
] as const;
const STREETS = ['Jl. Melati', 'Jl. Kenanga', 'Jl. Mawar', 'Jl. Sudirman', 'Jl. Diponegoro', 'Jl. Gajah Mada', 'Jl. Merdeka', 'Gg. Kelinci', 'Jl. Pahlawan', 'Jl. Cempaka'] as const;
const PREFIXES = ['811', '812', '813', '821', '822', '852', '853', '857', '858', '877', '878', '895', '896', '881'] as const;
const DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
const TAGS = ['pelanggan setia', 'reseller', 'grosir', 'vip', 'baru', 'online', 'langganan wa', 'arisan'] as const;
const NOTES = [
  'Suka motif batik parang.',
  'Minta dikirim sore hari.',
  'Biasanya pesan lewat WhatsApp.',
  'Bayar pakai transfer bank.',
  'Ukuran baju L.',
  'Alergi kacang: jangan tawarkan kue kacang.',
  'Langganan sejak buka toko.',
  'Sering pesan untuk acara kantor.',
] as const;
/** A small clothing-and-snacks shop's goods, priced in whole rupiah. */
const GOODS: readonly (readonly [string, number])[] = [
  ['Kemeja batik lengan panjang', 185_000],
  ['Kerudung segi empat', 65_000],
  ['Kaos polos', 45_000],
  ['Sarung tenun', 150_000],
  ['Kue lapis legit (1 loyang)', 240_000],
  ['Keripik tempe 250 g', 18_000],
  ['Sambal bawang 150 g', 25_000],
  ['Kopi Gayo 200 g', 72_000],
  ['Teh melati 100 g', 15_000],
  ['Tas anyaman pandan', 95_000],
  ['Daster rayon', 55_000],
  ['Rendang kemasan 500 g', 130_000],
];
const CHANNELS: readonly PurchaseChannel[] = ['store', 'store', 'whatsapp', 'whatsapp', 'marketplace', 'other'];

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; good enough for sample data, not for secrets. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface DemoCustomer {
  customer: CustomerInput;
  /** Purchases without `customerId` (known once the customer is saved). */
  purchases: Omit<PurchaseInput, 'customerId'>[];
}

export interface DemoOptions {
  count?: number;
  seed?: number;
  /** Purchase dates fall in the year before this day (YYYY-MM-DD). */
  today: string;
}

const DAY = 86_400_000;

/** The demo shop's customers, in a fixed order for a given seed, count and day. */
export function demoCustomers({ count = DEMO_CUSTOMERS, seed = DEMO_SEED, today }: DemoOptions): DemoCustomer[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const end = Date.parse(`${today}T00:00:00Z`);
  if (!Number.isFinite(end)) throw new Error(`not a day: ${today}`);
  const seen = new Set<string>();
  const out: DemoCustomer[] = [];
  for (let i = 0; out.length < count; i++) {
    const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
    // Pairings repeat after a while; a name is used once, the shop has no two identical ones.
    if (seen.has(name) && i < count * 20) continue;
    seen.add(name);
    const n = out.length + 1;
    const city = pick(CITIES);
    const [given = name, family = ''] = name.toLowerCase().split(' ');
    const customer: CustomerInput = {
      name,
      phone: `+62 ${pick(PREFIXES)}-0000-${String(n).padStart(4, '0')}`,
      city,
      address: `${pick(STREETS)} No. ${1 + Math.floor(rnd() * 120)}, ${city}`,
      tags: [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(TAGS)))],
    };
    if (rnd() < 0.6) customer.email = `${given}.${family}${n}@${pick(DOMAINS)}`;
    if (rnd() < 0.25) customer.notes = pick(NOTES);
    const purchases = Array.from({ length: Math.floor(rnd() * 6) }, () => {
      const [description, price] = pick(GOODS);
      const quantity = 1 + Math.floor(rnd() * 3);
      const date = new Date(end - Math.floor(rnd() * 365) * DAY).toISOString().slice(0, 10);
      return { date, description: quantity > 1 ? `${description} ×${quantity}` : description, amount: price * quantity, channel: pick(CHANNELS) };
    });
    purchases.sort((a, b) => a.date.localeCompare(b.date));
    out.push({ customer, purchases });
  }
  return out;
}
