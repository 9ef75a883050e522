/** Consent columns on import: answers, suggestions, the ledger entries and re-imports, on a real SQLCipher vault. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Purpose } from '../../contract';
import { listEntries } from '../consent/repository';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { enableFields } from '../fields/testing';
import { listPurposes } from '../purposes/repository';
import { createPurposesService } from '../purposes/service';
import { vaultErrorOf } from '../testing';
import { dryRun, inspectFile, runImport } from '.';
import { consentPurposeForTitle, readConsentAnswer } from './consent';
import { writeFixture } from './testing';

let t: TestDb;
let dir: string;
beforeEach(async () => {
  t = await openTestDb();
  dir = tempDir('brankas-import-consent-');
  await enableFields(t.db, ['email']);
});
afterEach(async () => {
  await t.cleanup();
});

const src = (path: string) => ({ path, sheet: null });
const IBU = { id: null, name: 'Ibu Sari' };
const AT = Date.UTC(2026, 11, 3, 9, 0);

describe('answers', () => {
  it.each([
    ['ya', 'given'],
    [' YA ', 'given'],
    ['Iya', 'given'],
    ['1', 'given'],
    ['yes', 'given'],
    ['Y', 'given'],
    ['TRUE', 'given'],
    ['Setuju', 'given'],
    ['tidak', 'refused'],
    ['0', 'refused'],
    ['No', 'refused'],
    ['n', 'refused'],
    ['false', 'refused'],
    ['Tidak Setuju', 'refused'],
    ['tidak  setuju', 'refused'],
    ['', null],
    ['   ', null],
    ['mungkin', 'invalid'],
    ['t', 'invalid'],
  ])('%j → %s', (cell, state) => {
    expect(readConsentAnswer(cell)).toBe(state);
  });
});

describe('column titles', () => {
  let purposes: Purpose[];
  beforeEach(async () => {
    purposes = await listPurposes(t.db);
  });

  it.each(['Setuju promo WA', 'setuju promo wa', 'Promo WhatsApp', 'Consent WhatsApp promo', 'Izin promosi WA', 'Consent promotions'])('%j → promotions_wa', (title) => {
    expect(consentPurposeForTitle(title, purposes)).toBe('promotions_wa');
  });

  it.each(['WA', 'Promo', 'Setuju', 'Consent', 'Catatan promo', 'Setuju kirim faktur', 'Total Belanja'])('%j → nothing (conservative)', (title) => {
    expect(consentPurposeForTitle(title, purposes)).toBeNull();
  });

  it('suggests the consent column at inspect, beside the fields', async () => {
    const path = writeFixture(dir, 'a.csv', 'Nama;No WA;Setuju promo WA\nBudi;0812-3456-7890;ya\n');
    expect((await inspectFile(t.db, path)).mapping).toEqual(['name', 'phone', 'consent:promotions_wa']);
  });

  it('two consent purposes that both fit a title: neither is suggested', async () => {
    await createPurposesService(t.db).save({
      name: { id: 'Promo lewat WhatsApp grup', en: 'Promotions by WhatsApp group' },
      description: { id: 'Grup promo.', en: 'Promo group.' },
      basis: 'consent',
      retention: { months: 12, from: 'consent_withdrawn' },
    });
    expect(consentPurposeForTitle('Setuju promo WA', await listPurposes(t.db))).toBeNull();
  });
});

describe('import', () => {
  const FILE = 'Nama;No HP;Email;Setuju promo WA\nBudi;0812-3456-7890;budi@contoh.id;ya\nSiti;0813-2222-3333;siti@;Tidak\nAni;0814-1111-2222;;\nDedi;0815-1111-2222;;mungkin\n';
  const MAPPING = ['name', 'phone', 'email', 'consent:promotions_wa'];

  it('dry run: counts the answers, lists a bad e-mail and a bad answer as values the rows are imported without', async () => {
    const path = writeFixture(dir, 'pelanggan.csv', FILE);
    const { result } = await dryRun(t.db, src(path), MAPPING);
    expect(result).toMatchObject({ total: 4, new: 4, invalid: 0, partial: 2, consent: { given: 1, refused: 1 } });
    expect(result.dropped).toEqual([
      { row: 3, column: 'Email', code: 'invalid_email', dropped: true },
      { row: 5, column: 'Setuju promo WA', code: 'invalid_choice', dropped: true },
    ]);
    expect(await t.db.all('SELECT * FROM consent_events')).toEqual([]);
  });

  it('writes one entry per answer: state, method imported, the file name, the import time, the importer, the notice in force', async () => {
    for (const n of [1, 2]) {
      await t.db.run(
        "INSERT INTO notice_versions (number, effective_date, published_at, publisher_name, text_id, text_en, sha256, source_digest) VALUES (?, '2026-12-01', ?, 'Ibu Sari', 'id', 'en', ?, ?)",
        [n, AT - 1000, 'a'.repeat(64), 'b'.repeat(64)],
      );
    }
    const path = writeFixture(dir, 'pelanggan.csv', FILE);
    const result = await runImport(t.db, src(path), MAPPING, 'skip', { recordedBy: IBU, now: () => AT });
    expect(result).toMatchObject({ imported: 4, invalid: [], consent: { given: 1, refused: 1, unchanged: 0 } });
    const ids = new Map((await t.db.all<{ id: number; name: string; email: string | null }>('SELECT id, name, email FROM customers')).map((c) => [c.name, c]));
    expect(ids.get('Siti')?.email).toBeNull(); // imported without the bad e-mail
    const [budi] = await listEntries(t.db, ids.get('Budi')?.id ?? 0);
    expect(budi).toMatchObject({
      purposeKey: 'promotions_wa',
      state: 'given',
      at: AT,
      method: 'imported',
      recordedBy: IBU,
      noticeVersion: 2,
      evidenceRef: 'pelanggan.csv',
      evidence: null,
    });
    expect((await listEntries(t.db, ids.get('Siti')?.id ?? 0)).map((e) => e.state)).toEqual(['refused']);
    expect(await listEntries(t.db, ids.get('Ani')?.id ?? 0)).toEqual([]); // empty: nothing recorded
    expect(await listEntries(t.db, ids.get('Dedi')?.id ?? 0)).toEqual([]); // "mungkin": nothing recorded
  });

  it('a re-import adds no entries; an update appends only the answers that changed, and never undoes a withdrawal', async () => {
    const path = writeFixture(dir, 'pelanggan.csv', FILE);
    await runImport(t.db, src(path), MAPPING, 'skip', { recordedBy: IBU, now: () => AT });
    const count = async () => (await t.db.get<{ n: number }>('SELECT count(*) AS n FROM consent_events'))?.n;
    expect(await count()).toBe(2);
    for (const mode of ['skip', 'update'] as const) {
      const again = await runImport(t.db, src(path), MAPPING, mode, { recordedBy: IBU, now: () => AT + 1000 });
      expect(again.consent).toEqual(mode === 'skip' ? { given: 0, refused: 0, unchanged: 0 } : { given: 0, refused: 0, unchanged: 2 });
      expect(await count()).toBe(2);
    }
    const budiId = (await t.db.get<{ id: number }>("SELECT id FROM customers WHERE name = 'Budi'"))?.id ?? 0;
    await t.db.run(
      "INSERT INTO consent_events (customer_id, purpose_key, state, at, method, recorder_name) VALUES (?, 'promotions_wa', 'withdrawn', ?, 'verbal', 'Ibu Sari')",
      [budiId, AT + 2000],
    );
    const changed = writeFixture(dir, 'baru.csv', 'Nama;No HP;Setuju promo WA\nBudi;0812-3456-7890;ya\nSiti;0813-2222-3333;ya\nAni;0814-1111-2222;tidak\n');
    const result = await runImport(t.db, src(changed), ['name', 'phone', 'consent:promotions_wa'], 'update', { recordedBy: IBU, now: () => AT + 3000 });
    // Budi withdrew: stays withdrawn. Siti changed her mind; Ani answered for the first time.
    expect(result).toMatchObject({ updated: 3, consent: { given: 1, refused: 1, unchanged: 1 } });
    const current = await t.db.all<{ name: string; state: string }>(
      "SELECT c.name, cc.state FROM consent_current cc JOIN customers c ON c.id = cc.customer_id WHERE cc.purpose_key = 'promotions_wa' ORDER BY c.name",
    );
    expect(current).toEqual([
      { name: 'Ani', state: 'refused' },
      { name: 'Budi', state: 'withdrawn' },
      { name: 'Siti', state: 'given' },
    ]);
    const siti = await listEntries(t.db, (await t.db.get<{ id: number }>("SELECT id FROM customers WHERE name = 'Siti'"))?.id ?? 0);
    expect(siti.map((e) => [e.state, e.evidenceRef])).toEqual([
      ['given', 'baru.csv'],
      ['refused', 'pelanggan.csv'],
    ]);
  });

  it('the customers and their consent land together: a failed import leaves neither', async () => {
    const path = writeFixture(dir, 'pelanggan.csv', FILE);
    const controller = new AbortController();
    const err = await vaultErrorOf(
      runImport(t.db, src(path), MAPPING, 'skip', { recordedBy: IBU, signal: controller.signal, onProgress: ({ done }) => done > 0 && controller.abort() }),
    );
    expect(err.code).toBe('cancelled');
    expect(await t.db.all('SELECT * FROM customers')).toEqual([]);
    expect(await t.db.all('SELECT * FROM consent_events')).toEqual([]);
  });

  it('refuses a consent column for a purpose that does not need consent, or two columns for one purpose', async () => {
    const path = writeFixture(dir, 'pelanggan.csv', FILE);
    expect(await vaultErrorOf(dryRun(t.db, src(path), ['name', 'phone', null, 'consent:order_updates']))).toMatchObject({
      code: 'invalid_input',
      fields: { 'mapping.3': 'invalid_choice' },
    });
    expect(await vaultErrorOf(dryRun(t.db, src(path), ['name', 'consent:promotions_wa', null, 'consent:promotions_wa']))).toMatchObject({
      code: 'invalid_input',
      fields: { 'mapping.3': 'invalid_value' },
    });
  });

  it('a row with no name stays refused, its bad answer listed with it', async () => {
    const path = writeFixture(dir, 'a.csv', 'Nama;Setuju promo WA\n;mungkin\n');
    const { result, problems } = await dryRun(t.db, src(path), ['name', 'consent:promotions_wa']);
    expect(result).toMatchObject({ invalid: 1, partial: 0 });
    expect(problems).toEqual([
      { row: 2, column: 'Nama', code: 'required' },
      { row: 2, column: 'Setuju promo WA', code: 'invalid_choice' },
    ]);
  });
});
