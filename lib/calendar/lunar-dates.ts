import type { IsoDate } from "./iso-date";

/**
 * Gregorian dates of the lunar and solar-term festivals, per year, as Beijing-time calendar days.
 *
 * A table instead of a lunar-calendar algorithm: it is short, easy to check and easy to extend.
 * Checked against three independent computations (Meeus new-moon/solar-longitude series,
 * the 寿星 algorithm of lunar-javascript, and astronomy-engine). The close calls are
 * 2027 春节 (new moon 23:56 Beijing time on 2-6), 2030 春节 (00:07 on 2-3) and 2038 清明
 * (00:29 on 4-5); ICU's built-in Chinese calendar gets the two 春节 dates wrong by one day.
 *
 * 2019–2026 are here too so the statutory rules can be tested against the published schedules.
 */
export interface LunarFestivalDates {
  /** 正月初一 (除夕 is the day before). */
  springFestival: IsoDate;
  /** 清明 solar term (sun at ecliptic longitude 15°). */
  qingming: IsoDate;
  /** 五月初五. */
  dragonBoat: IsoDate;
  /** 八月十五. */
  midAutumn: IsoDate;
}

export const LUNAR_FESTIVAL_DATES: Readonly<Record<number, LunarFestivalDates>> = {
  2019: { springFestival: "2019-02-05", qingming: "2019-04-05", dragonBoat: "2019-06-07", midAutumn: "2019-09-13" },
  2020: { springFestival: "2020-01-25", qingming: "2020-04-04", dragonBoat: "2020-06-25", midAutumn: "2020-10-01" },
  2021: { springFestival: "2021-02-12", qingming: "2021-04-04", dragonBoat: "2021-06-14", midAutumn: "2021-09-21" },
  2022: { springFestival: "2022-02-01", qingming: "2022-04-05", dragonBoat: "2022-06-03", midAutumn: "2022-09-10" },
  2023: { springFestival: "2023-01-22", qingming: "2023-04-05", dragonBoat: "2023-06-22", midAutumn: "2023-09-29" },
  2024: { springFestival: "2024-02-10", qingming: "2024-04-04", dragonBoat: "2024-06-10", midAutumn: "2024-09-17" },
  2025: { springFestival: "2025-01-29", qingming: "2025-04-04", dragonBoat: "2025-05-31", midAutumn: "2025-10-06" },
  2026: { springFestival: "2026-02-17", qingming: "2026-04-05", dragonBoat: "2026-06-19", midAutumn: "2026-09-25" },
  2027: { springFestival: "2027-02-06", qingming: "2027-04-05", dragonBoat: "2027-06-09", midAutumn: "2027-09-15" },
  2028: { springFestival: "2028-01-26", qingming: "2028-04-04", dragonBoat: "2028-05-28", midAutumn: "2028-10-03" },
  2029: { springFestival: "2029-02-13", qingming: "2029-04-04", dragonBoat: "2029-06-16", midAutumn: "2029-09-22" },
  2030: { springFestival: "2030-02-03", qingming: "2030-04-05", dragonBoat: "2030-06-05", midAutumn: "2030-09-12" },
  2031: { springFestival: "2031-01-23", qingming: "2031-04-05", dragonBoat: "2031-06-24", midAutumn: "2031-10-01" },
  2032: { springFestival: "2032-02-11", qingming: "2032-04-04", dragonBoat: "2032-06-12", midAutumn: "2032-09-19" },
  2033: { springFestival: "2033-01-31", qingming: "2033-04-04", dragonBoat: "2033-06-01", midAutumn: "2033-09-08" },
  2034: { springFestival: "2034-02-19", qingming: "2034-04-05", dragonBoat: "2034-06-20", midAutumn: "2034-09-27" },
  2035: { springFestival: "2035-02-08", qingming: "2035-04-05", dragonBoat: "2035-06-10", midAutumn: "2035-09-16" },
  2036: { springFestival: "2036-01-28", qingming: "2036-04-04", dragonBoat: "2036-05-30", midAutumn: "2036-10-04" },
  2037: { springFestival: "2037-02-15", qingming: "2037-04-04", dragonBoat: "2037-06-18", midAutumn: "2037-09-24" },
  2038: { springFestival: "2038-02-04", qingming: "2038-04-05", dragonBoat: "2038-06-07", midAutumn: "2038-09-13" },
  2039: { springFestival: "2039-01-24", qingming: "2039-04-05", dragonBoat: "2039-05-27", midAutumn: "2039-10-02" },
  2040: { springFestival: "2040-02-12", qingming: "2040-04-04", dragonBoat: "2040-06-14", midAutumn: "2040-09-20" },
};

export const LUNAR_TABLE_FIRST_YEAR = 2019;
export const LUNAR_TABLE_LAST_YEAR = 2040;

export function lunarFestivalDates(year: number): LunarFestivalDates | null {
  return LUNAR_FESTIVAL_DATES[year] ?? null;
}
