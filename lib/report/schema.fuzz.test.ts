import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutatedJsonText } from "@/lib/testing/json-input";
import { seedReport } from "./fixtures";
import { runChecks } from "./checks";
import { annualReportSchema, parseAnnualReport } from "./schema";

/**
 * The report JSON import's parser (interfaces.md §1) under 10,000 generated documents, made from the seed report
 * by replacing values with anything, deleting and adding keys (`__proto__` included), cutting the text short, or
 * other JSON altogether: it never throws, a refusal names a place and a reason, and what it accepts is a report
 * that reads back through the same schema unchanged (as the stored snapshot will) and that the checks can run on.
 */

const seed = seedReport("corrected");

describe("the report JSON parser under generated documents", () => {
  it("parses 10,000 generated documents without throwing, and what it accepts reads back", () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedJsonText(seed), (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return;
        }
        const parsed = parseAnnualReport(json);
        if (!parsed.success) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const error of parsed.errors) {
            expect(typeof error.path).toBe("string");
            expect(error.message.length).toBeGreaterThan(0);
          }
          return;
        }
        accepted += 1;
        expect(Object.getPrototypeOf(parsed.report)).toBe(Object.prototype);
        const stored = JSON.parse(JSON.stringify(parsed.report)) as unknown;
        expect(annualReportSchema.parse(stored)).toEqual(parsed.report);
        expect(Array.isArray(runChecks(parsed.report, seed))).toBe(true);
      }),
      { numRuns: 10_000 },
    );
    // The control: unchanged and harmlessly changed documents do get through.
    expect(accepted).toBeGreaterThan(500);
  });
});
