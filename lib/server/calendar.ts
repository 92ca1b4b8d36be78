import "server-only";
import type { AuditAction } from "@/lib/audit/schemas";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { db, writeTransaction, type Db } from "@/db/client";
import { calendarDays, calendarYears } from "@/db/schema";
import { statutoryHolidays, todayInChina } from "@/lib/calendar";
import { calendarDateSchema, calendarDaySchema, calendarYearQuerySchema, calendarYearSchema } from "@/lib/calendar-admin/schemas";
import { requireActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { InputError } from "./errors";
import { refreshActiveProjections } from "./internal/applications";
import { loadWorkingCalendar } from "./internal/calendar";

const ADMIN_ONLY = ["admin"] as const;

export type CalendarYearView = {
  year: number;
  published: boolean;
  source: string | null;
  days: { date: string; kind: "holiday" | "make_up_workday"; name: string }[];
  /** For an unpublished year: the statutory holidays that apply anyway. */
  statutory: { date: string; name: string }[];
};

export async function getCalendarYear(rawYear: unknown): Promise<CalendarYearView> {
  await requireActor({ roles: ADMIN_ONLY });
  const parsed = calendarYearQuerySchema.safeParse(rawYear ?? Number(todayInChina().slice(0, 4)));
  const year = parsed.success ? parsed.data : Number(todayInChina().slice(0, 4));
  const meta = db().select().from(calendarYears).where(eq(calendarYears.year, year)).get();
  const days = db()
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(asc(calendarDays.date))
    .all();
  return {
    year,
    published: Boolean(meta),
    source: meta?.source ?? null,
    days,
    statutory: meta ? [] : statutoryHolidays(year).map(({ date, name }) => ({ date, name })),
  };
}

/**
 * Every calendar change recounts the deadlines of all running applications in the same
 * transaction, so the ledger never shows a deadline from the old calendar.
 */
function afterCalendarChange(tx: Db, actor: Actor, entry: { action: AuditAction; entityId: string; before: unknown; after: unknown }): number {
  const recounted = refreshActiveProjections(tx, loadWorkingCalendar(tx));
  recordAudit(tx, actor, { ...entry, entity: "calendar", detail: `重新计算了 ${recounted} 件在办申请的期限` });
  return recounted;
}

export async function setCalendarDay(raw: unknown): Promise<{ recounted: number }> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const input = calendarDaySchema.parse(raw);
  return writeTransaction((tx) => {
    const before = tx.select().from(calendarDays).where(eq(calendarDays.date, input.date)).get() ?? null;
    tx.insert(calendarDays).values(input).onConflictDoUpdate({ target: calendarDays.date, set: { kind: input.kind, name: input.name } }).run();
    return { recounted: afterCalendarChange(tx, actor, { action: "calendar.set_day", entityId: input.date, before, after: input }) };
  });
}

export async function removeCalendarDay(raw: unknown): Promise<{ recounted: number }> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const { date } = calendarDateSchema.parse(raw);
  return writeTransaction((tx) => {
    const before = tx.select().from(calendarDays).where(eq(calendarDays.date, date)).get();
    if (!before) throw new InputError({ date: "这一天没有特别安排" });
    tx.delete(calendarDays).where(eq(calendarDays.date, date)).run();
    return { recounted: afterCalendarChange(tx, actor, { action: "calendar.remove_day", entityId: date, before, after: null }) };
  });
}

/** Marks a year's official schedule as entered (deadlines in it stop being 暂定), or takes that back. */
export async function setCalendarYearPublished(raw: unknown): Promise<{ recounted: number }> {
  const actor = await requireActor({ roles: ADMIN_ONLY });
  const input = calendarYearSchema.parse(raw);
  return writeTransaction((tx) => {
    const before = tx.select().from(calendarYears).where(eq(calendarYears.year, input.year)).get() ?? null;
    if (input.published) {
      tx.insert(calendarYears)
        .values({ year: input.year, source: input.source })
        .onConflictDoUpdate({ target: calendarYears.year, set: { source: input.source } })
        .run();
    } else {
      tx.delete(calendarYears).where(eq(calendarYears.year, input.year)).run();
    }
    return {
      recounted: afterCalendarChange(tx, actor, {
        action: "calendar.set_year",
        entityId: String(input.year),
        before,
        after: input.published ? { year: input.year, source: input.source } : null,
      }),
    };
  });
}
