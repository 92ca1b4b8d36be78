/**
 * Calendar dates as 'YYYY-MM-DD' strings.
 *
 * All arithmetic goes through a day number (days since 1970-01-01) computed in UTC, so the
 * server's time zone can never shift a date by one day.
 */
export type IsoDate = string;

export const WEEKDAY_NAMES = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"] as const;

// Day numbers by integer arithmetic on the proleptic Gregorian calendar (the one JavaScript's Date uses),
// without building Date objects: the deadline engine converts dates thousands of times per application.
// After H. Hinnant, "chrono-compatible low-level date algorithms" (days_from_civil / civil_from_days).

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The digits at `from`..`to` (exclusive) as a number, or -1 when any of them is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** 'YYYY-MM-DD' (four, two and two ASCII digits) naming a real calendar day; checked without a RegExp. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function assertIsoDate(value: unknown, label = "日期"): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${label}格式无效：${String(value)}（应为 YYYY-MM-DD）`);
  }
  return value;
}

export function toDayNumber(date: IsoDate): number {
  assertIsoDate(date);
  return daysFromCivil(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 (day 0) was a Thursday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)] ?? "";
}

export function yearOf(date: IsoDate): number {
  return Number(assertIsoDate(date).slice(0, 4));
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

/** Every date from `first` to `last`, both included. */
export function eachDate(first: IsoDate, last: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let day = toDayNumber(first); day <= toDayNumber(last); day++) dates.push(fromDayNumber(day));
  return dates;
}

/** Today's date in China (UTC+8, no daylight saving), whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
