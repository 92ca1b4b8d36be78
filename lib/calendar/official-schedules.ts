import { eachDate, type IsoDate } from "./iso-date";
import type { CalendarData, NamedDay } from "./working-calendar";

/** One numbered item of a notice: a block of days off and the weekend days worked for it. */
export interface HolidayPeriod {
  /** As the notice names it, e.g. 春节, 中秋节、国庆节. */
  name: string;
  /** First and last day off; every day between them is off, weekend days included. */
  first: IsoDate;
  last: IsoDate;
  /** Weekend days that are working days (调休上班). */
  makeUpWorkdays: readonly IsoDate[];
  /** A later notice that changed this item; the dates above are the changed ones. */
  amendedBy?: { documentNumber: string; title: string; issuedOn: IsoDate; change: string };
}

export interface OfficialSchedule {
  year: number;
  title: string;
  documentNumber: string;
  issuedOn: IsoDate;
  periods: readonly HolidayPeriod[];
}

/**
 * 国务院办公厅关于XXXX年部分节假日安排的通知, 2019–2026, transcribed from the notices' text.
 * Items saying 「X月X日放假，与周末连休」 list only that day: the adjacent weekend is an ordinary
 * weekend. Days of a year's 元旦 that fall in December belong to that year's notice.
 */
export const OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = [
  {
    year: 2019,
    title: "国务院办公厅关于2019年部分节假日安排的通知",
    documentNumber: "国办发明电〔2018〕15号",
    issuedOn: "2018-12-04",
    periods: [
      { name: "元旦", first: "2018-12-30", last: "2019-01-01", makeUpWorkdays: ["2018-12-29"] },
      { name: "春节", first: "2019-02-04", last: "2019-02-10", makeUpWorkdays: ["2019-02-02", "2019-02-03"] },
      { name: "清明节", first: "2019-04-05", last: "2019-04-05", makeUpWorkdays: [] },
      {
        name: "劳动节",
        first: "2019-05-01",
        last: "2019-05-04",
        makeUpWorkdays: ["2019-04-28", "2019-05-05"],
        amendedBy: {
          documentNumber: "国办发明电〔2019〕3号",
          title: "国务院办公厅关于调整2019年劳动节假期安排的通知",
          issuedOn: "2019-03-22",
          change: "原定5月1日放假1天，调整为5月1日至4日放假调休，4月28日、5月5日上班",
        },
      },
      { name: "端午节", first: "2019-06-07", last: "2019-06-07", makeUpWorkdays: [] },
      { name: "中秋节", first: "2019-09-13", last: "2019-09-13", makeUpWorkdays: [] },
      { name: "国庆节", first: "2019-10-01", last: "2019-10-07", makeUpWorkdays: ["2019-09-29", "2019-10-12"] },
    ],
  },
  {
    year: 2020,
    title: "国务院办公厅关于2020年部分节假日安排的通知",
    documentNumber: "国办发明电〔2019〕16号",
    issuedOn: "2019-11-21",
    periods: [
      { name: "元旦", first: "2020-01-01", last: "2020-01-01", makeUpWorkdays: [] },
      {
        name: "春节",
        first: "2020-01-24",
        last: "2020-02-02",
        makeUpWorkdays: ["2020-01-19"],
        amendedBy: {
          documentNumber: "国办发明电〔2020〕1号",
          title: "国务院办公厅关于延长2020年春节假期的通知",
          issuedOn: "2020-01-26",
          change: "原定1月24日至30日放假、2月1日（星期六）上班，延长假期至2月2日，2月3日起正常上班",
        },
      },
      { name: "清明节", first: "2020-04-04", last: "2020-04-06", makeUpWorkdays: [] },
      { name: "劳动节", first: "2020-05-01", last: "2020-05-05", makeUpWorkdays: ["2020-04-26", "2020-05-09"] },
      { name: "端午节", first: "2020-06-25", last: "2020-06-27", makeUpWorkdays: ["2020-06-28"] },
      {
        name: "国庆节、中秋节",
        first: "2020-10-01",
        last: "2020-10-08",
        makeUpWorkdays: ["2020-09-27", "2020-10-10"],
      },
    ],
  },
  {
    year: 2021,
    title: "国务院办公厅关于2021年部分节假日安排的通知",
    documentNumber: "国办发明电〔2020〕27号",
    issuedOn: "2020-11-25",
    periods: [
      { name: "元旦", first: "2021-01-01", last: "2021-01-03", makeUpWorkdays: [] },
      { name: "春节", first: "2021-02-11", last: "2021-02-17", makeUpWorkdays: ["2021-02-07", "2021-02-20"] },
      { name: "清明节", first: "2021-04-03", last: "2021-04-05", makeUpWorkdays: [] },
      { name: "劳动节", first: "2021-05-01", last: "2021-05-05", makeUpWorkdays: ["2021-04-25", "2021-05-08"] },
      { name: "端午节", first: "2021-06-12", last: "2021-06-14", makeUpWorkdays: [] },
      { name: "中秋节", first: "2021-09-19", last: "2021-09-21", makeUpWorkdays: ["2021-09-18"] },
      { name: "国庆节", first: "2021-10-01", last: "2021-10-07", makeUpWorkdays: ["2021-09-26", "2021-10-09"] },
    ],
  },
  {
    year: 2022,
    title: "国务院办公厅关于2022年部分节假日安排的通知",
    documentNumber: "国办发明电〔2021〕11号",
    issuedOn: "2021-10-25",
    periods: [
      { name: "元旦", first: "2022-01-01", last: "2022-01-03", makeUpWorkdays: [] },
      { name: "春节", first: "2022-01-31", last: "2022-02-06", makeUpWorkdays: ["2022-01-29", "2022-01-30"] },
      { name: "清明节", first: "2022-04-03", last: "2022-04-05", makeUpWorkdays: ["2022-04-02"] },
      { name: "劳动节", first: "2022-04-30", last: "2022-05-04", makeUpWorkdays: ["2022-04-24", "2022-05-07"] },
      { name: "端午节", first: "2022-06-03", last: "2022-06-05", makeUpWorkdays: [] },
      { name: "中秋节", first: "2022-09-10", last: "2022-09-12", makeUpWorkdays: [] },
      { name: "国庆节", first: "2022-10-01", last: "2022-10-07", makeUpWorkdays: ["2022-10-08", "2022-10-09"] },
    ],
  },
  {
    year: 2023,
    title: "国务院办公厅关于2023年部分节假日安排的通知",
    documentNumber: "国办发明电〔2022〕16号",
    issuedOn: "2022-12-08",
    periods: [
      { name: "元旦", first: "2022-12-31", last: "2023-01-02", makeUpWorkdays: [] },
      { name: "春节", first: "2023-01-21", last: "2023-01-27", makeUpWorkdays: ["2023-01-28", "2023-01-29"] },
      { name: "清明节", first: "2023-04-05", last: "2023-04-05", makeUpWorkdays: [] },
      { name: "劳动节", first: "2023-04-29", last: "2023-05-03", makeUpWorkdays: ["2023-04-23", "2023-05-06"] },
      { name: "端午节", first: "2023-06-22", last: "2023-06-24", makeUpWorkdays: ["2023-06-25"] },
      {
        name: "中秋节、国庆节",
        first: "2023-09-29",
        last: "2023-10-06",
        makeUpWorkdays: ["2023-10-07", "2023-10-08"],
      },
    ],
  },
  {
    year: 2024,
    title: "国务院办公厅关于2024年部分节假日安排的通知",
    documentNumber: "国办发明电〔2023〕7号",
    issuedOn: "2023-10-25",
    periods: [
      { name: "元旦", first: "2024-01-01", last: "2024-01-01", makeUpWorkdays: [] },
      // 除夕 (2-9) was only "encouraged" as a day off, so it stays a working day.
      { name: "春节", first: "2024-02-10", last: "2024-02-17", makeUpWorkdays: ["2024-02-04", "2024-02-18"] },
      { name: "清明节", first: "2024-04-04", last: "2024-04-06", makeUpWorkdays: ["2024-04-07"] },
      { name: "劳动节", first: "2024-05-01", last: "2024-05-05", makeUpWorkdays: ["2024-04-28", "2024-05-11"] },
      { name: "端午节", first: "2024-06-10", last: "2024-06-10", makeUpWorkdays: [] },
      { name: "中秋节", first: "2024-09-15", last: "2024-09-17", makeUpWorkdays: ["2024-09-14"] },
      { name: "国庆节", first: "2024-10-01", last: "2024-10-07", makeUpWorkdays: ["2024-09-29", "2024-10-12"] },
    ],
  },
  {
    year: 2025,
    title: "国务院办公厅关于2025年部分节假日安排的通知",
    documentNumber: "国办发明电〔2024〕12号",
    issuedOn: "2024-11-12",
    periods: [
      { name: "元旦", first: "2025-01-01", last: "2025-01-01", makeUpWorkdays: [] },
      { name: "春节", first: "2025-01-28", last: "2025-02-04", makeUpWorkdays: ["2025-01-26", "2025-02-08"] },
      { name: "清明节", first: "2025-04-04", last: "2025-04-06", makeUpWorkdays: [] },
      { name: "劳动节", first: "2025-05-01", last: "2025-05-05", makeUpWorkdays: ["2025-04-27"] },
      { name: "端午节", first: "2025-05-31", last: "2025-06-02", makeUpWorkdays: [] },
      {
        name: "国庆节、中秋节",
        first: "2025-10-01",
        last: "2025-10-08",
        makeUpWorkdays: ["2025-09-28", "2025-10-11"],
      },
    ],
  },
  {
    year: 2026,
    title: "国务院办公厅关于2026年部分节假日安排的通知",
    documentNumber: "国办发明电〔2025〕7号",
    issuedOn: "2025-11-04",
    periods: [
      { name: "元旦", first: "2026-01-01", last: "2026-01-03", makeUpWorkdays: ["2026-01-04"] },
      { name: "春节", first: "2026-02-15", last: "2026-02-23", makeUpWorkdays: ["2026-02-14", "2026-02-28"] },
      { name: "清明节", first: "2026-04-04", last: "2026-04-06", makeUpWorkdays: [] },
      { name: "劳动节", first: "2026-05-01", last: "2026-05-05", makeUpWorkdays: ["2026-05-09"] },
      { name: "端午节", first: "2026-06-19", last: "2026-06-21", makeUpWorkdays: [] },
      { name: "中秋节", first: "2026-09-25", last: "2026-09-27", makeUpWorkdays: [] },
      { name: "国庆节", first: "2026-10-01", last: "2026-10-07", makeUpWorkdays: ["2026-09-20", "2026-10-10"] },
    ],
  },
];

/** A notice's items spelled out day by day, the form a database table of calendar days holds. */
export function scheduleDays(schedule: OfficialSchedule): Pick<CalendarData, "holidays" | "makeUpWorkdays"> {
  const holidays: NamedDay[] = [];
  const makeUpWorkdays: NamedDay[] = [];
  for (const period of schedule.periods) {
    for (const date of eachDate(period.first, period.last)) holidays.push({ date, name: period.name });
    for (const date of period.makeUpWorkdays) makeUpWorkdays.push({ date, name: period.name });
  }
  return { holidays, makeUpWorkdays };
}

/** Calendar data for every notice above; the seed for the administrator-editable calendar. */
export function officialCalendarData(): CalendarData {
  const days = OFFICIAL_SCHEDULES.map(scheduleDays);
  return {
    holidays: days.flatMap((d) => d.holidays),
    makeUpWorkdays: days.flatMap((d) => d.makeUpWorkdays),
    publishedYears: OFFICIAL_SCHEDULES.map((s) => s.year),
  };
}
