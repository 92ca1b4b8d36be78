import {
  assertIsoDate,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  yearOf,
  type IsoDate,
} from "./iso-date";
import { statutoryHolidays } from "./statutory-holidays";

/** A dated entry of the calendar with the festival it belongs to (e.g. 春节, 国庆节、中秋节). */
export interface NamedDay {
  date: IsoDate;
  name: string;
}

/** What an administrator edits: the published schedules, as days. */
export interface CalendarData {
  /** Days off, weekdays or weekend days, each with its festival name. */
  holidays: readonly NamedDay[];
  /** Weekend days declared working days (调休上班), with the festival they make up for. */
  makeUpWorkdays: readonly NamedDay[];
  /** Years whose State Council schedule is published and entered in full. */
  publishedYears: readonly number[];
}

export type DayKind = "workday" | "weekend" | "holiday" | "make_up_workday";

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** Festival name for holidays and make-up working days, otherwise null. */
  name: string | null;
  /** The day's year has no published schedule: its status may still change (暂定). */
  provisional: boolean;
}

export interface SkippedRun {
  first: IsoDate;
  last: IsoDate;
  /** Number of days in the run. */
  days: number;
  /** weekend / holiday: not a working day; excluded: a working day the caller asked to skip. */
  kind: "weekend" | "holiday" | "excluded";
  /** 周末, the festival name, or the caller's reason. */
  reason: string;
  provisional: boolean;
}

export interface WorkingDayCount {
  from: IsoDate;
  workingDays: number;
  /** The n-th counted working day after `from`. */
  date: IsoDate;
  /** Consecutive skipped days with the same reason, in date order. */
  skipped: SkippedRun[];
  /** Make-up working days (调休上班) that were counted. */
  makeUpWorkdaysCounted: NamedDay[];
  /** Some day after `from` up to `date` lies in a year without a published schedule. */
  provisional: boolean;
  unpublishedYears: number[];
}

export interface WorkingDayOptions {
  /** Working days on which counting is suspended: return a reason, or null to count the day. */
  excluded?: (date: IsoDate) => string | null;
}

export interface WorkingCalendar {
  readonly publishedYears: readonly number[];
  isPublishedYear(year: number): boolean;
  dayInfo(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `from`; `from` itself is never counted. */
  addWorkingDays(from: IsoDate, n: number, options?: WorkingDayOptions): WorkingDayCount;
  /** Working days d with after < d ≤ through (0 when through ≤ after). */
  countWorkingDays(after: IsoDate, through: IsoDate, options?: WorkingDayOptions): number;
}

export class CalendarDataError extends Error {
  override name = "CalendarDataError";
}

/** A walk longer than this means the `excluded` callback never lets a day count. */
const MAX_WALK_DAYS = 366 * 30;

function indexDays(days: readonly NamedDay[], listName: string): Map<IsoDate, string> {
  const index = new Map<IsoDate, string>();
  for (const day of days) {
    const date = assertIsoDate(day.date, `${listName}日期`);
    if (index.has(date)) throw new CalendarDataError(`${listName}中 ${date} 重复`);
    if (!day.name.trim()) throw new CalendarDataError(`${listName} ${date} 缺少节日名称`);
    index.set(date, day.name);
  }
  return index;
}

function freezeCount(count: WorkingDayCount): WorkingDayCount {
  count.skipped.forEach((run) => Object.freeze(run));
  count.makeUpWorkdaysCounted.forEach((day) => Object.freeze(day));
  Object.freeze(count.skipped);
  Object.freeze(count.makeUpWorkdaysCounted);
  Object.freeze(count.unpublishedYears);
  return Object.freeze(count);
}

export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  const holidays = indexDays(data.holidays, "放假日");
  const makeUpWorkdays = indexDays(data.makeUpWorkdays, "调休上班日");
  for (const [date] of makeUpWorkdays) {
    if (!isWeekend(date)) throw new CalendarDataError(`调休上班日 ${date} 不是周六或周日`);
    if (holidays.has(date)) throw new CalendarDataError(`${date} 同时列为放假日和调休上班日`);
  }
  for (const year of data.publishedYears) {
    if (!Number.isInteger(year)) throw new CalendarDataError(`已公布年份无效：${year}`);
  }
  const publishedYears = [...new Set(data.publishedYears)].sort((a, b) => a - b);
  const published = new Set(publishedYears);

  // For unpublished years the statutory days off apply; entered data still takes precedence.
  const statutoryByYear = new Map<number, Map<IsoDate, string>>();
  function statutoryDayOff(date: IsoDate, year: number): string | undefined {
    let days = statutoryByYear.get(year);
    if (!days) {
      days = new Map(statutoryHolidays(year).map((h) => [h.date, h.name]));
      statutoryByYear.set(year, days);
    }
    return days.get(date);
  }

  // The deadline engine asks about the same few hundred days over and over (an import: for every row), and
  // the answer for a day never changes within one calendar: keep each, frozen so no caller can alter it.
  const known = new Map<IsoDate, DayInfo>();
  function dayInfo(date: IsoDate): DayInfo {
    let info = known.get(date);
    if (info === undefined) {
      info = Object.freeze(computeDayInfo(date));
      if (known.size >= 100_000) known.clear();
      known.set(date, info);
    }
    return info;
  }

  function computeDayInfo(date: IsoDate): DayInfo {
    const year = yearOf(date);
    const provisional = !published.has(year);
    const holidayName = holidays.get(date) ?? (provisional ? statutoryDayOff(date, year) : undefined);
    const makeUpName = makeUpWorkdays.get(date);
    if (makeUpName !== undefined) {
      return { date, kind: "make_up_workday", working: true, name: makeUpName, provisional };
    }
    if (holidayName !== undefined) {
      return { date, kind: "holiday", working: false, name: holidayName, provisional };
    }
    if (isWeekend(date)) return { date, kind: "weekend", working: false, name: null, provisional };
    return { date, kind: "workday", working: true, name: null, provisional };
  }

  function walk(from: IsoDate, n: number, options: WorkingDayOptions = {}): WorkingDayCount {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数无效：${n}`);
    const start = toDayNumber(from);
    const skipped: SkippedRun[] = [];
    const makeUpWorkdaysCounted: NamedDay[] = [];
    const unpublishedYears = new Set<number>();
    let counted = 0;
    let day = start;

    function skip(date: IsoDate, kind: SkippedRun["kind"], reason: string, provisional: boolean) {
      const last = skipped[skipped.length - 1];
      if (last && last.kind === kind && last.reason === reason && toDayNumber(last.last) === day - 1) {
        last.last = date;
        last.days++;
        last.provisional ||= provisional;
      } else {
        skipped.push({ first: date, last: date, days: 1, kind, reason, provisional });
      }
    }

    while (counted < n) {
      day++;
      if (day - start > MAX_WALK_DAYS) throw new RangeError(`自 ${from} 起无法数满 ${n} 个工作日`);
      const date = fromDayNumber(day);
      const info = dayInfo(date);
      if (info.provisional) unpublishedYears.add(yearOf(date));
      if (!info.working) {
        skip(date, info.kind === "holiday" ? "holiday" : "weekend", info.name ?? "周末", info.provisional);
        continue;
      }
      const excludedReason = options.excluded?.(date) ?? null;
      if (excludedReason !== null) {
        skip(date, "excluded", excludedReason, info.provisional);
        continue;
      }
      counted++;
      if (info.kind === "make_up_workday") makeUpWorkdaysCounted.push({ date, name: info.name ?? "" });
    }

    return {
      from,
      workingDays: n,
      date: fromDayNumber(day),
      skipped,
      makeUpWorkdaysCounted,
      provisional: unpublishedYears.size > 0,
      unpublishedYears: [...unpublishedYears].sort((a, b) => a - b),
    };
  }

  // A count without exclusions depends on nothing but its start and length: the engine makes the same few
  // counts for every application received on the same day. Each is kept, frozen all the way down.
  const plainWalks = new Map<string, WorkingDayCount>();
  function plainWalk(from: IsoDate, n: number): WorkingDayCount {
    const key = `${from}|${n}`;
    let count = plainWalks.get(key);
    if (count === undefined) {
      count = freezeCount(walk(from, n));
      if (plainWalks.size >= 100_000) plainWalks.clear();
      plainWalks.set(key, count);
    }
    return count;
  }

  function countWorkingDays(after: IsoDate, through: IsoDate, options: WorkingDayOptions = {}): number {
    let count = 0;
    for (let day = toDayNumber(after) + 1; day <= toDayNumber(through); day++) {
      const date = fromDayNumber(day);
      if (dayInfo(date).working && (options.excluded?.(date) ?? null) === null) count++;
    }
    return count;
  }

  return {
    publishedYears,
    isPublishedYear: (year) => published.has(year),
    dayInfo: (date) => dayInfo(assertIsoDate(date)),
    isWorkingDay: (date) => dayInfo(assertIsoDate(date)).working,
    addWorkingDays: (from, n, options) => (options?.excluded ? walk(assertIsoDate(from, "起算日"), n, options) : plainWalk(assertIsoDate(from, "起算日"), n)),
    countWorkingDays: (after, through, options) =>
      countWorkingDays(assertIsoDate(after), assertIsoDate(through), options),
  };
}
