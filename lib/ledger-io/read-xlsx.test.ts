import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isDateFormatCode, readXlsxRows } from "./read-xlsx";
import { bufferSource } from "./source";
import { zipBytes } from "./test-files";
import type { SheetRow } from "./read-csv";

async function rowsOf(bytes: Uint8Array): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readXlsxRows(bufferSource("台账.xlsx", bytes))) rows.push(row);
  return rows;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/**
 * A workbook as another program may write it: the sheet before the parts it depends on, SpreadsheetML under
 * an `x:` prefix, shared strings with rich-text runs and a phonetic guide, a custom date format and the
 * 1904 date system.
 */
function handWrittenWorkbook(options: { date1904: boolean }): Uint8Array {
  return zipBytes([
    {
      name: "xl/worksheets/sheet1.xml",
      text: `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
        <x:row r="3"><x:c r="A3" s="1"><x:v>0</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>甲&amp;乙</x:t></x:is></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c><x:c r="F3" s="2"><x:v>44566.5</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`,
    },
    {
      name: "xl/sharedStrings.xml",
      text: `<sst xmlns="${MAIN}"><si><r><t>收到</t></r><r><t xml:space="preserve">日期</t></r><rPh sb="0" eb="2"><t>しゅうとう</t></rPh></si><si><t><![CDATA[申请<人>]]></t></si></sst>`,
    },
    {
      name: "xl/styles.xml",
      text: `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
        <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    },
    {
      name: "xl/workbook.xml",
      text: `<workbook xmlns="${MAIN}" xmlns:rel="${REL}"><workbookPr date1904="${options.date1904 ? 1 : 0}"/><sheets><sheet name="台账" sheetId="1" rel:id="rId7"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId7" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId8" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId9" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: "_rels/.rels", text: `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
  ]);
}

describe("reading an XLSX workbook", () => {
  it("reads what other spreadsheet programs write: parts in any order, prefixed elements, shared and inline strings", async () => {
    const rows = await rowsOf(handWrittenWorkbook({ date1904: false }));
    expect(rows.map((row) => row.row)).toEqual([1, 3]);
    expect(rows[0]?.cells).toEqual(["收到日期", null, "申请<人>"]);
    expect(rows[1]?.cells).toEqual([new Date(Date.UTC(1899, 11, 30)), "甲&乙", true, 2, "#N/A", 44566.5]);
  });

  it("counts date cells from 1904-01-01 in a workbook that uses the 1904 date system", async () => {
    const [, row] = await rowsOf(handWrittenWorkbook({ date1904: true }));
    expect(row?.cells[0]).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });

  it("turns a date-formatted number into its day and time, and leaves other numbers alone", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("台账");
    sheet.addRow([44566.25, 44566.25, 13812345678]);
    sheet.getCell("A1").numFmt = "yyyy/m/d h:mm";
    sheet.getCell("B1").numFmt = "0.00";
    const [row] = await rowsOf(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(row?.cells).toEqual([new Date(Date.UTC(2022, 0, 5, 6)), 44566.25, 13812345678]);
  });

  it("refuses an archive without a worksheet", async () => {
    await expect(rowsOf(zipBytes([{ name: "readme.txt", text: "不是工作簿" }]))).rejects.toThrow("缺少 xl/workbook.xml");
  });
});

describe("date formats", () => {
  it("tells date and time formats from number formats", () => {
    for (const code of ["yyyy/m/d", 'yyyy"年"m"月"d"日"', "[$-F800]dddd, mmmm dd, yyyy", "h:mm:ss", "[h]:mm", "mm-dd-yy", "yyyy年m月d日"]) expect(isDateFormatCode(code), code).toBe(true);
    for (const code of ["General", "0.00", '"天数" 0', "[Red]#,##0", "0.00E+00", "@", '#,##0 "元"']) expect(isDateFormatCode(code), code).toBe(false);
  });
});
