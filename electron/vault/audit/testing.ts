/** Test helpers for the audit trail: a migrated vault with its audit key, seeded entries, and an attacker's raw SQL. */
import type { AuditAction } from '../../contract/audit';
import type { Queryable } from '../db/driver';
import { openTestDb, type TestDb } from '../db/testing';
import { auditKey } from './key';
import { appendAudit, type NewAuditEntry } from './repository';

export interface AuditTestDb extends TestDb {
  key: Buffer;
}

export async function openAuditTestDb(): Promise<AuditTestDb> {
  const t = await openTestDb();
  return { ...t, key: auditKey(Buffer.from(t.keyHex, 'hex')) };
}

export const T0 = Date.UTC(2024, 4, 1, 8, 0, 0);
const ACTIONS: AuditAction[] = ['auth.signIn', 'customer.view', 'customer.update', 'customer.reveal', 'data.export'];

/** Entry `i` (1-based) of a varied trail: three actors, a minute apart, customers 1–4. */
export function sampleEntry(i: number): NewAuditEntry {
  const actor = i % 3;
  const action = ACTIONS[i % ACTIONS.length] as AuditAction;
  const onCustomer = action.startsWith('customer.');
  return {
    at: T0 + i * 60_000,
    actorId: actor === 0 ? null : actor,
    actorName: ['system', 'Ibu Sari', 'Budi'][actor] as string,
    action,
    targetType: onCustomer ? 'customer' : null,
    targetId: onCustomer ? (i % 4) + 1 : null,
    outcome: i % 7 === 0 ? 'denied' : 'ok',
    details: { n: i },
  };
}

/** Appends entries `from`..`to` in one transaction. */
export function seed(t: AuditTestDb, count: number, from = 1): Promise<void> {
  return t.db.transaction(async (tx) => {
    for (let i = from; i < from + count; i++) await appendAudit(tx, t.key, sampleEntry(i));
  });
}

/** What an attacker with the file and key would do first. */
export async function dropTriggers(db: Queryable): Promise<void> {
  await db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}
