/**
 * The fonts every document is set in: DejaVu Sans, regular and bold, embedded (subset) into each
 * PDF so it prints the same on any machine and covers Indonesian and English alike. The files come
 * from the dejavu-fonts-ttf package, resolved at run time by file path — inside app.asar when
 * packaged (package.json "build.files" keeps exactly these two; e2e/packaging.spec.ts checks it).
 * Nothing is ever fetched.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const FONT_REGULAR = 'DejaVuSans';
export const FONT_BOLD = 'DejaVuSans-Bold';

let folder: string | undefined;
function ttfFolder(): string {
  // __filename is this module in tests and out/main/*.js once built; either way node_modules is above it.
  folder ??= join(dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return folder;
}

/** The font files by name, as pdfkit's registerFont takes them. */
export function fontFiles(): Record<typeof FONT_REGULAR | typeof FONT_BOLD, string> {
  return { [FONT_REGULAR]: join(ttfFolder(), 'DejaVuSans.ttf'), [FONT_BOLD]: join(ttfFolder(), 'DejaVuSans-Bold.ttf') };
}
