import type { ChannelName, OutputOf, ParsedInputOf } from '../contract';
import type { VaultService } from '../vault/service';

/** What handlers may use: the services, never the raw sender or the bridge. */
export interface Context {
  vault: VaultService;
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: Context) => Promise<OutputOf<C>> | OutputOf<C>;

/** One map per domain: every channel whose name starts with `${P}.` and nothing else. */
export type HandlerMap<P extends string> = {
  [C in ChannelName as C extends `${P}.${string}` ? C : never]: Handler<C>;
};
