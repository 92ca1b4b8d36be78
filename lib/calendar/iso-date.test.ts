import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  assertIsoDate,
  dayOfWeek,
  daysBetween,
  eachDate,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekdayName,
} from "./iso-date";

describe("isIsoDate", () => {
  it("accepts real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("2023-4-1")).toBe(false);
    expect(isIsoDate("2023-04-01T00:00:00Z")).toBe(false);
    expect(isIsoDate(20230401)).toBe(false);
  });

  it("names the bad value in Chinese when asserting", () => {
    expect(() => assertIsoDate("2023/04/01", "收到日期")).toThrow("收到日期格式无效：2023/04/01");
  });
});

describe("day arithmetic", () => {
  it("knows the weekday of dates from the domain notes", () => {
    expect(weekdayName("2023-10-07")).toBe("周六");
    expect(dayOfWeek("2022-01-25")).toBe(2);
    expect(weekdayName("2026-02-14")).toBe("周六");
    expect(weekdayName("1970-01-01")).toBe("周四");
  });

  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(eachDate("2025-01-30", "2025-02-02")).toEqual(["2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02"]);
  });

  describe("under any process time zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it.each(["Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"])("gives the same days in %s", (tz) => {
      process.env.TZ = tz;
      expect(addDays("2023-03-26", 1)).toBe("2023-03-27");
      expect(addDays("2023-11-05", 1)).toBe("2023-11-06");
      expect(dayOfWeek("2023-10-07")).toBe(6);
      expect(toDayNumber("2000-01-01")).toBe(10957);
    });
  });

  it("round-trips day numbers and keeps string order equal to date order", () => {
    const dayNumber = fc.integer({ min: toDayNumber("1900-01-01"), max: toDayNumber("2199-12-31") });
    fc.assert(
      fc.property(dayNumber, dayNumber, (a, b) => {
        const dateA = fromDayNumber(a);
        expect(isIsoDate(dateA)).toBe(true);
        expect(toDayNumber(dateA)).toBe(a);
        expect(dateA < fromDayNumber(b)).toBe(a < b);
        expect(dateA > fromDayNumber(b)).toBe(a > b);
        expect(daysBetween(dateA, fromDayNumber(b))).toBe(b - a);
      }),
    );
  });
});
