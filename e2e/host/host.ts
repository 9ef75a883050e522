/**
 * Runs Brankas without the Electron binary: the built renderer in real Chromium, and the real
 * router, services, SQLCipher file and OS keychain in this Node process, joined by
 * `page.exposeBinding`. Everything below the preload is the same code the app runs.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AppContext, Context, Dialogs } from '../../electron/ipc/context';
import { createRouter, type Router } from '../../electron/ipc/router';
import { createDemoService } from '../../electron/vault/demo/service';
import { VaultHost, type Hosted } from '../../electron/vault/host';
import { systemKeychain, type Keychain } from '../../electron/vault/keys/keychain';
import type { VaultService } from '../../electron/vault/service';
import { preloadScript } from './bundle';

export const HOST_ORIGIN = 'http://brankas.localhost';
const RENDERER_DIR = join(__dirname, '../../out/renderer/');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

export interface HostOptions {
  dataDir: string;
  keychain?: Keychain;
}

/** Stands in for the system's file dialogs: a test says what the user would pick next. */
export class TestDialogs implements Dialogs {
  private opens: (string | null)[] = [];
  private saves: (string | null)[] = [];
  private folders: (string | null)[] = [];
  /** The folder (or null: cancelled) the next choose-folder dialog returns. */
  willChooseFolder(path: string | null): void {
    this.folders.push(path);
  }
  async openFolder(): Promise<string | null> {
    await this.wait();
    if (!this.folders.length) throw new Error('test did not say which folder to choose');
    return this.folders.shift() ?? null;
  }
  /** The path (or null: cancelled) the next open-file dialog returns. */
  willOpen(path: string | null): void {
    this.opens.push(path);
  }
  willSave(path: string | null): void {
    this.saves.push(path);
  }
  async openFile(): Promise<string | null> {
    await this.wait();
    if (!this.opens.length) throw new Error('test did not say which file to open');
    return this.opens.shift() ?? null;
  }
  async saveFile(): Promise<string | null> {
    await this.wait();
    if (!this.saves.length) throw new Error('test did not say where to save');
    return this.saves.shift() ?? null;
  }
  private held: Promise<void> | null = null;
  /**
   * Keeps the next dialog open (the work behind it shows its progress meanwhile) until the returned
   * function is called; then it answers as it was told to.
   */
  hold(): () => void {
    let release!: () => void;
    this.held = new Promise<void>((r) => (release = r));
    return release;
  }
  private async wait(): Promise<void> {
    const held = this.held;
    this.held = null;
    await held;
  }
}

export interface Host {
  page: Page;
  dialogs: TestDialogs;
  /** The real vault (the data folder's), whichever vault the app serves now. */
  vault: VaultService;
  /** What the app serves: the real vault, or the demo vault while sample data is tried. */
  vaults: VaultHost;
  router: Router;
  /** Requests the page tried to make anywhere but the app's own files: must stay empty. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** Opens the app in a new page of `context` on `dataDir`, as a fresh app start would. */
export async function openHost(context: BrowserContext, opts: HostOptions): Promise<Host> {
  const vaults = new VaultHost({ dataDir: opts.dataDir, keychain: opts.keychain ?? systemKeychain() });
  const vault = vaults.real;
  await vault.init();
  const dialogs = new TestDialogs();
  let page: Page | null = null;
  const emit: Context['emit'] = (event, payload) => {
    void page?.evaluate(([e, p]) => window.__brankasEmit(e, p), [event, payload] as const).catch(() => undefined);
  };
  const router = createRouter({
    context: vaults.context<Omit<AppContext, keyof Hosted>>({ dialogs, emit, demo: createDemoService(vaults) }),
    trustedOrigins: [HOST_ORIGIN],
    onInternalError: (channel, err) => console.error(`[host] ${channel}:`, err),
  });
  page = await context.newPage();
  const foreignRequests: string[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().startsWith(`${HOST_ORIGIN}/`)) foreignRequests.push(r.url());
  });
  await page.route(`${HOST_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(normalize(RENDERER_DIR + sep).replace(/\/+$/, '/'))) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      await route.fulfill({ status: 200, body, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP } });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.exposeBinding('__brankasInvoke', (source, channel: unknown, input: unknown) =>
    router.handle({ url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }, channel, input),
  );
  await page.addInitScript({ content: await preloadScript() });
  const stop = vaults.onChange((status) => emit('vault.status', status));
  await page.goto(`${HOST_ORIGIN}/index.html`);
  const opened = page;
  return {
    page: opened,
    dialogs,
    vault,
    vaults,
    router,
    foreignRequests,
    async close() {
      stop();
      await opened.close();
      await vaults.close();
    },
  };
}
