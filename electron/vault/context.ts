/**
 * What a domain needs from the vault, and no more: the open database, who is signed in, the clock,
 * and the two ways to write an audit entry. New domains (consent, requests, hygiene, incidents)
 * take a `VaultContext`, never the whole `VaultService` (DESIGN.md: a domain never adds methods to
 * it). `VaultService` is one; so is the core it is built on (lifecycle/core.ts).
 */
import type { AuditRecord } from './audit/record';
import { appendAudit } from './audit/repository';
import type { Db, Queryable } from './db/driver';
import { auditFailure } from './errors';
import type { StaffRow } from './staff/repository';

export interface VaultContext {
  /** The open database, only while someone is signed in (else throws `locked`). */
  db(): Db;
  /** Who is signed in, or null. */
  user(): StaffRow | null;
  /**
   * Appends an entry inside the caller's transaction, as the signed-in person (or `actor`): it
   * commits with the change it records or not at all. Throws `audit_failed` (or the driver's
   * SQLITE_FULL) when it cannot, and `locked` while the vault is closed.
   */
  recordIn(tx: Queryable, entry: AuditRecord, actor?: StaffRow | null): Promise<void>;
  /** Appends an entry in a transaction of its own: only for events that change nothing else. */
  record(entry: AuditRecord, actor?: StaffRow | null): Promise<void>;
  now(): number;
}

/** Who an entry names: a person, or the app itself (`null`: restores, recoveries). */
export type Actor = Pick<StaffRow, 'id' | 'name'> | null;

/**
 * The one place an entry is turned into a row: used by `recordIn` and by the vault's creation, whose
 * first entry is written before the vault is open (the seed's transaction, on the new file).
 */
export async function appendEntry(tx: Queryable, key: Buffer, who: Actor, entry: AuditRecord, at: number): Promise<void> {
  try {
    await appendAudit(tx, key, {
      at,
      actorId: who?.id ?? null,
      actorName: who?.name ?? 'system',
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome ?? 'ok',
      details: entry.details ?? {},
    });
  } catch (err) {
    throw auditFailure(err);
  }
}
