/**
 * Purpose-bound export: an export for a consent-based purpose holds only the customers whose current
 * consent to it is `given` (a withdrawal recorded in the same millisecond as the consent, just before
 * the export, keeps the customer out), in every scope and format, and only the name and the fields the
 * purpose uses; unknown and retired purposes are refused; other purposes export everyone as chosen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { ConsentState, ExportInput } from '../../contract';
import { appendConsent } from '../consent/repository';
import { openTestDb, tempDir, type TestDb } from '../db/testing';
import { createCustomersService } from '../customers/service';
import { createPurposesService } from '../purposes/service';
import { vaultErrorOf } from '../testing';
import { exportToFile, exportToStream } from '.';

let t: TestDb;
let dir: string;
const ids: Record<string, number> = {};
const AT = 1_764_800_000_000;

const record = (customerId: number, state: ConsentState, at = AT, purposeKey = 'promotions_wa') =>
  t.db.transaction((tx) =>
    appendConsent(tx, { customerId, purposeKey, state, at, method: 'paper', recordedBy: { id: null, name: 'Ibu Sari' }, noticeVersion: null }),
  );

beforeEach(async () => {
  t = await openTestDb();
  dir = tempDir('brankas-export-purpose-');
  const customers = createCustomersService(t.db);
  for (const [name, phone] of [['Ani', '0812-1111-2222'], ['Budi', '0812-3333-4444'], ['Citra', '0812-5555-6666'], ['Dewi', '0812-7777-8888']] as const) {
    ids[name] = (await customers.save({ customer: { name, phone, email: `${name.toLowerCase()}@contoh.id`, city: 'Bandung' } })).id;
  }
  await record(ids.Ani!, 'given');
  await record(ids.Budi!, 'given');
  await record(ids.Citra!, 'refused');
  // Dewi: nothing recorded.
});
afterEach(() => t.cleanup());

const csvNames = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(';')[0] as string);

async function exported(extra: Partial<ExportInput>): Promise<{ count: number; names: string[] }> {
  const path = join(dir, `out-${Math.random().toString(36).slice(2)}.csv`);
  const { count } = await exportToFile(t.db, path, { format: 'csv', fields: ['name', 'phone'], scope: { kind: 'all' }, ...extra });
  return { count, names: csvNames(path) };
}

describe('export for a consent-based purpose', () => {
  it('holds only customers whose current consent is given, in every scope', async () => {
    const purpose = 'promotions_wa';
    expect(await exported({ purpose })).toEqual({ count: 2, names: ['Ani', 'Budi'] });
    expect(await exported({ purpose, scope: { kind: 'filter', query: '', filter: {} } })).toEqual({ count: 2, names: ['Ani', 'Budi'] });
    expect(await exported({ purpose, scope: { kind: 'filter', query: 'bandung', filter: { city: 'Bandung' } } })).toEqual({ count: 2, names: ['Ani', 'Budi'] });
    const all = Object.values(ids);
    expect(await exported({ purpose, scope: { kind: 'selection', ids: all } })).toEqual({ count: 2, names: ['Ani', 'Budi'] });
    expect(await exported({ purpose, scope: { kind: 'selection', ids: [ids.Budi!, ids.Citra!] } })).toEqual({ count: 1, names: ['Budi'] });
    // The list's own consent filter and the purpose's both apply.
    const refused = { kind: 'filter' as const, query: '', filter: { consent: { purpose, state: 'refused' as const } } };
    expect(await exported({ purpose, scope: refused })).toEqual({ count: 0, names: [] });
  });

  it('a withdrawal recorded in the same millisecond as the consent, just before the export, keeps the customer out', async () => {
    const at = Date.now();
    await record(ids.Dewi!, 'given', at);
    await record(ids.Dewi!, 'withdrawn', at);
    await record(ids.Ani!, 'withdrawn', at);
    expect(await exported({ purpose: 'promotions_wa' })).toEqual({ count: 1, names: ['Budi'] });
    expect(await exported({ purpose: 'promotions_wa', scope: { kind: 'selection', ids: [ids.Ani!, ids.Dewi!] } })).toEqual({ count: 0, names: [] });
    expect(await exported({ purpose: 'promotions_wa', scope: { kind: 'filter', query: 'dewi', filter: {} } })).toEqual({ count: 0, names: [] });
    // Given again later: back in.
    await record(ids.Ani!, 'given', at + 1);
    expect((await exported({ purpose: 'promotions_wa' })).names).toEqual(['Ani', 'Budi']);
  });

  it('a stream export counts (for its audit entry) only the consented customers', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    let announced: number | null = -1;
    const { count } = await exportToStream(t.db, out, { format: 'json', fields: ['name'], scope: { kind: 'all' }, purpose: 'promotions_wa' }, {
      beforeOutput: async (n) => void (announced = n),
    });
    expect({ count, announced }).toEqual({ count: 2, announced: 2 });
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual([{ name: 'Ani' }, { name: 'Budi' }]);
  });

  it('allows only the name and the fields the purpose uses as columns', async () => {
    const err = await vaultErrorOf(exported({ purpose: 'promotions_wa', fields: ['name', 'email', 'phone', 'city'] }));
    expect({ code: err.code, fields: err.fields }).toEqual({ code: 'invalid_input', fields: { 'fields.1': 'not_for_purpose', 'fields.3': 'not_for_purpose' } });
    expect(await exported({ purpose: 'promotions_wa', fields: ['name'] })).toMatchObject({ count: 2 });
  });
});

describe('export for other purposes', () => {
  it('a purpose that is not consent-based exports everyone, with the fields chosen; no purpose works as before', async () => {
    const everyone = { count: 4, names: ['Ani', 'Budi', 'Citra', 'Dewi'] };
    expect(await exported({ purpose: 'order_updates', fields: ['name', 'email', 'city'] })).toEqual(everyone);
    expect(await exported({})).toEqual(everyone);
  });

  it('refuses an unknown purpose (not_found) and a retired one (purpose: invalid_choice), writing no file', async () => {
    expect((await vaultErrorOf(exported({ purpose: 'no_such_purpose' }))).code).toBe('not_found');
    const purposes = createPurposesService(t.db);
    await purposes.save({
      name: { id: 'Undian', en: 'Prize draw' },
      description: { id: 'Undian berhadiah.', en: 'A prize draw.' },
      basis: 'consent',
      retention: { months: 3, from: 'consent_withdrawn' },
    });
    await purposes.retire('prize_draw');
    const err = await vaultErrorOf(exported({ purpose: 'prize_draw', fields: ['name'] }));
    expect({ code: err.code, fields: err.fields }).toEqual({ code: 'invalid_input', fields: { purpose: 'invalid_choice' } });
    expect(readdirSync(dir)).toEqual([]);
  });
});
