import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { RawCell } from "./cells";

/** One row of a sheet: its number as a spreadsheet shows it (1 = the first line) and its cells, left to right. */
export type SheetRow = { row: number; cells: RawCell[] };

export type TextEncoding = "utf-8" | "gb18030";

/** The bytes are not text in the encoding tried: the caller tries the next one (valid UTF-8, or else GB18030). */
export class EncodingError extends Error {
  constructor(readonly encoding: TextEncoding) {
    super(`not valid ${encoding}`);
    this.name = "EncodingError";
  }
}

async function* decode(bytes: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  // A UTF-8 byte order mark is dropped by the decoder itself (ignoreBOM: false).
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for await (const chunk of bytes) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new EncodingError(encoding);
    throw error;
  }
}

/**
 * The rows of a CSV file, streamed: the file is decoded chunk by chunk and never held whole. Every line is
 * a row, empty ones too, so the numbers match what Excel or WPS shows; a quoted field may span lines.
 */
export async function* readCsvRows(open: () => Readable, encoding: TextEncoding): AsyncGenerator<SheetRow> {
  const source = open();
  const text = Readable.from(decode(source, encoding));
  const parser = parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  text.on("error", (error) => parser.destroy(error));
  text.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } finally {
    text.destroy();
    source.destroy();
  }
}
