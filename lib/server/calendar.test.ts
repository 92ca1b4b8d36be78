import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { applications } from "@/db/schema";
import { officialCalendarData } from "@/lib/calendar";
import { getCalendarYear, removeCalendarDay, setCalendarDay, setCalendarYearPublished } from "./calendar";
import { loadWorkingCalendar } from "./internal/calendar";
import { registerApplication } from "./ledger";
import { asSession, signedInUser } from "./testing/callers";

describe("the calendar in the database", () => {
  it("is seeded with exactly the official schedules 2019–2026", () => {
    const official = officialCalendarData();
    const stored = loadWorkingCalendar(db());
    expect([...stored.publishedYears]).toEqual(official.publishedYears);
    for (const day of official.holidays) expect(stored.isWorkingDay(day.date), day.date).toBe(false);
    for (const day of official.makeUpWorkdays) expect(stored.isWorkingDay(day.date), day.date).toBe(true);
    expect(stored.isWorkingDay("2023-10-07")).toBe(true);
  });

  it("is changed by the admin only, and a change moves open deadlines at once", async () => {
    const admin = await signedInUser("admin");
    const clerk = await signedInUser("clerk", { agencyCode: "calendar-agency" });
    const { id } = await asSession(clerk.sessionId, () =>
      registerApplication({
        channel: "in_person",
        arrivedOn: "2026-09-15",
        applicantType: "natural_person",
        applicantName: "测试",
        description: "某文件",
        formWanted: "paper",
      }),
    );
    const due = () => db().select().from(applications).where(eq(applications.id, id)).get()?.replyDueOn;
    expect(due()).toBe("2026-10-19");

    await expect(asSession(clerk.sessionId, () => setCalendarDay({ date: "2026-10-16", kind: "holiday", name: "测试假日" }))).rejects.toMatchObject({ reason: "forbidden" });
    const result = await asSession(admin.sessionId, () => setCalendarDay({ date: "2026-10-16", kind: "holiday", name: "测试假日" }));
    expect(result.recounted).toBeGreaterThanOrEqual(1);
    expect(due()).toBe("2026-10-20");
    await asSession(admin.sessionId, () => removeCalendarDay({ date: "2026-10-16" }));
    expect(due()).toBe("2026-10-19");
  });

  it("refuses a make-up workday on a weekday, in Chinese", async () => {
    const admin = await signedInUser("admin");
    await expect(asSession(admin.sessionId, () => setCalendarDay({ date: "2027-02-03", kind: "make_up_workday", name: "春节" }))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["date"], message: "调休上班日只能是周六或周日" })],
    });
  });

  it("marks a year published, which ends the provisional marking", async () => {
    const admin = await signedInUser("admin");
    expect((await asSession(admin.sessionId, () => getCalendarYear(2027))).published).toBe(false);
    expect(loadWorkingCalendar(db()).addWorkingDays("2026-12-20", 20).provisional).toBe(true);
    await asSession(admin.sessionId, () => setCalendarYearPublished({ year: "2027", published: "true", source: "国务院办公厅关于2027年部分节假日安排的通知" }));
    expect(loadWorkingCalendar(db()).addWorkingDays("2026-12-20", 20).provisional).toBe(false);
    await asSession(admin.sessionId, () => setCalendarYearPublished({ year: "2027", published: "false" }));
  });
});
