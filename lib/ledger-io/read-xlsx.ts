import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { fromExcelValue } from "./cells";
import type { SheetRow } from "./read-csv";

/**
 * The rows of the first sheet of an XLSX workbook, streamed with exceljs's WorkbookReader (sheets that come
 * before the shared strings in the archive are spooled to a temporary file by exceljs, not held in memory).
 * Date-formatted cells arrive as Date objects, so the styles are read too.
 */
export async function* readXlsxRows(open: () => Readable): AsyncGenerator<SheetRow> {
  const input = open();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  decodeWholeCharacters(reader);
  try {
    for await (const worksheet of reader) {
      // The first sheet in the workbook's own order, which need not be the first in the archive.
      const model = (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model;
      const firstName = model?.sheets?.[0]?.name;
      const name = (worksheet as unknown as { name?: string }).name;
      if (firstName !== undefined && name !== undefined && name !== firstName) continue;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? Array.from(row.values as unknown[]) : [];
        yield { row: row.number, cells: values.slice(1).map(fromExcelValue) };
      }
      return;
    }
  } finally {
    input.destroy();
  }
}

type ReaderInternals = {
  _parseSharedStrings?: (entry: NodeJS.ReadableStream) => AsyncGenerator<unknown>;
  _parseWorksheet?: (iterator: AsyncIterable<unknown>, sheetNo: string) => Generator<unknown>;
};

async function* utf8Text(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * exceljs 4.4.0's streaming reader decodes every compressed chunk of a sheet on its own, so a Chinese character
 * that straddles two chunks comes out as two U+FFFD (exceljs issues #2063, #2084; fix not released). Hand its
 * XML parser text decoded across chunk boundaries instead: the shared strings through the entry's own decoder,
 * the sheets through a streaming TextDecoder. (Its parser passes strings through unchanged.)
 */
function decodeWholeCharacters(reader: object): void {
  const internals = reader as ReaderInternals;
  const parseSharedStrings = internals._parseSharedStrings?.bind(reader);
  const parseWorksheet = internals._parseWorksheet?.bind(reader);
  if (!parseSharedStrings || !parseWorksheet) throw new Error("exceljs 的流式读取接口已改变，请检查 lib/ledger-io/read-xlsx.ts");
  internals._parseSharedStrings = (entry) => {
    entry.setEncoding("utf8");
    return parseSharedStrings(entry);
  };
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Text(iterator), sheetNo);
}
