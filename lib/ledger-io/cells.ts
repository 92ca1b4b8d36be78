/**
 * One cell as a reader hands it over: CSV gives text; XLSX also numbers, booleans and dates (exceljs turns
 * date-formatted cells into Date objects at UTC midnight of the day shown).
 */
export type RawCell = string | number | boolean | Date | null;

/** What exceljs may put in a cell, reduced to a RawCell: rich text joined, a formula's cached result, a link's text. */
export function fromExcelValue(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) return object.richText.map((run) => (run as { text?: unknown }).text ?? "").join("");
    if ("result" in object) return fromExcelValue(object.result);
    if ("formula" in object || "sharedFormula" in object) return null;
    if (typeof object.text === "string") return object.text;
    if (typeof object.error === "string") return object.error;
  }
  return String(value);
}

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
