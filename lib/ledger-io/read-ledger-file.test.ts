import { describe, expect, it } from "vitest";
import { EXAMPLE_NOTE, IMPORT_HEADERS } from "./columns";
import { readLedgerFile, columnLetter } from "./read-ledger-file";
import { bufferSource } from "./source";
import { csvSource, csvText, xlsxSource } from "./test-files";

const TODAY = "2026-11-29";
const read = (source: Parameters<typeof readLedgerFile>[0]) => readLedgerFile(source, { today: TODAY });

const ROW = {
  编号: "A-1",
  收到日期: "2022/1/5",
  申请方式: "当面",
  申请人类型: "自然人",
  申请人: "张三",
  证件号码: "11010519491231002X",
  联系电话: "13812345678",
  通讯地址: "山西省晋城市城区凤台街道",
  申请内容: "关于某某,\"文件\"\n第二行",
  办理结果: "予以公开",
  办结日期: "2022-01-20",
  备注: "",
};

describe("CSV files", () => {
  it("reads UTF-8 with and without a BOM, quoted fields with commas, quotes and line breaks", async () => {
    for (const bom of [true, false]) {
      const result = await read(csvSource(csvText(IMPORT_HEADERS, [ROW, { ...ROW, 编号: "A-2" }]), { bom }));
      expect(result.issues).toEqual([]);
      expect(result).toMatchObject({ format: "csv", encoding: "utf-8", rowCount: 2 });
      expect(result.records.map((record) => record.row)).toEqual([2, 3]);
      expect(result.records[0]?.registration.description).toBe("关于某某,\"文件\"\n第二行");
    }
  });

  it("reads GB18030 (what Excel saves as CSV on Chinese Windows) when the bytes are not UTF-8", async () => {
    const text = csvText(IMPORT_HEADERS, [ROW]);
    const result = await read(csvSource(text, { encoding: "gb18030" }));
    expect(result.issues).toEqual([]);
    expect(result.encoding).toBe("gb18030");
    expect(result.records[0]?.registration).toMatchObject({ applicantName: "张三", description: ROW.申请内容, address: ROW.通讯地址 });
    expect(result.records[0]?.conclusion).toEqual({ outcome: "granted", on: "2022-01-20" });
  });

  it("does not take a file for UTF-8 when bytes far into it are not (it is tried as GB18030, and refused)", async () => {
    const utf8 = new TextEncoder().encode(csvText(IMPORT_HEADERS, Array.from({ length: 400 }, (_, i) => ({ ...ROW, 编号: `U-${i}` }))));
    const broken = new Uint8Array([...utf8, 0xff, 0x0d, 0x0a]);
    expect(broken.byteLength).toBeGreaterThan(64 * 1024);
    const result = await read(bufferSource("混杂.csv", broken));
    expect(result.encoding).not.toBe("utf-8");
    expect(result.records).toEqual([]);
    expect(result.issues).toEqual([{ row: null, column: null, message: "文件既不是 UTF-8 也不是 GB18030 编码的文本：请另存为 CSV（UTF-8）或 .xlsx 后再导入" }]);
  });

  it("numbers rows as a spreadsheet does: header 1, empty lines counted, multi-line cells one row", async () => {
    const text = `${IMPORT_HEADERS.join(",")}\r\n\r\n${csvText(IMPORT_HEADERS, [{ ...ROW, 收到日期: "不是日期" }]).split("\r\n").slice(1).join("\r\n")}`;
    const result = await read(csvSource(text));
    expect(result.rowCount).toBe(1);
    expect(result.issues).toEqual([{ row: 3, column: "收到日期", message: "「不是日期」不是日期，应写作 2022-01-05 或 2022/1/5" }]);
  });

  it("takes the columns in any order, without the optional ones, and ignores an export's computed columns", async () => {
    const headers = ["申请内容", "申请人", "收到日期", "申请人类型", "状态", "答复期限", "期限说明", "是否逾期"];
    const result = await read(csvSource(csvText(headers, [{ 申请内容: "某文件", 申请人: "李四", 收到日期: "2023-3-1", 申请人类型: "其他", 状态: "办理中", 答复期限: "2023-03-29" }])));
    expect(result.issues).toEqual([]);
    expect(result.records[0]?.registration).toMatchObject({ applicantType: "other_org", channel: "other", receivedOn: "2023-03-01" });
  });

  it("refuses unknown headers, duplicate headers and missing required ones, naming them", async () => {
    const unknown = await read(csvSource("编号,收到日期,申请人类型,申请人,申请内容,承办人\r\n1,2022-01-05,自然人,张三,文件,王五\r\n"));
    expect(unknown.issues).toHaveLength(1);
    expect(unknown.issues[0]?.message).toContain("无法识别的表头：F 列「承办人」");
    expect(unknown.records).toEqual([]);
    const duplicate = await read(csvSource("收到日期,申请人类型,申请人,申请内容,申请人\r\n"));
    expect(duplicate.issues[0]?.message).toBe("表头「申请人」出现了两次（C 列和 E 列）");
    const missing = await read(csvSource("编号,收到日期,申请人\r\n1,2022-01-05,张三\r\n"));
    expect(missing.issues).toEqual([{ row: 1, column: null, message: "缺少必填的列：申请人类型、申请内容（第 1 行应为表头）" }]);
  });

  it("says what is wrong with files that are empty, headers only, tab-separated, old .xls, or broken", async () => {
    expect((await read(csvSource(""))).issues[0]?.message).toBe("文件是空的");
    expect((await read(csvSource("\r\n\r\n"))).issues[0]?.message).toBe("文件中没有内容：第一行应为表头");
    expect((await read(csvSource(`${IMPORT_HEADERS.join(",")}\r\n`))).issues[0]?.message).toBe("文件中只有表头，没有申请");
    expect((await read(csvSource(`${IMPORT_HEADERS.join("\t")}\r\n`))).issues[0]?.message).toContain("制表符分隔");
    expect((await read(bufferSource("旧.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).issues[0]?.message).toContain("旧版 Excel");
    expect((await read(bufferSource("假.xlsx", new TextEncoder().encode("not a zip")))).issues[0]?.message).toContain("内容不是 Excel 工作簿");
    expect((await read(bufferSource("坏.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])))).issues[0]?.message).toContain("无法读取这个 .xlsx 文件");
    expect((await read(csvSource(`${IMPORT_HEADERS.join(",")}\r\n"没有闭合,2022-01-05\r\n`))).issues[0]?.message).toContain("引号没有闭合");
  });

  it("lists every bad row with its row number, column and reason, and keeps none of the file's rows", async () => {
    const rows = [
      ROW,
      { ...ROW, 编号: "A-2", 收到日期: "2099-01-01" },
      { ...ROW, 编号: "A-3", 申请方式: "飞鸽", 证件号码: "123" },
      { ...ROW, 编号: "A-1" },
      { ...ROW, 编号: "A-5", 办结日期: "" },
    ];
    const result = await read(csvSource(csvText(IMPORT_HEADERS, rows)));
    expect(result.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [3, "收到日期"],
      [4, "申请方式"],
      [4, "证件号码"],
      [5, "编号"],
      [6, "办结日期"],
    ]);
    expect(result.issues.find((issue) => issue.row === 5)?.message).toBe("编号「A-1」与第 2 行重复");
  });

  it("skips the template's example rows and says so", async () => {
    const result = await read(csvSource(csvText(IMPORT_HEADERS, [{ ...ROW, 备注: EXAMPLE_NOTE, 收到日期: "" }, ROW])));
    expect(result.issues).toEqual([]);
    expect(result.skipped).toEqual([{ row: 2, reason: "模板中的示例行，未导入" }]);
    expect(result.records.map((record) => record.row)).toEqual([3]);
  });

  it("reports progress while it reads", async () => {
    const seen: number[] = [];
    const rows = Array.from({ length: 25 }, (_, i) => ({ ...ROW, 编号: `P-${i}` }));
    await readLedgerFile(csvSource(csvText(IMPORT_HEADERS, rows)), { today: TODAY, progressEvery: 10, onProgress: (n) => void seen.push(n) });
    expect(seen).toEqual([10, 20, 25]);
  });
});

describe("XLSX files", () => {
  it("reads the first sheet, with Excel date cells, serial numbers and text dates", async () => {
    const source = await xlsxSource([
      {
        name: "台账",
        rows: [
          [...IMPORT_HEADERS],
          ["A-1", new Date(Date.UTC(2022, 0, 5)), "当面", "自然人", "张三", "11010519491231002X", "13812345678", "山西省晋城市", "某文件", "部分公开", new Date(Date.UTC(2022, 0, 20)), null],
          ["A-2", 44566, "网络", "商业企业", "某公司", "", 13812345678, "", "另一文件", "", "", "备注"],
          ["A-3", "2022/1/5", "", "自然人", { richText: [{ text: "李" }, { text: "四" }] }, "", "", "", "第三件", "unavailable.not_held", "2022-02-01", ""],
        ],
      },
      { name: "其他", rows: [["不是台账"]] },
    ]);
    const result = await read(source);
    expect(result.issues).toEqual([]);
    expect(result.format).toBe("xlsx");
    expect(result.records.map((record) => [record.row, record.registration.receivedOn, record.conclusion?.on ?? null])).toEqual([
      [2, "2022-01-05", "2022-01-20"],
      [3, "2022-01-05", null],
      [4, "2022-01-05", "2022-02-01"],
    ]);
    expect(result.records[1]?.registration).toMatchObject({ applicantType: "commercial_enterprise", phone: "13812345678", idNumber: null, notes: "备注" });
    expect(result.records[2]?.registration.applicantName).toBe("李四");
  });

  it("takes the first sheet in the workbook's order even when the archive holds another first", async () => {
    const source = await xlsxSource([
      { name: "台账", rows: [["收到日期", "申请人类型", "申请人", "申请内容"], ["2022-01-05", "自然人", "王五", "某文件"]] },
      { name: "说明", rows: [["这里不是台账"]] },
    ]);
    const result = await read(source);
    expect(result.records.map((record) => record.registration.applicantName)).toEqual(["王五"]);
  });

  it("keeps Chinese text whole in sheets larger than one compressed chunk", async () => {
    const text = "依申请公开政府信息征收补偿安置方案及相关会议纪要".repeat(40);
    const rows = Array.from({ length: 400 }, (_, i) => [`N-${i}`, "2022-01-05", "自然人", `申请人${i}`, `${text}${i}`]);
    const result = await read(await xlsxSource([{ rows: [["编号", "收到日期", "申请人类型", "申请人", "申请内容"], ...rows] }]));
    expect(result.issues).toEqual([]);
    expect(result.records).toHaveLength(400);
    for (const [i, record] of result.records.entries()) expect(record.registration.description).toBe(`${text}${i}`);
  });

  it("refuses an ID number Excel stored as a rounded number", async () => {
    const result = await read(await xlsxSource([{ rows: [["收到日期", "申请人类型", "申请人", "申请内容", "证件号码"], ["2022-01-05", "自然人", "张三", "某文件", 110105194912310020]] }]));
    expect(result.issues).toEqual([{ row: 2, column: "证件号码", message: "证件号码在表格中存成了数字，末几位已丢失：请把这一列设为文本格式，重新填写后再导入" }]);
  });
});

describe("column letters", () => {
  it("names columns as a spreadsheet does", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});
