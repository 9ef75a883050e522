import { VaultError } from '../../vault/errors';
import type { Context, HandlerMap } from '../context';

/** Where the app serves one vault only (unit tests, the bench) there is no demo to start. */
const demo = ({ demo }: Context) => {
  if (!demo) throw new VaultError('conflict');
  return demo;
};

export const demoHandlers: HandlerMap<'demo'> = {
  'demo.status': (_input, ctx) => (ctx.demo ? ctx.demo.status() : { active: false, leftover: false }),
  'demo.start': (_input, ctx) => demo(ctx).start(),
  'demo.discard': (_input, ctx) => demo(ctx).discard(),
};
