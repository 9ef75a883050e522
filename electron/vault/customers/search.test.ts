import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import type { CustomerInput } from '../../contract';
import { openTestDb, type TestDb } from '../db/testing';
import { planSearch } from './search';
import { createCustomersService, type CustomersService } from './service';

const seed: CustomerInput[] = [
  { name: 'Budi Santoso', phone: '0812-3456-7890', email: 'budi.santoso@gmail.com', city: 'Bandung', tags: ['VIP'], notes: 'suka kopi tubruk' },
  { name: 'Budiman Hartono', phone: '0857 1111 2222', city: 'Surabaya' },
  { name: 'José Ramos', email: 'jose@example.com', city: 'Denpasar' },
  { name: 'Sígit Wibowo', city: 'Yogyakarta' },
  { name: 'Sigit Prakoso', city: 'Semarang', tags: ['grosir'] },
  { name: 'Toko Maju Jaya', phone: '(021) 555-1234', city: 'Jakarta', tags: ['grosir', 'langganan'] },
  { name: 'siti aminah', phone: '+65 6123 4567', city: 'Singapura', notes: 'kirim lewat kurir' },
  { name: 'Ani', city: 'Bandung' },
];

let t: TestDb;
let svc: CustomersService;
const ids = new Map<string, number>();

beforeAll(async () => {
  t = await openTestDb();
  svc = createCustomersService(t.db);
  for (const customer of seed) ids.set(customer.name, (await svc.save({ customer })).id);
});
afterAll(() => t.cleanup());

const names = async (query: string): Promise<string[]> => {
  const page = await svc.search({ query, offset: 0, limit: 50 });
  expect(page.total).toBe(page.items.length);
  return page.items.map((c) => c.name);
};

describe('searchCustomers', () => {
  it('lists everyone by name, case-insensitively, for a blank query', async () => {
    for (const query of ['', '   ']) {
      const page = await svc.search({ query, offset: 0, limit: 50 });
      expect(page.total).toBe(seed.length);
      expect(page.items.map((c) => c.name)).toEqual([
        'Ani',
        'Budi Santoso',
        'Budiman Hartono',
        'José Ramos',
        'Sigit Prakoso',
        'siti aminah',
        'Sígit Wibowo', // NOCASE folds ASCII only, so the accented name sorts after the plain ones
        'Toko Maju Jaya',
      ]);
    }
  });

  it('returns contract customers with the display phone', async () => {
    const [budi] = (await svc.search({ query: 'budi santoso', offset: 0, limit: 5 })).items;
    expect(budi).toMatchObject({ id: ids.get('Budi Santoso'), phone: '+6281234567890', phoneDisplay: '0812-3456-7890', tags: ['VIP'] });
  });

  it('matches prefixes as the user types', async () => {
    expect(await names('b')).toEqual(['Ani', 'Budi Santoso', 'Budiman Hartono']); // Ani lives in Bandung
    expect(await names('bud')).toEqual(['Budi Santoso', 'Budiman Hartono']);
    expect(await names('BUDI')).toEqual(['Budi Santoso', 'Budiman Hartono']);
    expect(await names('budim')).toEqual(['Budiman Hartono']);
  });

  it('needs every word, in any order, for two-word queries', async () => {
    expect(await names('budi san')).toEqual(['Budi Santoso']);
    expect(await names('santoso budi')).toEqual(['Budi Santoso']);
    expect(await names('toko jaya')).toEqual(['Toko Maju Jaya']);
    expect(await names('budi jakarta')).toEqual([]);
  });

  it('folds diacritics both ways', async () => {
    expect(await names('jose')).toEqual(['José Ramos']);
    expect(await names('JOSÉ')).toEqual(['José Ramos']);
    expect(await names('sigit')).toEqual(['Sigit Prakoso', 'Sígit Wibowo']);
    expect(await names('sígit')).toEqual(['Sigit Prakoso', 'Sígit Wibowo']);
    expect(await names('Sig\u0301it')).toEqual(['Sigit Prakoso', 'Sígit Wibowo']); // decomposed accent
  });

  it('finds phone numbers from fragments typed any usual way', async () => {
    for (const query of ['0812', '812 34', '+62 812', '62812', '0812-3456-7890', '7890', '3456 7890']) {
      expect(await names(query), query).toEqual(['Budi Santoso']);
    }
    for (const query of ['5551234', '555-1234', '(021) 555', '021555', '+62 21 555']) {
      expect(await names(query), query).toEqual(['Toko Maju Jaya']);
    }
    expect(await names('+65 6123')).toEqual(['siti aminah']);
    expect(await names('34567')).toEqual(['Budi Santoso', 'siti aminah']); // …3456-7890 and 6123 4567
    expect(await names('08')).toEqual(['Budi Santoso', 'Budiman Hartono']); // two digits: an ordinary prefix term
    expect(await names('0813')).toEqual([]);
  });

  it('searches email, city, tags and notes', async () => {
    expect(await names('santoso@gm')).toEqual(['Budi Santoso']);
    expect(await names('example.com')).toEqual(['José Ramos']);
    expect(await names('bandung')).toEqual(['Ani', 'Budi Santoso']);
    expect(await names('grosir')).toEqual(['Sigit Prakoso', 'Toko Maju Jaya']);
    expect(await names('langg')).toEqual(['Toko Maju Jaya']);
    expect(await names('kopi')).toEqual(['Budi Santoso']);
    expect(await names('kurir')).toEqual(['siti aminah']);
  });

  it('treats FTS syntax in the query as plain text', async () => {
    const queries = [
      '"',
      '*',
      '"*',
      '""',
      ':',
      '-',
      '^',
      '(',
      ')',
      'OR',
      'AND',
      'NOT',
      'NEAR(',
      'NEAR(budi toko)',
      'budi OR toko',
      'budi NOT santoso',
      'name:budi',
      'name : toko',
      '{name city}: budi',
      '-budi',
      '^bud',
      'bud*',
      '"budi',
      'budi"',
      '* OR *',
      "'; DROP TABLE customers; --",
      'b\u0000udi',
    ];
    for (const query of queries) {
      const page = await svc.search({ query, offset: 0, limit: 50 });
      expect(page.total, query).toBeLessThan(seed.length);
      expect(page.items.length, query).toBe(page.total);
    }
    // Operators are ordinary words that must all match, so these find nobody …
    expect(await names('budi OR toko')).toEqual([]);
    expect(await names('name:budi')).toEqual([]);
    // … and punctuation around real words is ignored.
    expect(await names('"budi"')).toEqual(['Budi Santoso', 'Budiman Hartono']);
    expect(await names('-budi*')).toEqual(['Budi Santoso', 'Budiman Hartono']);
    expect(await names('^bud')).toEqual(['Budi Santoso', 'Budiman Hartono']);
    expect((await svc.search({ query: '', offset: 0, limit: 1 })).total).toBe(seed.length);
  });
});

describe('planSearch', () => {
  it('quotes every term as a prefix string and ANDs them', () => {
    expect(planSearch('  ')).toEqual({ kind: 'all' });
    expect(planSearch('"*:^-')).toEqual({ kind: 'none' });
    expect(planSearch('budi OR "toko')).toEqual({ kind: 'match', expression: '"budi"* AND "OR"* AND "toko"*' });
    expect(planSearch('NEAR(a b)')).toEqual({ kind: 'match', expression: '"NEAR"* AND "a"* AND "b"*' });
    expect(planSearch('+62 812')).toEqual({ kind: 'match', expression: 'phone : "62812"*' });
  });
});
