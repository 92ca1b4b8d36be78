import type { Readable } from "node:stream";
import type { IsoDate } from "@/lib/calendar";
import { isBlank, type RawCell } from "./cells";
import {
  columnKeyOfHeader,
  IMPORT_HEADERS,
  normalizeHeader,
  REQUIRED_HEADERS,
  type ComputedColumnKey,
  type LedgerColumnKey,
} from "./columns";
import { EncodingError, readCsvRows, type SheetRow, type TextEncoding } from "./read-csv";
import { readXlsxRows } from "./read-xlsx";
import { cellText, rowContext, validateLedgerRow, type ImportIssue, type LedgerRecord, type RowCells } from "./validate-row";

export type LedgerFileFormat = "csv" | "xlsx";

/**
 * A file to read, which can be opened more than once (a CSV that is not valid UTF-8 is read again as GB18030),
 * whole or a byte range [start, end) of it (an XLSX archive is read from its directory at the end).
 */
export type LedgerFileSource = {
  name: string;
  size: number;
  /** The first bytes, to tell the format. */
  head: Uint8Array;
  open(start?: number, end?: number): Readable;
};

export type SkippedRow = { row: number; reason: string };

export type LedgerFileRead = {
  format: LedgerFileFormat | null;
  encoding: TextEncoding | null;
  /** Data rows that are not empty (the header row and empty rows not counted). */
  rowCount: number;
  records: LedgerRecord[];
  skipped: SkippedRow[];
  /** Every problem: of the file (row null), of the header row, of each data row. Empty = the file may be written. */
  issues: ImportIssue[];
};

export type ReadOptions = {
  today: IsoDate;
  /** Called every `progressEvery` data rows with the number read so far. */
  onProgress?: (rowsRead: number) => void | Promise<void>;
  progressEvery?: number;
};

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (head: Uint8Array, signature: number[]) => signature.every((byte, i) => head[i] === byte);

/** CSV or XLSX, by the bytes rather than the name; refuses what neither reader can take, saying why. */
export function sniffFormat(head: Uint8Array, name: string): { format: LedgerFileFormat } | { issue: string } {
  if (head.length === 0) return { issue: "文件是空的" };
  if (startsWith(head, ZIP_SIGNATURE)) return { format: "xlsx" };
  if (startsWith(head, OLE_SIGNATURE)) return { issue: "这是旧版 Excel 文件（.xls）：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入" };
  if (/\.xlsx$/i.test(name)) return { issue: "文件扩展名是 .xlsx，但内容不是 Excel 工作簿：请重新保存后再导入" };
  return { format: "csv" };
}

/** A, B, …, Z, AA, …: the column as a spreadsheet names it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

type HeaderMap = { columns: (LedgerColumnKey | ComputedColumnKey | null)[]; issues: ImportIssue[] };

/**
 * The header row: every header must be one of the file's columns (an unknown one is refused, so a typo never
 * drops a column silently); the four computed columns of an export are accepted and ignored; columns without
 * a header are ignored; the required ones must be there; order is free.
 */
export function mapHeaders(row: SheetRow): HeaderMap {
  const texts = row.cells.map((cell) => normalizeHeader(cellText(cell)));
  const issues: ImportIssue[] = [];
  if (texts.filter((text) => text !== "").length === 1 && /\t/.test(cellText(row.cells.find((cell) => !isBlank(cell)) ?? null))) {
    return { columns: [], issues: [{ row: row.row, column: null, message: "文件看起来是用制表符分隔的：请另存为逗号分隔的 CSV，或直接上传 .xlsx" }] };
  }
  const seen = new Map<string, number>();
  const unknown: string[] = [];
  const columns = texts.map((text, index) => {
    if (text === "") return null;
    const key = columnKeyOfHeader(text);
    if (!key) {
      unknown.push(`${columnLetter(index)} 列「${text}」`);
      return null;
    }
    const earlier = seen.get(text);
    if (earlier !== undefined) {
      issues.push({ row: row.row, column: text, message: `表头「${text}」出现了两次（${columnLetter(earlier)} 列和 ${columnLetter(index)} 列）` });
      return null;
    }
    seen.set(text, index);
    return key;
  });
  if (unknown.length > 0) {
    issues.push({
      row: row.row,
      column: null,
      message: `无法识别的表头：${unknown.join("、")}。表头只能是 ${IMPORT_HEADERS.join("、")}（顺序不限，非必填的列可以没有；导出文件中的 状态、答复期限、期限说明、是否逾期 会被忽略）`,
    });
  }
  const missing = REQUIRED_HEADERS.filter((header) => !seen.has(header));
  if (missing.length > 0) {
    issues.push({ row: row.row, column: null, message: `缺少必填的列：${missing.join("、")}（第 ${row.row} 行应为表头）` });
  }
  return { columns, issues };
}

function rowCells(cells: RawCell[], columns: HeaderMap["columns"]): RowCells | null {
  const mapped: RowCells = {};
  let empty = true;
  columns.forEach((key, index) => {
    if (key === null) return;
    const cell = cells[index] ?? null;
    mapped[key] = cell;
    if (!isBlank(cell)) empty = false;
  });
  return empty ? null : mapped;
}

async function readRows(rows: AsyncIterable<SheetRow>, options: ReadOptions): Promise<Omit<LedgerFileRead, "format" | "encoding">> {
  const context = rowContext(options.today);
  const result: Omit<LedgerFileRead, "format" | "encoding"> = { rowCount: 0, records: [], skipped: [], issues: [] };
  const every = options.progressEvery ?? 1000;
  const numbers = new Map<string, number>();
  let header: HeaderMap | null = null;
  for await (const sheetRow of rows) {
    if (header === null) {
      if (sheetRow.cells.every(isBlank)) continue;
      header = mapHeaders(sheetRow);
      if (header.issues.length > 0) {
        result.issues.push(...header.issues);
        return result;
      }
      continue;
    }
    const cells = rowCells(sheetRow.cells, header.columns);
    if (cells === null) continue;
    result.rowCount += 1;
    if (result.rowCount % every === 0) {
      if (options.onProgress) await options.onProgress(result.rowCount);
      // A file already in memory streams without ever waiting for I/O: let timers and other requests in.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const checked = validateLedgerRow(cells, sheetRow.row, context);
    if (checked.kind === "skipped") {
      result.skipped.push({ row: checked.row, reason: checked.reason });
      continue;
    }
    const issues = checked.kind === "invalid" ? checked.issues : [];
    const number = checked.kind === "record" ? checked.record.number : cellText(cells.number) || null;
    if (number !== null) {
      const first = numbers.get(number);
      if (first !== undefined) issues.push({ row: sheetRow.row, column: "编号", message: `编号「${number}」与第 ${first} 行重复` });
      else numbers.set(number, sheetRow.row);
    }
    if (issues.length > 0) result.issues.push(...issues);
    else if (checked.kind === "record") result.records.push(checked.record);
  }
  if (header === null) result.issues.push({ row: null, column: null, message: "文件中没有内容：第一行应为表头" });
  else if (result.rowCount === 0) result.issues.push({ row: null, column: null, message: "文件中只有表头，没有申请" });
  else if (result.records.length === 0 && result.issues.length === 0) {
    result.issues.push({ row: null, column: null, message: `文件中没有可导入的行：${result.skipped.length} 行都是示例或已作废的申请，已跳过` });
  }
  if (options.onProgress) await options.onProgress(result.rowCount);
  return result;
}

/** What csv-parse could not take, in Chinese. */
function csvFailure(error: unknown): string {
  const { code, lines } = (error ?? {}) as { code?: string; lines?: number };
  if (code === "CSV_QUOTE_NOT_CLOSED") return `CSV 文件中的引号没有闭合（从第 ${lines ?? "?"} 行附近开始）：请检查该处的双引号`;
  if (code === "CSV_INVALID_CLOSING_QUOTE") return `CSV 文件第 ${lines ?? "?"} 行的引号位置不对：字段中的双引号应写成两个双引号`;
  return `无法读取这个 CSV 文件（${error instanceof Error ? error.message : String(error)}）`;
}

/**
 * Reads and checks a whole ledger file, streaming it, without the database: every row on its own (dates,
 * vocabularies, ID numbers, lengths, the 办理结果/办结日期 pair) and 编号 against the other rows. The rows
 * that passed come back ready to write; the data layer then checks them against the agency's ledger.
 */
export async function readLedgerFile(source: LedgerFileSource, options: ReadOptions): Promise<LedgerFileRead> {
  const sniffed = sniffFormat(source.head, source.name);
  if ("issue" in sniffed) return { format: null, encoding: null, rowCount: 0, records: [], skipped: [], issues: [{ row: null, column: null, message: sniffed.issue }] };
  if (sniffed.format === "xlsx") {
    try {
      return { format: "xlsx", encoding: null, ...(await readRows(readXlsxRows(source), options)) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { format: "xlsx", encoding: null, rowCount: 0, records: [], skipped: [], issues: [{ row: null, column: null, message: `无法读取这个 .xlsx 文件（${detail}）：请在 Excel 或 WPS 中重新保存后再导入` }] };
    }
  }
  // Valid UTF-8 (with or without a BOM) is read as such; anything else as GB18030, which Excel writes on Chinese Windows.
  for (const encoding of ["utf-8", "gb18030"] as const) {
    try {
      return { format: "csv", encoding, ...(await readRows(readCsvRows(() => source.open(), encoding), options)) };
    } catch (error) {
      if (!(error instanceof EncodingError)) {
        return { format: "csv", encoding, rowCount: 0, records: [], skipped: [], issues: [{ row: null, column: null, message: csvFailure(error) }] };
      }
    }
  }
  return { format: "csv", encoding: null, rowCount: 0, records: [], skipped: [], issues: [{ row: null, column: null, message: "文件既不是 UTF-8 也不是 GB18030 编码的文本：请另存为 CSV（UTF-8）或 .xlsx 后再导入" }] };
}
