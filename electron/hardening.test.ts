/** The window's security policy (hardening.ts): preferences, navigation, the network allow-list. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, hardenedPreferences, navigationAllowed, originOf, rendererFile, requestAllowed } from './hardening';

const APP = 'app://brankas';
const DEV = 'http://localhost:5173';

describe('navigation', () => {
  it('stays on the app origin: parsed origins, never a prefix', () => {
    expect(navigationAllowed('app://brankas/index.html', APP)).toBe(true);
    expect(navigationAllowed('app://brankas/', APP)).toBe(true);
    for (const url of [
      'app://brankas.evil/index.html',
      'app://brankasx/index.html',
      'app://brankas@evil/index.html',
      'app://user:pw@brankas/index.html',
      'app://brankas:8080/index.html',
      'https://brankas/index.html',
      'http://localhost:51730/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
      'data:text/html,<script>1</script>',
      'not a url',
      '',
    ]) {
      expect(navigationAllowed(url, APP), url).toBe(false);
    }
  });

  it('in development stays on the one dev server: another port on localhost is refused', () => {
    expect(navigationAllowed('http://localhost:5173/index.html', DEV)).toBe(true);
    for (const url of ['http://localhost:51730/', 'http://localhost:5174/', 'http://localhost/', 'https://localhost:5173/', 'http://127.0.0.1:5173/', 'http://localhost:5173.evil.example/']) {
      expect(navigationAllowed(url, DEV), url).toBe(false);
    }
  });

  it('reads the origin of app: URLs (a non-special scheme) by scheme and host', () => {
    expect(originOf('app://brankas/a/b?c#d')).toBe('app://brankas');
    expect(originOf('app://brankas.evil/')).toBe('app://brankas.evil');
    expect(originOf('http://localhost:51730/x')).toBe('http://localhost:51730');
    expect(originOf('app:nohost')).toBeNull();
    expect(originOf('%')).toBeNull();
  });
});

describe('network allow-list', () => {
  it('a packaged build reaches only its own app://brankas files', () => {
    expect(requestAllowed('app://brankas/assets/index.js', APP)).toBe(true);
    for (const url of [
      'http://localhost:5173/',
      'http://localhost:51730/',
      'ws://localhost:5173/',
      'http://127.0.0.1:8080/x',
      'devtools://devtools/bundled/inspector.html',
      'app://brankas.evil/x.js',
      'https://example.com/',
      'file:///etc/passwd',
    ]) {
      expect(requestAllowed(url, APP), url).toBe(false);
    }
  });

  it('in development also the dev server, its hot-reload socket and DevTools — nothing else on localhost', () => {
    for (const url of ['http://localhost:5173/@vite/client', 'ws://localhost:5173/?token=x', 'devtools://devtools/bundled/inspector.html', 'app://brankas/index.html']) {
      expect(requestAllowed(url, APP, DEV), url).toBe(true);
    }
    for (const url of ['http://localhost:51730/', 'http://localhost:8080/', 'ws://localhost:9229/', 'https://example.com/']) {
      expect(requestAllowed(url, APP, DEV), url).toBe(false);
    }
  });
});

describe('window preferences', () => {
  it('sandboxed, isolated, no Node anywhere, web security on, no experimental or Blink extras, no webview', () => {
    const p = hardenedPreferences({ preload: '/p.js', dev: false });
    expect(p).toEqual({
      preload: '/p.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    });
    expect(p).not.toHaveProperty('enableBlinkFeatures');
    expect(hardenedPreferences({ preload: '/p.js', dev: true }).devTools).toBe(true);
  });

  it('window.ts takes its preferences and policy from here, and wires both navigation events', () => {
    const src = readFileSync(join(__dirname, 'window.ts'), 'utf8');
    expect(src).toContain('webPreferences: hardenedPreferences(');
    expect(src).toMatch(/'will-navigate', \(e\) => \{\s*if \(!navigationAllowed\(e\.url, allowedOrigin\)\) e\.preventDefault\(\);/);
    expect(src).toMatch(/'will-frame-navigate', \(e\) => \{\s*if \(!navigationAllowed\(e\.url, allowedOrigin\)\) e\.preventDefault\(\);/);
    expect(src).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(src).toContain("'will-attach-webview', (e) => e.preventDefault()");
    expect(src).toContain('requestAllowed(details.url, APP_ORIGIN, devServerUrl)');
    expect(src).not.toMatch(/startsWith\(/);
    // The dev server URL reaches the allow-list only when the app is not packaged.
    const main = readFileSync(join(__dirname, 'main.ts'), 'utf8');
    expect(main).toContain('const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;');
    expect(main).toContain('denyAllPermissions(devServerUrl);');
  });
});

describe('content and files', () => {
  it('the CSP header is the page’s own meta policy (plus frame-ancestors), with no remote, inline or eval script', () => {
    const html = readFileSync(join(__dirname, '../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(`${meta}; frame-ancestors 'none'`).toBe(CSP);
    for (const bad of ['unsafe-inline', 'unsafe-eval', 'http:', 'https:', '*']) expect(CSP).not.toContain(bad);
    expect(CSP).toContain("object-src 'none'");
    expect(readFileSync(join(__dirname, 'protocol.ts'), 'utf8')).toContain("'content-security-policy': CSP");
  });

  it('app:// serves files from the built renderer only: other hosts 404, paths out of the folder 403', () => {
    const root = '/opt/brankas/out/renderer';
    expect(rendererFile(root, 'app://brankas/')).toEqual({ file: join(root, 'index.html') });
    expect(rendererFile(root, 'app://brankas/assets/index-1.js')).toEqual({ file: join(root, 'assets/index-1.js') });
    expect(rendererFile(root, 'app://brankas.evil/index.html')).toEqual({ status: 404 });
    expect(rendererFile(root, 'app://other/index.html')).toEqual({ status: 404 });
    // URL parsing resolves dot segments (also encoded ones) inside the origin: they stay in the folder.
    expect(rendererFile(root, 'app://brankas/%2e%2e/%2e%2e/etc/passwd')).toEqual({ file: join(root, 'etc/passwd') });
    // Encoded slashes survive parsing and are decoded afterwards: refused.
    for (const url of ['app://brankas/..%2f..%2fetc%2fpasswd', 'app://brankas/assets/..%2F..%2F..%2Fmain%2Findex.js']) {
      expect(rendererFile(root, url), url).toEqual({ status: 403 });
    }
    expect(rendererFile(root, 'app://brankas/%E0%A4%A')).toEqual({ status: 404 });
    expect(rendererFile(root, 'app://brankas/index.html%00.js')).toEqual({ status: 404 });
  });
});

describe('what the shell never does', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? sources(join(dir, d.name)) : /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
    );
  const all = [...sources(__dirname), ...sources(join(__dirname, '../renderer/src'))].map((f) => ({ f, src: readFileSync(f, 'utf8') }));

  it('refuses every permission request and check', () => {
    const src = readFileSync(join(__dirname, 'window.ts'), 'utf8');
    expect(src).toContain('setPermissionRequestHandler((_wc, _perm, callback) => callback(false))');
    expect(src).toContain('setPermissionCheckHandler(() => false)');
    expect(readFileSync(join(__dirname, 'main.ts'), 'utf8')).toMatch(/denyAllPermissions\(devServerUrl\);[\s\S]*createMainWindow\(/);
  });

  it('never opens URLs in the system browser, never uses <webview>, never enables Blink or experimental features', () => {
    for (const { f, src } of all) {
      expect(src, f).not.toMatch(/openExternal|openPath\(/);
      expect(src, f).not.toMatch(/<webview|webviewTag:\s*true|allowpopups/);
      expect(src, f).not.toMatch(/enableBlinkFeatures|experimentalFeatures:\s*true|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
    }
  });

  it('exposes nothing of Electron to the page but the contract client', () => {
    const preload = readFileSync(join(__dirname, 'preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('brankas', client);");
    expect(all.filter(({ src }) => /exposeInMainWorld|exposeInIsolatedWorld/.test(src)).map(({ f }) => f)).toEqual([join(__dirname, 'preload.ts')]);
  });

  it('runs a pinned Electron release: an exact version, the one installed', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = pkg.devDependencies.electron as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (JSON.parse(readFileSync(join(__dirname, '../node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    expect(installed).toBe(pinned);
  });
});
