import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXAMPLE_NOTE, IMPORT_HEADERS } from "./columns";
import { readLedgerFile } from "./read-ledger-file";
import { bufferSource } from "./source";
import { ledgerTemplate, TEMPLATE_EXAMPLES } from "./template";
import { OUTCOME_WORDS } from "./vocabulary";

type Validation = { type: string; formulae: string[] };

describe("the import template", () => {
  it("has the header row, marked examples, drop-down lists from a hidden sheet, and instructions", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ledgerTemplate()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ["台账", "visible"],
      ["选项", "hidden"],
      ["填写说明", "visible"],
    ]);
    const sheet = workbook.getWorksheet("台账");
    if (!sheet) throw new Error("no ledger sheet");
    expect(sheet.getRow(1).values).toEqual([undefined, ...IMPORT_HEADERS]);
    expect(sheet.rowCount).toBe(1 + TEMPLATE_EXAMPLES.length);
    for (let row = 2; row <= sheet.rowCount; row++) expect(sheet.getCell(row, IMPORT_HEADERS.indexOf("备注") + 1).value).toBe(EXAMPLE_NOTE);

    const model = (sheet as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;
    // exceljs reads a validated range back cell by cell.
    for (const [column, list] of [["C", "'选项'!$A$2:$A$8"], ["D", "'选项'!$B$2:$B$7"], ["J", "'选项'!$C$2:$C$22"]] as const) {
      expect(model[`${column}2`]).toMatchObject({ type: "list", formulae: [list] });
      expect(model[`${column}5001`]).toMatchObject({ type: "list", formulae: [list] });
      expect(model[`${column}5002`]).toBeUndefined();
    }
    expect(model.B2).toBeUndefined();
    const lists = workbook.getWorksheet("选项");
    expect(lists?.getCell("A2").value).toBe("当面");
    expect(lists?.getCell("C22").value).toBe(OUTCOME_WORDS["other.other"]);
    expect(sheet.getColumn(IMPORT_HEADERS.indexOf("证件号码") + 1).numFmt).toBe("@");
  });

  it("imports as nothing: its example rows are skipped, and the file says so", async () => {
    const read = await readLedgerFile(bufferSource("模板.xlsx", await ledgerTemplate()), { today: "2026-11-29" });
    expect(read.records).toEqual([]);
    expect(read.skipped.map((entry) => entry.row)).toEqual([2, 3, 4]);
    expect(read.issues).toEqual([{ row: null, column: null, message: "文件中没有可导入的行：3 行都是示例或已作废的申请，已跳过" }]);
  });

  it("imports the rows staff add under the examples", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ledgerTemplate()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    workbook.getWorksheet("台账")?.addRow(["", "2026-03-10", "当面", "自然人", "王五", "", "", "", "某某文件", "", "", ""]);
    const read = await readLedgerFile(bufferSource("填好的模板.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer())), { today: "2026-11-29" });
    expect(read.issues).toEqual([]);
    expect(read.records.map((record) => [record.row, record.registration.applicantName])).toEqual([[5, "王五"]]);
  });
});
