import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, fromDayNumber, toDayNumber } from "./iso-date";
import { officialCalendarData } from "./official-schedules";
import { CalendarDataError, createWorkingCalendar } from "./working-calendar";

const official = createWorkingCalendar(officialCalendarData());

describe("createWorkingCalendar", () => {
  const small = createWorkingCalendar({
    holidays: [
      { date: "2022-01-31", name: "春节" },
      { date: "2022-02-01", name: "春节" },
      { date: "2022-02-02", name: "春节" },
    ],
    makeUpWorkdays: [{ date: "2022-01-29", name: "春节" }],
    publishedYears: [2022],
  });

  it("applies weekends, holidays and make-up days", () => {
    expect(small.dayInfo("2022-01-28")).toEqual({
      date: "2022-01-28",
      kind: "workday",
      working: true,
      name: null,
      provisional: false,
    });
    expect(small.dayInfo("2022-01-29")).toMatchObject({ kind: "make_up_workday", working: true, name: "春节" });
    expect(small.dayInfo("2022-01-30")).toMatchObject({ kind: "weekend", working: false });
    expect(small.dayInfo("2022-02-01")).toMatchObject({ kind: "holiday", working: false, name: "春节" });
  });

  it("does not count the start day, and reports skipped runs compactly with reasons", () => {
    const result = small.addWorkingDays("2022-01-28", 3);
    // 1-29 (make-up Saturday) is day 1, 1-30 Sunday and 1-31..2-2 春节 skipped, 2-3 day 2, 2-4 day 3.
    expect(result.date).toBe("2022-02-04");
    expect(result.makeUpWorkdaysCounted).toEqual([{ date: "2022-01-29", name: "春节" }]);
    expect(result.skipped).toEqual([
      { first: "2022-01-30", last: "2022-01-30", days: 1, kind: "weekend", reason: "周末", provisional: false },
      { first: "2022-01-31", last: "2022-02-02", days: 3, kind: "holiday", reason: "春节", provisional: false },
    ]);
    expect(result.provisional).toBe(false);
    expect(small.addWorkingDays("2022-01-28", 0).date).toBe("2022-01-28");
  });

  it("skips excluded working days with the caller's reason", () => {
    const result = small.addWorkingDays("2022-02-03", 2, {
      excluded: (date) => (date === "2022-02-04" || date === "2022-02-07" ? "暂停" : null),
    });
    expect(result.date).toBe("2022-02-09");
    expect(result.skipped.map((r) => `${r.first}..${r.last} ${r.kind} ${r.reason}`)).toEqual([
      "2022-02-04..2022-02-04 excluded 暂停",
      "2022-02-05..2022-02-06 weekend 周末",
      "2022-02-07..2022-02-07 excluded 暂停",
    ]);
    expect(small.countWorkingDays("2022-02-03", "2022-02-09")).toBe(4);
    expect(small.countWorkingDays("2022-02-03", "2022-02-09", { excluded: (d) => (d === "2022-02-04" ? "x" : null) })).toBe(3);
    expect(small.countWorkingDays("2022-02-09", "2022-02-03")).toBe(0);
  });

  it("falls back to statutory holidays and flags results in unpublished years as provisional", () => {
    expect(small.dayInfo("2027-02-09")).toEqual({
      date: "2027-02-09",
      kind: "holiday",
      working: false,
      name: "春节",
      provisional: true,
    });
    // Published 2022 ignores statutory days it does not list (the schedule decides).
    expect(small.dayInfo("2022-02-03").working).toBe(true);

    const across = official.addWorkingDays("2026-12-28", 5);
    // 12-29..12-31 (3), 2027-01-01 元旦 skipped, 1-2/1-3 weekend, 1-4 (4), 1-5 (5).
    expect(across.date).toBe("2027-01-05");
    expect(across.provisional).toBe(true);
    expect(across.unpublishedYears).toEqual([2027]);
    expect(across.skipped[0]).toMatchObject({ first: "2027-01-01", reason: "元旦", provisional: true });
    expect(official.addWorkingDays("2026-12-01", 5).provisional).toBe(false);
  });

  it("rejects inconsistent data with a message an administrator can act on", () => {
    const base = { holidays: [], makeUpWorkdays: [], publishedYears: [2024] };
    expect(() => createWorkingCalendar({ ...base, makeUpWorkdays: [{ date: "2024-10-08", name: "国庆节" }] })).toThrow(
      new CalendarDataError("调休上班日 2024-10-08 不是周六或周日"),
    );
    expect(() =>
      createWorkingCalendar({
        ...base,
        holidays: [{ date: "2024-10-12", name: "国庆节" }],
        makeUpWorkdays: [{ date: "2024-10-12", name: "国庆节" }],
      }),
    ).toThrow("2024-10-12 同时列为放假日和调休上班日");
    expect(() =>
      createWorkingCalendar({
        ...base,
        holidays: [
          { date: "2024-10-01", name: "国庆节" },
          { date: "2024-10-01", name: "国庆节" },
        ],
      }),
    ).toThrow("放假日中 2024-10-01 重复");
    expect(() => createWorkingCalendar({ ...base, holidays: [{ date: "2024-10-32", name: "国庆节" }] })).toThrow(RangeError);
    expect(() => small.addWorkingDays("2022-01-01", -1)).toThrow(RangeError);
  });
});

describe("addWorkingDays properties (official calendar)", () => {
  const date = fc
    .integer({ min: toDayNumber("2019-01-01"), max: toDayNumber("2027-12-31") })
    .map((n) => fromDayNumber(n));
  const count = fc.integer({ min: 0, max: 60 });

  it("lands on a working day and counts exactly n working days after the start", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const result = official.addWorkingDays(from, n);
        expect(official.isWorkingDay(result.date)).toBe(true);
        expect(official.countWorkingDays(from, result.date)).toBe(n);
        expect(official.countWorkingDays(from, addDays(result.date, -1))).toBe(n - 1);
      }),
    );
  });

  it("is additive: a + b working days is b working days after a working days", () => {
    fc.assert(
      fc.property(date, count, count, (from, a, b) => {
        const stepwise = official.addWorkingDays(official.addWorkingDays(from, a).date, b).date;
        expect(official.addWorkingDays(from, a + b).date).toBe(stepwise);
      }),
    );
  });

  it("skipped runs plus counted days account for every calendar day walked", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const result = official.addWorkingDays(from, n);
        const skippedDays = result.skipped.reduce((sum, run) => sum + run.days, 0);
        expect(skippedDays + n).toBe(toDayNumber(result.date) - toDayNumber(from));
        for (const run of result.skipped) {
          expect(official.isWorkingDay(run.first)).toBe(false);
          expect(official.isWorkingDay(run.last)).toBe(false);
        }
      }),
    );
  });
});
