/**
 * The only contextBridge call. No logic: the client is built from the contract by the same
 * factory the e2e host uses, with Electron IPC as its transport.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createClient, type BrankasClient, type EventName } from './contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc/transport';

const client = createClient({
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  subscribe(listener) {
    const handler = (_e: Electron.IpcRendererEvent, name: EventName, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(EVENT_CHANNEL, handler);
  },
}) satisfies BrankasClient;

contextBridge.exposeInMainWorld('brankas', client);
