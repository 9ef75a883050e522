/** Header auto-matching in Indonesian and English, and reading cell values the way shops write them. */
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../fields/testing';
import { suggestMapping } from './headers';
import { escapeFormula, unescapeFormula } from './formula';
import { compileMapping, columnLetter } from './rows';
import { readDate, readGender, readNumber, readTags, restorePhoneZero } from './values';

const all = testCatalogue({ custom: [{ key: 'custom_1', kind: 'text', label: 'Kota Asal' }] });

describe('suggestMapping', () => {
  it.each([
    ['name', ['Nama', 'Nama Lengkap', 'NAMA PELANGGAN', 'Name', 'Full Name', 'Customer Name']],
    ['phone', ['No HP', 'No. HP', 'no_hp', 'No WA', 'No. WA', 'WhatsApp', 'Telepon', 'Telp', 'HP', 'Phone', 'Mobile', 'Nomor HP/WA']],
    ['email', ['Email', 'E-mail', 'Surel', 'Alamat Email']],
    ['address', ['Alamat', 'Address', 'Alamat Lengkap']],
    ['city', ['Kota', 'City', 'Kabupaten/Kota', 'Kab/Kota']],
    ['notes', ['Catatan', 'Keterangan', 'Notes', 'Ket.']],
    ['birthday', ['Tgl Lahir', 'Tgl. Lahir', 'Tanggal Lahir', 'Birthday', 'Date of Birth', 'DOB']],
    ['gender', ['Jenis Kelamin', 'Gender', 'L/P', 'JK']],
    ['tags', ['Label', 'Tag', 'Tags']],
    ['preferences', ['Preferensi', 'Preferences']],
  ])('maps titles for %s', (target, titles) => {
    for (const title of titles) expect(suggestMapping([title], all), title).toEqual([target]);
  });

  it('gives each field one column (the first), leaves unknown titles unmapped, matches custom fields by label', () => {
    expect(suggestMapping(['No', 'Nama', 'HP', 'No WA', 'Kota Asal', 'Kota', 'Total Belanja'], all)).toEqual([
      null,
      'name',
      'phone',
      null,
      'custom_1',
      'city',
      null,
    ]);
  });

  it('a custom field labelled like a built-in one takes the first such column, the built-in the next', () => {
    const clash = testCatalogue({ custom: [{ key: 'custom_2', kind: 'text', label: 'Kota' }] });
    expect(suggestMapping(['Nama', 'Kota', 'Kota'], clash)).toEqual(['name', 'custom_2', 'city']);
  });

  it('offers only fields that are switched on', () => {
    const few = testCatalogue({ off: ['birthday', 'gender', 'email'] });
    expect(suggestMapping(['Nama', 'Email', 'Tgl Lahir', 'Jenis Kelamin', 'Label'], few)).toEqual(['name', null, null, null, 'tags']);
  });
});

describe('compileMapping', () => {
  const headers = ['Nama', 'HP', 'Tgl Lahir', '', 'Label 1', 'Label 2'];
  it('accepts several tag columns and names columns without a title by their letter', () => {
    const m = compileMapping(headers, ['name', 'phone', null, 'notes', 'tags', 'tags'], all);
    expect(m.columns.map((c) => c.target)).toEqual(['name', 'phone', 'notes', 'tags', 'tags']);
    expect(m.labels.get('notes')).toBe('D');
  });

  it('refuses switched-off fields, a field twice, and no name column', () => {
    const few = testCatalogue({ off: ['birthday'] });
    expect(() => compileMapping(headers, ['name', 'phone', 'birthday'], few)).toThrow(
      expect.objectContaining({ code: 'invalid_input', fields: { 'mapping.2': 'field_disabled' } }),
    );
    expect(() => compileMapping(headers, ['name', 'phone', 'phone'], all)).toThrow(
      expect.objectContaining({ fields: { 'mapping.2': 'invalid_value' } }),
    );
    expect(() => compileMapping(headers, [null, 'phone'], all)).toThrow(expect.objectContaining({ fields: { mapping: 'required' } }));
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});

describe('cell values', () => {
  it.each([
    ['L', 'male'],
    ['laki-laki', 'male'],
    ['Pria', 'male'],
    ['M', 'male'],
    ['Male', 'male'],
    ['P', 'female'],
    ['Perempuan', 'female'],
    ['WANITA', 'female'],
    ['F', 'female'],
    ['female', 'female'],
    ['Lainnya', 'other'],
    ['entah', 'entah'],
  ])('gender %j → %j', (text, gender) => expect(readGender(text)).toBe(gender));

  const NOW = Date.UTC(2026, 5, 1);
  it.each([
    ['1990-08-17', '1990-08-17'],
    ['1990-08-17 00:00:00', '1990-08-17'],
    ['1990/8/7', '1990-08-07'],
    ['17/08/1990', '1990-08-17'],
    ['17-08-1990', '1990-08-17'],
    ['7.8.1990', '1990-08-07'],
    ['17 Agustus 1990', '1990-08-17'],
    ['1 Januari 2000', '2000-01-01'],
    ['5 Mei 1985', '1985-05-05'],
    ['17 Des 1999', '1999-12-17'],
    ['3 October 1970', '1970-10-03'],
    ['17/08/90', '1990-08-17'],
    ['17/08/05', '2005-08-17'],
  ])('date %j → %j', (text, iso) => expect(readDate(text, NOW)).toBe(iso));

  it.each(['31/02/1990', '1990-13-01', '17 Agu', 'kemarin', '17 Foo 1990', ''])('not a date: %j', (text) =>
    expect(readDate(text, NOW)).toBeNull(),
  );

  it('splits tags on commas and semicolons', () => {
    expect(readTags('VIP, grosir; reseller ,, ')).toEqual(['VIP', 'grosir', 'reseller']);
  });

  it.each([
    ['1.250.000', 1250000],
    ['1.250,5', 1250.5],
    ['1,250,000.5', 1250000.5],
    ['12,5', 12.5],
    ['Rp 15.000', 15000],
    ['-7', -7],
    ['42', 42],
  ])('number %j → %j', (text, n) => expect(readNumber(text)).toBe(n));
  it.each(['dua', '1.2.3,4,5', ''])('not a number: %j', (text) => expect(readNumber(text)).toBeNull());

  it('gives a phone number that Excel stored as a number its 0 back', () => {
    expect(restorePhoneZero('81234567890')).toBe('081234567890');
    expect(restorePhoneZero('215551234')).toBe('0215551234');
    expect(restorePhoneZero('6281234567890')).toBe('6281234567890');
    expect(restorePhoneZero('081234567890')).toBe('081234567890');
    expect(restorePhoneZero('1234567')).toBe('1234567');
  });

  it('escapes formula starts and takes the escape off again', () => {
    for (const v of ['=1+1', '+62812', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(escapeFormula(v)).toBe(`'${v}`);
      expect(unescapeFormula(escapeFormula(v))).toBe(v);
    }
    expect(escapeFormula('Budi')).toBe('Budi');
    expect(unescapeFormula("'Budi")).toBe("'Budi");
  });
});
