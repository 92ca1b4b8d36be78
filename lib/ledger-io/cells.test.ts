import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defuseFormula, restoreFormula } from "./cells";

describe("formula injection", () => {
  it.each(["=1+1", "+86 13812345678", "-某某", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\")"])("defuses %j with an apostrophe", (text) => {
    expect(defuseFormula(text)).toBe(`'${text}`);
    expect(restoreFormula(defuseFormula(text))).toBe(text);
  });

  it("leaves ordinary text alone, apostrophes included", () => {
    for (const text of ["张三", "2022-01-05", "'引号开头", "a=b", ""]) {
      expect(defuseFormula(text)).toBe(text);
      expect(restoreFormula(text)).toBe(text);
    }
  });

  it("round-trips any text, however many apostrophes it starts with", () => {
    fc.assert(fc.property(fc.string(), (text) => restoreFormula(defuseFormula(text)) === text));
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string(), (quotes, start, rest) => {
      const text = `${"'".repeat(quotes)}${start}${rest}`;
      return restoreFormula(defuseFormula(text)) === text && defuseFormula(text).startsWith("'");
    }));
  });
});
