import { describe, expect, it } from "vitest";
import fixture from "./fixtures/jincheng-chengqu-2022.json";
import { parseAnnualReport } from "./schema";

// Tests mutate the parsed JSON freely to build broken reports.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const corrected = () => structuredClone(fixture.corrected) as Record<string, any>;

function errorsOf(input: unknown) {
  const result = parseAnnualReport(input);
  if (result.success) throw new Error("expected the report to be refused");
  return result.errors;
}

describe("report JSON schema", () => {
  it("accepts both versions of the seed report, filling in empty sections", () => {
    for (const version of ["published", "corrected"] as const) {
      const result = parseAnnualReport(fixture[version]);
      expect(result.success).toBe(true);
      if (result.success) expect(result.report.sections).toEqual({ overview: "", problems: "", other: "" });
    }
  });

  it("accepts sums that do not add up and negative counts: the checks flag those", () => {
    const input = corrected();
    input.applications.outcomes.partial = [-2, 0, 0, 0, 0, 0, 5];
    expect(parseAnnualReport(input).success).toBe(true);
  });

  it("accepts checks carried along in the JSON and a decimal fee amount", () => {
    const input = corrected();
    input.proactive.feesTenThousandYuan = 12.3456;
    input.checks = [{ id: "row-total", ok: false, where: "outcomes.partial", message: "……" }];
    expect(parseAnnualReport(input).success).toBe(true);
  });

  it("refuses a missing outcome key, naming it in Chinese", () => {
    const input = corrected();
    delete input.applications.outcomes["rejected.duplicate"];
    expect(errorsOf(input)).toEqual([
      { path: "applications.outcomes.rejected.duplicate", message: "「（五）不予处理」「2.重复申请」行：缺少此项" },
    ]);
  });

  it("refuses an unknown outcome key", () => {
    const input = corrected();
    input.applications.outcomes["withheld.unknown"] = [0, 0, 0, 0, 0, 0, 0];
    expect(errorsOf(input)[0]?.message).toContain("不认识的字段：withheld.unknown");
  });

  it("refuses a row that is not exactly 7 numbers", () => {
    const input = corrected();
    input.applications.received = [6, 0, 0, 0, 0, 6];
    expect(errorsOf(input)).toEqual([
      { path: "applications.received", message: "「一、本年新收政府信息公开申请数量」行：应恰有7个数" },
    ]);
  });

  it("refuses a fractional or blank count, naming row and column", () => {
    const input = corrected();
    input.applications.outcomes.partial[3] = 1.5;
    input.applications.carriedForward[6] = null;
    expect(errorsOf(input)).toEqual([
      {
        path: "applications.outcomes.partial[3]",
        message: "「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「社会公益组织」列：应为整数",
      },
      { path: "applications.carriedForward[6]", message: "「四、结转下年度继续办理」行「总计」列：不能为空" },
    ]);
  });

  it("refuses unknown fields, a wrong format, status or column order", () => {
    const input = corrected();
    input.format = "gongkai.annual-report/2";
    input.status = "final";
    input.fees.refunds = 0;
    input.applications.columns = [...input.applications.columns].reverse();
    const messages = errorsOf(input).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "format：应为以下之一：gongkai.annual-report/1",
        "status：应为以下之一：draft、published、historical",
        "fees：不认识的字段：refunds",
        expect.stringMatching(/^applications\.columns：列必须依次为/),
      ]),
    );
  });

  it("refuses a missing table", () => {
    const input = corrected();
    delete input.reviews;
    expect(errorsOf(input)).toEqual([{ path: "reviews", message: "reviews：缺少此项" }]);
  });
});
