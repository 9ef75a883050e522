/**
 * The blocks of a paper form and a receipt: label–value facts, empty tick boxes, lines to write on
 * and room to sign. Each has a fixed or measurable height, so a group of them (one purpose's
 * question with its boxes) can be kept on one page. Inline pieces share one baseline.
 */
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import type { FillIn, FlowBlock } from './model';
import { BLACK, bottom, GREY, rule, width, type Sizes } from './page';

export type FormBlock = Extract<FlowBlock, { kind: 'facts' | 'choices' | 'fillIn' | 'signature' }>;

/** An empty ballot box (U+2610, in DejaVu Sans) — printed as a glyph, so the text layer shows every box. */
export const BOX = '\u2610';

const PAD = 4;
const ITEM_GAP = 18;
/** Room above a writing line for a hand: about two lines of body type. */
const lineRoom = (s: Sizes) => s.body * 2.2;
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

/** A label, then a line to its right edge on the same baseline, with the known value written on it. */
function fillInAt(doc: PDFKit.PDFDocument, item: FillIn, x: number, w: number, baseline: number, s: Sizes): void {
  doc.font(FONT_REGULAR).fontSize(s.body).fillColor(BLACK);
  const label = fit(doc, `${item.label}:`, w * 0.6);
  doc.text(label, x, baseline, inline);
  const start = x + doc.widthOfString(label) + PAD;
  doc.moveTo(start, baseline + 3).lineTo(x + w, baseline + 3).lineWidth(0.6).strokeColor('#333333').stroke();
  if (item.value) {
    doc.font(FONT_BOLD).fontSize(s.body);
    doc.text(fit(doc, item.value, x + w - start - 2 * PAD), start + PAD, baseline, inline);
  }
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
    doc.text(BOX, x, baseline + boxSize(s) * 0.12, inline);
    x += doc.widthOfString(BOX) + PAD * 1.5;
    doc.fontSize(s.body);
    doc.text(option, x, baseline, inline);
    x += doc.widthOfString(option) + ITEM_GAP * 1.5;
  }
  const end = doc.page.margins.left + width(doc);
  if (b.fillIn) fillInAt(doc, b.fillIn, Math.max(x, end - width(doc) * 0.35), end - Math.max(x, end - width(doc) * 0.35), baseline, s);
  doc.y = baseline + s.body * 0.6 + s.gap;
}

function fillIns(doc: PDFKit.PDFDocument, b: Extract<FormBlock, { kind: 'fillIn' }>, s: Sizes): void {
  const baseline = doc.y + lineRoom(s);
  cells(doc, b.items.map((i) => i.width ?? 1)).forEach((c, i) => fillInAt(doc, b.items[i]!, c.x, c.w, baseline, s));
  doc.y = baseline + s.body * 0.6 + s.gap;
}

function signatures(doc: PDFKit.PDFDocument, b: Extract<FormBlock, { kind: 'signature' }>, s: Sizes): void {
  const line = doc.y + signRoom(s);
  cells(doc, b.labels.map(() => 1)).forEach((c, i) => {
    doc.moveTo(c.x, line).lineTo(c.x + c.w, line).lineWidth(0.6).strokeColor('#333333').stroke();
    doc.font(FONT_REGULAR).fontSize(s.body * 0.9).fillColor(GREY);
    doc.text(b.labels[i]!, c.x, line + PAD, { width: c.w });
  });
  doc.fillColor(BLACK);
  doc.y = line + PAD + signLabelHeight(doc, b, s) + s.gap;
}

function signLabelHeight(doc: PDFKit.PDFDocument, b: Extract<FormBlock, { kind: 'signature' }>, s: Sizes): number {
  const cs = cells(doc, b.labels.map(() => 1));
  doc.font(FONT_REGULAR).fontSize(s.body * 0.9);
  return Math.max(...b.labels.map((l, i) => doc.heightOfString(l, { width: cs[i]!.w })));
}

export function formHeight(doc: PDFKit.PDFDocument, b: FormBlock, s: Sizes): number {
  switch (b.kind) {
    case 'facts':
      return b.rows.reduce((h, r) => h + factRowHeight(doc, r, s), s.gap * 2);
    case 'choices':
      return boxSize(s) + s.body * 0.6 + s.gap;
    case 'fillIn':
      return lineRoom(s) + s.body * 0.6 + s.gap;
    case 'signature':
      return signRoom(s) + PAD + signLabelHeight(doc, b, s) + s.gap;
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
      return fillIns(doc, b, s);
    case 'signature':
      return signatures(doc, b, s);
  }
}
