/**
 * The layout layer: A4, fixed margins, a few block kinds, and on every page a footer (the
 * document's line and "page n of N"). Small on purpose — documents are letters and notices,
 * not reports — and deterministic: the same model always lays out the same way.
 */
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import type { Block, Cell, DocumentModel } from './model';

const MARGIN = 56; // 2 cm
const FOOTER_SPACE = 40;

interface Sizes {
  title: number;
  subtitle: number;
  heading: number;
  body: number;
  small: number;
  gap: number;
}
const SIZES: Record<DocumentModel['kind'], Sizes> = {
  document: { title: 18, subtitle: 10, heading: 12.5, body: 10, small: 8, gap: 6 },
  // A poster is read from a step or two away: type about three times the body size.
  poster: { title: 34, subtitle: 16, heading: 22, body: 17, small: 9, gap: 12 },
};

export const pageOptions = { size: 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE } } as const;

const width = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when `height` would not fit on this one (a heading never sits alone at the foot). */
function keep(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function text(doc: PDFKit.PDFDocument, s: string, font: string, size: number, gapAfter: number): void {
  const options = { width: width(doc), lineGap: size * 0.2 };
  doc.font(font).fontSize(size);
  // A short block (a bullet, a paragraph of a few lines) moves whole to the next page rather than
  // leaving a line or two behind; a long one flows over the page break.
  const height = doc.heightOfString(s, options);
  if (height < (bottom(doc) - doc.page.margins.top) / 4) keep(doc, height);
  doc.text(s, doc.page.margins.left, doc.y, options);
  doc.y += gapAfter;
}

function table(doc: PDFKit.PDFDocument, block: Extract<Block, { kind: 'table' }>, s: Sizes): void {
  const total = width(doc);
  const weights = block.widths ?? block.columns.map(() => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => (w / sum) * total);
  const pad = 4;
  // A cell's parts: [font, text] pairs set one under the other.
  const parts = (c: Cell, font: string): [string, string][] =>
    typeof c === 'string' ? [[font, c]] : [[FONT_BOLD, c.bold], ...(c.text ? [[FONT_REGULAR, c.text] as [string, string]] : [])];
  const cellHeight = (c: Cell, font: string, w: number) =>
    parts(c, font).reduce((h, [f, t]) => h + doc.font(f).fontSize(s.body).heightOfString(t, { width: w }), 0);
  const drawRow = (cells: readonly Cell[], font: string) => {
    const h = Math.max(...cells.map((c, i) => cellHeight(c, font, cols[i]! - 2 * pad))) + 2 * pad;
    const fresh = doc.y + h > bottom(doc);
    if (fresh) doc.addPage();
    const top = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((c, i) => {
      doc.y = top + pad;
      for (const [f, t] of parts(c, font)) doc.font(f).fontSize(s.body).text(t, x + pad, doc.y, { width: cols[i]! - 2 * pad });
      x += cols[i]!;
    });
    doc.moveTo(doc.page.margins.left, top + h).lineTo(doc.page.margins.left + total, top + h).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.y = top + h;
    return fresh;
  };
  keep(doc, s.body * 5);
  drawRow(block.columns, FONT_BOLD);
  for (const row of block.rows) {
    // A table continued on a new page repeats its header row.
    if (doc.y + s.body * 2 > bottom(doc)) {
      doc.addPage();
      drawRow(block.columns, FONT_BOLD);
    }
    drawRow(row, FONT_REGULAR);
  }
  doc.y += s.gap * 2;
}

function block(doc: PDFKit.PDFDocument, b: Block, s: Sizes): void {
  switch (b.kind) {
    case 'title':
      return text(doc, b.text, FONT_BOLD, s.title, s.gap);
    case 'subtitle':
      return text(doc, b.text, FONT_REGULAR, s.subtitle, s.gap * 2);
    case 'heading':
      keep(doc, s.heading * 4);
      doc.y += s.gap;
      return text(doc, b.text, FONT_BOLD, s.heading, s.gap / 2);
    case 'paragraph':
      return text(doc, b.text, b.bold ? FONT_BOLD : FONT_REGULAR, s.body, s.gap);
    case 'bullets':
      for (const item of b.items) text(doc, `•  ${item}`, FONT_REGULAR, s.body, s.gap / 2);
      doc.y += s.gap / 2;
      return;
    case 'table':
      return table(doc, b, s);
  }
}

/** The footer on every page, written after the body so "page n of N" knows N. */
function footers(doc: PDFKit.PDFDocument, model: DocumentModel, s: Sizes): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left } = doc.page.margins;
    const w = width(doc);
    // Writing below the bottom margin would start a new page: lift the margin while the footer is drawn.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - FOOTER_SPACE / 2;
    doc.moveTo(left, y - 6).lineTo(left + w, y - 6).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.font(FONT_REGULAR).fontSize(s.small).fillColor('#444444');
    doc.text(model.footer, left, y, { width: w, align: 'left' });
    doc.text(model.pageLabel(i - range.start + 1, range.count), left, doc.y + 2, { width: w, align: 'right' });
    doc.fillColor('#000000');
    doc.page.margins.bottom = saved;
  }
}

/** Sets the model's blocks on the document's pages and adds the footers. */
export function layOut(doc: PDFKit.PDFDocument, model: DocumentModel): void {
  const s = SIZES[model.kind];
  for (const b of model.blocks) block(doc, b, s);
  footers(doc, model, s);
}
