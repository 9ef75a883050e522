/** Each normalisation rule for names, phones, e-mails and addresses, one example or more each. */
import { describe, expect, it } from 'vitest';
import { addressKey, emailKey, phonesIn } from './contacts';
import { modernSpelling, nameKey, nameTokens } from './names';

describe('names', () => {
  it('drops titles and honorifics before the name', () => {
    for (const [raw, tokens] of [
      ['Bpk. Budi Santoso', ['budi', 'santoso']],
      ['Bapak Budi', ['budi']],
      ['Pak Joko', ['joko']],
      ['Ibu Sari', ['sari']],
      ['Bu Sari', ['sari']],
      ['Sdr. Andi', ['andi']],
      ['Sdri Rina', ['rina']],
      ['Mas Bayu', ['bayu']],
      ['Mbak Dewi', ['dewi']],
      ['H. Ahmad Dahlan', ['ahmad', 'dahlan']],
      ['Hj. Siti Aminah', ['siti', 'aminah']],
      ['Dr. Ir. Hendra', ['hendra']],
      ['Prof. Dr. Bambang', ['bambang']],
    ] as const) {
      expect(nameTokens(raw), raw).toEqual(tokens);
    }
  });

  it('drops academic degrees after the name', () => {
    expect(nameTokens('Budi Santoso, S.E., M.M.')).toEqual(['budi', 'santoso']);
    expect(nameTokens('Rina Wati, S.H.')).toEqual(['rina', 'wati']);
    expect(nameTokens('Andi S.Kom.')).toEqual(['andi']);
    expect(nameTokens('Dewi Lestari, A.Md.')).toEqual(['dewi', 'lestari']);
    expect(nameTokens('Agus Salim, Ph.D.')).toEqual(['agus', 'salim']);
  });

  it('brings the variants of Muhammad and Abdul to one form', () => {
    for (const v of ['Muhammad', 'Mohammad', 'Muhamad', 'Moh.', 'Moch.', 'Muh.', 'M.']) expect(nameTokens(`${v} Rizki`), v).toEqual(['muhammad', 'rizki']);
    expect(nameTokens('Abd. Rahman')).toEqual(nameTokens('Abdul Rahman'));
  });

  it('reads the old spelling as the new', () => {
    expect(modernSpelling('soekarno')).toBe('sukarno');
    expect(modernSpelling('djoko')).toBe('joko');
    expect(modernSpelling('tjahjono')).toBe('cahyono');
    expect(modernSpelling('sjahrir')).toBe('syahrir');
    // j→y only alongside the old spelling: today's Joko and Jaya stay as they are.
    expect(modernSpelling('joko')).toBe('joko');
    expect(modernSpelling('jaya')).toBe('jaya');
    expect(nameKey('Soekarno Hatta')).toBe(nameKey('Sukarno Hatta'));
    expect(nameKey('Djoko Widodo')).toBe(nameKey('Joko Widodo'));
  });

  it('treats a final y as i, and takes the name as a set of tokens in any order', () => {
    expect(nameKey('Rizky Pratama')).toBe(nameKey('Pratama Rizki'));
    expect(nameTokens('Budi Budi Santoso')).toEqual(['budi', 'santoso']);
    expect(nameTokens('José Ramos-Horta')).toEqual(['jose', 'ramos', 'horta']);
    expect(nameTokens('Ibu')).toEqual(['ibu']);
    expect(nameTokens('  ')).toEqual([]);
  });
});

describe('contacts', () => {
  it('reads a second phone number written in the notes, as E.164', () => {
    expect(phonesIn('No lain: 0813-1111-2222, WA +62 812 3456 7890')).toEqual(['+6281311112222', '+6281234567890']);
    expect(phonesIn('tidak ada nomor')).toEqual([]);
    expect(phonesIn(null)).toEqual([]);
  });

  it('case-folds e-mail', () => {
    expect(emailKey(' Budi.Santoso@Contoh.CO.ID ')).toBe('budi.santoso@contoh.co.id');
    expect(emailKey(null)).toBeNull();
  });

  it('spells addresses one way, RT/RW as numbers', () => {
    const forms = ['Jln. Mawar No.5 RT 02/RW 05, Kel. Sukamaju', 'jl mawar no 5 rt.002 rw.005 kelurahan sukamaju', 'Jalan Mawar Nomor 5 RT 2 RW 5 Kel Sukamaju'];
    const keys = forms.map(addressKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('jl mawar no 5 rt 2 rw 5 kel sukamaju');
    expect(addressKey('Gg. Kenari, Komp. Perum. Griya Indah, Kec. Coblong, Kab. Bandung')).toBe('gg kenari komp perum griya indah kec coblong kab bandung');
    expect(addressKey('Gang Kenari')).toBe('gg kenari');
    expect(addressKey('')).toBeNull();
  });
});
