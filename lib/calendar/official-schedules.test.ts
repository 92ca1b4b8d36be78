import { describe, expect, it } from "vitest";
import { eachDate, isWeekend } from "./iso-date";
import { OFFICIAL_SCHEDULES, officialCalendarData } from "./official-schedules";
import { statutoryHolidays } from "./statutory-holidays";
import { createWorkingCalendar } from "./working-calendar";
import { DOMAIN_VECTORS } from "./domain-vectors";

const calendar = createWorkingCalendar(officialCalendarData());


describe("official schedules against the domain test vectors", () => {
  it.each(DOMAIN_VECTORS)("receipt %s → %s / %s / %s", (receipt, seventh, twentieth, extended) => {
    expect(calendar.addWorkingDays(receipt, 7).date).toBe(seventh);
    expect(calendar.addWorkingDays(receipt, 20).date).toBe(twentieth);
    expect(calendar.addWorkingDays(twentieth, 20).date).toBe(extended);
    expect(calendar.addWorkingDays(receipt, 20).provisional).toBe(false);
  });

  it("has the make-up days and holidays the domain notes name", () => {
    expect(calendar.dayInfo("2023-10-07")).toMatchObject({ kind: "make_up_workday", working: true });
    for (const date of eachDate("2025-01-28", "2025-02-04")) expect(calendar.dayInfo(date).name).toBe("春节");
    for (const date of ["2025-01-26", "2025-02-08"]) expect(calendar.dayInfo(date).kind).toBe("make_up_workday");
    for (const date of eachDate("2025-10-01", "2025-10-08")) expect(calendar.isWorkingDay(date)).toBe(false);
    for (const date of ["2025-09-28", "2025-10-11"]) expect(calendar.isWorkingDay(date)).toBe(true);
    for (const date of eachDate("2026-02-15", "2026-02-23")) expect(calendar.isWorkingDay(date)).toBe(false);
    for (const date of ["2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"]) {
      expect(calendar.isWorkingDay(date)).toBe(true);
    }
    for (const date of eachDate("2026-10-01", "2026-10-07")) expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.isWorkingDay("2026-10-08")).toBe(true);
    // 2020: the COVID-19 extension cancelled the make-up Saturday 2-1.
    expect(calendar.isWorkingDay("2020-01-31")).toBe(false);
    expect(calendar.isWorkingDay("2020-02-01")).toBe(false);
    expect(calendar.isWorkingDay("2020-02-03")).toBe(true);
    // 2024: 除夕 2-9 was not a day off.
    expect(calendar.isWorkingDay("2024-02-09")).toBe(true);
  });
});

describe("official schedule data is internally consistent", () => {
  it("lists one notice per year 2019–2026, published", () => {
    expect(OFFICIAL_SCHEDULES.map((s) => s.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(calendar.publishedYears).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each(OFFICIAL_SCHEDULES.map((s) => [s.year, s] as const))("%i: periods are ordered and make-up days are weekends outside them", (_, schedule) => {
    let previousLast = "";
    for (const period of schedule.periods) {
      expect(period.first <= period.last).toBe(true);
      expect(period.first > previousLast).toBe(true);
      previousLast = period.last;
      for (const date of period.makeUpWorkdays) {
        expect(isWeekend(date)).toBe(true);
        expect(date < period.first || date > period.last).toBe(true);
      }
    }
  });

  it.each(OFFICIAL_SCHEDULES.map((s) => [s.year, s] as const))(
    "%i: every statutory day and substitute is inside a period, and weekday days off beyond them are paid back by make-up days",
    (year, schedule) => {
      const statutory = statutoryHolidays(year);
      for (const holiday of statutory) expect(calendar.dayInfo(holiday.date).kind).toBe("holiday");
      for (const period of schedule.periods) {
        if (period.amendedBy?.documentNumber === "国办发明电〔2020〕1号") continue; // extra days off, unpaid
        const daysOff = eachDate(period.first, period.last);
        const weekdaysOff = daysOff.filter((d) => !isWeekend(d)).length;
        const statutoryWeekdays = statutory.filter((h) => daysOff.includes(h.date) && !isWeekend(h.date)).length;
        expect(weekdaysOff - period.makeUpWorkdays.length).toBe(statutoryWeekdays);
      }
    },
  );
});
