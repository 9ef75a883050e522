/**
 * exceljs on first use. It is a large module (~25 MB resident once loaded): a CSV import or export,
 * the common case, and the command line's other commands never pay for it.
 */
import type ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;
let loaded: Promise<ExcelJS> | undefined;

export const loadExcel = (): Promise<ExcelJS> =>
  (loaded ??= import('exceljs').then((m) => ((m as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS))));
