/**
 * For the access pack's tests: two customers holding a value in EVERY field (a custom field too),
 * with purchases, tags, consent entries, a request each, A restricted, and audit entries about each
 * (by a cashier) plus a backup and two exports — every value a canary that names its customer, so a
 * test can look for all of A's and none of B's.
 */
import { BUILTIN_FIELDS, type CustomerInput } from '../../contract';
import type { VaultContext } from '../context';
import { createConsentService } from '../consent/service';
import { createCustomersService } from '../customers/service';
import { createFieldsService } from '../fields/service';
import { createPurchasesService } from '../purchases/service';
import { appendRequestEvent, insertRequest, linkCustomer } from '../requests/repository';
import { getStaff, insertStaff } from '../staff/repository';

export const CASHIER = 'Dewi Kasir Lestari';

export const CANARY_A: CustomerInput = {
  name: 'Alfa Kanari Pertama',
  phone: '0812 1111 0001',
  email: 'alfa.kanari@contoh-a.id',
  address: 'Jl. Alamat Alfa No. 1',
  city: 'Kota Alfaraya',
  notes: 'catatan-rahasia-alfa',
  birthday: '1990-01-11',
  gender: 'female',
  preferences: 'suka-teh-alfa',
  tags: ['label-alfa', 'grosir-alfa'],
  custom: { custom_1: 'ukuran-XL-alfa' },
};

export const CANARY_B: CustomerInput = {
  name: 'Bravo Kanari Kedua',
  phone: '0813 2222 0002',
  email: 'bravo.kanari@contoh-b.id',
  address: 'Jl. Alamat Bravo No. 2',
  city: 'Kota Bravoraya',
  notes: 'catatan-rahasia-bravo',
  birthday: '1985-02-22',
  gender: 'male',
  preferences: 'suka-kopi-bravo',
  tags: ['label-bravo'],
  custom: { custom_1: 'ukuran-S-bravo' },
};

export interface Seeded {
  a: number;
  b: number;
  requestA: number;
  requestB: number;
  cashierId: number;
}

/** Seeds the two customers and their histories; `ctx` is signed in as the Owner. */
export async function seedTwo(ctx: VaultContext): Promise<Seeded> {
  const db = ctx.db();
  const fields = createFieldsService(db);
  for (const key of BUILTIN_FIELDS) await fields.update({ key, enabled: true, purpose: 'Layanan pelanggan' });
  await fields.createCustom({ label: 'Ukuran baju', kind: 'text', purpose: 'Pesanan seragam', sensitive: false });
  const customers = createCustomersService(db);
  const a = (await customers.save({ customer: CANARY_A })).id;
  const b = (await customers.save({ customer: CANARY_B })).id;
  await customers.markVerified(a);
  const purchases = createPurchasesService(db);
  await purchases.save({ purchase: { customerId: a, date: '2026-11-02', description: 'Kain batik alfa', amount: 125000, channel: 'store' } });
  await purchases.save({ purchase: { customerId: a, date: '2026-11-20', description: 'Benang sutra alfa', amount: 45000, channel: 'whatsapp' } });
  await purchases.save({ purchase: { customerId: b, date: '2026-11-03', description: 'Kain tenun bravo', amount: 333000, channel: 'marketplace' } });

  const consent = createConsentService(ctx);
  await consent.record({ customerId: a, purposeKey: 'promotions_wa', state: 'given', method: 'paper' });
  await consent.record({ customerId: a, purposeKey: 'promotions_wa', state: 'withdrawn', method: 'whatsapp' });
  await consent.record({ customerId: b, purposeKey: 'promotions_wa', state: 'given', method: 'verbal' });

  const now = ctx.now();
  const owner = ctx.user();
  const who = owner && { id: owner.id, name: owner.name };
  const { requestA, requestB } = await db.transaction(async (tx) => {
    const make = async (customerId: number, asked: string, requester: string) => {
      const n = await insertRequest(tx, {
        type: 'access',
        channel: 'walk-in',
        receivedAt: now - 3_600_000,
        dueAt: now + 68 * 3_600_000,
        dueBasis: 'law',
        takenBy: who,
        requester,
        notCustomer: false,
        asked,
        lang: 'id',
      });
      await linkCustomer(tx, n, customerId);
      await appendRequestEvent(tx, n, { at: now - 3_600_000, kind: 'state', state: 'received', by: who, detail: { note: `langkah-${requester}` } });
      return n;
    };
    return { requestA: await make(a, 'minta-salinan-alfa', 'Pemohon Alfa'), requestB: await make(b, 'minta-salinan-bravo', 'Pemohon Bravo') };
  });
  await db.run("INSERT INTO customer_restrictions (customer_id, since, reason, by_name) VALUES (?, ?, 'alasan-batas-alfa', ?)", [a, now - 1000, owner?.name ?? 'system']);

  const cashierId = await insertStaff(db, { name: CASHIER, role: 'staff', passwordHash: 'x', reason: 'Kasir pagi' }, now);
  const cashier = await getStaff(db, cashierId);
  for (const id of [a, b]) {
    await ctx.record({ action: 'customer.view', targetType: 'customer', targetId: id }, cashier);
    await ctx.record({ action: 'customer.reveal', targetType: 'customer', targetId: id, details: { field: 'phone' } }, cashier);
  }
  for (const n of [requestA, requestB]) await ctx.record({ action: 'request.view', targetType: 'request', targetId: String(n), details: { results: 1 } }, cashier);
  await ctx.record({ action: 'backup.create', targetType: 'file', targetId: 'brankas-cadangan.bkp', details: { scheduled: true, customers: 2 } }, null);
  await ctx.record({ action: 'data.export', targetType: 'file', targetId: 'pelanggan-bravo.csv', details: { what: 'customers', format: 'csv', count: 2 } });
  await ctx.record({ action: 'data.export', targetType: 'file', targetId: 'audit.csv', details: { what: 'audit', count: 10 } });
  return { a, b, requestA, requestB, cashierId };
}
