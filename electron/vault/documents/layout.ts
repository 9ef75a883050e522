/**
 * The layout layer: A4, fixed margins, a few block kinds, and on every page a footer (the
 * document's line and "page n of N"). Small on purpose — documents are letters and notices,
 * not reports — and deterministic: the same model always lays out the same way.
 */
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { formBlock, formHeight } from './layout-form';
import { BLACK, bottom, FOOTER_SPACE, GREY, keep, MARGIN, rule, SIZES, width, type Sizes } from './page';
import type { Block, Cell, DocumentModel, FlowBlock } from './model';

/** A short block (a bullet, a paragraph of a few lines) moves whole to the next page; a long one flows over the break. */
function keepSmall(doc: PDFKit.PDFDocument, height: number): void {
  if (height < (bottom(doc) - doc.page.margins.top) / 4) keep(doc, height);
}

const textOptions = (doc: PDFKit.PDFDocument, size: number) => ({ width: width(doc), lineGap: size * 0.2 });

function textHeight(doc: PDFKit.PDFDocument, s: string, font: string, size: number): number {
  doc.font(font).fontSize(size);
  return doc.heightOfString(s, textOptions(doc, size));
}

function text(doc: PDFKit.PDFDocument, s: string, font: string, size: number, gapAfter: number, color = BLACK): void {
  keepSmall(doc, textHeight(doc, s, font, size));
  doc.font(font).fontSize(size).fillColor(color);
  doc.text(s, doc.page.margins.left, doc.y, textOptions(doc, size));
  doc.fillColor(BLACK);
  doc.y += gapAfter;
}

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
const secondarySize = (s: Sizes) => s.body * 0.9;

function paragraphHeight(doc: PDFKit.PDFDocument, b: Paragraph, s: Sizes): number {
  const main = textHeight(doc, b.text, b.bold ? FONT_BOLD : FONT_REGULAR, s.body);
  return main + s.gap + (b.secondary ? textHeight(doc, b.secondary, FONT_REGULAR, secondarySize(s)) + s.gap : 0);
}

function paragraph(doc: PDFKit.PDFDocument, b: Paragraph, s: Sizes): void {
  // A paragraph and its translation stay on one page together.
  if (b.secondary) keepSmall(doc, paragraphHeight(doc, b, s));
  if (!b.secondary) return text(doc, b.text, b.bold ? FONT_BOLD : FONT_REGULAR, s.body, s.gap);
  text(doc, b.text, b.bold ? FONT_BOLD : FONT_REGULAR, s.body, s.gap / 3);
  text(doc, b.secondary, FONT_REGULAR, secondarySize(s), s.gap + (s.gap * 2) / 3, GREY);
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
    if (doc.y + h > bottom(doc)) doc.addPage();
    const top = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((c, i) => {
      doc.y = top + pad;
      for (const [f, t] of parts(c, font)) doc.font(f).fontSize(s.body).text(t, x + pad, doc.y, { width: cols[i]! - 2 * pad });
      x += cols[i]!;
    });
    rule(doc, top + h);
    doc.y = top + h;
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

/** The height a block will take here — so a group can be kept on one page. */
function flowHeight(doc: PDFKit.PDFDocument, b: FlowBlock, s: Sizes): number {
  switch (b.kind) {
    case 'title':
      return textHeight(doc, b.text, FONT_BOLD, s.title) + s.gap;
    case 'subtitle':
      return textHeight(doc, b.text, FONT_REGULAR, s.subtitle) + s.gap * 2;
    case 'heading':
      return s.gap + textHeight(doc, b.text, FONT_BOLD, s.heading) + s.gap / 2;
    case 'paragraph':
      return paragraphHeight(doc, b, s);
    case 'bullets':
      return b.items.reduce((h, i) => h + textHeight(doc, `•  ${i}`, FONT_REGULAR, s.body) + s.gap / 2, s.gap / 2);
    default:
      return formHeight(doc, b, s);
  }
}

function flow(doc: PDFKit.PDFDocument, b: FlowBlock, s: Sizes): void {
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
      return paragraph(doc, b, s);
    case 'bullets':
      for (const item of b.items) text(doc, `•  ${item}`, FONT_REGULAR, s.body, s.gap / 2);
      doc.y += s.gap / 2;
      return;
    default:
      return formBlock(doc, b, s);
  }
}

function block(doc: PDFKit.PDFDocument, b: Block, s: Sizes): void {
  switch (b.kind) {
    case 'table':
      return table(doc, b, s);
    case 'group': {
      const h = b.blocks.reduce((sum, x) => sum + flowHeight(doc, x, s), 0);
      if (h < bottom(doc) - doc.page.margins.top) keep(doc, h);
      for (const x of b.blocks) flow(doc, x, s);
      return;
    }
    default:
      return flow(doc, b, s);
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
    rule(doc, y - 6);
    doc.font(FONT_REGULAR).fontSize(s.small).fillColor('#444444');
    doc.text(model.footer, left, y, { width: w, align: 'left' });
    doc.text(model.pageLabel(i - range.start + 1, range.count), left, doc.y + 2, { width: w, align: 'right' });
    doc.fillColor(BLACK);
    doc.page.margins.bottom = saved;
  }
}

/** Sets the model's blocks on the document's pages and adds the footers. */
export function layOut(doc: PDFKit.PDFDocument, model: DocumentModel): void {
  const s = SIZES[model.kind];
  for (const b of model.blocks) block(doc, b, s);
  footers(doc, model, s);
}
