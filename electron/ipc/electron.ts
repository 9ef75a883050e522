/** Binds the router to Electron IPC: one handler, sender frame checked on every call. */
import { ipcMain, type WebContents } from 'electron';
import type { EventName, Events } from '../contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './transport';
import type { Router } from './router';

export function registerIpc(router: Router, isAppContents: (wc: WebContents) => boolean): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const fromApp = isAppContents(event.sender) && frame !== null && frame === event.sender.mainFrame;
    return router.handle({ url: fromApp ? frame.url : '', isMainFrame: fromApp }, channel, input);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function pushEvent<E extends EventName>(wc: WebContents, event: E, payload: Events[E]): void {
  if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, event, payload);
}
