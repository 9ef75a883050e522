/**
 * The one window: sandboxed, isolated, no Node, nothing navigates or opens anywhere else.
 * The policy itself (preferences, origins, the network allow-list) is in hardening.ts, tested there.
 */
import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { hardenedPreferences, navigationAllowed, requestAllowed } from './hardening';
import { APP_ORIGIN } from './protocol';

export function createMainWindow(opts: { preload: string; devServerUrl?: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1180,
    height: 780,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Brankas',
    backgroundColor: '#f6f8f7',
    webPreferences: hardenedPreferences({ preload: opts.preload, dev: Boolean(opts.devServerUrl) }),
  });
  const start = opts.devServerUrl ?? `${APP_ORIGIN}/index.html`;
  const allowedOrigin = opts.devServerUrl ?? APP_ORIGIN;

  // Main frame and sub-frames alike stay on the page's own origin (parsed, never a prefix match).
  win.webContents.on('will-navigate', (e) => {
    if (!navigationAllowed(e.url, allowedOrigin)) e.preventDefault();
  });
  win.webContents.on('will-frame-navigate', (e) => {
    if (!navigationAllowed(e.url, allowedOrigin)) e.preventDefault();
  });
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(start);
  return win;
}

/**
 * Every permission request (camera, notifications, geolocation, …) is refused, and nothing goes
 * out on the network: the renderer is served from app://brankas; only in development (a dev server
 * URL is passed only when the app is not packaged) its one dev server and DevTools are reachable.
 */
export function denyAllPermissions(devServerUrl?: string): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !requestAllowed(details.url, APP_ORIGIN, devServerUrl) });
  });
}

export const rendererDir = (appPath: string): string => join(appPath, 'out', 'renderer');
