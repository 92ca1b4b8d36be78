/**
 * One cell as a reader hands it over: CSV gives text; XLSX also numbers, booleans and dates (the XLSX reader
 * turns date-formatted numbers into Date objects at UTC, lib/ledger-io/read-xlsx.ts).
 */
export type RawCell = string | number | boolean | Date | null;

export function isBlank(cell: RawCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * A cell a spreadsheet would run as a formula begins with one of these (interfaces.md §3). The export writes
 * such a value with an apostrophe in front; so that the import can take the apostrophe off again without
 * guessing, a value that already begins with apostrophes before such a character gets one more.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function restoreFormula(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function csvQuote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line: every cell defused (a spreadsheet never runs it as a formula) and quoted where needed. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => csvQuote(defuseFormula(cell))).join(",")}\r\n`;
}
