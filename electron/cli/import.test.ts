/** `brankas import`: the app's importer from the command line, its JSON, --map, --dry-run and exit codes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer, ImportResult } from '../contract';
import { CliHarness, seedCustomers } from './testing';

let cli: CliHarness;
beforeEach(async () => {
  cli = new CliHarness();
  await cli.init();
});
afterEach(() => cli.cleanup());

/** Excel with Indonesian regional settings: semicolons, CRLF, a BOM, a quoted cell with a semicolon and a line break. */
const SEMICOLON_CSV =
  '\ufeffNama;No HP;Kota;Email;Memo\r\n' +
  'Budi Santoso;0812-3456-7890;Surabaya;budi@example.com;pelanggan lama\r\n' +
  'Siti Rahma;08abc;Bandung;;x\r\n' +
  '"Ani; Wijaya";+62 813 1111 2222;Jakarta;ani@example;y\r\n' +
  '"Dewi\r\nLestari";0857 1234 5678;Malang;dewi@example.com;z\r\n';

async function all(): Promise<Customer[]> {
  const r = await cli.runAs(['search', '', '--json', '--limit', '1000']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { items: Customer[] }).items;
}

describe('import', () => {
  it('imports a semicolon CSV: --json lists counts, invalid rows and values left empty, exit 2, the valid rows are saved', async () => {
    const file = cli.file('pelanggan.csv', `${SEMICOLON_CSV};0811-0000-0000;Solo;;\r\n`);
    const r = await cli.runAs(['import', file, '--json']);
    expect(r.code, r.stderr).toBe(2);
    const result = JSON.parse(r.stdout) as ImportResult;
    expect(result).toEqual({
      imported: 4,
      updated: 0,
      skipped: 0,
      invalid: [{ row: 6, column: 'Nama', code: 'required' }],
      conflicts: [],
      skippedRows: [],
      kept: [],
      // Only an optional value was wrong: the row is imported without it.
      dropped: [
        { row: 3, column: 'No HP', code: 'invalid_phone', dropped: true },
        { row: 4, column: 'Email', code: 'invalid_email', dropped: true },
      ],
      consent: { given: 0, refused: 0, unchanged: 0 },
      leftOut: [],
    });
    const saved = await all();
    expect(saved.map((c) => [c.name, c.phone, c.email, c.city])).toEqual([
      ['Ani; Wijaya', '+6281311112222', null, 'Jakarta'],
      ['Budi Santoso', '+6281234567890', 'budi@example.com', 'Surabaya'],
      ['Dewi\r\nLestari', '+6285712345678', 'dewi@example.com', 'Malang'],
      ['Siti Rahma', null, null, 'Bandung'],
    ]);
    // "Memo" matches no field: left out, not stored as notes.
    expect(saved.every((c) => c.notes === null)).toBe(true);
  });

  it('exit 0 when every row is valid, with a readable summary and the mapping it used', async () => {
    const file = cli.file('ok.csv', 'Nama,Telepon,Kota\nBudi,0812-3456-7890,Surabaya\nSiti,0813 2222 3333,Bandung\n');
    const r = await cli.runAs(['import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(CSV, utf-8, ","-separated)');
    expect(r.stdout).toMatch(/Telepon +→ phone/);
    expect(r.stdout).toContain(
      'Imported 2 new customers; 0 updated, 0 skipped as already present, 0 left alone (same phone or email as a customer with another name), 0 rows not valid.',
    );
    expect(r.stderr).toBe('');
    expect(await all()).toHaveLength(2);
  });

  it('lists the values rows were imported without in the text output too (exit 0: every row is in)', async () => {
    const r = await cli.runAs(['import', cli.file('p.csv', SEMICOLON_CSV)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 rows imported without a value that is not valid');
    expect(r.stdout).toContain('row 3, column "No HP": not a valid phone number (row imported without this value)');
    expect(r.stdout).toContain('row 4, column "Email": not a valid email address (row imported without this value)');
  });

  it('--dry-run counts new, duplicate and invalid rows and changes nothing', async () => {
    await seedCustomers(cli.dataDir, [{ name: 'budi santoso', phone: '081234567890' }]);
    const before = await all(); // sign-in itself is recorded (last sign-in, audit trail): the customers must not change
    const r = await cli.runAs(['import', cli.file('p.csv', `${SEMICOLON_CSV};0811-0000-0000;Solo;;\r\n`), '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(2);
    const dropped = [
      { row: 3, column: 'No HP', code: 'invalid_phone', dropped: true },
      { row: 4, column: 'Email', code: 'invalid_email', dropped: true },
    ];
    expect(JSON.parse(r.stdout)).toEqual({
      total: 5,
      new: 3,
      duplicates: 1,
      conflicts: 0,
      invalid: 1,
      problems: [{ row: 6, column: 'Nama', code: 'required' }],
      partial: 2,
      dropped,
      consent: { given: 0, refused: 0 },
    });
    expect(await all()).toEqual(before);
    expect((await all()).map((c) => c.name)).toEqual(['budi santoso']);
    const text = await cli.runAs(['import', cli.file('p.csv', SEMICOLON_CSV), '--dry-run']);
    expect(text.stdout).toContain(
      'Dry run, nothing was changed: 4 rows; 3 new, 1 already present (would be skipped), 0 left alone (same phone or email as a customer with another name), 0 not valid.',
    );
  });

  it('--dry-run of a clean file exits 0', async () => {
    const r = await cli.runAs(['import', cli.file('ok.csv', 'Nama;HP\nBudi;0812-3456-7890\n'), '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 1, new: 1, duplicates: 0, invalid: 0, problems: [] });
    expect(await all()).toEqual([]);
  });

  it('--map overrides the suggested mapping: by header in any case, by column number, and "-" ignores a column', async () => {
    const file = cli.file('m.csv', 'Pelanggan;Kontak Utama;Kota;Memo\nBudi;0812-3456-7890;Surabaya;suka kopi\n');
    const r = await cli.runAs(['import', file, '--json', '--map', 'kontak utama=phone,#4=notes', '--map', 'Kota=-']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 1, invalid: [] });
    const [budi] = await all();
    expect(budi).toMatchObject({ name: 'Budi', phone: '+6281234567890', notes: 'suka kopi', city: null });
  });

  it('--map moves a field from the suggested column to the chosen one', async () => {
    const file = cli.file('m.csv', 'Nama;HP;WA\nBudi;0811-1111-1111;0812-3456-7890\n');
    const r = await cli.runAs(['import', file, '--json', '--map', 'WA=phone']);
    expect(r.code, r.stderr).toBe(0);
    expect((await all())[0]?.phone).toBe('+6281234567890');
  });

  it.each([
    [['--map', 'Nope=phone'], 1, 'no column "Nope"'],
    [['--map', '#9=phone'], 1, 'no column #9'],
    [['--map', 'HP=telepon'], 1, 'unknown field "telepon"'],
    [['--map', 'HP'], 1, '"HP" is not Header=field'],
    [['--map', 'Nama=-'], 1, 'no column is imported as the name'],
    [['--map', 'HP=city,Kota=city'], 1, 'another column already goes to that field'],
    [['--map', 'HP=birthday'], 2, 'switched off in the field catalogue'],
    [['--on-duplicate', 'merge'], 1, '--on-duplicate must be one of: skip, update'],
    [['--sheet', 'Juli'], 1, '--sheet is for Excel'],
  ])('refuses %j with exit %i and imports nothing', async (args, code, message) => {
    const file = cli.file('m.csv', 'Nama;HP;Kota\nBudi;0812-3456-7890;Surabaya\n');
    const r = await cli.runAs(['import', file, ...args]);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toContain(message);
    expect(await all()).toEqual([]);
  });

  it('--on-duplicate update updates the customer with the same phone and name; skip (the default) leaves it', async () => {
    await seedCustomers(cli.dataDir, [{ name: 'Budi Santoso', phone: '081234567890', city: 'Solo' }]);
    const file = cli.file('d.csv', 'Nama;HP;Kota\nBUDI SANTOSO;+62 812-3456-7890;Surabaya\n');
    const skip = await cli.runAs(['import', file, '--json']);
    expect(JSON.parse(skip.stdout)).toMatchObject({ imported: 0, updated: 0, skipped: 1 });
    expect((await all())[0]).toMatchObject({ name: 'Budi Santoso', city: 'Solo' });
    const update = await cli.runAs(['import', file, '--json', '--on-duplicate', 'update']);
    expect(update.code, update.stderr).toBe(0);
    expect(JSON.parse(update.stdout)).toMatchObject({ imported: 0, updated: 1, skipped: 0 });
    const after = await all();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ name: 'Budi Santoso', city: 'Surabaya' });
  });

  it('--on-duplicate keep imports Siti on Budi\'s number as a customer of her own; --json lists kept and skipped rows', async () => {
    const budi = cli.file('budi.csv', 'Nama;No HP\nBudi Santoso;0812-3456-7890\n');
    expect((await cli.runAs(['import', budi])).code).toBe(0);
    const family = cli.file('keluarga.csv', 'Nama;No HP\nSiti Santoso;+62 812 3456 7890\nBudi Santoso;0812 3456 7890\n');
    const r = await cli.runAs(['import', family, '--json', '--on-duplicate', 'keep']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 1, skipped: 1, conflicts: [], skippedRows: [{ row: 3, existingId: 1 }], kept: [{ row: 2, existingId: 1, customerId: 2 }] });
    expect((await all()).map((c) => [c.id, c.name, c.phone])).toEqual([
      [1, 'Budi Santoso', '+6281234567890'],
      [2, 'Siti Santoso', '+6281234567890'],
    ]);
  });

  it("never renames Budi: Siti with his phone is left alone, listed and exit 2, with --dry-run, skip and update", async () => {
    const budi = cli.file('budi.csv', 'Nama;No HP\nBudi Santoso;0812-3456-7890\n');
    expect((await cli.runAs(['import', budi])).code).toBe(0);
    const before = await all();
    const siti = cli.file('siti.csv', 'Nama;No HP;Email\nSiti Santoso;+62 812 3456 7890;\nAni;0813-1111-2222;\n');
    const conflict = { row: 2, column: 'No HP', code: 'same_phone_other_name' };
    const dry = await cli.runAs(['import', siti, '--dry-run', '--json', '--on-duplicate', 'update']);
    expect(dry.code, dry.stderr).toBe(2);
    expect(JSON.parse(dry.stdout)).toEqual({
      total: 2,
      new: 1,
      duplicates: 0,
      conflicts: 1,
      invalid: 0,
      problems: [conflict],
      partial: 0,
      dropped: [],
      consent: { given: 0, refused: 0 },
    });
    const text = await cli.runAs(['import', siti, '--dry-run', '--on-duplicate', 'update']);
    expect(text.stdout).toContain('1 new, 0 already present (would be updated), 1 left alone (same phone or email as a customer with another name), 0 not valid.');
    expect(text.stdout).toContain('row 2, column "No HP": same phone number as a customer with another name: not imported, nothing changed');
    for (const mode of ['update', 'skip']) {
      const r = await cli.runAs(['import', siti, '--json', '--on-duplicate', mode]);
      expect(r.code, r.stderr).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({
        imported: mode === 'update' ? 1 : 0,
        updated: 0,
        skipped: mode === 'update' ? 0 : 1,
        invalid: [],
        conflicts: [conflict],
        // The second run finds the Ani the first one added.
        skippedRows: mode === 'update' ? [] : [{ row: 3, existingId: 2 }],
        kept: [],
        dropped: [],
        consent: { given: 0, refused: 0, unchanged: 0 },
        leftOut: [],
      });
    }
    const after = await all();
    expect(after.find((c) => c.phone === '+6281234567890')).toEqual(before[0]);
    expect(after.map((c) => c.name)).toEqual(['Ani', 'Budi Santoso']);
  });

  it.each([
    ['a missing file', null, 'cannot be read'],
    ['an empty file', '', 'The file holds no customers'],
    ['a header row and no data rows', 'Nama;No HP\r\n', 'The file holds no customers: it is empty, or has a header row and no rows below it.'],
    ['a binary file', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 9, 8, 7, 0]), 'The file is not text: it holds binary data'],
    ['a quote never closed', 'Nama,Catatan\nAni,ok\nBudi,"tidak ditutup\nCici,ok\n', 'A quote (") opened in row 3 is never closed'],
    ['a quote never closed, semicolons', 'Nama;Catatan\nAni;ok\nBudi;"tidak ditutup\nCici;ok\n', 'A quote (") opened in row 3 is never closed'],
    ['a row over the limit', `Nama;Catatan\nAni;${'x'.repeat(1_000_010)}\n`, 'Row 2 is longer than 1,000,000 characters'],
  ])('exit 2 for %s', async (_what, content, message) => {
    const file = content === null ? `${cli.dir()}/missing.csv` : cli.file('f.csv', content);
    const r = await cli.runAs(['import', file]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('Ctrl-C (an aborted signal) exits 130 and leaves the vault as it was', async () => {
    const before = await all(); // sign-in itself is recorded (last sign-in, audit trail): the customers must not change
    const abort = new AbortController();
    abort.abort();
    const r = await cli.runAs(['import', cli.file('p.csv', SEMICOLON_CSV), '--json'], { signal: abort.signal });
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('Cancelled. Nothing was changed.');
    expect(await all()).toEqual(before);
  });

  it('reads the chosen sheet of an Excel workbook', async () => {
    await seedCustomers(cli.dataDir, [{ name: 'Budi', phone: '081234567890', city: 'Surabaya' }]);
    const xlsx = `${cli.dir()}/pelanggan.xlsx`;
    expect((await cli.runAs(['export', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    const other = cli.dir();
    await cli.init(other);
    const wrong = await cli.runAs(['import', xlsx, '--sheet', 'Juli', '--data-dir', other]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('The workbook has no sheet named "Juli" (sheets: "Pelanggan")');
    const r = await cli.runAs(['import', xlsx, '--sheet', 'Pelanggan', '--json', '--data-dir', other]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 1, invalid: [] });
  });
});
