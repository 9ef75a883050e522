/**
 * Formula injection (CSV/XLSX "DDE" attacks): a cell that begins with `=`, `+`, `-`, `@`, tab or
 * carriage return may run as a formula when the file is opened in a spreadsheet. Exported text
 * cells like that get a leading `'`, which spreadsheets show as text; the importer takes it off
 * again, so export → import gives back the same value.
 */
const TRIGGER = /^[=+\-@\t\r]/;
const ESCAPED = /^'[=+\-@\t\r]/;

export const escapeFormula = (text: string): string => (TRIGGER.test(text) ? `'${text}` : text);

export const unescapeFormula = (text: string): string => (ESCAPED.test(text) ? text.slice(1) : text);
