import { posix } from "node:path";
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import type { RawCell } from "./cells";
import type { SheetRow } from "./read-csv";
import type { LedgerFileSource } from "./read-ledger-file";

/**
 * The rows of the first sheet of an XLSX workbook. The archive is read from its central directory, so the
 * small parts the sheet depends on (workbook, relationships, styles, shared strings) are read first whatever
 * their order in the file, and the sheet itself is streamed through an XML parser: one row in memory at a
 * time. Numbers in a date format become Date objects at UTC, in the workbook's 1900 or 1904 date system.
 */
export async function* readXlsxRows(source: LedgerFileSource): AsyncGenerator<SheetRow> {
  const zip = await openArchive(source);
  try {
    const workbookPath = (await relationshipTargets(zip, "")).get(OFFICE_DOCUMENT) ?? "xl/workbook.xml";
    const workbook = await readWorkbook(zip, workbookPath);
    const sheetPath = workbook.firstSheetTarget;
    if (!sheetPath || !zip.entries.has(sheetPath)) throw new Error("工作簿中没有工作表");
    const sharedStrings = workbook.sharedStringsTarget ? await readSharedStrings(zip, workbook.sharedStringsTarget) : [];
    const dateStyles = workbook.stylesTarget ? await readDateStyles(zip, workbook.stylesTarget) : new Set<number>();
    yield* readSheet(zip, sheetPath, { sharedStrings, dateStyles, date1904: workbook.date1904 });
  } finally {
    zip.file.close();
  }
}

const RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const OFFICE_DOCUMENT = `${RELATIONSHIP_TYPE}officeDocument`;
/** Strict OOXML (ISO 29500) names the same relationships under another namespace. */
const STRICT_RELATIONSHIP_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

type Archive = { file: yauzl.ZipFile; entries: Map<string, yauzl.Entry> };

class SourceReader extends yauzl.RandomAccessReader {
  constructor(private readonly source: LedgerFileSource) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return this.source.open(start, end);
  }
}

async function openArchive(source: LedgerFileSource): Promise<Archive> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromRandomAccessReader(new SourceReader(source), source.size, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    file.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName.replace(/\\/g, "/").replace(/^\//, ""), entry);
      file.readEntry();
    });
    file.on("end", resolve);
    file.on("error", reject);
    file.readEntry();
  });
  return { file, entries };
}

async function openEntry(zip: Archive, path: string): Promise<Readable> {
  const entry = zip.entries.get(path);
  if (!entry) throw new Error(`缺少 ${path}`);
  const stream = await new Promise<Readable>((resolve, reject) => zip.file.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))));
  // Decoding the stream, not each chunk, keeps a character split across two chunks whole.
  stream.setEncoding("utf8");
  return stream;
}

/** The local name of an element: some writers prefix SpreadsheetML elements (`x:c`). */
function localName(tag: { name: string }): string {
  const colon = tag.name.indexOf(":");
  return colon === -1 ? tag.name : tag.name.slice(colon + 1);
}

function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

/** A sheet's relationship id, whatever prefix the relationships namespace was given (usually `r:id`). */
function relationshipId(tag: SaxesTagPlain): string | undefined {
  return Object.entries(tag.attributes).find(([key]) => key.endsWith(":id"))?.[1];
}

type XmlHandlers = {
  open?: (name: string, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/**
 * Feeds a part through the XML parser; after every chunk, `drain` hands over what the handlers collected,
 * so a caller can yield rows while the part is still being read.
 */
async function* parsePart<T>(zip: Archive, path: string, handlers: XmlHandlers, drain: () => T[]): AsyncGenerator<T> {
  const parser = new SaxesParser();
  if (handlers.open) parser.on("opentag", (tag) => handlers.open?.(localName(tag), tag));
  if (handlers.close) parser.on("closetag", (tag) => handlers.close?.(localName(tag)));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const stream = await openEntry(zip, path);
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      yield* drain();
    }
    parser.close();
    yield* drain();
  } finally {
    stream.destroy();
  }
}

async function readPart(zip: Archive, path: string, handlers: XmlHandlers): Promise<void> {
  for await (const nothing of parsePart<never>(zip, path, handlers, () => [])) void nothing;
}

/** A part's relationships (`_rels/NAME.rels` beside it), by type, as archive paths. */
async function relationshipTargets(zip: Archive, partPath: string): Promise<Map<string, string>> {
  const directory = posix.dirname(partPath);
  const relsPath = posix.join(directory === "." ? "" : directory, "_rels", `${posix.basename(partPath)}.rels`);
  const targets = new Map<string, string>();
  if (!zip.entries.has(relsPath)) return targets;
  await readPart(zip, relsPath, {
    open(name, tag) {
      if (name !== "Relationship") return;
      const type = (attribute(tag, "Type") ?? "").replace(STRICT_RELATIONSHIP_TYPE, RELATIONSHIP_TYPE);
      const target = attribute(tag, "Target");
      const id = attribute(tag, "Id");
      if (!target || attribute(tag, "TargetMode") === "External") return;
      const resolved = target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(directory === "." ? "" : directory, target));
      if (!targets.has(type)) targets.set(type, resolved);
      if (id) targets.set(`id:${id}`, resolved);
    },
  });
  return targets;
}

type Workbook = { firstSheetTarget: string | undefined; sharedStringsTarget: string | undefined; stylesTarget: string | undefined; date1904: boolean };

async function readWorkbook(zip: Archive, workbookPath: string): Promise<Workbook> {
  let firstSheetId: string | undefined;
  let date1904 = false;
  await readPart(zip, workbookPath, {
    open(name, tag) {
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attribute(tag, "date1904") ?? "");
      // The first sheet in the workbook's own order, which need not be the first in the archive.
      if (name === "sheet" && firstSheetId === undefined) firstSheetId = relationshipId(tag);
    },
  });
  const targets = await relationshipTargets(zip, workbookPath);
  return {
    firstSheetTarget: firstSheetId === undefined ? undefined : targets.get(`id:${firstSheetId}`),
    sharedStringsTarget: targets.get(`${RELATIONSHIP_TYPE}sharedStrings`),
    stylesTarget: targets.get(`${RELATIONSHIP_TYPE}styles`),
    date1904,
  };
}

/**
 * The text of a string item or inline string: its runs joined, without phonetic guides (`rPh`), which
 * are readings shown above the text and not part of it.
 */
function richTextCollector() {
  let text = "";
  let inText = false;
  let phoneticDepth = 0;
  return {
    open(name: string) {
      if (name === "rPh") phoneticDepth += 1;
      else if (name === "t" && phoneticDepth === 0) inText = true;
    },
    close(name: string) {
      if (name === "rPh") phoneticDepth -= 1;
      else if (name === "t") inText = false;
    },
    text(chunk: string) {
      if (inText) text += chunk;
    },
    take(): string {
      const taken = text;
      text = "";
      return taken;
    },
  };
}

async function readSharedStrings(zip: Archive, path: string): Promise<string[]> {
  const strings: string[] = [];
  const item = richTextCollector();
  await readPart(zip, path, {
    open: (name) => item.open(name),
    close(name) {
      item.close(name);
      if (name === "si") strings.push(item.take());
    },
    text: (chunk) => item.text(chunk),
  });
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30, with the ids East Asian locales use). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when a date or time code remains once quoted text, escapes and [sections] are removed. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  return /[ymdhs年月日]/i.test(bare.replace(/general/gi, ""));
}

/** The indexes of the cell formats (`cellXfs`) that show a date. */
async function readDateStyles(zip: Archive, path: string): Promise<Set<number>> {
  const customFormats = new Map<number, string>();
  const formatOfStyle: number[] = [];
  let inCellFormats = false;
  await readPart(zip, path, {
    open(name, tag) {
      if (name === "numFmt") customFormats.set(Number(attribute(tag, "numFmtId")), attribute(tag, "formatCode") ?? "");
      else if (name === "cellXfs") inCellFormats = true;
      else if (name === "xf" && inCellFormats) formatOfStyle.push(Number(attribute(tag, "numFmtId") ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellFormats = false;
    },
  });
  const dateStyles = new Set<number>();
  formatOfStyle.forEach((formatId, style) => {
    const custom = customFormats.get(formatId);
    if (custom !== undefined ? isDateFormatCode(custom) : BUILT_IN_DATE_FORMATS.has(formatId)) dateStyles.add(style);
  });
  return dateStyles;
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of each date system: the 1900 system counts from 1899-12-30 (after its phantom 1900-02-29). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A column reference's letters (`AB12` → 27), zero-based. */
function columnIndex(reference: string): number | null {
  let index = 0;
  let letters = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    letters += 1;
  }
  return letters === 0 ? null : index - 1;
}

type SheetContext = { sharedStrings: string[]; dateStyles: Set<number>; date1904: boolean };

function cellValue(type: string, raw: string, style: number, context: SheetContext): RawCell {
  switch (type) {
    case "s":
      return context.sharedStrings[Number(raw)] ?? null;
    case "str":
    case "e":
      return raw;
    case "b":
      return raw === "1" || raw === "true";
    case "d": {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? raw : date;
    }
    default: {
      if (raw.trim() === "") return null;
      const number = Number(raw);
      if (!Number.isFinite(number)) return raw;
      if (!context.dateStyles.has(style)) return number;
      return new Date((context.date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(number * MS_PER_DAY));
    }
  }
}

async function* readSheet(zip: Archive, path: string, context: SheetContext): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let rowNumber = 0;
  let cells: RawCell[] = [];
  let cell: { column: number; type: string; style: number } | null = null;
  let value = "";
  let inValue = false;
  let inInlineString = false;
  const inline = richTextCollector();
  yield* parsePart(
    zip,
    path,
    {
      open(name, tag) {
        if (name === "row") {
          const declared = Number(attribute(tag, "r"));
          rowNumber = Number.isInteger(declared) && declared > 0 ? declared : rowNumber + 1;
          cells = [];
        } else if (name === "c") {
          const column = columnIndex(attribute(tag, "r") ?? "") ?? cells.length;
          cell = { column, type: attribute(tag, "t") ?? "n", style: Number(attribute(tag, "s") ?? 0) };
          value = "";
        } else if (name === "v" && cell) {
          inValue = true;
        } else if (name === "is" && cell) {
          inInlineString = true;
        } else if (inInlineString) {
          inline.open(name);
        }
      },
      close(name) {
        if (name === "v") inValue = false;
        else if (name === "is") {
          inInlineString = false;
          value = inline.take();
        } else if (inInlineString) inline.close(name);
        else if (name === "c" && cell) {
          while (cells.length < cell.column) cells.push(null);
          cells[cell.column] = cell.type === "inlineStr" ? value : cellValue(cell.type, value, cell.style, context);
          cell = null;
        } else if (name === "row") ready.push({ row: rowNumber, cells });
      },
      text(chunk) {
        if (inValue) value += chunk;
        else if (inInlineString) inline.text(chunk);
      },
    },
    () => ready.splice(0),
  );
}
