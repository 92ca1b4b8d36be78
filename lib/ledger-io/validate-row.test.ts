import { describe, expect, it } from "vitest";
import type { RawCell } from "./cells";
import { EXAMPLE_NOTE } from "./columns";
import { rowContext, validateLedgerRow, type RowCells } from "./validate-row";

const TODAY = "2026-11-29";
const context = rowContext(TODAY);

const GOOD: RowCells = {
  number: "城区〔2022〕1号",
  receivedOn: "2022/1/5",
  channel: "邮寄",
  applicantType: "自然人",
  applicantName: "张三",
  idNumber: "11010519491231002x",
  phone: "13812345678",
  address: "山西省晋城市城区某某街道",
  description: "某某项目的征收补偿方案",
  outcome: "部分公开",
  concludedOn: "2022-01-20",
  notes: "",
};

function check(changes: Partial<Record<keyof RowCells, RawCell>>) {
  return validateLedgerRow({ ...GOOD, ...changes }, 7, context);
}

function problems(changes: Partial<Record<keyof RowCells, RawCell>>): Record<string, string> {
  const result = check(changes);
  if (result.kind !== "invalid") throw new Error(`expected problems, got ${result.kind}`);
  for (const issue of result.issues) expect(issue.row).toBe(7);
  return Object.fromEntries(result.issues.map((issue) => [issue.column ?? "", issue.message]));
}

describe("one ledger row", () => {
  it("maps a good row to a registration (arrival = legal receipt date, form wanted 其他) and its conclusion", () => {
    const result = check({});
    expect(result).toEqual({
      kind: "record",
      record: {
        row: 7,
        number: "城区〔2022〕1号",
        registration: {
          channel: "registered_post",
          arrivedOn: "2022-01-05",
          receivedOn: "2022-01-05",
          receivedOnReason: null,
          applicantType: "natural_person",
          applicantName: "张三",
          idNumber: "11010519491231002X",
          phone: "13812345678",
          address: "山西省晋城市城区某某街道",
          agentName: null,
          agentPhone: null,
          description: "某某项目的征收补偿方案",
          formWanted: "other",
          notes: null,
        },
        conclusion: { outcome: "partial", on: "2022-01-20" },
      },
    });
  });

  it("takes an empty 申请方式 as 其他 and an open application without 办理结果 and 办结日期", () => {
    const result = check({ channel: null, outcome: "", concludedOn: null, number: "", idNumber: "", phone: "", address: "" });
    expect(result.kind).toBe("record");
    if (result.kind !== "record") return;
    expect(result.record.registration.channel).toBe("other");
    expect(result.record.conclusion).toBeNull();
    expect(result.record.number).toBeNull();
  });

  it("takes outcome codes, Excel date cells and numbers written as numbers", () => {
    const result = check({ outcome: "unavailable.not_held", concludedOn: new Date(Date.UTC(2022, 0, 20)), receivedOn: 44566, phone: 13812345678 });
    expect(result.kind).toBe("record");
    if (result.kind !== "record") return;
    expect(result.record.conclusion).toEqual({ outcome: "unavailable.not_held", on: "2022-01-20" });
    expect(result.record.registration.receivedOn).toBe("2022-01-05");
    expect(result.record.registration.phone).toBe("13812345678");
  });

  it("restores text the export defused", () => {
    const result = check({ description: "'=某某文件", notes: "'-备注" });
    expect(result.kind === "record" && result.record.registration.description).toBe("=某某文件");
    expect(result.kind === "record" && result.record.registration.notes).toBe("-备注");
  });

  it("refuses missing required cells, each in its column", () => {
    expect(problems({ receivedOn: "", applicantType: " ", applicantName: "", description: null })).toEqual({
      收到日期: "收到日期不能为空",
      申请人类型: "申请人类型不能为空",
      申请人: "申请人不能为空",
      申请内容: "申请内容不能为空",
    });
  });

  it("refuses bad dates, dates in the future and a conclusion before the receipt", () => {
    expect(problems({ receivedOn: "2022-02-30" })["收到日期"]).toContain("不是有效的日期");
    expect(problems({ receivedOn: "2026-11-30", concludedOn: "", outcome: "" })["收到日期"]).toBe("收到日期 2026-11-30 晚于今天");
    expect(problems({ concludedOn: "2026-12-01" })["办结日期"]).toBe("办结日期 2026-12-01 晚于今天");
    expect(problems({ concludedOn: "2022-01-04" })["办结日期"]).toBe("办结日期 2022-01-04 早于收到日期 2022-01-05");
    expect(problems({ concludedOn: "下周" })["办结日期"]).toContain("不是日期");
  });

  it("refuses 办理结果 without 办结日期 and the other way round", () => {
    expect(problems({ concludedOn: "" })).toEqual({ 办结日期: "填写了办理结果，须填写办结日期" });
    expect(problems({ outcome: "" })).toEqual({ 办理结果: "填写了办结日期，也须填写办理结果" });
  });

  it("refuses words outside the vocabularies, listing the right ones", () => {
    expect(problems({ channel: "飞鸽" })["申请方式"]).toBe("「飞鸽」不是申请方式，应为：当面、邮寄、平信、网络、电子邮件、传真、其他（空着按「其他」）");
    expect(problems({ applicantType: "个体户" })["申请人类型"]).toContain("应为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他");
    expect(problems({ outcome: "（三）不予公开" })["办理结果"]).toContain("不是办理结果");
  });

  it("checks ID numbers against the applicant type with lib/identity", () => {
    expect(problems({ idNumber: "110105194912310021" })["证件号码"]).toBe("身份证号码校验位不正确");
    expect(problems({ applicantType: "商业企业", applicantName: "某公司" })["证件号码"]).toMatch(/统一社会信用代码/);
    expect(problems({ idNumber: 110105194912310020 })["证件号码"]).toContain("存成了数字");
  });

  it("applies the registration form's other rules (lengths, phone characters)", () => {
    expect(problems({ phone: "138-abc" })["联系电话"]).toBe("联系电话只能包含数字、空格、+、-、括号");
    expect(problems({ applicantName: "张".repeat(101) })["申请人"]).toBe("申请人最多 100 个字符");
    expect(problems({ description: "文".repeat(2001) })["申请内容"]).toBe("申请内容最多 2000 个字符");
    expect(problems({ number: "号".repeat(51) })["编号"]).toBe("编号最多 50 个字符");
  });

  it("lists every problem of the row at once", () => {
    expect(Object.keys(problems({ receivedOn: "x", channel: "y", applicantName: "", outcome: "z" }))).toEqual(["收到日期", "申请方式", "申请人", "办理结果"]);
  });

  it("skips the template's example rows and exported voided applications", () => {
    expect(check({ notes: EXAMPLE_NOTE, receivedOn: "garbage" })).toEqual({ kind: "skipped", row: 7, reason: "模板中的示例行，未导入" });
    expect(check({ notes: "示例, 导入前请删除" }).kind).toBe("skipped");
    expect(validateLedgerRow({ ...GOOD, status: "已作废" }, 9, context)).toEqual({ kind: "skipped", row: 9, reason: "已作废的申请，未导入" });
  });
});
