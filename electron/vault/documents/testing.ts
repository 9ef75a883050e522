/** Reading generated PDFs back in tests with poppler-utils (pdftotext, pdfinfo, pdffonts). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Buffer, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'brankas-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext separates pages with a form feed), whitespace runs collapsed. */
export function pdfPages(pdf: Buffer): string[] {
  const text = withFile(pdf, (f) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));
  return text
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

export const pdfInfo = (pdf: Buffer): string => withFile(pdf, (f) => execFileSync('pdfinfo', ['-isodates', f], { encoding: 'utf8' }));
export const pdfFonts = (pdf: Buffer): string => withFile(pdf, (f) => execFileSync('pdffonts', [f], { encoding: 'utf8' }));
