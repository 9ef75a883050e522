/**
 * What a document is before it becomes a PDF or Markdown: a page kind and a list of blocks,
 * already in one language. Templates build this from their dictionary and typed input; layout.ts
 * sets it on A4 pages, markdown.ts writes it as text. Neither knows which document it is.
 */
/** A table cell: plain text, or a bold first line (a name) over plain text (its description). */
export type Cell = string | { bold: string; text?: string };

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'bullets'; items: readonly string[] }
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly Cell[])[]; widths?: readonly number[] };

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
  /** `document`: body type for reading; `poster`: big type for a counter or a wall. */
  kind: 'document' | 'poster';
  blocks: readonly Block[];
  /** Printed at the foot of every page, above the page number. */
  footer: string;
  /** "Halaman 2 dari 3" — given the page and the total. */
  pageLabel: (page: number, total: number) => string;
}
