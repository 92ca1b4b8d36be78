import { crc32, deflateRawSync } from "node:zlib";
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

/**
 * A ZIP archive of these parts, in this order (deflated, no data descriptors): to build workbooks the way
 * other spreadsheet programs write them — parts in another order, prefixed elements, the 1904 date system.
 */
export function zipBytes(parts: { name: string; text: string }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const data = Buffer.from(part.text, "utf8");
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
