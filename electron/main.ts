/**
 * Composition root: single-instance lock, the vault service, the router on IPC, the window,
 * locking on OS lock / suspend / system idle, and scheduled backups (daily, and when the app
 * closes). Everything else is plain Node below.
 */
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import { join } from 'node:path';
import { registerIpc, pushEvent } from './ipc/electron';
import type { AppContext, Dialogs } from './ipc/context';
import { createRouter } from './ipc/router';
import { APP_ORIGIN, registerSchemePrivileges, serveRenderer } from './protocol';
import { appVersion } from './vault/version';
import { BackupScheduler } from './vault/backup/scheduler';
import { createBackupService } from './vault/backup/service';
import { createDemoService } from './vault/demo/service';
import { VaultHost, type Hosted } from './vault/host';
import { systemKeychain } from './vault/keys/keychain';
import { resolveDataDir } from './vault/paths';
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
  denyAllPermissions(devServerUrl);
  serveRenderer(rendererDir(app.getAppPath()));

  // The host serves the real vault, or the demo vault while someone tries Brankas with sample data.
  const host = new VaultHost({ dataDir: resolveDataDir(app.getPath('userData')), keychain: systemKeychain() });
  const vault = host.real;
  await vault.init();
  let win: BrowserWindow | null = null;
  const dialogs: Dialogs = {
    async openFile({ title, filters }) {
      const r = await (win ? dialog.showOpenDialog(win, { title, filters, properties: ['openFile'] }) : dialog.showOpenDialog({ title, filters, properties: ['openFile'] }));
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async saveFile({ title, defaultName, filters }) {
      const opts = { title, defaultPath: defaultName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const r = await (win ? dialog.showSaveDialog(win, opts) : dialog.showSaveDialog(opts));
      return r.canceled ? null : (r.filePath ?? null);
    },
    async openFolder({ title }) {
      const properties: ('openDirectory' | 'createDirectory')[] = ['openDirectory', 'createDirectory'];
      const r = await (win ? dialog.showOpenDialog(win, { title, properties }) : dialog.showOpenDialog({ title, properties }));
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
  const router = createRouter({
    context: host.context<Omit<AppContext, keyof Hosted>>({ dialogs, emit: (event, payload) => win && pushEvent(win.webContents, event, payload), demo: createDemoService(host) }),
    trustedOrigins: devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN],
    onInternalError: (channel, err) => console.error(`[brankas] ${channel} failed:`, err instanceof Error ? err.name : typeof err),
  });

  win = createMainWindow({ preload: join(__dirname, '../preload/index.js'), devServerUrl });
  setWindow(win);
  const appWindow = win;
  registerIpc(router, (wc) => wc === appWindow.webContents);
  host.onChange((status) => pushEvent(appWindow.webContents, 'vault.status', status));

  // The session locks when the OS locks or sleeps, and after the system has been idle too long
  // (the renderer's own idle timer covers activity inside the app; this covers the whole machine).
  const lock = () => {
    if (host.vault.status().state === 'unlocked') void host.vault.lock('system');
  };
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
  const idleTimer = setInterval(() => {
    const s = host.vault.status();
    if (s.state === 'unlocked' && powerMonitor.getSystemIdleTime() >= s.settings.idleLockMinutes * 60) lock();
  }, 15_000);

  // Scheduled backups run while the app is open (also while the session is locked), and once more
  // on the way out when the Owner chose "when the app closes" (at most two minutes). Only the real
  // vault is backed up: a demo vault is sample data.
  const scheduler = new BackupScheduler(vault, createBackupService(vault, { appVersion: appVersion() }), {
    runJob: (work) => host.transfer.runJob('backup', work),
  });
  const backupTimer = setInterval(() => void scheduler.tick().catch(() => undefined), 5 * 60_000);
  setTimeout(() => void scheduler.tick().catch(() => undefined), 60_000);
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    const limit = new Promise((resolve) => setTimeout(resolve, 120_000));
    void Promise.race([scheduler.onClose().catch(() => undefined), limit]).finally(() => app.quit());
  });

  app.on('will-quit', () => {
    clearInterval(idleTimer);
    clearInterval(backupTimer);
    void host.close();
  });
}
