import { createPurposesService } from '../../vault/purposes/service';
import type { Context, HandlerMap } from '../context';

const purposes = ({ db }: Context) => createPurposesService(db());

export const purposeHandlers: HandlerMap<'purposes'> = {
  'purposes.list': (_input, ctx) => purposes(ctx).list(),
  'purposes.save': (input, ctx) => purposes(ctx).save(input),
  'purposes.retire': (input, ctx) => purposes(ctx).retire(input.key),
};
