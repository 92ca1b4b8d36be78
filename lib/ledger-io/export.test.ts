import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXPORT_HEADERS } from "./columns";
import { exportShowsPersonalData, exportValues, ledgerCsv, ledgerJson, overdueFlag, writeLedgerXlsx, type ExportApplication, type ExportValues } from "./export";
import { readLedgerFile } from "./read-ledger-file";
import { bufferSource } from "./source";

const TODAY = "2026-11-29";

const CONCLUDED: ExportApplication = {
  number: "2022-0001",
  receivedOn: "2022-01-05",
  channel: "registered_post",
  applicantType: "natural_person",
  applicantName: "欧阳娜娜",
  idNumber: "11010519491231002X",
  phone: "13812345678",
  address: "山西省晋城市城区凤台街道某某小区3号楼",
  description: "=HYPERLINK(\"http://evil.example\",\"点我\")",
  outcome: "unavailable.not_held",
  concludedOn: "2022-01-20",
  notes: "+86 备注",
  status: "concluded",
  replyDueOn: "2022-02-09",
  dueProvisional: false,
};

const OPEN: ExportApplication = {
  ...CONCLUDED,
  number: "城区〔2026〕5号",
  receivedOn: "2026-11-02",
  channel: "online",
  applicantType: "commercial_enterprise",
  applicantName: "某某建筑有限公司",
  idNumber: "91140502MA0K3U2L00",
  phone: null,
  address: null,
  description: "-某某项目规划许可",
  outcome: null,
  concludedOn: null,
  notes: null,
  status: "open",
  replyDueOn: "2026-11-27",
  dueProvisional: true,
};

async function* rows(values: ExportValues[]): AsyncGenerator<ExportValues> {
  yield* values;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function xlsxOf(values: ExportValues[]): Promise<Buffer> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on("data", (chunk: Buffer) => parts.push(chunk));
  await writeLedgerXlsx(rows(values), output);
  await new Promise((resolve) => output.end(resolve));
  return Buffer.concat(parts);
}

describe("one exported row", () => {
  it("uses the import's words and columns, then the computed ones", () => {
    expect(exportValues(CONCLUDED, { mask: false, today: TODAY })).toEqual({
      编号: "2022-0001",
      收到日期: "2022-01-05",
      申请方式: "邮寄",
      申请人类型: "自然人",
      申请人: "欧阳娜娜",
      证件号码: "11010519491231002X",
      联系电话: "13812345678",
      通讯地址: "山西省晋城市城区凤台街道某某小区3号楼",
      申请内容: CONCLUDED.description,
      办理结果: "本机关不掌握相关政府信息",
      办结日期: "2022-01-20",
      备注: "+86 备注",
      状态: "已办结",
      答复期限: "2022-02-09",
      期限说明: "",
      是否逾期: "否",
    });
    expect(Object.keys(exportValues(OPEN, { mask: false, today: TODAY }))).toEqual([...EXPORT_HEADERS]);
    expect(exportValues(OPEN, { mask: false, today: TODAY })).toMatchObject({ 状态: "办理中", 期限说明: "暂定（当年节假日安排尚未公布）", 是否逾期: "是", 联系电话: "", 办理结果: "" });
  });

  it("masks personal data for a role that may not see it whole (a person's, not an organisation's)", () => {
    expect(exportValues(CONCLUDED, { mask: true, today: TODAY })).toMatchObject({
      申请人: "欧***",
      证件号码: "110105********002X",
      联系电话: "138****5678",
      通讯地址: "山西省晋城市城区****",
    });
    expect(exportValues(OPEN, { mask: true, today: TODAY })).toMatchObject({ 申请人: "某某建筑有限公司", 证件号码: "91140502MA0K3U2L00" });
    expect(exportShowsPersonalData("clerk")).toBe(true);
    expect(exportShowsPersonalData("reviewer")).toBe(true);
    expect(exportShowsPersonalData("system")).toBe(true);
    expect(exportShowsPersonalData("admin")).toBe(false);
    expect(exportShowsPersonalData("auditor")).toBe(false);
  });

  it("says 是否逾期 for running applications past the deadline and replies after it, never for abandoned or voided ones", () => {
    expect(overdueFlag({ status: "open", replyDueOn: "2026-11-28", concludedOn: null, outcome: null }, TODAY)).toBe(true);
    expect(overdueFlag({ status: "consulting", replyDueOn: "2026-11-29", concludedOn: null, outcome: null }, TODAY)).toBe(false);
    expect(overdueFlag({ status: "concluded", replyDueOn: "2022-02-09", concludedOn: "2022-02-10", outcome: "granted" }, TODAY)).toBe(true);
    expect(overdueFlag({ status: "concluded", replyDueOn: "2022-02-09", concludedOn: "2022-02-10", outcome: "other.no_correction" }, TODAY)).toBe(false);
    expect(overdueFlag({ status: "voided", replyDueOn: "2022-02-09", concludedOn: null, outcome: null }, TODAY)).toBeNull();
    expect(exportValues({ ...OPEN, status: "voided" }, { mask: false, today: TODAY })).toMatchObject({ 状态: "已作废", 答复期限: "", 期限说明: "", 是否逾期: "" });
  });
});

describe("the export files", () => {
  const values = [exportValues(CONCLUDED, { mask: false, today: TODAY }), exportValues(OPEN, { mask: false, today: TODAY })];

  it("writes CSV as UTF-8 with a BOM and CRLF, every formula-like cell defused", async () => {
    const csv = await collect(ledgerCsv(rows(values)));
    expect(csv.startsWith(`\uFEFF${EXPORT_HEADERS.join(",")}\r\n`)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(lines[1]).toContain(",'+86 备注,");
    expect(lines[2]).toContain(",'-某某项目规划许可,");
    for (const line of lines) for (const field of line.split(",")) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("writes JSON as an array of objects with the same keys, values as stored", async () => {
    const parsed = JSON.parse(await collect(ledgerJson(rows(values)))) as Record<string, string>[];
    expect(parsed).toHaveLength(2);
    expect(Object.keys(parsed[0] ?? {})).toEqual([...EXPORT_HEADERS]);
    expect(parsed[0]?.申请内容).toBe(CONCLUDED.description);
    expect(JSON.parse(await collect(ledgerJson(rows([]))))).toEqual([]);
  });

  it("writes XLSX with date cells, text cells, the header row, and defused formula-like text", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxOf(values)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(sheet.getCell("B2").value).toEqual(new Date(Date.UTC(2022, 0, 5)));
    expect(sheet.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("F2").value).toBe("11010519491231002X");
    expect(sheet.getCell("I2").value).toBe(`'${CONCLUDED.description}`);
    expect(sheet.getCell("I2").formula).toBeUndefined();
    expect(sheet.getCell("I3").value).toBe("'-某某项目规划许可");
    expect(sheet.getCell("N3").value).toEqual(new Date(Date.UTC(2026, 10, 27)));
  });

  it("reads back (CSV and XLSX) to exactly what was exported", async () => {
    const csv = new TextEncoder().encode(await collect(ledgerCsv(rows(values))));
    for (const source of [bufferSource("导出.csv", csv), bufferSource("导出.xlsx", await xlsxOf(values))]) {
      const read = await readLedgerFile(source, { today: TODAY });
      expect(read.issues).toEqual([]);
      expect(read.records.map((record) => [record.number, record.registration.description, record.registration.notes, record.conclusion])).toEqual([
        ["2022-0001", CONCLUDED.description, "+86 备注", { outcome: "unavailable.not_held", on: "2022-01-20" }],
        ["城区〔2026〕5号", OPEN.description, null, null],
      ]);
      expect(read.records[0]?.registration).toMatchObject({ channel: "registered_post", applicantName: "欧阳娜娜", idNumber: "11010519491231002X", phone: "13812345678", address: CONCLUDED.address });
    }
  });
});
