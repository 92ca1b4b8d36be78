import { isIsoDate, type IsoDate } from "@/lib/calendar";

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes day 60 the non-existent 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** No application under the 条例 can be older than its first version (in force 2008-05-01). */
export const EARLIEST_LEDGER_DATE = "2008-01-01";

export type DateParse = { ok: true; date: IsoDate } | { ok: false; message: string };

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fromUtcDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  // A date cell with a time of day still names its day; round off sub-second float noise first.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return iso(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

/** An Excel serial day number (1 = 1900-01-01), as a date cell formatted as a number holds it. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return null;
  return fromUtcDate(new Date(EXCEL_EPOCH_MS + Math.floor(serial + 1e-9) * MS_PER_DAY));
}

const TEXT_DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * A date as the ledger file may carry it: `2022-01-05`, `2022/1/5` (also `2022.1.5`, `2022年1月5日`, with
 * a time of day after it as Excel writes date-times into CSV), an Excel date cell, or an Excel serial number.
 */
export function parseLedgerDate(cell: string | number | boolean | Date | null): DateParse {
  let date: string | null = null;
  if (cell instanceof Date) date = fromUtcDate(cell);
  else if (typeof cell === "number") date = excelSerialToIsoDate(cell);
  else if (typeof cell === "string" && isIsoDate(cell.trim())) date = cell.trim();
  else if (typeof cell === "string") {
    const text = cell.normalize("NFKC").trim();
    const match = TEXT_DATE.exec(text);
    if (match) date = iso(Number(match[1]), Number(match[2]), Number(match[3]));
    else if (/^\d{5}(?:\.\d+)?$/.test(text)) date = excelSerialToIsoDate(Number(text));
    else return { ok: false, message: `「${cell.trim()}」不是日期，应写作 2022-01-05 或 2022/1/5` };
  }
  if (date === null || !isIsoDate(date)) return { ok: false, message: `「${String(cell).trim()}」不是有效的日期` };
  if (date < EARLIEST_LEDGER_DATE) return { ok: false, message: `${date} 早于 2008 年，请检查` };
  return { ok: true, date };
}
