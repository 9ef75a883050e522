/**
 * The blocks of a paper form and a receipt: label–value facts, empty tick boxes, lines to write on
 * and room to sign. Each has a fixed or measurable height, so a group of them (one purpose's
 * question with its boxes) can be kept on one page. Inline pieces share one baseline.
 */
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import type { FillIn, FlowBlock } from './model';
import { BLACK, bottom, GREY, keep, rule, width, type Sizes } from './page';

export type FormBlock = Extract<FlowBlock, { kind: 'facts' | 'choices' | 'fillIn' | 'signature' }>;

/** An empty ballot box (U+2610, in DejaVu Sans) — printed as a glyph, so the text layer shows every box. */
export const BOX = '\u2610';

const PAD = 4;
const INK = '#333333';
const ITEM_GAP = 18;
/** Room above a writing line for a hand: about two lines of body type (more to sign). */
const lineRoom = (s: Sizes) => s.body * 2.4;
const signRoom = (s: Sizes) => s.body * 4;
const boxSize = (s: Sizes) => s.body * 1.7;
const FACT_LABEL = 0.34;

const inline = { baseline: 'alphabetic', lineBreak: false } as const;

/** Cuts `s` with an ellipsis until it fits `w` in the current font. */
function fit(doc: PDFKit.PDFDocument, s: string, w: number): string {
  if (doc.widthOfString(s) <= w) return s;
  let cut = s;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > w) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** A label, then a line to `x + w` on the same baseline (the initials after a purpose's boxes). */
function labelledLine(doc: PDFKit.PDFDocument, item: FillIn, x: number, w: number, baseline: number, s: Sizes): void {
  doc.font(FONT_REGULAR).fontSize(s.body).fillColor(BLACK);
  const label = fit(doc, `${item.label}:`, w * 0.7);
  doc.text(label, x, baseline, inline);
  const start = x + doc.widthOfString(label) + PAD;
  doc.moveTo(start, baseline + 3).lineTo(x + w, baseline + 3).lineWidth(0.6).strokeColor(INK).stroke();
}

/** Splits the text width into cells by weight, with a gap between them. */
function cells(doc: PDFKit.PDFDocument, weights: readonly number[]): { x: number; w: number }[] {
  const free = width(doc) - ITEM_GAP * (weights.length - 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  let x = doc.page.margins.left;
  return weights.map((weight) => {
    const cell = { x, w: (weight / sum) * free };
    x += cell.w + ITEM_GAP;
    return cell;
  });
}

function factRowHeight(doc: PDFKit.PDFDocument, [label, value]: readonly [string, string], s: Sizes): number {
  const w = width(doc);
  const l = doc.font(FONT_BOLD).fontSize(s.body).heightOfString(label, { width: w * FACT_LABEL - 2 * PAD });
  const v = doc.font(FONT_REGULAR).fontSize(s.body).heightOfString(value, { width: w * (1 - FACT_LABEL) - 2 * PAD });
  return Math.max(l, v) + 2 * PAD;
}

function facts(doc: PDFKit.PDFDocument, b: Extract<FormBlock, { kind: 'facts' }>, s: Sizes): void {
  const w = width(doc);
  const left = doc.page.margins.left;
  keep(doc, b.rows[0] ? factRowHeight(doc, b.rows[0], s) : 0);
  rule(doc, doc.y);
  for (const row of b.rows) {
    const h = factRowHeight(doc, row, s);
    if (doc.y + h > bottom(doc)) doc.addPage();
    const top = doc.y;
    doc.font(FONT_BOLD).fontSize(s.body).text(row[0], left + PAD, top + PAD, { width: w * FACT_LABEL - 2 * PAD });
    doc.font(FONT_REGULAR).fontSize(s.body).text(row[1], left + w * FACT_LABEL + PAD, top + PAD, { width: w * (1 - FACT_LABEL) - 2 * PAD });
    rule(doc, top + h);
    doc.y = top + h;
  }
  doc.y += s.gap * 2;
}

function choices(doc: PDFKit.PDFDocument, b: Extract<FormBlock, { kind: 'choices' }>, s: Sizes): void {
  const baseline = doc.y + boxSize(s);
  let x = doc.page.margins.left;
  for (const option of b.options) {
    doc.font(FONT_REGULAR).fontSize(boxSize(s)).fillColor(BLACK);
    // The glyph sits a little below the text's baseline, so its middle meets the label's.
    doc.text(BOX, x, baseline + boxSize(s) * 0.12, inline);
    x += doc.widthOfString(BOX) + PAD * 1.5;
    doc.fontSize(s.body);
    doc.text(option, x, baseline, inline);
    x += doc.widthOfString(option) + ITEM_GAP * 1.5;
  }
  const end = doc.page.margins.left + width(doc);
  const start = Math.max(x, end - width(doc) * 0.35);
  if (b.fillIn) labelledLine(doc, b.fillIn, start, end - start, baseline, s);
  doc.y = baseline + s.body * 0.6 + s.gap;
}

type Lines = Extract<FormBlock, { kind: 'fillIn' | 'signature' }>;

/** The cells of a row of lines; a lone signature takes the left half. */
function lineCells(doc: PDFKit.PDFDocument, b: Lines): { x: number; w: number }[] {
  const weights = b.items.map((i) => i.width ?? 1);
  if (b.kind === 'signature' && weights.length === 1) return cells(doc, [1, 1]).slice(0, 1);
  return cells(doc, weights);
}

const room = (b: Lines, s: Sizes) => (b.kind === 'signature' ? signRoom(s) : lineRoom(s));
const labelSize = (s: Sizes) => s.body * 0.85;

function labelsHeight(doc: PDFKit.PDFDocument, b: Lines, s: Sizes): number {
  const cs = lineCells(doc, b);
  doc.font(FONT_REGULAR).fontSize(labelSize(s));
  return Math.max(...b.items.map((item, i) => doc.heightOfString(item.label, { width: cs[i]!.w })));
}

/** Lines side by side, a known value written on its line, each label beneath in small grey type. */
function lines(doc: PDFKit.PDFDocument, b: Lines, s: Sizes): void {
  const line = doc.y + room(b, s);
  lineCells(doc, b).forEach((c, i) => {
    const item = b.items[i]!;
    doc.moveTo(c.x, line).lineTo(c.x + c.w, line).lineWidth(0.6).strokeColor(INK).stroke();
    if (item.value) {
      doc.font(FONT_BOLD).fontSize(s.body).fillColor(BLACK);
      doc.text(fit(doc, item.value, c.w - 2 * PAD), c.x + PAD, line - 3, inline);
    }
    doc.font(FONT_REGULAR).fontSize(labelSize(s)).fillColor(GREY);
    doc.text(item.label, c.x, line + PAD, { width: c.w });
  });
  doc.fillColor(BLACK);
  doc.y = line + PAD + labelsHeight(doc, b, s) + s.gap;
}

export function formHeight(doc: PDFKit.PDFDocument, b: FormBlock, s: Sizes): number {
  switch (b.kind) {
    case 'facts':
      return b.rows.reduce((h, r) => h + factRowHeight(doc, r, s), s.gap * 2);
    case 'choices':
      return boxSize(s) + s.body * 0.6 + s.gap;
    case 'fillIn':
    case 'signature':
      return room(b, s) + PAD + labelsHeight(doc, b, s) + s.gap;
  }
}

export function formBlock(doc: PDFKit.PDFDocument, b: FormBlock, s: Sizes): void {
  // A row of boxes or lines is never split: it moves whole to the next page.
  if (b.kind !== 'facts' && doc.y + formHeight(doc, b, s) > bottom(doc)) doc.addPage();
  switch (b.kind) {
    case 'facts':
      return facts(doc, b, s);
    case 'choices':
      return choices(doc, b, s);
    case 'fillIn':
    case 'signature':
      return lines(doc, b, s);
  }
}
