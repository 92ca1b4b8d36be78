import { cellText } from "./validate-row";
import { IMPORT_HEADERS, LEDGER_COLUMNS } from "./columns";
import { parseLedgerDate } from "./dates";
import { mapHeaders, sniffFormat, type LedgerFileSource } from "./read-ledger-file";
import { EncodingError, readCsvRows, type SheetRow, type TextEncoding } from "./read-csv";
import { readXlsxRows } from "./read-xlsx";
import { isBlank } from "./cells";

export type PreviewRow = { row: number; values: string[] };

export type PreviewSelection = { rowNumbers: ReadonlySet<number> } | { from: number; count: number };

const DATE_COLUMNS = new Set(["receivedOn", "concludedOn"]);
const POSITION = new Map<string, number>(LEDGER_COLUMNS.map((column, i) => [column.key, i]));

/**
 * Some data rows of a ledger file as the preview shows them (the twelve import columns, as text; a date as the
 * import reads it), streamed and stopped as soon as the rows asked for are in: the rows by spreadsheet row
 * number, or the `count` data rows from the `from`-th (0-based, empty rows not counted).
 */
export async function previewLedgerRows(source: LedgerFileSource, selection: PreviewSelection, encoding: TextEncoding | null): Promise<PreviewRow[]> {
  const sniffed = sniffFormat(source.head, source.name);
  if ("issue" in sniffed) return [];
  const rows: AsyncIterable<SheetRow> = sniffed.format === "xlsx" ? readXlsxRows(source) : readCsvRows(() => source.open(), encoding ?? "utf-8");
  const picked: PreviewRow[] = [];
  const wanted = "rowNumbers" in selection ? selection.rowNumbers.size : selection.count;
  if (wanted === 0) return picked;
  let header: ReturnType<typeof mapHeaders> | null = null;
  let index = -1;
  try {
    for await (const sheetRow of rows) {
      if (header === null) {
        if (sheetRow.cells.every(isBlank)) continue;
        header = mapHeaders(sheetRow);
        continue;
      }
      const columns = header.columns;
      if (columns.every((key, i) => key === null || isBlank(sheetRow.cells[i] ?? null))) continue;
      index += 1;
      const take = "rowNumbers" in selection ? selection.rowNumbers.has(sheetRow.row) : index >= selection.from && index < selection.from + selection.count;
      if (!take) continue;
      const values = IMPORT_HEADERS.map(() => "");
      columns.forEach((key, i) => {
        const at = key === null ? undefined : POSITION.get(key);
        if (key === null || at === undefined) return;
        const cell = sheetRow.cells[i] ?? null;
        if (DATE_COLUMNS.has(key) && !isBlank(cell)) {
          const parsed = parseLedgerDate(cell);
          values[at] = parsed.ok ? parsed.date : cellText(cell);
        } else values[at] = cellText(cell);
      });
      picked.push({ row: sheetRow.row, values });
      if (picked.length >= wanted) break;
    }
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
  }
  return picked;
}
