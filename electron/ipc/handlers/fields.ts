import { createFieldsService } from '../../vault/fields/service';
import type { Context, HandlerMap } from '../context';

const fields = ({ db }: Context) => createFieldsService(db());

export const fieldHandlers: HandlerMap<'fields'> = {
  'fields.list': (_input, ctx) => fields(ctx).list(),
  'fields.update': (input, ctx) => fields(ctx).update(input),
  'fields.usage': (input, ctx) => fields(ctx).usage(input.key),
  'fields.createCustom': (input, ctx) => fields(ctx).createCustom(input),
  'fields.deleteCustom': (input, ctx) => fields(ctx).deleteCustom(input.key),
};
