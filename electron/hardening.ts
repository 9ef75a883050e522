/**
 * The window's security policy as plain data and pure functions — what may load, navigate and
 * be requested — so that it is unit-tested here; window.ts only wires it to Electron's events.
 * Deliberately no `electron` import (see architecture.test.ts): the types are spelled out.
 */

import { join, normalize, sep } from 'node:path';

/**
 * The renderer's Content-Security-Policy, sent by protocol.ts as a header on every app:// response
 * (index.html carries the same policy in a meta tag, less frame-ancestors, which meta cannot set).
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Which file under the built renderer an app:// request names, or the status to answer instead:
 * another host is 404, a path that leaves the folder (`..`, encoded or not) is 403.
 */
export function rendererFile(rendererDir: string, requestUrl: string, appHost = 'brankas'): { file: string } | { status: 403 | 404 } {
  let url: URL;
  let rel: string;
  try {
    url = new URL(requestUrl);
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return { status: 404 };
  }
  if (url.host !== appHost || rel.includes('\0')) return { status: 404 };
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, rel));
  return file.startsWith(root) ? { file } : { status: 403 };
}

/** The origin of a URL, also for `app:` (a non-special scheme, for which WHATWG URL says "null"). */
export function originOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  // Credentials in a URL are never ours, and would make "same host" checks lie.
  if (u.username || u.password) return null;
  return u.origin !== 'null' ? u.origin : u.host ? `${u.protocol}//${u.host}` : null;
}

/**
 * A navigation (main frame or sub-frame) may only stay on the page's own origin. Parsed origins are
 * compared, never prefixes: `app://brankas.evil/…` and `http://localhost:51730` both start with
 * an allowed string.
 */
export function navigationAllowed(url: string, allowedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(allowedOrigin);
}

/** The devServer's origin for its hot-reload socket: `ws://host:port` beside `http://host:port`. */
const socketOrigin = (origin: string) => origin.replace(/^http(s?):/, 'ws$1:');

/**
 * The network allow-list. A packaged build talks to nothing but its own `app://brankas` files.
 * In development (`devServerUrl` given, which main.ts does only when `!app.isPackaged`) the one
 * dev server's origin, its hot-reload socket and DevTools are let through as well — that exact
 * origin, not any `http://localhost:*`.
 */
export function requestAllowed(url: string, appOrigin: string, devServerUrl?: string): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  if (origin === appOrigin) return true;
  if (!devServerUrl) return false;
  const dev = originOf(devServerUrl);
  if (dev === null) return false;
  return origin === dev || origin === socketOrigin(dev) || url.startsWith('devtools://');
}

/** The subset of Electron's WebPreferences this app sets (spelled out: no electron import here). */
export interface HardenedPreferences {
  preload: string;
  sandbox: true;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  disableBlinkFeatures: string;
  spellcheck: false;
  devTools: boolean;
}

/**
 * Every webPreference that matters for the checklist, stated even where it is Electron's default,
 * so that a default changing under us (or a careless edit) shows up in the test.
 * `Auxclick`: a middle click must not open links in a new window (Electron checklist, Blink features).
 */
export function hardenedPreferences(opts: { preload: string; dev: boolean }): HardenedPreferences {
  return {
    preload: opts.preload,
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
    devTools: opts.dev,
  };
}
