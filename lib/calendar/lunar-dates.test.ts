import { describe, expect, it } from "vitest";
import { daysBetween } from "./iso-date";
import { LUNAR_FESTIVAL_DATES, LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR, lunarFestivalDates } from "./lunar-dates";

const SYNODIC_MONTH = 29.530589;
const years = Object.keys(LUNAR_FESTIVAL_DATES).map(Number);

/** Whole lunar months between two days of month, tolerating a day of rounding either way. */
function monthsApart(fromDay: string, toDay: string, dayOffset: number): number {
  const months = (daysBetween(fromDay, toDay) - dayOffset) / SYNODIC_MONTH;
  expect(Math.abs(months - Math.round(months)) * SYNODIC_MONTH).toBeLessThanOrEqual(1.5);
  return Math.round(months);
}

describe("lunar festival table", () => {
  it("covers every year of its stated range and nothing else", () => {
    expect(years).toEqual(
      Array.from({ length: LUNAR_TABLE_LAST_YEAR - LUNAR_TABLE_FIRST_YEAR + 1 }, (_, i) => LUNAR_TABLE_FIRST_YEAR + i),
    );
    expect(lunarFestivalDates(2041)).toBeNull();
  });

  it.each(years)("%i: dates lie in their year and seasons", (year) => {
    const d = LUNAR_FESTIVAL_DATES[year]!;
    for (const date of Object.values(d)) expect(date.startsWith(`${year}-`)).toBe(true);
    expect(d.springFestival >= `${year}-01-21` && d.springFestival <= `${year}-02-20`).toBe(true);
    expect([`${year}-04-04`, `${year}-04-05`]).toContain(d.qingming);
    expect(d.midAutumn >= `${year}-09-07` && d.midAutumn <= `${year}-10-08`).toBe(true);
  });

  it.each(years)("%i: 端午 is 4 or 5 lunar months after 正月初一, 中秋 7 or 8 (leap month)", (year) => {
    const d = LUNAR_FESTIVAL_DATES[year]!;
    expect([4, 5]).toContain(monthsApart(d.springFestival, d.dragonBoat, 4));
    expect([7, 8]).toContain(monthsApart(d.springFestival, d.midAutumn, 14));
  });

  it("spring festivals of consecutive years are 12 or 13 lunar months apart", () => {
    for (const year of years.slice(1)) {
      expect([12, 13]).toContain(
        monthsApart(LUNAR_FESTIVAL_DATES[year - 1]!.springFestival, LUNAR_FESTIVAL_DATES[year]!.springFestival, 0),
      );
    }
  });
});
