import { describe, expect, it } from "vitest";
import { csvField, reportToCsv } from "./csv";
import { seedReport } from "./fixtures";

describe("the report as CSV", () => {
  it("has the official labels and the figures, with a BOM", () => {
    const csv = reportToCsv(seedReport("corrected"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("一、本年新收政府信息公开申请数量,6,0,0,0,0,0,6");
    expect(csv).toContain("（四）无法提供 1.本机关不掌握相关政府信息,6,0,0,0,0,0,6");
    expect(csv).toContain("行政事业性收费,0");
  });

  it("defuses formulas and quotes separators", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField(-3)).toBe("-3");
  });
});
