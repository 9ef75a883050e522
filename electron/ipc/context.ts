import type { ChannelName, EventName, Events, OutputOf, ParsedInputOf } from '../contract';
import type { Db } from '../vault/db/driver';
import type { DemoService } from '../vault/demo/service';
import type { VaultService } from '../vault/service';
import type { TransferRegistry } from '../vault/transfer/registry';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The system's file dialogs. The renderer never names a path: the main process asks the user
 * here and keeps what was chosen. Electron's `dialog` in the app; a test-controlled answer in e2e.
 */
export interface Dialogs {
  openFile(opts: { title: string; filters: FileFilter[] }): Promise<string | null>;
  saveFile(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** A folder (e.g. the USB drive for backups); null when cancelled. */
  openFolder(opts: { title: string }): Promise<string | null>;
}

/** What the app gives the router: the services, never the raw sender or the bridge. */
export interface AppContext {
  vault: VaultService;
  dialogs: Dialogs;
  /** Pushes an event to the app's window (progress of long work). */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Picked import files, the running import/export job and the last problems; forgotten on lock. */
  transfer: TransferRegistry;
  /**
   * Sample data (contract/demo.ts): starts and throws away the demo vault, swapping which vault
   * `vault` and `transfer` answer for (vault/host.ts). Absent where one vault only is served (unit
   * tests, the bench): the demo channels then answer `conflict`.
   */
  demo?: DemoService;
}

/**
 * What a handler gets for one call: the app's services plus `db()`, the database as this call must
 * use it. For a channel the router audits (`view`/`change` in contract/records.ts) that is a handle
 * inside the call's one transaction, so the change and its audit entry commit together; otherwise
 * the open vault's connection (`locked` while nobody is signed in).
 */
export interface Context extends AppContext {
  db(): Db;
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: Context) => Promise<OutputOf<C>> | OutputOf<C>;

/** One map per domain: every channel whose name starts with `${P}.` and nothing else. */
export type HandlerMap<P extends string> = {
  [C in ChannelName as C extends `${P}.${string}` ? C : never]: Handler<C>;
};
