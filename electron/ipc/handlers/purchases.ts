import { createPurchasesService } from '../../vault/purchases/service';
import type { Context, HandlerMap } from '../context';
import { visible } from './customers';

const purchases = ({ db }: Context) => createPurchasesService(db());

export const purchaseHandlers: HandlerMap<'purchases'> = {
  async 'purchases.list'(input, ctx) {
    await visible(ctx, input.customerId);
    return purchases(ctx).list(input.customerId);
  },
  async 'purchases.save'(input, ctx) {
    await visible(ctx, input.purchase.customerId);
    return purchases(ctx).save(input);
  },
  'purchases.remove': (input, ctx) => purchases(ctx).remove(input.id),
};
