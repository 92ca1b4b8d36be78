import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runChecks } from "./checks";
import { seedReport } from "./fixtures";
import { anyReport, consistentReport, numericCells } from "./fixtures/arbitraries";
import { generateProse } from "./prose";
import { CHECK_IDS, parseAnnualReport, type AnnualReport, type CheckId } from "./schema";

const ARITHMETIC: readonly CheckId[] = ["balance", "outcome-sum", "row-total", "review-total", "carry-over", "cells"];

function withDefaultProse(report: AnnualReport): AnnualReport {
  const prose = generateProse(report);
  const overview = `（二）依申请公开\n${prose.onRequest}`;
  return { ...report, sections: { overview, problems: prose.problems, other: prose.other } };
}

describe("checks on generated reports", () => {
  it("a consistent report with its default prose passes every check", () => {
    fc.assert(
      fc.property(consistentReport, ({ report, previous }) => {
        const results = runChecks(withDefaultProse(report), previous);
        expect(results.filter((r) => !r.ok)).toEqual([]);
        expect(results.map((r) => r.id)).toEqual([...CHECK_IDS]);
      }),
    );
  });

  it("changing any one cell of table 三 or 四 makes an arithmetic check fail", () => {
    const cellCount = numericCells(seedReport("corrected")).length;
    fc.assert(
      fc.property(
        consistentReport,
        fc.nat({ max: cellCount - 1 }),
        fc.integer({ min: -20, max: 20 }).filter((delta) => delta !== 0),
        ({ report, previous }, cellIndex, delta) => {
          const changed = structuredClone(report);
          numericCells(changed)[cellIndex]!.add(delta);
          const failed = runChecks(changed, previous).filter((r) => !r.ok && r.severity === "error");
          expect(failed.some((r) => ARITHMETIC.includes(r.id))).toBe(true);
        },
      ),
    );
  });

  it("never throws, lists every check that ran, and its default prose always agrees with the tables", () => {
    fc.assert(
      fc.property(anyReport, (report) => {
        const results = runChecks(withDefaultProse(report));
        expect(new Set(results.map((r) => r.id))).toEqual(
          new Set(CHECK_IDS.filter((id) => id !== "carry-over" && id !== "in-force")),
        );
        expect(results.filter((r) => r.id === "prose")).toEqual([expect.objectContaining({ ok: true })]);
      }),
    );
  });

  it("a report survives a round trip through its JSON", () => {
    fc.assert(
      fc.property(anyReport, (report) => {
        const parsed = parseAnnualReport(JSON.parse(JSON.stringify(report)));
        expect(parsed).toEqual({ success: true, report });
      }),
    );
  });
});
