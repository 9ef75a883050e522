/**
 * What a document is before it becomes a PDF or Markdown: a page kind and a list of blocks,
 * already in one language. Templates build this from their dictionary and typed input; layout.ts
 * sets it on A4 pages, markdown.ts writes it as text. Neither knows which document it is.
 */
/** A table cell: plain text, or a bold first line (a name) over plain text (its description). */
export type Cell = string | { bold: string; text?: string };

/** A line to write on by hand with its label beneath; `value` is printed on it when already known. */
export interface FillIn {
  label: string;
  value?: string;
  /** Its share of the row (default 1). */
  width?: number;
}

/** Blocks that can be kept together on one page (a `group`). */
export type FlowBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  /** `secondary`: the same words in the second language, set smaller and grey beneath (bilingual forms). */
  | { kind: 'paragraph'; text: string; bold?: boolean; secondary?: string }
  | { kind: 'bullets'; items: readonly string[] }
  /** Label and value pairs, one a line: a receipt's particulars. */
  | { kind: 'facts'; rows: readonly (readonly [label: string, value: string])[] }
  /**
   * Empty tick boxes in a row, each with its label, and an optional fill-in line at the end, its label before it (initials).
   * A box is never ticked: the model cannot say so, so no document can pre-tick one.
   */
  | { kind: 'choices'; options: readonly string[]; fillIn?: FillIn }
  /** Fill-in lines side by side, each label beneath its line ("Place", "Date"). */
  | { kind: 'fillIn'; items: readonly FillIn[] }
  /** The same with room to sign above each line; a lone one takes half the width. */
  | { kind: 'signature'; items: readonly FillIn[] };

export type Block =
  | FlowBlock
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly Cell[])[]; widths?: readonly number[] }
  /** Blocks that move whole to the next page rather than split (one purpose's question and its boxes). */
  | { kind: 'group'; blocks: readonly FlowBlock[] };

export interface DocumentModel {
  /** PDF metadata and the Markdown's first line. */
  title: string;
  author: string;
  /**
   * The moment written into the PDF's metadata (CreationDate/ModDate). It comes from the input
   * (e.g. the notice version's date), never the clock, so the same input gives the same bytes
   * and a SHA-256 of them names one version.
   */
  date: Date;
  /** `document`: body type for reading; `form`: a little tighter, to fill in by hand; `poster`: big type for a counter or a wall. */
  kind: 'document' | 'form' | 'poster';
  blocks: readonly Block[];
  /** Printed at the foot of every page, above the page number. */
  footer: string;
  /** "Halaman 2 dari 3" — given the page and the total. */
  pageLabel: (page: number, total: number) => string;
}
