/**
 * Matching column titles to fields, in Indonesian and English. Titles are compared by their
 * letters and digits only ("No. HP", "no hp" and "NO_HP" are one title). Only fields that are
 * switched on are offered; each field gets at most one column (the first that matches).
 */
import { consentTarget, type FieldDef, type MappingTarget, type Purpose } from '../../contract';
import { consentPurposeForTitle } from './consent';
import { compact } from './values';

/** The targets that are always there: every customer has a name, and tags need no catalogue entry. */
export const ALWAYS_ON = ['name', 'tags'] as const;

const SYNONYMS: Record<string, string[]> = {
  name: [
    'nama', 'namalengkap', 'namapelanggan', 'namakonsumen', 'namacustomer', 'namapembeli', 'pelanggan', 'konsumen',
    'name', 'fullname', 'customername', 'customer', 'clientname', 'contactname',
  ],
  phone: [
    'nohp', 'nomorhp', 'nohandphone', 'nomorhandphone', 'hp', 'handphone', 'nowa', 'nomorwa', 'wa', 'whatsapp',
    'nowhatsapp', 'nomorwhatsapp', 'hpwa', 'nohpwa', 'nomorhpwa', 'telepon', 'telp', 'telpon', 'notelp', 'notelepon',
    'nomortelepon', 'nomortelp', 'notlp', 'tlp', 'phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber',
    'cellphone', 'tel', 'telephone', 'kontak', 'nokontak',
  ],
  email: ['email', 'surel', 'alamatemail', 'alamatsurel', 'emailaddress', 'mail'],
  address: ['alamat', 'alamatlengkap', 'alamatrumah', 'alamatpengiriman', 'address', 'streetaddress', 'fulladdress'],
  city: ['kota', 'kabupatenkota', 'kabkota', 'kotakabupaten', 'kotakab', 'kabupaten', 'domisili', 'city', 'town'],
  notes: ['catatan', 'keterangan', 'ket', 'notes', 'note', 'remarks', 'remark', 'comment', 'comments', 'komentar'],
  birthday: [
    'tgllahir', 'tanggallahir', 'tglultah', 'tanggalultah', 'ulangtahun', 'ultah', 'birthday', 'dateofbirth', 'dob',
    'birthdate',
  ],
  gender: ['jeniskelamin', 'kelamin', 'jk', 'lp', 'gender', 'sex'],
  tags: ['label', 'labels', 'tag', 'tags'],
  preferences: ['preferensi', 'preferences', 'preference', 'kesukaan', 'favorit', 'minat'],
};

const BY_TITLE = new Map<string, string>();
for (const [target, titles] of Object.entries(SYNONYMS)) for (const t of titles) BY_TITLE.set(t, target);

/** True for a title this importer knows (whatever the catalogue says): used to tell a header row from data. */
export const isKnownHeader = (title: string): boolean => BY_TITLE.has(compact(title));

/** Every target a column may go to now: name, tags, and the fields switched on (custom ones by key). */
export function availableTargets(fields: readonly FieldDef[]): Set<string> {
  return new Set<string>([...ALWAYS_ON, ...fields.filter((f) => f.enabled).map((f) => f.key)]);
}

/**
 * One suggested target per column. Custom fields are matched by their label first (a shop that
 * named a field "Kota Asal" means that one), then built-in titles; a field already taken is skipped.
 * A column no field takes may be a consent column ("Setuju promo WA"): consent.ts decides, for the
 * active purposes that need consent.
 */
export function suggestMapping(headers: readonly string[], fields: readonly FieldDef[], purposes: readonly Purpose[] = []): MappingTarget[] {
  const available = availableTargets(fields);
  const byLabel = new Map<string, string>();
  for (const f of fields) if (f.enabled && !f.builtin && f.label) byLabel.set(compact(f.label), f.key);
  const taken = new Set<string>();
  return headers.map((h) => {
    const key = compact(h);
    const field = [byLabel.get(key), BY_TITLE.get(key)].find((t) => t !== undefined && available.has(t) && !taken.has(t));
    const purpose = field === undefined && BY_TITLE.get(key) === undefined ? consentPurposeForTitle(h, purposes) : null;
    const target = field ?? (purpose === null ? undefined : consentTarget(purpose));
    if (target === undefined || taken.has(target)) return null;
    taken.add(target);
    return target;
  });
}

/**
 * Per column: the key of a switched-off field its title names (built-in titles, custom labels),
 * else null. The mapping screen says so and offers to switch the field on, instead of leaving the
 * column out without a word.
 */
export function switchedOffMatches(headers: readonly string[], fields: readonly FieldDef[]): (string | null)[] {
  const off = new Set(fields.filter((f) => !f.enabled).map((f) => f.key));
  const byLabel = new Map<string, string>();
  for (const f of fields) if (!f.builtin && f.label) byLabel.set(compact(f.label), f.key);
  return headers.map((h) => {
    const key = compact(h);
    const field = byLabel.get(key) ?? BY_TITLE.get(key);
    return field !== undefined && off.has(field) ? field : null;
  });
}
