import "server-only";
import { createWorkingCalendar, type WorkingCalendar } from "@/lib/calendar";
import type { Db } from "@/db/client";
import { calendarDays, calendarYears } from "@/db/schema";

/** The working-day calendar as the database holds it now; a few hundred rows, read per request. */
export function loadWorkingCalendar(tx: Db): WorkingCalendar {
  const days = tx.select().from(calendarDays).all();
  const years = tx.select({ year: calendarYears.year }).from(calendarYears).all();
  return createWorkingCalendar({
    holidays: days.filter((day) => day.kind === "holiday").map(({ date, name }) => ({ date, name })),
    makeUpWorkdays: days.filter((day) => day.kind === "make_up_workday").map(({ date, name }) => ({ date, name })),
    publishedYears: years.map((row) => row.year),
  });
}
