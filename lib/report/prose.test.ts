import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runChecks } from "./checks";
import { seedReport } from "./fixtures";
import { consistentReport } from "./fixtures/arbitraries";
import { generateProse } from "./prose";
import { findFigureQuotes, parseQuotedNumber } from "./quoted-figures";
import type { AnnualReport } from "./schema";

const quotes = (text: string) =>
  findFigureQuotes(text)
    .map(({ figure, quoted }) => ({ key: figure.key, quoted }))
    .sort((a, b) => a.key.localeCompare(b.key));

const proseFailures = (report: AnnualReport) => runChecks(report).filter((r) => r.id === "prose" && !r.ok);

describe("generateProse", () => {
  it("writes the default sentences from the seed's figures", () => {
    expect(generateProse(seedReport("corrected"))).toEqual({
      onRequest:
        "本年度共收到政府信息公开申请6件，上年结转2件，办结8件，结转下年度继续办理0件。" +
        "其中，予以公开0件，部分公开2件，不予公开0件，无法提供6件，不予处理0件，其他处理0件。",
      problems: "本年度涉及政府信息公开的行政复议0件、行政诉讼0件，其中结果被纠正0件，尚未审结0件。",
      other: "本年度发出收费通知0件，通知收费金额0元，实际收取0元。",
    });
  });

  it("quotes only figures the prose check reads", () => {
    const prose = generateProse(seedReport("corrected"));
    expect(findFigureQuotes(prose.onRequest)).toHaveLength(10);
    expect(findFigureQuotes(prose.problems)).toHaveLength(4);
    expect(findFigureQuotes(prose.other)).toHaveLength(3);
  });

  it("passes the prose check on its own report, and fails it on a report with other figures", () => {
    fc.assert(
      fc.property(consistentReport, consistentReport, ({ report: own }, { report: other }) => {
        const prose = generateProse(own);
        const sections = { overview: prose.onRequest, problems: prose.problems, other: prose.other };
        expect(proseFailures({ ...own, sections })).toEqual([]);
        const sameFigures =
          JSON.stringify(quotes(Object.values(sections).join("\n"))) ===
          JSON.stringify(quotes(Object.values(generateProse(other)).join("\n")));
        expect(proseFailures({ ...other, sections }).length === 0).toBe(sameFigures);
      }),
    );
  });
});

describe("reading figures from prose", () => {
  it("reads Arabic, full-width and Chinese numerals, thousands commas and 万元", () => {
    expect(quotes("收到政府信息公开申请十二件，上年结转两件，办结１２件，结转下一年度二十件。")).toEqual([
      { key: "carriedForward", quoted: 20 },
      { key: "carriedOver", quoted: 2 },
      { key: "handled", quoted: 12 },
      { key: "received", quoted: 12 },
    ]);
    expect(quotes("通知收费金额共1,200元，实际收取0.12万元。")).toEqual([
      { key: "fees.collectedYuan", quoted: 1200 },
      { key: "fees.notifiedYuan", quoted: 1200 },
    ]);
    expect([..."零一二三四五六七八九"].map(parseQuotedNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(["十", "十一", "二十", "九十九", "两"].map(parseQuotedNumber)).toEqual([10, 11, 20, 99, 2]);
  });

  it("reads a stated absence of fees as zero collected", () => {
    expect(quotes("2022年度本机关未收取信息处理费。")).toEqual([{ key: "fees.collectedYuan", quoted: 0 }]);
  });

  it("ignores years, phone numbers, other units and look-alike phrases", () => {
    const text =
      "2022年，共公开部门工作信息125条、法规文件22件，电话：0356-2039067。" +
      "不予受理申请3件；行政事业性收费金额3万元；整改问题5个。";
    expect(quotes(text)).toEqual([]);
    expect(quotes("不予公开1件，予以公开2件")).toEqual([
      { key: "outcomes.granted", quoted: 2 },
      { key: "outcomes.withheld", quoted: 1 },
    ]);
  });

  it("reads each outcome group and table 四 from the 总计 column", () => {
    const report = seedReport("corrected");
    report.reviews.reconsideration = { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 };
    report.reviews.litigationAfterReconsideration = { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 };
    report.sections.problems = "被申请行政复议3件、被提起行政诉讼1件，其中被纠正2件，尚未审结1件。无法提供6件。";
    expect(proseFailures(report)).toEqual([]);
    report.sections.problems = "被申请行政复议3件、被提起行政诉讼2件，其中被纠正2件。";
    expect(proseFailures(report)).toMatchObject([{ where: "sections.problems", expected: 1, actual: 2 }]);
  });
});
