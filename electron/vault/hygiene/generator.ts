/**
 * A seeded generator of Indonesian customer lists with duplicates whose truth is known: the
 * corruptions shops' spreadsheets carry (titles and degrees, Muhammad's variants, the old
 * spelling, typos, swapped name order, y/i, missing values, a changed phone number, address
 * abbreviations) and households that share one WhatsApp number and one address but are two people.
 * For the accuracy test and the bench; the same seed gives the same list.
 */
import type { LinkRow } from './prepare';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Joko', 'Ahmad', 'Muhammad', 'Putri', 'Sri', 'Eko', 'Andi', 'Wulan', 'Bayu', 'Dian', 'Indah', 'Fitri', 'Hendra',
  'Yusuf', 'Rizki', 'Fajar', 'Nur', 'Arif', 'Bambang', 'Sugeng', 'Slamet', 'Yanti', 'Ratna', 'Tuti', 'Wahyu', 'Dedi', 'Heru', 'Iwan', 'Lina', 'Maya', 'Nina',
  'Oki', 'Rudi', 'Sari', 'Taufik', 'Umar', 'Vina', 'Winda', 'Yoga', 'Zainal', 'Gilang', 'Hesti', 'Irfan', 'Kiki', 'Lukman', 'Mega', 'Novi', 'Puspita', 'Reza',
  'Surya', 'Tri', 'Utami', 'Wayan', 'Made', 'Ketut', 'Putu', 'Kadek', 'Komang', 'Ayu', 'Citra', 'Dimas', 'Erna', 'Fauzan', 'Galih', 'Hana', 'Ilham', 'Jihan',
  'Adi', 'Anton', 'Aryo', 'Bagus', 'Benny', 'Cahya', 'Danu', 'Desi', 'Edi', 'Elly', 'Endang', 'Fadli', 'Farah', 'Ferry', 'Gita', 'Guntur', 'Hadi', 'Hari', 'Ida',
  'Intan', 'Irma', 'Jaka', 'Johan', 'Kartini', 'Kevin', 'Laras', 'Lilis', 'Melati', 'Mira', 'Nanda', 'Nanang', 'Nia', 'Okta', 'Panji', 'Pipit', 'Rahmat', 'Ratih',
  'Rini', 'Rosa', 'Sandi', 'Satria', 'Sinta', 'Siska', 'Sony', 'Teguh', 'Tika', 'Toni', 'Ujang', 'Vivi', 'Wati', 'Yani', 'Yosef', 'Yudi', 'Yuli', 'Zahra', 'Asep',
  'Cecep', 'Dadang', 'Euis', 'Iis', 'Neneng', 'Ucok', 'Butet', 'Togar', 'Ucup', 'Gede', 'Nyoman', 'Agung', 'Bima', 'Candra', 'Dodi', 'Evi', 'Fikri', 'Hasan', 'Imam',
];
const SECOND = ['', '', '', '', 'Aminah', 'Wahyuni', 'Lestari', 'Rahmawati', 'Pratama', 'Saputra', 'Kurniawan', 'Hidayat', 'Nugraha', 'Putra', 'Sari', 'Ayu', 'Aditya', 'Ramadhan', 'Indah', 'Eka', 'Dwi', 'Tri', 'Agustina', 'Maharani', 'Permata', 'Wulandari', 'Anjani', 'Fitriani', 'Safitri', 'Oktaviani', 'Febrianti', 'Nur', 'Hadi', 'Setia', 'Bagus', 'Adi', 'Surya'];
const LAST = [
  '', '', 'Santoso', 'Susanto', 'Gunawan', 'Nugroho', 'Rahayu', 'Handayani', 'Hartono', 'Sulistyo', 'Purnomo', 'Wibowo', 'Utomo', 'Siregar', 'Nasution', 'Harahap',
  'Simanjuntak', 'Lubis', 'Tanjung', 'Setiawan', 'Wijaya', 'Kusuma', 'Halim', 'Sutrisno', 'Suharto', 'Sukarno', 'Cahyono', 'Junaedi', 'Jayadi', 'Suryadi', 'Prasetyo',
  'Firmansyah', 'Hakim', 'Saragih', 'Sinaga', 'Pangaribuan', 'Manurung', 'Tambunan', 'Yulianto', 'Budiman', 'Kartika', 'Anggraini', 'Permana', 'Hasibuan', 'Sembiring',
  'Wirawan', 'Hendrawan', 'Darmawan', 'Irawan', 'Kusumawati', 'Widjaja', 'Tanoto', 'Salim', 'Hutapea', 'Panjaitan', 'Sihombing', 'Pohan', 'Daulay', 'Rangkuti', 'Matondang',
  'Ginting', 'Tarigan', 'Purba', 'Damanik', 'Silalahi', 'Rahman', 'Fauzi', 'Syahputra', 'Maulana', 'Iskandar', 'Effendi', 'Hamzah', 'Ismail', 'Mahendra', 'Wardhana',
  'Adiputra', 'Sanjaya', 'Suwandi', 'Sugianto', 'Haryanto', 'Supriyadi', 'Mulyadi', 'Riyadi', 'Sudrajat', 'Hermawan', 'Kusnadi', 'Suganda', 'Wiranata', 'Pradana',
];
const CITIES = ['Jakarta', 'Bandung', 'Surabaya', 'Yogyakarta', 'Semarang', 'Medan', 'Makassar', 'Denpasar', 'Malang', 'Bogor', 'Depok', 'Tangerang', 'Bekasi', 'Solo', 'Palembang'];
const STREETS = ['Mawar', 'Melati', 'Kenanga', 'Merdeka', 'Sudirman', 'Diponegoro', 'Gajah Mada', 'Pahlawan', 'Kartini', 'Ahmad Yani', 'Veteran', 'Cendana', 'Anggrek', 'Flamboyan', 'Kenari'];
const TITLES = ['Bpk.', 'Bapak', 'Pak', 'Ibu', 'Bu', 'Sdr.', 'Mas', 'Mbak', 'H.', 'Hj.', 'Dr.', 'Ir.'];
const DEGREES = [', S.E.', ', S.H.', ', S.Kom.', ', M.M.', ', A.Md.', ', S.Pd.'];
const MUHAMMAD = ['M.', 'Moh.', 'Moch.', 'Muh.', 'Mohammad', 'Muhamad'];

export interface Generated {
  rows: LinkRow[];
  /** The person each row is (rows with the same value are duplicates). */
  truth: Map<number, number>;
}

export interface GenOptions {
  people: number;
  seed: number;
  /** Share of people who appear more than once. */
  duplicated?: number;
  /** Share of people who share a number and an address with another (a household). */
  households?: number;
}

export function generate(opts: GenOptions): Generated {
  const r = rng(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const chance = (p: number) => r() < p;
  const phone = () => `+628${pick(['1', '2', '3', '5', '7', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
  const rows: LinkRow[] = [];
  const truth = new Map<number, number>();
  let nextId = 1;
  const add = (person: number, row: Omit<LinkRow, 'id'>) => {
    const id = nextId++;
    rows.push({ id, ...row });
    truth.set(id, person);
  };

  interface Person {
    first: string;
    second: string;
    last: string;
    phone: string | null;
    email: string | null;
    address: string | null;
    city: string;
  }
  const people: Person[] = [];
  const address = () => `Jl. ${pick(STREETS)} No. ${1 + Math.floor(r() * 120)} RT 0${1 + Math.floor(r() * 9)}/RW 0${1 + Math.floor(r() * 9)}`;
  for (let i = 0; i < opts.people; i++) {
    const household = i > 0 && chance(opts.households ?? 0.05) ? people[i - 1]! : null;
    const first = pick(FIRST);
    const p: Person = {
      first,
      second: first === 'Muhammad' || first === 'Siti' || first === 'Nur' || first === 'Sri' ? pick(SECOND.filter(Boolean)) : pick(SECOND),
      last: household ? household.last : pick(LAST),
      phone: household ? household.phone : chance(0.9) ? phone() : null,
      email: null,
      address: household ? household.address : chance(0.6) ? address() : null,
      city: household ? household.city : pick(CITIES),
    };
    if (household && p.first === household.first) p.first = pick(FIRST.filter((f) => f !== household.first));
    p.email = chance(0.4) ? `${[p.first, p.last || p.second || 'x'].join('.').toLowerCase()}${Math.floor(r() * 1000)}@contoh.id` : null;
    people.push(p);
  }

  const typo = (w: string): string => {
    if (w.length < 4) return w;
    const i = 1 + Math.floor(r() * (w.length - 2));
    const op = Math.floor(r() * 3);
    if (op === 0) return w.slice(0, i) + w[i + 1]! + w[i]! + w.slice(i + 2);
    if (op === 1) return w.slice(0, i) + w.slice(i + 1);
    return w.slice(0, i) + w[i]! + w.slice(i);
  };
  const oldSpelling = (w: string) => w.replace(/u(?=[^aeiou])/i, 'oe').replace(/^J/, 'Dj').replace(/c/, 'tj').replace(/y/, 'j');
  const nameOf = (p: Person, corrupt: boolean): string => {
    let tokens = [p.first, p.second, p.last].filter(Boolean);
    if (!corrupt) return tokens.join(' ');
    const ops = 1 + Math.floor(r() * 2);
    for (let k = 0; k < ops; k++) {
      const op = Math.floor(r() * 7);
      if (op === 0) tokens = [pick(TITLES), ...tokens];
      else if (op === 1) tokens[tokens.length - 1] += pick(DEGREES);
      else if (op === 2 && tokens[0] === 'Muhammad') tokens[0] = pick(MUHAMMAD);
      else if (op === 3) tokens = tokens.map((t) => (/u[^aeiou]|^J|c|y/.test(t) && chance(0.5) ? oldSpelling(t) : t));
      else if (op === 4) {
        const i = Math.floor(r() * tokens.length);
        tokens[i] = typo(tokens[i]!);
      } else if (op === 5 && tokens.length > 1) tokens = [...tokens.slice(1), tokens[0]!];
      else if (op === 6) tokens = tokens.map((t) => (t.endsWith('i') && chance(0.5) ? `${t.slice(0, -1)}y` : t));
    }
    return tokens.join(' ');
  };
  const addressVariant = (a: string | null) =>
    a && chance(0.5) ? a.replace('Jl.', pick(['Jalan', 'Jln.', 'jl'])).replace(/RT 0(\d)\/RW 0(\d)/, (_m, x: string, y: string) => `RT.00${x} RW.00${y}`) : a;

  people.forEach((p, person) => {
    add(person, { name: nameOf(p, false), phone: p.phone, email: p.email, address: p.address, city: p.city, notes: null });
    if (!chance(opts.duplicated ?? 0.3)) return;
    const copies = chance(0.25) ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      let ph = p.phone;
      let notes: string | null = null;
      if (chance(0.15)) {
        // A new number; sometimes the old one is kept in the notes.
        const old = ph;
        ph = phone();
        if (old && chance(0.5)) notes = `No lama ${old.replace('+62', '0')}`;
      } else if (chance(0.1)) ph = null;
      add(person, {
        name: nameOf(p, true),
        phone: ph,
        email: p.email && chance(0.7) ? (chance(0.3) ? p.email.toUpperCase() : p.email) : null,
        address: chance(0.8) ? addressVariant(p.address) : null,
        city: chance(0.9) ? p.city : pick(CITIES),
        notes,
      });
    }
  });
  return { rows, truth };
}

/** Precision and recall of the predicted same-person pairs against the truth. */
export function accuracy(clusters: readonly { ids: readonly number[] }[], truth: ReadonlyMap<number, number>): { precision: number; recall: number; f1: number; predicted: number; actual: number } {
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const predicted = new Set<string>();
  for (const c of clusters) for (let i = 0; i < c.ids.length; i++) for (let j = i + 1; j < c.ids.length; j++) predicted.add(key(c.ids[i]!, c.ids[j]!));
  const byPerson = new Map<number, number[]>();
  for (const [id, person] of truth) byPerson.set(person, [...(byPerson.get(person) ?? []), id]);
  let actual = 0;
  let tp = 0;
  for (const ids of byPerson.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        actual++;
        if (predicted.has(key(ids[i]!, ids[j]!))) tp++;
      }
    }
  }
  const precision = predicted.size === 0 ? 1 : tp / predicted.size;
  const recall = actual === 0 ? 1 : tp / actual;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1), predicted: predicted.size, actual };
}
