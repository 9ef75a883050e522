/**
 * The erasure service (`customers.erase`, `brankas erase`): a customer erased for real, in one
 * transaction with the request's step and the audit entry (`customer.erase`, naming the customer by
 * id only, with counts). After COMMIT the WAL is checkpointed and truncated (secure_delete is on, so
 * the freed pages were zeroed) and the register's copy beside the vault is rewritten, so a restore
 * erases them again even when this vault cannot be opened. Only those who handle privacy requests
 * (Owner, Manager) may erase; the service checks it as well as the router (the CLI calls it directly).
 */
import { can, type EraseResult } from '../../contract';
import type { VaultContext } from '../context';
import type { Queryable } from '../db/driver';
import { getSchedule } from '../backup/settings';
import { VaultError } from '../errors';
import { requestConcerns } from '../requests/repository';
import { eraseIn } from './erase';
import { dataDirOf, writeRegisterFile } from './register-file';
import { listErasures } from './repository';

export interface EraseOptions {
  requestNumber?: number | undefined;
}

export interface ErasureService {
  erase(customerId: number, opts?: EraseOptions): Promise<EraseResult>;
}

const DAYS_PER_WEEK = 7;

/**
 * How many days an older backup may still exist: the schedule keeps the newest backup of each of
 * the last `keepDaily` days and of each of the `keepWeekly` weeks before them, so with a backup a
 * day the oldest one kept is at most that many days old.
 */
export async function backupsRotateAfterDays(q: Queryable): Promise<number> {
  const s = await getSchedule(q);
  return s.keepDaily + DAYS_PER_WEEK * s.keepWeekly;
}

/** Rewrites the register's copy beside the vault from the register (what was there stays). */
export async function syncRegisterFile(q: Queryable): Promise<void> {
  const dir = await dataDirOf(q);
  if (!dir) return;
  writeRegisterFile(dir, await listErasures(q));
}

export function createErasureService(ctx: VaultContext): ErasureService {
  return {
    async erase(customerId, opts = {}) {
      const user = ctx.user();
      if (!user) throw new VaultError('locked');
      if (!can(user.role, 'privacy.handle')) throw new VaultError('forbidden');
      const db = ctx.db();
      const requestNumber = opts.requestNumber ?? null;
      const result = await db.transaction(async (tx) => {
        const at = ctx.now();
        const exists = await tx.get('SELECT 1 FROM customers WHERE id = ?', [customerId]);
        if (!exists) throw new VaultError('not_found', undefined, `customer ${customerId}`);
        if (requestNumber !== null && !(await requestConcerns(tx, requestNumber, customerId))) {
          throw new VaultError('invalid_input', { requestNumber: 'invalid_value' });
        }
        const erased = await eraseIn(tx, customerId, {
          at,
          ...(requestNumber !== null ? { request: { number: requestNumber, by: { id: user.id, name: user.name } } } : {}),
        });
        await ctx.recordIn(tx, {
          action: 'customer.erase',
          targetType: 'customer',
          targetId: String(customerId),
          details: {
            purchasesKept: erased.keptPurchases,
            purchasesRemoved: erased.removedPurchases,
            consentEntries: erased.consentEntries,
            evidenceFiles: erased.evidenceFiles,
            requestsRedacted: erased.requestsRedacted,
            request: requestNumber,
          },
        });
        return { customerId, erasedAt: at, keptPurchases: erased.keptPurchases, backupsRotateAfterDays: await backupsRotateAfterDays(tx), requestNumber };
      });
      // Committed: nothing of the customer may stay in the WAL, and the register goes beside the vault.
      await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      // If the copy cannot be written now (a full disk), the vault's own register still holds the
      // entry and the next erasure rewrites the whole copy: the erasure itself has happened.
      await syncRegisterFile(db).catch(() => undefined);
      return result;
    },
  };
}
