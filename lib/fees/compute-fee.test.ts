import { describe, expect, it } from "vitest";
import { computeFee, type FeeRequest } from "./compute-fee";
import { feeForApplication, feeForApplicationsInMonth, feeForPages } from "./fees";

describe("computeFee per application", () => {
  it("explains 35 applications in a month band by band", () => {
    expect(computeFee({ method: "per_application", applications: 35 })).toEqual({
      method: "per_application",
      amount: 3000,
      bands: [
        { from: 1, to: 10, count: 10, unitPrice: 0, subtotal: 0 },
        { from: 11, to: 30, count: 20, unitPrice: 100, subtotal: 2000 },
        { from: 31, to: 35, count: 5, unitPrice: 200, subtotal: 1000 },
      ],
      explanation: "按件计收：第1–10件 10件免费；第11–30件 20件×100元＝2000元；第31–35件 5件×200元＝1000元；合计3000元",
    });
  });

  it("charges only the applications after those already filed this month", () => {
    const result = computeFee({ method: "per_application", applications: 3, earlierInMonth: 29 });
    expect(result.amount).toBe(100 + 200 + 200);
    expect(result.explanation).toBe("按件计收：第30件 1件×100元＝100元；第31–32件 2件×200元＝400元；合计500元");
  });

  it("charges one application alone at its place in the month", () => {
    for (const nth of [1, 10, 11, 31, 45, 61]) {
      expect(computeFee({ method: "per_application", applications: 1, earlierInMonth: nth - 1 }).amount).toBe(
        feeForApplication(nth),
      );
    }
  });

  it("agrees with feeForApplicationsInMonth when nothing came earlier", () => {
    for (const count of [1, 10, 11, 30, 31, 40, 41, 50, 51, 60, 61, 123]) {
      expect(computeFee({ method: "per_application", applications: count }).amount).toBe(
        feeForApplicationsInMonth(count),
      );
    }
  });

  it("says when nothing is due", () => {
    expect(computeFee({ method: "per_application", applications: 4 }).explanation).toBe(
      "按件计收：第1–4件 4件免费；合计0元",
    );
  });
});

describe("computeFee per page", () => {
  it("explains 150 pages band by band", () => {
    const result = computeFee({ method: "per_page", pages: 150 });
    expect(result.amount).toBe(1700);
    expect(result.bands).toEqual([
      { from: 1, to: 30, count: 30, unitPrice: 0, subtotal: 0 },
      { from: 31, to: 100, count: 70, unitPrice: 10, subtotal: 700 },
      { from: 101, to: 150, count: 50, unitPrice: 20, subtotal: 1000 },
    ]);
    expect(result.explanation).toBe("按量计收：第1–30页 30页免费；第31–100页 70页×10元＝700元；第101–150页 50页×20元＝1000元；合计1700元");
  });

  it("uses the open-ended top band for 201 pages and more", () => {
    const result = computeFee({ method: "per_page", pages: 205 });
    expect(result.bands.at(-1)).toEqual({ from: 201, to: 205, count: 5, unitPrice: 40, subtotal: 200 });
    expect(result.amount).toBe(feeForPages(205));
  });
});

describe("computeFee rejects invalid input", () => {
  it.each<FeeRequest>([
    { method: "per_page", pages: 0 },
    { method: "per_page", pages: 12.5 },
    { method: "per_application", applications: 0 },
    { method: "per_application", applications: -3 },
    { method: "per_application", applications: 2, earlierInMonth: -1 },
    { method: "per_application", applications: 2, earlierInMonth: 0.5 },
    { method: "per_application", applications: Number.NaN },
    { method: "per_application", applications: 1, earlierInMonth: 1_000_000 },
    { method: "per_page", pages: 1_000_001 },
  ])("%j", (request) => {
    expect(() => computeFee(request)).toThrow(RangeError);
  });
});
