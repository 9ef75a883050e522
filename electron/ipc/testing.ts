/** A handler context for tests: a real vault, dialogs that answer what the test queued, recorded events. */
import type { EventName, Events } from '../contract';
import type { VaultService } from '../vault/service';
import { TransferRegistry } from '../vault/transfer/registry';
import type { Context, Dialogs } from './context';

export class QueuedDialogs implements Dialogs {
  readonly opens: (string | null)[] = [];
  readonly saves: (string | null)[] = [];
  readonly folders: (string | null)[] = [];
  async openFolder(): Promise<string | null> {
    if (!this.folders.length) throw new Error('test did not queue a folder');
    return this.folders.shift() ?? null;
  }
  async openFile(): Promise<string | null> {
    if (!this.opens.length) throw new Error('test did not queue a file to open');
    return this.opens.shift() ?? null;
  }
  async saveFile(): Promise<string | null> {
    if (!this.saves.length) throw new Error('test did not queue a save path');
    return this.saves.shift() ?? null;
  }
}

export interface TestContext extends Context {
  dialogs: QueuedDialogs;
  events: { event: EventName; payload: unknown }[];
}

export function testContext(vault: VaultService): TestContext {
  const events: TestContext['events'] = [];
  return {
    vault,
    db: () => vault.db(),
    dialogs: new QueuedDialogs(),
    events,
    emit: <E extends EventName>(event: E, payload: Events[E]) => void events.push({ event, payload }),
    transfer: new TransferRegistry(vault),
  };
}
