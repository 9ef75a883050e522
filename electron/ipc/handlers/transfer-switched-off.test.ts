/**
 * A file column that matches a switched-off field, through the router on a real vault: the file
 * says so (`switchedOff`), the Owner switches the field on from the mapping screen with a purpose
 * (an existing one, or new words) and imports into it; no purpose, no switch; a Manager may import
 * but not switch; a column left out knowingly is recorded with the import. And a consent column.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { ChannelName, FieldDef, ImportFile, ImportResult, Purpose, Result, VaultStatus } from '../../contract';
import { tempDir } from '../../vault/db/testing';
import { systemKeychain } from '../../vault/keys/keychain';
import { readRecoveryFile } from '../../vault/open';
import { vaultPaths } from '../../vault/paths';
import { VaultService } from '../../vault/service';
import { writeFixture } from '../../vault/transfer/testing';
import { createRouter, type Router, type Sender } from '../router';
import { testContext, type TestContext } from '../testing';

const ORIGIN = 'app://brankas';
const APP: Sender = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const PASSWORD = 'kopi-susu-gula-aren-42';
const MANAGER_PASSWORD = 'mangga-harum-manis-kuning-93';

let dir: string;
let files: string;
let vault: VaultService;
let ctx: TestContext;
let router: Router;

const call = (channel: ChannelName, input: unknown = {}) => router.handle(APP, channel, input);
const value = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const errorOf = async (p: Promise<Result<unknown>>) => {
  const r = await p;
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

beforeEach(async () => {
  dir = tempDir();
  files = tempDir('brankas-picked-');
  vault = new VaultService({ dataDir: dir, keychain: systemKeychain(), passwordKdf: { N: 2 ** 12, r: 8, p: 1 } });
  await vault.init();
  ctx = testContext(vault);
  router = createRouter({ context: ctx, trustedOrigins: [ORIGIN] });
  await value(call('vault.create', { ownerName: 'Ibu Sari', password: PASSWORD }));
});

afterEach(async () => {
  const sidecar = readRecoveryFile(vaultPaths(dir));
  await vault.close();
  if (sidecar) await systemKeychain().remove(sidecar.vaultId);
  rmSync(dir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

const open = async (path: string): Promise<ImportFile> => {
  ctx.dialogs.opens.push(path);
  const file = await value<ImportFile | null>(call('import.open'));
  if (!file) throw new Error('no file');
  return file;
};
const lastImport = async () =>
  JSON.parse((await vault.db().get<{ details: string }>("SELECT details FROM audit_log WHERE action = 'data.import' ORDER BY id DESC LIMIT 1"))?.details ?? '{}') as Record<string, unknown>;

const SHEET = 'Nama;Alamat;Tgl Lahir;Email;Setuju promo WA\nBudi;Jl. Merdeka 5;17/08/1990;budi@;ya\nSiti;Jl. Sudirman 1;31/02/1990;siti@contoh.id;tidak\n';

describe('a column that matches a switched-off field', () => {
  it('is named in the file; the Owner switches it on with an existing purpose, or new words, and the values land', async () => {
    const fields = await value<FieldDef[]>(call('fields.list'));
    expect(fields.filter((f) => ['address', 'birthday'].includes(f.key)).map((f) => f.enabled)).toEqual([false, false]);
    const file = await open(writeFixture(files, 'lama.csv', SHEET));
    expect(file.switchedOff).toEqual([null, 'address', 'birthday', null, null]);
    expect(file.mapping).toEqual(['name', null, null, 'email', 'consent:promotions_wa']);

    // No purpose: refused, nothing switched on.
    expect(await errorOf(call('fields.update', { key: 'address', enabled: true, purpose: '', purposes: [] }))).toMatchObject({
      code: 'invalid_input',
      fields: { purpose: 'required' },
    });
    // An existing purpose for the address; new words for the birthday.
    await value(call('fields.update', { key: 'address', enabled: true, purpose: '', purposes: ['order_updates'] }));
    const after = await value<FieldDef[]>(call('fields.update', { key: 'birthday', enabled: true, purpose: 'Ucapan ulang tahun' }));
    expect(after.find((f) => f.key === 'birthday')).toMatchObject({ enabled: true, purpose: 'Ucapan ulang tahun' });
    expect((await value<Purpose[]>(call('purposes.list'))).some((p) => p.name.id === 'Ucapan ulang tahun')).toBe(true);

    // Inspected again (the mapping screen re-reads the file): the columns now map to the fields.
    const again = await value<ImportFile>(call('import.inspect', { fileId: file.fileId, sheet: null }));
    expect(again.switchedOff).toEqual([null, null, null, null, null]);
    expect(again.mapping).toEqual(['name', 'address', 'birthday', 'email', 'consent:promotions_wa']);
    const result = await value<ImportResult>(call('import.run', { fileId: file.fileId, sheet: null, mapping: again.mapping, onDuplicate: 'skip' }));
    expect(result).toMatchObject({ imported: 2, invalid: [], consent: { given: 1, refused: 1, unchanged: 0 }, leftOut: [] });
    expect(result.dropped).toEqual([
      { row: 2, column: 'Email', code: 'invalid_email', dropped: true },
      { row: 3, column: 'Tgl Lahir', code: 'invalid_date', dropped: true },
    ]);
    const rows = await vault.db().all<{ name: string; address: string; birthday: string | null; email: string | null }>(
      'SELECT name, address, birthday, email FROM customers ORDER BY name',
    );
    expect(rows).toEqual([
      { name: 'Budi', address: 'Jl. Merdeka 5', birthday: '1990-08-17', email: null },
      { name: 'Siti', address: 'Jl. Sudirman 1', birthday: null, email: 'siti@contoh.id' },
    ]);
    const owner = vault.user();
    const entries = await vault.db().all<{ state: string; recorded_by: number; recorder_name: string; evidence_ref: string }>(
      'SELECT state, recorded_by, recorder_name, evidence_ref FROM consent_events ORDER BY id',
    );
    expect(entries).toEqual([
      { state: 'given', recorded_by: owner?.id, recorder_name: 'Ibu Sari', evidence_ref: 'lama.csv' },
      { state: 'refused', recorded_by: owner?.id, recorder_name: 'Ibu Sari', evidence_ref: 'lama.csv' },
    ]);
    expect(await lastImport()).toMatchObject({ imported: 2, withoutValue: 2, consentGiven: 1, consentRefused: 1 });
  });

  it('left out knowingly: recorded in the result and the audit entry; a Manager may import but not switch the field on', async () => {
    await value(call('staff.create', { name: 'Manajer Rina', role: 'manager', password: MANAGER_PASSWORD, reason: 'manajer toko' }));
    await value(call('vault.lock'));
    const s = await value<VaultStatus>(call('vault.status'));
    const rina = s.state === 'locked' ? s.people.find((p) => p.name === 'Manajer Rina') : undefined;
    await value(call('vault.signIn', { staffId: rina?.id, password: MANAGER_PASSWORD }));

    const file = await open(writeFixture(files, 'lama.csv', SHEET));
    expect(file.switchedOff).toEqual([null, 'address', 'birthday', null, null]);
    expect((await errorOf(call('fields.update', { key: 'address', enabled: true, purpose: '', purposes: ['order_updates'] }))).code).toBe('forbidden');
    const result = await value<ImportResult>(call('import.run', { fileId: file.fileId, sheet: null, mapping: file.mapping, onDuplicate: 'skip', leftOut: [1, 2] }));
    expect(result.leftOut).toEqual([
      { column: 'Alamat', field: 'address' },
      { column: 'Tgl Lahir', field: 'birthday' },
    ]);
    expect(await lastImport()).toMatchObject({ imported: 2, leftOut: ['Alamat (address)', 'Tgl Lahir (birthday)'] });
    expect(await vault.db().all('SELECT address FROM customers WHERE address IS NOT NULL')).toEqual([]);
  });
});
