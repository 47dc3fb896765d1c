import { stringify } from 'csv-stringify/sync';

/** What a CSV cell may hold: numbers and booleans as they are, null and undefined as empty. */
export type CsvValue = string | number | boolean | null | undefined;

// A spreadsheet reads a cell that starts with one of these as a formula (tab and carriage return
// start one too in some spreadsheets), so a document named "=HYPERLINK(…).txt" would put a live
// formula in every `source` cell that cites it (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// A cell that is wholly a number is read as that number, never as a formula, so "-2.3" stays -2.3.
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * One cell as written: numbers stay numbers; text that a spreadsheet would take for a formula gets
 * a leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** Every CSV the tool writes: a header row, then rows of cells made safe by `csvCell`, LF endings. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return stringify([header.map(csvCell), ...rows.map((row) => row.map(csvCell))], { record_delimiter: '\n' });
}
