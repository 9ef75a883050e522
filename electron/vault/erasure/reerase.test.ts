/**
 * Which records the register names: the same record by id and creation time, or the same contact
 * values by keyed digest — only with a phone or e-mail, and only for a record made before the
 * erasure (someone who came back afterwards is not erased again). Real SQLCipher file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, VaultFixture } from '../testing';
import { matchRegister } from './reerase';
import { erasureDigest, erasureKey } from './repository';

const fx = new VaultFixture();
afterEach(() => fx.cleanup());

describe('matching the register', () => {
  it('by id and creation time, or by digest for a record with contacts made before the erasure', async () => {
    const v = await fx.create();
    const svc = fx.service(v.dir);
    await svc.init();
    await svc.signIn({ staffId: 1, password: PASSWORD });
    const db = svc.db();
    const add = async (name: string, phone: string | null, createdAt: number) =>
      (await db.run('INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, ?, ?)', [name, phone, createdAt, createdAt])).lastID;
    const sameRecord = await add('Ani', null, 100);
    const sameContacts = await add('Budi Santoso', '+6281234567890', 200);
    const cameBack = await add('Citra Lestari', '+6285711112222', 5_000);
    const nameOnly = await add('Dodi', null, 300);
    const key = await erasureKey(db);
    const digestOf = (name: string, phone: string | null) => erasureDigest(key, { name, phone, email: null });
    const entries = [
      { customerId: sameRecord, createdAt: 100, digest: 'aa'.repeat(32), erasedAt: 1_000 },
      // Another id (say, the record was made again from an old list), the same person's contacts.
      { customerId: 900, createdAt: 150, digest: digestOf('budi  SANTOSO', '0812-3456-7890'), erasedAt: 1_000 },
      { customerId: 901, createdAt: 150, digest: digestOf('Citra Lestari', '+6285711112222'), erasedAt: 1_000 },
      { customerId: 902, createdAt: 150, digest: digestOf('Dodi', null), erasedAt: 1_000 },
    ];
    const found = await matchRegister(db, 'main', entries);
    expect(found.map((m) => [m.customerId, m.entry.customerId])).toEqual([
      [sameRecord, sameRecord],
      [sameContacts, 900],
    ]);
    expect(found.map((m) => m.customerId)).not.toContain(cameBack);
    expect(found.map((m) => m.customerId)).not.toContain(nameOnly);
    expect(await matchRegister(db, 'main', [])).toEqual([]);
  });
});
