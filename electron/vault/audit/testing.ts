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

/**
 * Makes the audit insert fail for one action (or every action with `'*'`) on this connection, the
 * way a broken trail would: a TEMP trigger that aborts the INSERT. Returns the undo. The pattern
 * for proving "a change and its entry commit together" in every domain.
 */
export async function refuseAudit(db: Queryable, action: AuditAction | '*'): Promise<() => Promise<void>> {
  const when = action === '*' ? '' : ` WHEN NEW.action = '${action}'`;
  await db.exec(`CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON main.audit_log${when} BEGIN SELECT RAISE(ABORT, 'audit refused by test'); END`);
  return () => db.exec('DROP TRIGGER temp.refuse_audit');
}

/**
 * A digest of everything in the vault except the audit trail and its head: equal digests mean the
 * data did not change. Every ordinary table, FTS shadow tables included, in rowid order.
 */
export async function dataDigest(db: Queryable): Promise<string> {
  const { createHash } = await import('node:crypto');
  const h = createHash('sha256');
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
  );
  for (const { name } of tables) {
    const rows = await db.all<Record<string, unknown>>(name === 'meta' ? `SELECT * FROM meta WHERE key <> 'audit_head' ORDER BY 1` : `SELECT * FROM "${name}" ORDER BY 1`);
    h.update(name).update(JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : typeof v === 'bigint' ? String(v) : v)));
  }
  return h.digest('hex');
}
