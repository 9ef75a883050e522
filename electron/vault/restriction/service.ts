/**
 * Restricting a customer's processing (UU PDP Pasal 11, 41; GDPR Art. 18), and lifting it: each with
 * its reason, its audit entry and — when it answers a request — a step on that request, in one
 * transaction. While restricted the customer is hidden from Cashier and View-only, left out of
 * every export and purpose-bound use, and editable only by the Owner or a Manager (visibility.ts).
 */
import type { VaultContext } from '../context';
import type { Queryable } from '../db/driver';
import { VaultError } from '../errors';
import { appendRequestEvent, assertConcerns } from '../requests/repository';
import { liftRestriction, listRestrictions, restrictCustomer, restrictionOf, type RestrictionRow } from './repository';

export interface RestrictInput {
  customerId: number;
  reason: string;
  requestNumber?: number;
}

async function checkRequest(tx: Queryable, number: number | undefined, customerId: number): Promise<void> {
  if (number !== undefined) await assertConcerns(tx, number, customerId);
}

export function createRestrictionService(ctx: VaultContext) {
  const who = () => {
    const u = ctx.user();
    if (!u) throw new VaultError('locked');
    return { id: u.id, name: u.name };
  };
  return {
    list: () => listRestrictions(ctx.db()),
    get: (customerId: number): Promise<RestrictionRow | undefined> => restrictionOf(ctx.db(), customerId),

    async restrict(input: RestrictInput): Promise<RestrictionRow> {
      const by = who();
      return ctx.db().transaction(async (tx) => {
        if (!(await tx.get('SELECT 1 FROM customers WHERE id = ?', [input.customerId]))) throw new VaultError('not_found', undefined, `customer ${input.customerId}`);
        await checkRequest(tx, input.requestNumber, input.customerId);
        const at = ctx.now();
        const added = await restrictCustomer(tx, { customerId: input.customerId, since: at, reason: input.reason, by: by.name, requestNumber: input.requestNumber ?? null });
        if (!added) throw new VaultError('conflict', undefined, `customer ${input.customerId} is already restricted`);
        if (input.requestNumber !== undefined) await appendRequestEvent(tx, input.requestNumber, { at, kind: 'restriction', by, detail: { customerId: input.customerId, restricted: true, reason: input.reason } });
        await ctx.recordIn(tx, { action: 'customer.restrict', targetType: 'customer', targetId: String(input.customerId), details: { request: input.requestNumber ?? null } });
        return (await restrictionOf(tx, input.customerId))!;
      });
    },

    async lift(customerId: number, requestNumber?: number): Promise<void> {
      const by = who();
      await ctx.db().transaction(async (tx) => {
        await checkRequest(tx, requestNumber, customerId);
        const lifted = await liftRestriction(tx, customerId);
        if (!lifted) throw new VaultError('not_found', undefined, `no restriction on customer ${customerId}`);
        const at = ctx.now();
        if (requestNumber !== undefined) await appendRequestEvent(tx, requestNumber, { at, kind: 'restriction', by, detail: { customerId, restricted: false } });
        await ctx.recordIn(tx, { action: 'customer.unrestrict', targetType: 'customer', targetId: String(customerId), details: { request: requestNumber ?? null, since: lifted.since } });
      });
    },
  };
}
