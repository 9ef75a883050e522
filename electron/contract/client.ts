import { channelNames, type BrankasClient, type ChannelName, type EventName, type Events } from './channels';
import type { Result } from './errors';

/** How a client reaches the main process: Electron IPC in the app, a Playwright binding in e2e. */
export interface Transport {
  invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/**
 * Builds `window.brankas` from the contract. The one factory used by the Electron preload
 * and by the e2e host's test preload, so both expose exactly the same surface.
 */
export function createClient(transport: Transport): BrankasClient {
  const client: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of channelNames) {
    const [domain, method] = name.split('.') as [string, string];
    const group = (client[domain] ??= {});
    group[method] = (input?: unknown) => transport.invoke(name, input ?? {});
  }
  const on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload as Events[E]);
    });
  return Object.freeze({ ...client, on }) as unknown as BrankasClient;
}
