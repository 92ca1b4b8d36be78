import { addDays, compareIsoDates, isWeekend, type IsoDate } from "./iso-date";
import { lunarFestivalDates } from "./lunar-dates";

export type FestivalName = "元旦" | "春节" | "清明节" | "劳动节" | "端午节" | "中秋节" | "国庆节";

export interface StatutoryHoliday {
  date: IsoDate;
  name: FestivalName;
  /**
   * statutory: a day the 放假办法 names; substitute: the working day given in its place when it
   * falls on a weekend or on another festival (补假, art. 6 of the 放假办法).
   */
  kind: "statutory" | "substitute";
}

/** The 2024 revision of 全国年节及纪念日放假办法 applies from 1 January 2025. */
const REVISION_2024_FROM_YEAR = 2025;

interface Festival {
  name: FestivalName;
  dates: IsoDate[];
}

function festivalsOf(year: number): Festival[] {
  const revised = year >= REVISION_2024_FROM_YEAR;
  const fixed = (monthDay: string): IsoDate => `${String(year).padStart(4, "0")}-${monthDay}`;
  const festivals: Festival[] = [
    { name: "元旦", dates: [fixed("01-01")] },
    { name: "劳动节", dates: revised ? [fixed("05-01"), fixed("05-02")] : [fixed("05-01")] },
    { name: "国庆节", dates: [fixed("10-01"), fixed("10-02"), fixed("10-03")] },
  ];
  const lunar = lunarFestivalDates(year);
  if (lunar) {
    const newYear = lunar.springFestival;
    festivals.push(
      {
        name: "春节",
        dates: revised
          ? [addDays(newYear, -1), newYear, addDays(newYear, 1), addDays(newYear, 2)]
          : [newYear, addDays(newYear, 1), addDays(newYear, 2)],
      },
      { name: "清明节", dates: [lunar.qingming] },
      { name: "端午节", dates: [lunar.dragonBoat] },
      { name: "中秋节", dates: [lunar.midAutumn] },
    );
  }
  return festivals.sort((a, b) => compareIsoDates(a.dates[0] ?? "", b.dates[0] ?? ""));
}

/**
 * The days off that the law itself fixes for `year`, without the State Council's 调休.
 *
 * Rules: the 2024 revision from 2025 (春节 = 除夕 + 初一至初三, 劳动节 = 5-1 and 5-2), the 2013
 * revision before. A statutory day on a weekend, or on another festival's day, gets a substitute:
 * the first following weekday that is not already a day off — where every published schedule
 * 2019–2026 put it. Lunar festivals are included only for years in the lunar table
 * (see lunar-dates.ts); outside it only 元旦, 劳动节 and 国庆节 are known.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const festivals = festivalsOf(year);
  const daysOff = new Map<IsoDate, StatutoryHoliday>();
  const substitutesOwed = new Map<FestivalName, number>();

  for (const festival of festivals) {
    let owed = 0;
    for (const date of festival.dates) {
      if (daysOff.has(date)) {
        owed++;
        continue;
      }
      daysOff.set(date, { date, name: festival.name, kind: "statutory" });
      if (isWeekend(date)) owed++;
    }
    substitutesOwed.set(festival.name, owed);
  }

  for (const festival of festivals) {
    let owed = substitutesOwed.get(festival.name) ?? 0;
    let candidate = festival.dates[festival.dates.length - 1] ?? "";
    while (owed > 0) {
      candidate = addDays(candidate, 1);
      if (isWeekend(candidate) || daysOff.has(candidate)) continue;
      daysOff.set(candidate, { date: candidate, name: festival.name, kind: "substitute" });
      owed--;
    }
  }

  return [...daysOff.values()].sort((a, b) => compareIsoDates(a.date, b.date));
}
