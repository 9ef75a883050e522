/**
 * Composition root: single-instance lock, the vault service, the router on IPC, the window,
 * and locking on OS lock / suspend / system idle. Everything else is plain Node below.
 */
import { app, BrowserWindow, powerMonitor } from 'electron';
import { join } from 'node:path';
import { registerIpc, pushEvent } from './ipc/electron';
import { createRouter } from './ipc/router';
import { APP_ORIGIN, registerSchemePrivileges, serveRenderer } from './protocol';
import { systemKeychain } from './vault/keys/keychain';
import { resolveDataDir } from './vault/paths';
import { VaultService } from './vault/service';
import { createMainWindow, denyAllPermissions, rendererDir } from './window';

registerSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => start((w) => (win = w)));
}

async function start(setWindow: (w: BrowserWindow) => void): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  denyAllPermissions();
  serveRenderer(rendererDir(app.getAppPath()));

  const vault = new VaultService({ dataDir: resolveDataDir(app.getPath('userData')), keychain: systemKeychain() });
  await vault.init();
  const router = createRouter({
    context: { vault },
    trustedOrigins: devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN],
    onInternalError: (channel, err) => console.error(`[brankas] ${channel} failed:`, err instanceof Error ? err.name : typeof err),
  });

  const win = createMainWindow({ preload: join(__dirname, '../preload/index.js'), devServerUrl });
  setWindow(win);
  registerIpc(router, (wc) => wc === win.webContents);
  vault.onChange((status) => pushEvent(win.webContents, 'vault.status', status));

  // The session locks when the OS locks or sleeps, and after the system has been idle too long
  // (the renderer's own idle timer covers activity inside the app; this covers the whole machine).
  const lock = () => {
    if (vault.status().state === 'unlocked') vault.lock();
  };
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
  const idleTimer = setInterval(() => {
    const s = vault.status();
    if (s.state === 'unlocked' && powerMonitor.getSystemIdleTime() >= s.settings.idleLockMinutes * 60) lock();
  }, 15_000);

  app.on('will-quit', () => {
    clearInterval(idleTimer);
    void vault.close();
  });
}
