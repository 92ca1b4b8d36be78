import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/calendar";
import { registrationSchema } from "@/lib/ledger/registration";
import { hostileText, numericText } from "@/lib/testing/hostile-input";
import { cleanLedgerSheet, csvFileBytes, GOOD_CELLS, ledgerSheet } from "@/lib/testing/ledger-file-input";
import type { RawCell } from "./cells";
import { LEDGER_COLUMNS, type LedgerColumnKey } from "./columns";
import { readLedgerFile, type LedgerFileRead } from "./read-ledger-file";
import { bufferSource } from "./source";
import { xlsxBytes, zipBytes } from "./test-files";
import { rowContext, validateLedgerRow, type RowCells, type RowResult } from "./validate-row";

/**
 * The ledger import's readers and row checks under generated files and cells: they never throw, every problem
 * names a row (or the file) and says why in words, and every row they let through passes the registration
 * form's own schema again, as the write path and the application page will read it.
 */

const today = todayInChina();
const context = rowContext(today);
const schema = registrationSchema(today);

function readsBack(record: { registration: unknown }): void {
  const registration = record.registration as Record<string, unknown>;
  const again = schema.safeParse(Object.fromEntries(Object.entries(registration).map(([key, value]) => [key, value ?? ""])));
  expect(again.success, JSON.stringify(again.error?.issues)).toBe(true);
  expect(again.data).toEqual(registration);
}

function wellFormed(read: LedgerFileRead): void {
  for (const issue of read.issues) {
    expect(typeof issue.message).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.row === null || (Number.isInteger(issue.row) && issue.row >= 1)).toBe(true);
  }
  // A file with any problem writes nothing, so what it lets through only matters when it has none.
  if (read.issues.length === 0) for (const record of read.records) readsBack(record);
}

function rowWellFormed(result: RowResult): void {
  if (result.kind === "record") readsBack(result.record);
  if (result.kind === "invalid") {
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** What a spreadsheet cell can hold once read: text, numbers of every kind, booleans, dates (valid or not), nothing. */
const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: 30000, max: 60000 }) },
  { weight: 1, arbitrary: fc.constantFrom(110105194912310020, 13812345678, 2 ** 53 + 1, -0, 0.5) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const rowCells: fc.Arbitrary<RowCells> = fc
  .tuple(...LEDGER_COLUMNS.map((column) => fc.oneof({ weight: 3, arbitrary: GOOD_CELLS[column.key] as fc.Arbitrary<RawCell> }, { weight: 2, arbitrary: rawCell }, { weight: 1, arbitrary: fc.constant(undefined) })))
  .map((cells) => Object.fromEntries(cells.flatMap((cell, index) => (cell === undefined ? [] : [[LEDGER_COLUMNS[index]?.key as LedgerColumnKey, cell]]))));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One `<c>` as any spreadsheet program might write it: every cell type, odd values, out-of-range references and styles. */
const sheetCell = fc.tuple(
  fc.constantFrom("s", "inlineStr", "n", "b", "e", "str", "d", ""),
  fc.oneof(hostileText, numericText, fc.integer({ min: -5, max: 50 }).map(String), fc.double().map(String)),
  fc.integer({ min: 0, max: 4 }),
  fc.boolean(),
).map(([type, value, style, escaped]) => {
  const text = escaped ? xmlText(value) : value;
  const typeAttribute = type ? ` t="${type}"` : "";
  return type === "inlineStr" ? `<c${typeAttribute} s="${style}"><is><t>${text}</t></is></c>` : `<c${typeAttribute} s="${style}"><v>${text}</v></c>`;
});

/** A whole workbook (the import's header row, then generated rows), built by hand: a few milliseconds each. */
const handBuiltWorkbook = fc
  .tuple(fc.array(fc.array(sheetCell, { maxLength: LEDGER_COLUMNS.length + 2 }), { minLength: 1, maxLength: 6 }), fc.array(hostileText, { maxLength: 5 }), fc.boolean())
  .map(([rows, sharedStrings, date1904]) => {
    const header = `<row r="1">${LEDGER_COLUMNS.map((column) => `<c t="inlineStr"><is><t>${xmlText(column.header)}</t></is></c>`).join("")}</row>`;
    const body = rows.map((cells, index) => `<row r="${index + 2}">${cells.join("")}</row>`).join("");
    return zipBytes([
      { name: "xl/worksheets/sheet1.xml", text: `<worksheet xmlns="${MAIN}"><sheetData>${header}${body}</sheetData></worksheet>` },
      { name: "xl/sharedStrings.xml", text: `<sst xmlns="${MAIN}">${sharedStrings.map((text) => `<si><t>${xmlText(text)}</t></si>`).join("")}</sst>` },
      { name: "xl/styles.xml", text: `<styleSheet xmlns="${MAIN}"><numFmts><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>` },
      { name: "xl/workbook.xml", text: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="${date1904 ? 1 : 0}"/><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      {
        name: "xl/_rels/workbook.xml.rels",
        text: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      },
    ]);
  });

describe("the ledger import's parsers under generated input", () => {
  it("reads 10,000 generated CSV files (UTF-8, GB18030, neither) without throwing", async () => {
    await fc.assert(
      fc.asyncProperty(csvFileBytes, fc.constantFrom("台账.csv", "ledger.txt", "a.xlsx"), async (bytes, name) => {
        wellFormed(await readLedgerFile(bufferSource(name, bytes), { today }));
      }),
      { numRuns: 10_000 },
    );
  }, 300_000);

  it("checks 10,000 generated rows of any cell types without throwing", () => {
    fc.assert(
      fc.property(rowCells, fc.integer({ min: 2, max: 1_048_576 }), (cells, row) => rowWellFormed(validateLedgerRow(cells, row, context))),
      { numRuns: 10_000 },
    );
  });

  it("reads 10,000 hand-built XLSX workbooks of every cell type without throwing", async () => {
    await fc.assert(
      fc.asyncProperty(handBuiltWorkbook, async (bytes) => {
        wellFormed(await readLedgerFile(bufferSource("台账.xlsx", bytes), { today }));
      }),
      { numRuns: 10_000 },
    );
  }, 300_000);

  // Writing a workbook takes milliseconds, so whole files get fewer runs: the cells were fuzzed above.
  it("reads 300 generated XLSX workbooks, and broken archives, without throwing", async () => {
    const sheetWithTypedCells = fc.tuple(ledgerSheet, fc.array(fc.tuple(fc.nat(), fc.nat(), rawCell), { maxLength: 6 })).map(([sheet, typed]) => {
      const rows: unknown[][] = sheet.map((row) => [...row]);
      for (const [r, c, cell] of typed) {
        const row = rows[1 + (r % Math.max(1, rows.length - 1))];
        if (row && row.length > 0) row[c % row.length] = cell;
      }
      return rows;
    });
    await fc.assert(
      fc.asyncProperty(sheetWithTypedCells, fc.boolean(), async (rows, dateColumn) => {
        const bytes = await xlsxBytes([{ rows, dateColumns: dateColumn ? [2] : [] }]);
        wellFormed(await readLedgerFile(bufferSource("台账.xlsx", bytes), { today }));
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.nat(), async (junk, cut) => {
        const workbook = await xlsxBytes([{ rows: [["收到日期", "申请人类型", "申请人", "申请内容"], ["2022-01-05", "自然人", "张三", "文件"]] }]);
        const truncated = workbook.subarray(0, 4 + (cut % workbook.length));
        for (const bytes of [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...junk]), truncated]) wellFormed(await readLedgerFile(bufferSource("台账.xlsx", bytes), { today }));
      }),
      { numRuns: 200 },
    );
  }, 300_000);

  it("gets many generated clean rows through (the control: the runs above reach the writing path)", () => {
    const sheets = fc.sample(cleanLedgerSheet, { numRuns: 200, seed: 20_261_129 });
    const results = sheets.flatMap(([headers = [], ...rows]) =>
      rows.map((cells) => {
        const mapped: RowCells = Object.fromEntries(headers.map((header, index) => [LEDGER_COLUMNS.find((column) => column.header === header)?.key, cells[index] ?? ""]));
        return validateLedgerRow(mapped, 2, context).kind;
      }),
    );
    // ID numbers that do not fit the applicant type are refused, as they should be: about a third get through.
    expect(results.filter((kind) => kind === "record").length).toBeGreaterThan(results.length / 5);
  });
});
