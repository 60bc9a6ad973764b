// Every CSV the API hands out is written here, so that each is safe to open in a spreadsheet (OWASP "CSV
// injection"): a text cell that begins with = + - @, a tab or a carriage return would be read as a formula, so it
// gets a leading apostrophe, which spreadsheets show as text and do not display. Numbers stay numbers, negative
// ones too, and ISO dates (which begin with a digit) stay dates. Imports keep what was sent: a value is stored as
// typed and only neutralised on the way out.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined;

/** Said in the `csv-formula-escaping` header of every CSV response, and in README. */
export const CSV_ESCAPING_NOTE = "text cells starting with = + - @ tab or carriage return are prefixed with ' (OWASP CSV injection)";

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number written as text ("-12", "3.5"): read as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** One cell as it goes into the file. */
export function neutralisedCell(value: CsvCell): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Rows under a header row; the header is ours, the cells may hold anything a user typed. */
export function writeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutralisedCell)),
    { header: true, columns: [...columns] },
  );
}

/**
 * The CSV as a download: a BOM so that Excel opens UTF-8 with ë and é intact, never cached, and a header that
 * says how cells were escaped.
 */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'csv-formula-escaping': CSV_ESCAPING_NOTE,
    },
  });
}
