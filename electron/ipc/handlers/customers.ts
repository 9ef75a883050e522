import { can } from '../../contract';
import { createCustomersService } from '../../vault/customers/service';
import { assertVisible, seesRestricted, withoutRestricted } from '../../vault/restriction/visibility';
import type { Context, HandlerMap } from '../context';
import { erasureHandlers } from './erasure';

/** Roles without `customers.viewSensitive` get sensitive values masked. */
const customers = ({ vault, db }: Context) => {
  const user = vault.user();
  return createCustomersService(db(), Date.now, { mask: !user || !can(user.role, 'customers.viewSensitive') });
};
const role = (ctx: Context) => ctx.vault.user()?.role;
/** A restricted customer is not there for a Cashier or View-only (restriction/visibility.ts). */
export const visible = (ctx: Context, id: number) => assertVisible(ctx.db(), role(ctx), id);

export const customerHandlers: HandlerMap<'customers'> = {
  async 'customers.search'(input, ctx) {
    const svc = customers(ctx);
    if (seesRestricted(role(ctx))) return svc.search(input);
    return withoutRestricted(
      ctx.db(),
      input.limit,
      (extra) => svc.search({ ...input, limit: input.limit + extra }),
      async (ids) => (await svc.search({ ...input, offset: 0, limit: 1 }, { onlyIds: ids })).total,
    );
  },
  async 'customers.get'(input, ctx) {
    await visible(ctx, input.id);
    return customers(ctx).get(input.id);
  },
  async 'customers.save'(input, ctx) {
    // Restricted: only those who handle requests (Owner, Manager) see it, so only they may edit it.
    if (input.id !== undefined) await visible(ctx, input.id);
    return customers(ctx).save(input);
  },
  async 'customers.remove'(input, ctx) {
    await visible(ctx, input.id);
    return customers(ctx).remove(input.id);
  },
  'customers.tags': (input, ctx) => customers(ctx).tags(input),
  async 'customers.markVerified'(input, ctx) {
    await visible(ctx, input.id);
    return customers(ctx).markVerified(input.id);
  },
  async 'customers.reveal'(input, ctx) {
    await visible(ctx, input.id);
    return customers(ctx).reveal(input.id, input.field);
  },
  ...erasureHandlers,
};
