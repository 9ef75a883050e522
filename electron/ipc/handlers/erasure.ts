/**
 * customers.erase: the erasure service writes its own entry (`customer.erase`) in the erasure's
 * transaction, checkpoints the WAL and updates the register's copy beside the vault.
 */
import { createErasureService } from '../../vault/erasure/service';
import type { HandlerMap } from '../context';

export const erasureHandlers: Pick<HandlerMap<'customers'>, 'customers.erase'> = {
  'customers.erase': (input, ctx) => createErasureService(ctx.vault).erase(input.customerId, { requestNumber: input.requestNumber }),
};
