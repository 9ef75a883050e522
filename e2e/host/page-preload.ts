/**
 * The e2e host's stand-in for electron/preload.ts: the same `createClient` factory, with a
 * Playwright binding as transport. Bundled to one script and injected before the app loads.
 */
import { createClient, type BrankasClient, type ChannelName, type EventName, type Result } from '../../electron/contract';

declare global {
  interface Window {
    brankas: BrankasClient;
    __brankasInvoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
    __brankasEmit(event: EventName, payload: unknown): void;
  }
}

const listeners = new Set<(event: EventName, payload: unknown) => void>();
const client = createClient({
  invoke: (channel, input) => window.__brankasInvoke(channel, input),
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
Object.defineProperty(window, 'brankas', { value: client, enumerable: true });
Object.defineProperty(window, '__brankasEmit', {
  value: (event: EventName, payload: unknown) => listeners.forEach((l) => l(event, payload)),
});
