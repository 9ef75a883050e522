/** The page every document is set on: A4, fixed margins, type sizes per kind, and a few drawing primitives. */
import type { DocumentModel } from './model';

export const MARGIN = 56; // 2 cm
export const FOOTER_SPACE = 40;
export const BLACK = '#000000';
/** The second language on a bilingual form, and the footer. */
export const GREY = '#555555';

export interface Sizes {
  title: number;
  subtitle: number;
  heading: number;
  body: number;
  small: number;
  gap: number;
}
export const SIZES: Record<DocumentModel['kind'], Sizes> = {
  document: { title: 18, subtitle: 10, heading: 12.5, body: 10, small: 8, gap: 6 },
  // A form is printed on as few sheets as it can be, with room left to write in.
  form: { title: 16, subtitle: 9.5, heading: 11.5, body: 9.5, small: 7.5, gap: 5 },
  // A poster is read from a step or two away: type about three times the body size.
  poster: { title: 34, subtitle: 16, heading: 22, body: 17, small: 9, gap: 12 },
};

export const pageOptions = { size: 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE } } as const;

export const width = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` would not fit on this one (a heading never sits alone at the foot). */
export function keep(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** A thin grey line across the text width at `y`. */
export function rule(doc: PDFKit.PDFDocument, y: number): void {
  const { left } = doc.page.margins;
  doc.moveTo(left, y).lineTo(left + width(doc), y).lineWidth(0.5).strokeColor('#888888').stroke();
}
