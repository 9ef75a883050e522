import { can } from '../../contract';
import { createCustomersService } from '../../vault/customers/service';
import type { Context, HandlerMap } from '../context';
import { erasureHandlers } from './erasure';

/** Roles without `customers.viewSensitive` get sensitive values masked. */
const customers = ({ vault, db }: Context) => {
  const user = vault.user();
  return createCustomersService(db(), Date.now, { mask: !user || !can(user.role, 'customers.viewSensitive') });
};

export const customerHandlers: HandlerMap<'customers'> = {
  'customers.search': (input, ctx) => customers(ctx).search(input),
  'customers.get': (input, ctx) => customers(ctx).get(input.id),
  'customers.save': (input, ctx) => customers(ctx).save(input),
  'customers.remove': (input, ctx) => customers(ctx).remove(input.id),
  'customers.tags': (input, ctx) => customers(ctx).tags(input),
  'customers.markVerified': (input, ctx) => customers(ctx).markVerified(input.id),
  'customers.reveal': (input, ctx) => customers(ctx).reveal(input.id, input.field),
  ...erasureHandlers,
};
