import { describe, expect, it } from "vitest";
import { runChecks, type CheckResult } from "./checks";
import { seedExpectedFailures, seedReport } from "./fixtures";
import { CHECK_IDS, type AnnualReport } from "./schema";

const failuresOf = (results: CheckResult[]) =>
  results.filter((r) => !r.ok).map(({ id, where }) => ({ id, where }));
const byIdAndWhere = (a: { id: string; where: string }, b: { id: string; where: string }) =>
  `${a.id} ${a.where}`.localeCompare(`${b.id} ${b.where}`);

/** A report for the year before whose carry-forward and documents in force lead to this one. */
function lastYearOf(report: AnnualReport): AnnualReport {
  const previous = { ...structuredClone(report), year: report.year - 1 };
  previous.applications.carriedForward = [...report.applications.carriedOver];
  return previous;
}

describe("the seed report (晋城市城区 2022)", () => {
  it("as published fails exactly the expected checks", () => {
    const results = runChecks(seedReport("published"));
    expect(failuresOf(results).sort(byIdAndWhere)).toEqual([...seedExpectedFailures.published].sort(byIdAndWhere));
  });

  it("as published explains its error with the official labels and both numbers", () => {
    const results = runChecks(seedReport("published"));
    expect(results.find((r) => r.id === "row-total" && !r.ok)).toEqual({
      id: "row-total",
      ok: false,
      severity: "error",
      where: "outcomes.partial",
      expected: 2,
      actual: 0,
      message: "「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行：各类申请人之和为2，「总计」为0",
    });
    expect(results.find((r) => r.id === "outcome-sum" && !r.ok)).toMatchObject({
      where: "total",
      expected: 6,
      actual: 8,
      message: "「总计」列：「三、本年度办理结果」各项之和为6，「（七）总计」为8",
    });
  });

  it("as corrected passes every check, each listed once", () => {
    const corrected = seedReport("corrected");
    const results = runChecks(corrected, lastYearOf(corrected));
    expect(results.map((r) => r.id)).toEqual([...CHECK_IDS]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(seedExpectedFailures.corrected).toEqual([]);
  });

  it("passes the prose check with the seed's own sentences", () => {
    const report = seedReport("corrected");
    report.sections.overview =
      "（二）依申请公开方面\n2022年，新受理政府信息公开申请6件，均做到及时高效办理。" +
      "2022年，共公开部门工作信息125条、法规文件22件、财政信息6条。";
    report.sections.other = "2022年度本机关未收取信息处理费。";
    expect(runChecks(report).find((r) => r.id === "prose")).toMatchObject({ ok: true });
  });
});

describe("each check on a broken report", () => {
  const failures = (report: AnnualReport, previous?: AnnualReport) => failuresOf(runChecks(report, previous));

  it("balance: 一 + 二 ≠ （七） + 四 in a column", () => {
    const report = seedReport("corrected");
    report.applications.received = [7, 0, 0, 0, 0, 0, 7];
    expect(failures(report)).toEqual([
      { id: "balance", where: "natural_person" },
      { id: "balance", where: "total" },
    ]);
    expect(runChecks(report)[0]).toMatchObject({
      expected: 9,
      actual: 8,
      message:
        "「自然人」列：「一、本年新收政府信息公开申请数量」加「二、上年结转政府信息公开申请数量」为9，" +
        "「（七）总计」加「四、结转下年度继续办理」为8",
    });
  });

  it("outcome-sum: the outcome rows do not add up to （七）总计", () => {
    const report = seedReport("corrected");
    report.applications.outcomes["rejected.duplicate"] = [0, 0, 1, 0, 0, 0, 1];
    expect(failures(report)).toEqual([
      { id: "outcome-sum", where: "research_institution" },
      { id: "outcome-sum", where: "total" },
    ]);
  });

  it("row-total: a row's applicant columns do not add up to 总计, for every kind of row", () => {
    for (const row of ["received", "carriedOver", "handled", "carriedForward"] as const) {
      const report = seedReport("corrected");
      const cells = report.applications[row];
      cells[6] = (cells[6] ?? 0) + 1;
      expect(failures(report)).toContainEqual({ id: "row-total", where: row });
    }
    const report = seedReport("corrected");
    report.applications.outcomes["other.other"] = [0, 0, 0, 0, 0, 3, 0];
    const failure = runChecks(report).find((r) => r.id === "row-total" && !r.ok);
    expect(failure).toMatchObject({
      where: "outcomes.other.other",
      message: "「（六）其他处理」「3.其他」行：各类申请人之和为3，「总计」为0",
    });
  });

  it("review-total: a group of table 四 does not add up", () => {
    const report = seedReport("corrected");
    report.reviews.litigationDirect.pending = 2;
    report.reviews.litigationDirect.total = 1;
    expect(failures(report)).toEqual([{ id: "review-total", where: "reviews.litigationDirect" }]);
    expect(runChecks(report).find((r) => !r.ok)?.message).toBe(
      "「行政诉讼」「未经复议直接起诉」：「结果维持」「结果纠正」「其他结果」「尚未审结」之和为2，「总计」为1",
    );
  });

  it("carry-over: this year's 二 differs from last year's 四", () => {
    const report = seedReport("corrected");
    const previous = lastYearOf(report);
    previous.applications.carriedForward = [1, 1, 0, 0, 0, 0, 2];
    expect(failures(report, previous)).toEqual([
      { id: "carry-over", where: "natural_person" },
      { id: "carry-over", where: "commercial_enterprise" },
    ]);
    expect(runChecks(report, previous).find((r) => !r.ok)?.message).toBe(
      "「自然人」列：「二、上年结转政府信息公开申请数量」为2，2021年报告「四、结转下年度继续办理」为1",
    );
  });

  it("carry-over and in-force are not run without last year's report, and refuse a report of another year", () => {
    const report = seedReport("corrected");
    const ids = runChecks(report).map((r) => r.id);
    expect(ids).not.toContain("carry-over");
    expect(ids).not.toContain("in-force");
    expect(runChecks(report, null).map((r) => r.id)).toEqual(ids);
    expect(failures(report, report)).toEqual([
      { id: "carry-over", where: "year" },
      { id: "in-force", where: "year" },
    ]);
  });

  it("in-force: warns when 现行有效件数 does not follow from last year", () => {
    const report = seedReport("corrected");
    const previous = lastYearOf(report);
    previous.proactive.normativeDocuments.inForce = 10;
    report.proactive.normativeDocuments = { issued: 3, abolished: 1, inForce: 11 };
    const warning = runChecks(report, previous).find((r) => !r.ok);
    expect(warning).toMatchObject({ id: "in-force", severity: "warning", where: "proactive.normativeDocuments" });
    expect(warning).toMatchObject({ expected: 12, actual: 11 });
    expect(warning?.message).toContain("「行政规范性文件」「现行有效件数」为11");
    report.proactive.normativeDocuments.inForce = 12;
    expect(failures(report, previous)).toEqual([]);
  });

  it("prose: reports each quoted figure that differs from the tables", () => {
    const report = seedReport("corrected");
    report.sections.overview = "本年度共收到政府信息公开申请7件，上年结转2件，办结八件。";
    report.sections.other = "本年度实际收取费用0.01万元。";
    const results = runChecks(report).filter((r) => r.id === "prose");
    expect(results.map(({ where, expected, actual }) => ({ where, expected, actual }))).toEqual([
      { where: "sections.overview", expected: 6, actual: 7 },
      { where: "sections.other", expected: 0, actual: 100 },
    ]);
    expect(results[0]?.message).toBe(
      "「一、总体情况」中“收到政府信息公开申请7件”与表三「一、本年新收政府信息公开申请数量」「总计」不符：文中为7件，表中为6件",
    );
  });

  it("cells: negative counts, a fee with more than 4 decimals, and missing cells", () => {
    const report = seedReport("corrected");
    report.applications.outcomes.granted = [-1, 0, 0, 0, 0, 0, -1];
    report.applications.handled = [7, 0, 0, 0, 0, 0, 7];
    report.applications.received = [5, 0, 0, 0, 0, 0, 5];
    report.proactive.feesTenThousandYuan = 0.12345;
    report.fees.collectedYuan = -5;
    expect(failures(report)).toEqual([
      { id: "cells", where: "proactive.feesTenThousandYuan" },
      { id: "cells", where: "outcomes.granted.natural_person" },
      { id: "cells", where: "outcomes.granted.total" },
      { id: "cells", where: "fees.collectedYuan" },
    ]);
    const messages = runChecks(report).map((r) => r.message);
    expect(messages).toContain("表三「（一）予以公开」行「自然人」列为-1，不能为负数");
    expect(messages).toContain("表二「行政事业性收费」「本年收费金额（单位：万元）」为0.12345，以万元为单位最多保留4位小数");

    const unparsed = seedReport("corrected") as unknown as { applications: { carriedOver: unknown[] } };
    unparsed.applications.carriedOver = [2, 0, 0, 0, 0, 0];
    const results = runChecks(unparsed as unknown as AnnualReport);
    expect(failuresOf(results)).toEqual([{ id: "cells", where: "carriedOver.total" }]);
    expect(results.find((r) => !r.ok)?.message).toBe("表三「二、上年结转政府信息公开申请数量」行「总计」列未填写");
  });

  it("cells: accepts a fee amount with 4 decimals despite binary rounding", () => {
    const report = seedReport("corrected");
    for (const amount of [1.2345, 0.0001, 123456.7891, 0.3 - 0.1]) {
      report.proactive.feesTenThousandYuan = amount;
      expect(failures(report)).toEqual([]);
    }
  });
});
