import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDayNumber, isIsoDate, toDayNumber } from "./iso-date";

/** The Date-based conversions the arithmetic replaced, kept here as the reference. */
const MS_PER_DAY = 86_400_000;
function referenceDayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}
function referenceIsoDate(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}
function referenceIsValid(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

describe("date arithmetic without Date objects", () => {
  it("gives the same day numbers and dates as Date for every day from 1900 to 2200", () => {
    for (let n = referenceDayNumber(1900, 1, 1); n <= referenceDayNumber(2200, 12, 31); n++) {
      const iso = referenceIsoDate(n);
      expect(fromDayNumber(n)).toBe(iso);
      expect(toDayNumber(iso)).toBe(n);
    }
  });

  it("agrees with Date across years 0–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: referenceDayNumber(0, 1, 1), max: referenceDayNumber(9999, 12, 31) }), (n) => {
        const iso = referenceIsoDate(n);
        return fromDayNumber(n) === iso && toDayNumber(iso) === n;
      }),
      { numRuns: 20_000 },
    );
  });

  it("accepts exactly the dates Date accepts, leap days included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (year, month, day) => {
        const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        return isIsoDate(text) === (month >= 1 && month <= 12 && day >= 1 && referenceIsValid(year, month, day));
      }),
      { numRuns: 20_000 },
    );
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
  });
});
