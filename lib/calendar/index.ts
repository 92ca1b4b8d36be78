export {
  addDays,
  assertIsoDate,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  eachDate,
  isIsoDate,
  isWeekend,
  maxIsoDate,
  minIsoDate,
  todayInChina,
  weekdayName,
  yearOf,
  type IsoDate,
} from "./iso-date";
export {
  CalendarDataError,
  createWorkingCalendar,
  type CalendarData,
  type DayInfo,
  type DayKind,
  type NamedDay,
  type SkippedRun,
  type WorkingCalendar,
  type WorkingDayCount,
  type WorkingDayOptions,
} from "./working-calendar";
export {
  OFFICIAL_SCHEDULES,
  officialCalendarData,
  scheduleDays,
  type HolidayPeriod,
  type OfficialSchedule,
} from "./official-schedules";
export { statutoryHolidays, type FestivalName, type StatutoryHoliday } from "./statutory-holidays";
export {
  LUNAR_FESTIVAL_DATES,
  LUNAR_TABLE_FIRST_YEAR,
  LUNAR_TABLE_LAST_YEAR,
  lunarFestivalDates,
  type LunarFestivalDates,
} from "./lunar-dates";
export { describeMakeUpWorkdays, describeSkippedRun, describeSkippedRuns } from "./describe";
