import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeForApplication, feeForApplicationsInMonth, feeForPages } from "./fees";

describe("feeForApplication", () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [60, 400],
    [61, 500],
    [101, 900],
  ])("charges the application number %i in the month %i 元", (nth, fee) => {
    expect(feeForApplication(nth)).toBe(fee);
  });
});

describe("feeForApplicationsInMonth", () => {
  it("charges 35 applications in a month 20×100 + 5×200 = 3000 元 (domain.md §2)", () => {
    expect(feeForApplicationsInMonth(35)).toBe(3000);
  });

  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
    [51, 7400],
    [60, 11000],
    [61, 11500],
  ])("charges %i applications %i 元 in total", (count, total) => {
    expect(feeForApplicationsInMonth(count)).toBe(total);
  });

  it("is the sum of the fees of the applications 1..n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (count) => {
        let sum = 0;
        for (let nth = 1; nth <= count; nth++) sum += feeForApplication(nth);
        expect(feeForApplicationsInMonth(count)).toBe(sum);
      }),
    );
  });

  it("never decreases as the count grows, and neither does the fee per application", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100 }), (count, more) => {
        expect(feeForApplicationsInMonth(count + more)).toBeGreaterThanOrEqual(feeForApplicationsInMonth(count));
        expect(feeForApplication(count + more)).toBeGreaterThanOrEqual(feeForApplication(count));
      }),
    );
  });
});

describe("feeForPages", () => {
  it("charges 150 pages 70×10 + 50×20 = 1700 元 (domain.md §2)", () => {
    expect(feeForPages(150)).toBe(1700);
  });

  it.each([
    [1, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])("charges %i pages %i 元", (pages, fee) => {
    expect(feeForPages(pages)).toBe(fee);
  });

  it("never decreases as the page count grows, by at most 40 元 a page", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (pages) => {
        const increase = feeForPages(pages + 1) - feeForPages(pages);
        expect(increase).toBeGreaterThanOrEqual(0);
        expect(increase).toBeLessThanOrEqual(40);
      }),
    );
  });
});

describe("input limits", () => {
  it("accepts up to a million", () => {
    expect(feeForPages(1_000_000)).toBe(2700 + 999_800 * 40);
    // 999,991–1,000,000 is the band 31–40 moved up 99,996 tens: 200 + 99,996×100 元.
    expect(feeForApplication(1_000_000)).toBe(200 + 99_996 * 100);
  });
});

describe("invalid input", () => {
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_001])("rejects %d", (value) => {
    expect(() => feeForApplication(value)).toThrow(RangeError);
    expect(() => feeForApplicationsInMonth(value)).toThrow(RangeError);
    expect(() => feeForPages(value)).toThrow(RangeError);
  });
});
