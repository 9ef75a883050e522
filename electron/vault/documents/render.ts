/**
 * A document model → PDF bytes. pdfkit writes the PDF itself (no Chromium print, no network),
 * with DejaVu embedded. Everything that could vary between two runs is pinned: the metadata
 * dates come from the model, the producer is fixed, and pdfkit's file ID is a hash of that
 * metadata — so the same model gives byte-identical PDFs.
 */
import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR, fontFiles } from './fonts';
import { layOut } from './layout';
import type { DocumentModel } from './model';
import { pageOptions } from './page';

export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const files = fontFiles();
  const doc = new PDFDocument({
    ...pageOptions,
    // Start in DejaVu, so pdfkit never loads its built-in Helvetica (Latin-1 only, not embedded).
    font: files[FONT_REGULAR],
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: model.title,
      Author: model.author,
      Creator: 'Brankas',
      Producer: 'Brankas',
      CreationDate: model.date,
      ModDate: model.date,
    },
  });
  doc.registerFont(FONT_REGULAR, files[FONT_REGULAR]);
  doc.registerFont(FONT_BOLD, files[FONT_BOLD]);
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.font(FONT_REGULAR);
      layOut(doc, model);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
