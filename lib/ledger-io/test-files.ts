import ExcelJS from "exceljs";
import { bufferSource } from "./source";
import type { LedgerFileSource } from "./read-ledger-file";

/** Test helpers: ledger files in every shape the import takes, built in memory. */

let gb18030: Map<string, number[]> | null = null;

/**
 * Text as GB18030 bytes. Node has a GB18030 decoder but no encoder: the two-byte table is read back from the
 * decoder once (enough for the Chinese of these tests; ASCII stays one byte).
 */
export function encodeGb18030(text: string): Uint8Array {
  if (!gb18030) {
    gb18030 = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (character.length === 1 && character !== "\uFFFD" && !gb18030.has(character)) gb18030.set(character, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gb18030.get(character);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${character}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

export function csvSource(text: string, options: { bom?: boolean; encoding?: "utf-8" | "gb18030"; name?: string } = {}): LedgerFileSource {
  const body = options.bom ? `\uFEFF${text}` : text;
  const bytes = options.encoding === "gb18030" ? encodeGb18030(body) : new TextEncoder().encode(body);
  return bufferSource(options.name ?? "台账.csv", bytes);
}

export type SheetSpec = { name?: string; rows: unknown[][]; hidden?: boolean; dateColumns?: number[] };

/** An XLSX workbook with these sheets (the first listed is the first sheet); cells as exceljs takes them. */
export async function xlsxBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((sheet, i) => {
    const worksheet = workbook.addWorksheet(sheet.name ?? `Sheet${i + 1}`, sheet.hidden ? { state: "hidden" } : {});
    for (const row of sheet.rows) worksheet.addRow(row);
    for (const column of sheet.dateColumns ?? []) worksheet.getColumn(column).numFmt = "yyyy/m/d";
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function xlsxSource(sheets: SheetSpec[], name = "台账.xlsx"): Promise<LedgerFileSource> {
  return bufferSource(name, await xlsxBytes(sheets));
}

/** A header row and rows given by header, as CSV text (CRLF, fields quoted when needed). */
export function csvText(headers: readonly string[], rows: Record<string, string>[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [headers.join(","), ...rows.map((row) => headers.map((header) => field(row[header] ?? "")).join(","))].join("\r\n") + "\r\n";
}
