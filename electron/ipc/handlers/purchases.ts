import { createPurchasesService } from '../../vault/purchases/service';
import type { Context, HandlerMap } from '../context';

const purchases = ({ db }: Context) => createPurchasesService(db());

export const purchaseHandlers: HandlerMap<'purchases'> = {
  'purchases.list': (input, ctx) => purchases(ctx).list(input.customerId),
  'purchases.save': (input, ctx) => purchases(ctx).save(input),
  'purchases.remove': (input, ctx) => purchases(ctx).remove(input.id),
};
