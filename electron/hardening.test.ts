/** The window's security policy (hardening.ts): preferences, navigation, the network allow-list. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardenedPreferences, navigationAllowed, originOf, requestAllowed } from './hardening';

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
