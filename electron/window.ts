/** The one window: sandboxed, isolated, no Node, nothing navigates or opens anywhere else. */
import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
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
    webPreferences: {
      preload: opts.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: Boolean(opts.devServerUrl),
    },
  });
  const start = opts.devServerUrl ?? `${APP_ORIGIN}/index.html`;
  const allowedOrigin = new URL(start).origin === 'null' ? APP_ORIGIN : new URL(start).origin;

  win.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith(allowedOrigin)) e.preventDefault();
  });
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(start);
  return win;
}

/** Every permission request (camera, notifications, geolocation, …) is refused. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // No network, ever: the renderer is served from app:// and the dev server is loopback only.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const u = details.url;
    const local = u.startsWith('app://') || u.startsWith('devtools://') || /^(http|ws)s?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u);
    callback({ cancel: !local });
  });
}

export const rendererDir = (appPath: string): string => join(appPath, 'out', 'renderer');
